//! Jira's "Export CSV (all fields)", read into a [`BoardImport`].
//!
//! Facts of the format used here: one header row; a field with several values repeats its
//! column (`Labels`, `Sprint`, `Watchers`, `Attachment`, `Comment` …), one value each; custom
//! fields are named `Custom field (NAME)` (`Custom field (Story Points)` or `… (Story point
//! estimate)`, `Custom field (Epic Link)`), newer sites link an issue to its epic or parent
//! through `Parent` (the parent's id or key); dates follow the exporter's settings (see
//! [`dates`]); `Σ` columns and `Original Estimate` hold seconds. Status and issue type are words
//! of the site; `Status Category` (To Do, In Progress, Done), where present, says what a status
//! means. Tempo's worklog export (Issue Key, Hours, Work date) is recognised and refused.
//!
//! Statuses become columns (to do, then in progress, then done), issues work items, sprints the
//! project's sprints (Scrum when there are any, else Kanban), the epic link or parent the item's
//! parent, labels tags, the assignee a person, and Created / Resolved the flow history.

pub mod csv;
pub mod dates;

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};

use crate::interchange::board::{category_of, clip, count, BoardImport, ImportItem, ImportSprint, ImportStatus};
use crate::work::items::{ItemType, Priority};
use crate::work::projects::Methodology;
use crate::work::statuses::StatusCategory;
use crate::{CoreError, Result};

pub const FORMAT: &str = "Jira CSV";

const HOW_TO_EXPORT: &str = "In Jira, search for the issues, then Export → Export CSV (all fields).";

fn refuse(message: String) -> CoreError {
    CoreError::InvalidInput(format!("{message} Nothing was imported."))
}

/// The header: each column name (trimmed, compared without case) and where it appears.
struct Header {
    columns: HashMap<String, Vec<usize>>,
    names: Vec<String>,
}

impl Header {
    fn new(row: &[String]) -> Header {
        let mut columns: HashMap<String, Vec<usize>> = HashMap::new();
        let names: Vec<String> = row.iter().map(|n| n.trim().to_string()).collect();
        for (i, name) in names.iter().enumerate() {
            columns.entry(name.to_lowercase()).or_default().push(i);
        }
        Header { columns, names }
    }

    fn has(&self, name: &str) -> bool {
        self.columns.contains_key(&name.to_lowercase())
    }

    /// The first non-empty value of the first of `names` the file has.
    fn one<'a>(&self, row: &'a [String], names: &[&str]) -> &'a str {
        for name in names {
            if let Some(at) = self.columns.get(&name.to_lowercase()) {
                if let Some(v) = at
                    .iter()
                    .filter_map(|&i| row.get(i))
                    .map(|v| v.trim())
                    .find(|v| !v.is_empty())
                {
                    return v;
                }
            }
        }
        ""
    }

    /// Every non-empty value of a repeated column, in column order.
    fn all<'a>(&self, row: &'a [String], name: &str) -> Vec<&'a str> {
        self.columns
            .get(&name.to_lowercase())
            .map(|at| {
                at.iter()
                    .filter_map(|&i| row.get(i))
                    .map(|v| v.trim())
                    .filter(|v| !v.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The columns this importer reads; every other column with values is reported as not kept.
const READ: &[&str] = &[
    "summary",
    "issue key",
    "issue id",
    "issue type",
    "status",
    "status category",
    "priority",
    "assignee",
    "created",
    "updated",
    "resolved",
    "due date",
    "description",
    "labels",
    "sprint",
    "custom field (story points)",
    "custom field (story point estimate)",
    "custom field (epic link)",
    "parent",
    "parent id",
    "parent key",
    "parent summary",
    "project name",
    "project key",
    "original estimate",
];

fn priority(text: &str) -> Priority {
    match text.trim().to_lowercase().as_str() {
        "highest" | "blocker" | "critical" | "urgent" => Priority::Highest,
        "high" | "major" => Priority::High,
        "low" | "minor" => Priority::Low,
        "lowest" | "trivial" => Priority::Lowest,
        _ => Priority::Medium,
    }
}

/// The item type of a Jira issue type, or `None` for a type Bridgeplan has no word for.
fn item_type(text: &str) -> Option<ItemType> {
    match text.trim().to_lowercase().as_str() {
        "bug" | "defect" => Some(ItemType::Bug),
        "story" | "user story" => Some(ItemType::Story),
        "epic" => Some(ItemType::Epic),
        "milestone" => Some(ItemType::Milestone),
        "task" | "sub-task" | "subtask" | "" => Some(ItemType::Task),
        _ => None,
    }
}

/// When an issue was created, and resolved if it is done.
type Dated = (DateTime<Utc>, Option<DateTime<Utc>>);

struct Row<'a> {
    number: usize,
    key: &'a str,
    id: &'a str,
    cells: &'a [String],
}

/// Reads a Jira CSV export. `fallback_name` names the project when the file does not.
pub fn read(text: &str, fallback_name: &str) -> Result<BoardImport> {
    let rows = csv::parse(text).map_err(|e| refuse(format!("This CSV file cannot be read: {e}.")))?;
    let Some((head, body)) = rows.split_first() else {
        return Err(refuse(format!("The file is empty. {HOW_TO_EXPORT}")));
    };
    let header = Header::new(head);
    if header.has("hours") && (header.has("work date") || header.has("work_date")) {
        return Err(refuse(format!(
            "This is a Tempo worklog export (one row per worklog), not a list of Jira issues. {HOW_TO_EXPORT}"
        )));
    }
    for needed in ["Summary", "Status"] {
        if !header.has(needed) {
            let shown: Vec<&str> = header.names.iter().take(8).map(String::as_str).collect();
            return Err(refuse(format!(
                "This CSV has no \"{needed}\" column, so it is not a Jira issue export (its columns: {}{}). {HOW_TO_EXPORT}",
                shown.join(", "),
                if header.names.len() > 8 { ", …" } else { "" }
            )));
        }
    }
    let body: Vec<&Vec<String>> = body.iter().filter(|r| r.iter().any(|c| !c.trim().is_empty())).collect();
    if body.is_empty() {
        return Err(refuse("The file has a header row but no issues.".into()));
    }
    let now = crate::clock::now();
    let rows: Vec<Row> = body
        .iter()
        .enumerate()
        .map(|(i, cells)| Row {
            number: i + 2,
            key: header.one(cells, &["Issue key"]),
            id: header.one(cells, &["Issue id"]),
            cells,
        })
        .collect();
    let name_of = |row: &Row| {
        if row.key.is_empty() {
            format!("row {}", row.number)
        } else {
            format!("{} (row {})", row.key, row.number)
        }
    };
    let when = |row: &Row, column: &str| -> Result<Option<DateTime<Utc>>> {
        let value = header.one(row.cells, &[column]);
        if value.is_empty() {
            return Ok(None);
        }
        dates::instant(value).map(Some).ok_or_else(|| {
            refuse(format!(
                "Issue {}: the {column} date \"{value}\" is not in a form Bridgeplan reads (such as 28/Nov/25 5:03 PM or 2025-11-28 17:03).",
                name_of(row)
            ))
        })
    };

    // Project: the file's own name for it.
    let mut projects: Vec<&str> = rows
        .iter()
        .map(|r| header.one(r.cells, &["Project name"]))
        .filter(|p| !p.is_empty())
        .collect();
    let project = clip(projects.first().copied().unwrap_or(fallback_name), 120);
    let project = if project.is_empty() {
        "Jira import".to_string()
    } else {
        project
    };
    projects.sort_unstable();
    projects.dedup();
    let mut not_kept = Vec::new();
    if projects.len() > 1 {
        not_kept.push(format!(
            "The split into {} Jira projects: all their issues are in this one project.",
            projects.len()
        ));
    }

    // Statuses → columns: to do first, then in progress, then done, each in order of appearance.
    let mut seen: Vec<(String, StatusCategory)> = Vec::new();
    for row in &rows {
        let name = clip(header.one(row.cells, &["Status"]), 56);
        let name = if name.is_empty() { "No status".to_string() } else { name };
        if seen.iter().any(|(s, _)| s.eq_ignore_ascii_case(&name)) {
            continue;
        }
        let category = match header.one(row.cells, &["Status Category"]).to_lowercase().as_str() {
            "done" | "complete" => StatusCategory::Done,
            "in progress" | "indeterminate" => StatusCategory::InProgress,
            "to do" | "new" | "todo" => StatusCategory::Todo,
            _ if !header.one(row.cells, &["Resolved"]).is_empty() => StatusCategory::Done,
            _ => category_of(&name),
        };
        seen.push((name, category));
    }
    let rank = |c: StatusCategory| match c {
        StatusCategory::Todo => 0,
        StatusCategory::InProgress => 1,
        StatusCategory::Done => 2,
    };
    seen.sort_by_key(|(_, c)| rank(*c));
    let statuses: Vec<ImportStatus> = seen
        .iter()
        .map(|(name, category)| ImportStatus {
            name: name.clone(),
            category: *category,
        })
        .collect();
    let status_of = |name: &str| {
        let name = clip(name, 56);
        let name = if name.is_empty() { "No status".to_string() } else { name };
        statuses
            .iter()
            .position(|s| s.name.eq_ignore_ascii_case(&name))
            .unwrap_or(0)
    };
    let first_todo = statuses.iter().position(|s| s.category == StatusCategory::Todo);

    // People, sprints, parents.
    let mut people: Vec<String> = Vec::new();
    let mut sprint_names: Vec<String> = Vec::new();
    // Per sprint: when each issue in it was created, and resolved if it is done.
    let mut sprint_dates: Vec<Vec<Dated>> = Vec::new();
    let mut earlier_sprints = 0;
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        if !row.key.is_empty() {
            by_key.insert(row.key.to_lowercase(), i);
        }
        if !row.id.is_empty() {
            by_key.entry(row.id.to_lowercase()).or_insert(i);
        }
    }
    let mut types_as_tasks: Vec<(String, usize)> = Vec::new();
    let mut outside_parents = 0;
    let mut bad_points = 0;
    let mut items: Vec<ImportItem> = Vec::with_capacity(rows.len());
    let mut parents: Vec<Option<usize>> = Vec::with_capacity(rows.len());
    for row in &rows {
        let cells = row.cells;
        let created = when(row, "Created")?.unwrap_or(now);
        let updated = when(row, "Updated")?.unwrap_or(created).max(created);
        let resolved = when(row, "Resolved")?.map(|r| r.max(created));
        let due_text = header.one(cells, &["Due date"]);
        let due = if due_text.is_empty() {
            None
        } else {
            Some(dates::date(due_text).ok_or_else(|| {
                refuse(format!(
                    "Issue {}: the due date \"{due_text}\" is not in a form Bridgeplan reads (such as 28/Nov/25).",
                    name_of(row)
                ))
            })?)
        };
        let type_text = header.one(cells, &["Issue Type"]);
        let kind = item_type(type_text).unwrap_or_else(|| {
            match types_as_tasks
                .iter_mut()
                .find(|(t, _)| t.eq_ignore_ascii_case(type_text))
            {
                Some((_, n)) => *n += 1,
                None => types_as_tasks.push((type_text.to_string(), 1)),
            }
            ItemType::Task
        });
        let assignee = clip(header.one(cells, &["Assignee"]), 120);
        let assignee =
            (!assignee.is_empty()).then(|| match people.iter().position(|p| p.eq_ignore_ascii_case(&assignee)) {
                Some(at) => at,
                None => {
                    people.push(assignee);
                    people.len() - 1
                }
            });
        let sprints = header.all(cells, "Sprint");
        if sprints.len() > 1 {
            earlier_sprints += 1;
        }
        // Every sprint named becomes a sprint of the project; the item is in its latest one.
        let mut sprint = None;
        let mut mentioned = Vec::new();
        for s in &sprints {
            let s = clip(s, 80);
            sprint = Some(match sprint_names.iter().position(|n| n.eq_ignore_ascii_case(&s)) {
                Some(at) => at,
                None => {
                    sprint_names.push(s);
                    sprint_dates.push(Vec::new());
                    sprint_names.len() - 1
                }
            });
            mentioned.extend(sprint);
        }
        let points_text = header.one(
            cells,
            &["Custom field (Story Points)", "Custom field (Story point estimate)"],
        );
        let story_points = match points_text.parse::<f64>() {
            Ok(p) if p.is_finite() && p >= 0.0 => Some(p),
            _ if points_text.is_empty() => None,
            _ => {
                bad_points += 1;
                None
            }
        };
        let estimate_hours = header
            .one(cells, &["Original Estimate", "Σ Original Estimate"])
            .parse::<f64>()
            .ok()
            .filter(|s| s.is_finite() && *s >= 0.0)
            .map(|s| (s / 36.0).round() / 100.0);
        let parent_ref = header.one(
            cells,
            &["Custom field (Epic Link)", "Parent", "Parent key", "Parent id"],
        );
        let parent = if parent_ref.is_empty() {
            None
        } else {
            let found = by_key.get(&parent_ref.to_lowercase()).copied();
            if found.is_none() {
                outside_parents += 1;
            }
            found
        };
        parents.push(parent);
        let mut tags: Vec<String> = Vec::new();
        for label in header.all(cells, "Labels") {
            let label = clip(label, 40);
            if !tags.iter().any(|t| t.eq_ignore_ascii_case(&label)) {
                tags.push(label);
            }
        }
        let status = status_of(header.one(cells, &["Status"]));
        let category = statuses[status].category;
        // Flow history: created in the first to-do column; the current column entered when the
        // issue was resolved (done) or last updated (in progress). The export has no moves
        // between.
        let mut history = Vec::new();
        match (category, first_todo) {
            (StatusCategory::Todo, _) | (_, None) => history.push((status, created)),
            (StatusCategory::InProgress, Some(todo)) => {
                history.push((todo, created));
                history.push((status, updated));
            }
            (StatusCategory::Done, Some(todo)) => {
                history.push((todo, created));
                history.push((status, resolved.unwrap_or(updated)));
            }
        }
        let finished = (category == StatusCategory::Done).then(|| resolved.unwrap_or(updated));
        for &s in &mentioned {
            sprint_dates[s].push((created, finished));
        }
        let mut description = header.one(cells, &["Description"]).trim_end().to_string();
        if !row.key.is_empty() {
            if !description.is_empty() {
                description.push_str("\n\n");
            }
            description.push_str(&format!("Jira: {}", row.key));
        }
        let title = clip(header.one(cells, &["Summary"]), 300);
        items.push(ImportItem {
            title: if title.is_empty() {
                "Untitled issue".into()
            } else {
                title
            },
            description: description.chars().take(20_000).collect(),
            item_type: kind,
            priority: priority(header.one(cells, &["Priority"])),
            story_points,
            estimate_hours,
            tags,
            due,
            assignee,
            status,
            sprint,
            parent: None,
            created,
            updated,
            history,
        });
    }

    // Parents before their children: order by depth (an epic, its stories, their sub-tasks).
    let depth = |mut i: usize| {
        let mut d = 0;
        while let Some(p) = parents[i] {
            d += 1;
            if d > rows.len() {
                return usize::MAX; // a loop of parents: kept at the top level
            }
            i = p;
        }
        d
    };
    let depths: Vec<usize> = (0..rows.len()).map(depth).collect();
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| if depths[i] == usize::MAX { 0 } else { depths[i] });
    let mut new_index = vec![0; rows.len()];
    for (at, &old) in order.iter().enumerate() {
        new_index[old] = at;
    }
    let mut sorted: Vec<ImportItem> = Vec::with_capacity(rows.len());
    for &old in &order {
        let mut item = items[old].clone();
        item.parent = parents[old].filter(|_| depths[old] != usize::MAX).map(|p| new_index[p]);
        sorted.push(item);
    }
    let items = sorted;

    // Sprints: the export names them without dates. Each lasts two weeks, ending at the last
    // resolution among its issues, or starting at the first creation when none is resolved.
    let sprints: Vec<ImportSprint> = sprint_names
        .iter()
        .zip(&sprint_dates)
        .map(|(name, issues)| {
            let (start, finish) = match issues.iter().filter_map(|i| i.1).max() {
                Some(finish) => {
                    let finish = finish.date_naive();
                    (finish - Duration::days(13), finish)
                }
                None => {
                    let start = issues
                        .iter()
                        .map(|i| i.0.date_naive())
                        .min()
                        .unwrap_or(now.date_naive());
                    (start, start + Duration::days(13))
                }
            };
            ImportSprint {
                name: name.clone(),
                start,
                finish,
            }
        })
        .collect();

    let mut note = |n: usize, what: String| {
        if n > 0 {
            not_kept.push(what);
        }
    };
    note(
        sprints.len(),
        "Sprint dates (the export names sprints only): each sprint lasts two weeks, ending on the last resolution among its issues.".into(),
    );
    note(
        earlier_sprints,
        format!(
            "Earlier sprints of {} (an item is in its latest sprint only).",
            count(earlier_sprints, "issue", "issues")
        ),
    );
    note(
        outside_parents,
        format!(
            "{} to an epic or parent that is not in this export.",
            count(outside_parents, "link", "links")
        ),
    );
    note(
        bad_points,
        format!(
            "{} that are not numbers.",
            count(bad_points, "story-point value", "story-point values")
        ),
    );
    if !types_as_tasks.is_empty() {
        let list: Vec<String> = types_as_tasks.iter().map(|(t, n)| format!("{t} ({n})")).collect();
        not_kept.push(format!(
            "Issue types Bridgeplan does not have, kept as tasks: {}.",
            list.join(", ")
        ));
    }
    // Every other column that holds values, by name with its count.
    let mut others: Vec<(String, usize)> = Vec::new();
    for (i, name) in header.names.iter().enumerate() {
        if READ.contains(&name.to_lowercase().as_str()) || name.is_empty() {
            continue;
        }
        let n = rows
            .iter()
            .filter(|r| r.cells.get(i).is_some_and(|c| !c.trim().is_empty()))
            .count();
        if n == 0 {
            continue;
        }
        match others.iter_mut().find(|(o, _)| o.eq_ignore_ascii_case(name)) {
            Some((_, m)) => *m += n,
            None => others.push((name.clone(), n)),
        }
    }
    for special in ["Attachment", "Comment", "Watchers", "Votes"] {
        if let Some(at) = others.iter().position(|(o, _)| o.eq_ignore_ascii_case(special)) {
            let (_, n) = others.remove(at);
            not_kept.push(match special {
                "Attachment" => format!("{} (files are not brought in).", count(n, "attachment", "attachments")),
                "Comment" => format!("{}.", count(n, "comment", "comments")),
                "Watchers" => format!("{}.", count(n, "watcher entry", "watcher entries")),
                _ => format!("Votes on {}.", count(n, "issue", "issues")),
            });
        }
    }
    let (custom, plain): (Vec<_>, Vec<_>) = others.into_iter().partition(|(o, _)| o.starts_with("Custom field ("));
    if !custom.is_empty() {
        let list: Vec<String> = custom
            .iter()
            .map(|(o, n)| format!("{} ({n})", o.trim_start_matches("Custom field (").trim_end_matches(')')))
            .collect();
        not_kept.push(format!(
            "{}: {}.",
            count(custom.len(), "custom field", "custom fields"),
            list.join(", ")
        ));
    }
    if !plain.is_empty() {
        let list: Vec<String> = plain.iter().map(|(o, n)| format!("{o} ({n})")).collect();
        not_kept.push(format!("Other columns: {}.", list.join(", ")));
    }
    let parented = items.iter().filter(|i| i.parent.is_some()).count();
    let methodology = if sprints.is_empty() {
        Methodology::Kanban
    } else {
        Methodology::Scrum
    };
    Ok(BoardImport {
        format: FORMAT.into(),
        project,
        methodology,
        description: "Imported from a Jira CSV export.".into(),
        statuses,
        people,
        sprints,
        items,
        not_kept,
        skipped: Vec::new(),
        extra: vec![("items under an epic or parent".into(), parented)],
    })
}
