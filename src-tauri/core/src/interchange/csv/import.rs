//! A CSV file of work items or risks brought into an existing project: inspected (columns,
//! first rows, the mapping to preselect), previewed (what will be created, each bad row named)
//! and applied in one undoable edit. A row with a problem is never imported half: the user
//! either fixes the file or chooses to skip those rows, which are then counted in `skipped`.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use super::mapping::{self, CsvField, CsvKind};
use super::table::{Record, Table};
use crate::interchange::preview::ImportPreview;
use crate::raid::RiskCategory;
use crate::work::items::{self, ItemType, Priority, WorkItemInput};
use crate::work::statuses::{Status, StatusCategory};
use crate::workspace::history::EditContext;
use crate::workspace::ids;
use crate::{people, validate, CoreError, Id, Result, Workspace};

/// How many rows the mapping step shows, and how many problems a preview lists by name.
const SAMPLE_ROWS: usize = 5;
const LISTED_PROBLEMS: usize = 100;

/// A file read for the mapping step.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CsvSheet {
    pub kind: CsvKind,
    /// "," ";" or "\t", as detected.
    pub delimiter: String,
    pub headers: Vec<String>,
    /// The first rows, as read.
    pub sample: Vec<Vec<String>>,
    pub row_count: usize,
    /// Per column the field key it fills, or null: remembered for this header, else guessed.
    pub mapping: Vec<Option<String>>,
    /// True when `mapping` is the one used last time for a file of this shape.
    pub remembered: bool,
    pub fields: Vec<CsvField>,
}

/// What an import will do (or did): the common preview, and every row that cannot be imported.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CsvImportPreview {
    pub preview: ImportPreview,
    /// "Row 14: impact 7 is outside 1–5." — the first hundred, then a count of the rest.
    pub problems: Vec<String>,
    /// Rows with at least one problem.
    pub problem_rows: usize,
    /// Rows that will be imported.
    pub good_rows: usize,
}

struct ItemRow {
    status_id: Option<Id>,
    input: WorkItemInput,
}

struct RiskRow {
    title: String,
    cause: String,
    event: String,
    effect: String,
    category: RiskCategory,
    probability: i64,
    impact: i64,
    owner: Option<String>,
    response: &'static str,
    response_plan: String,
    trigger: String,
    review_date: Option<String>,
    status: &'static str,
}

enum Rows {
    Items(Vec<ItemRow>),
    Risks(Vec<RiskRow>),
}

struct Planned {
    preview: CsvImportPreview,
    rows: Rows,
}

impl Workspace {
    /// Reads a file for the mapping step: its columns, first rows and the mapping to preselect.
    pub fn csv_inspect(&self, kind: CsvKind, table: &Table) -> Result<CsvSheet> {
        let remembered = self.csv_remembered_mapping(kind, &table.headers)?;
        Ok(CsvSheet {
            kind,
            delimiter: table.delimiter.to_string(),
            headers: table.headers.clone(),
            sample: table.rows.iter().take(SAMPLE_ROWS).map(|r| r.cells.clone()).collect(),
            row_count: table.rows.len(),
            remembered: remembered.is_some(),
            mapping: remembered.unwrap_or_else(|| mapping::guess(kind, &table.headers)),
            fields: mapping::fields(kind),
        })
    }

    /// What importing `table` into the project with this mapping would create, without writing.
    pub fn csv_import_preview(
        &self,
        project_id: Id,
        kind: CsvKind,
        table: &Table,
        mapping: &[Option<String>],
    ) -> Result<CsvImportPreview> {
        Ok(self.plan_csv(project_id, kind, table, mapping)?.preview)
    }

    /// Imports the rows in one undoable edit and remembers the mapping for this file shape.
    /// With problems, refuses (nothing written) unless `skip_bad_rows`, which leaves those rows out.
    pub fn csv_import(
        &mut self,
        project_id: Id,
        kind: CsvKind,
        table: &Table,
        mapping: &[Option<String>],
        skip_bad_rows: bool,
    ) -> Result<CsvImportPreview> {
        let planned = self.plan_csv(project_id, kind, table, mapping)?;
        let preview = planned.preview;
        if preview.problem_rows > 0 && !skip_bad_rows {
            return Err(CoreError::InvalidInput(format!(
                "{} of the file cannot be imported ({}). Fix the file, or choose to skip those rows. Nothing was imported.",
                count(preview.problem_rows, "row", "rows"),
                preview.problems.first().map(String::as_str).unwrap_or("")
            )));
        }
        if preview.good_rows == 0 {
            return Err(CoreError::InvalidInput(
                "No row of the file can be imported, so nothing was imported.".into(),
            ));
        }
        let project = self.project(project_id)?;
        let headers = table.headers.clone();
        self.edit(|ctx| {
            match &planned.rows {
                Rows::Items(rows) => insert_items(ctx, project_id, rows)?,
                Rows::Risks(rows) => {
                    let now = validate::now_utc();
                    for r in rows {
                        let owner = r.owner.as_deref().map(|o| people::person_id_by_name(ctx, o)).transpose()?;
                        let id = ids::new_id(ctx.tx, "risks")?;
                        let seq = ids::next_seq(ctx.tx, "risks")?;
                        ctx.tx.prepare_cached(
                            "INSERT INTO risks(id, project_id, title, cause, event, effect, category, probability, impact, owner_id, \
                             response, response_plan, trigger_condition, review_date, status, created_at, updated_at, seq) \
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16, ?17)",
                        )?
                        .execute(rusqlite::params![
                            id,
                            project_id,
                            r.title,
                            r.cause,
                            r.event,
                            r.effect,
                            r.category.as_str(),
                            r.probability,
                            r.impact,
                            owner,
                            r.response,
                            r.response_plan,
                            r.trigger,
                            r.review_date,
                            r.status,
                            now,
                            seq
                        ])?;
                        ctx.inserted("risks", id);
                    }
                }
            }
            mapping::remember(ctx, kind, &headers, mapping)?;
            ctx.set_label(format!(
                "Import {} from CSV into {}",
                count(preview.good_rows, what(kind, 1), what(kind, 2)),
                project.name
            ));
            ctx.set_project(project_id);
            Ok(())
        })?;
        Ok(preview)
    }

    fn plan_csv(&self, project_id: Id, kind: CsvKind, table: &Table, mapping: &[Option<String>]) -> Result<Planned> {
        mapping::check(kind, &table.headers, mapping)?;
        let project = self.project(project_id)?;
        let col = |key: &str| mapping.iter().position(|k| k.as_deref() == Some(key));
        let mut problems: Vec<String> = Vec::new();
        let mut problem_rows = 0;
        let mut preview = ImportPreview::new(
            if kind == CsvKind::Risks {
                "CSV (risks)"
            } else {
                "CSV (work items)"
            },
            &project.name,
        );
        let mut new_people: Vec<String> = Vec::new();
        let known_people: Vec<String> = self.people()?.into_iter().map(|p| p.name.to_lowercase()).collect();
        let mut note_person = |name: &str| {
            let lower = name.trim().to_lowercase();
            if !lower.is_empty()
                && !known_people.contains(&lower)
                && !new_people.iter().any(|n| n.to_lowercase() == lower)
            {
                new_people.push(name.trim().to_string());
            }
        };
        let statuses = self.statuses(project_id)?;
        let rows = match kind {
            CsvKind::WorkItems => {
                let mut out = Vec::with_capacity(table.rows.len());
                for record in &table.rows {
                    let mut errs = Vec::new();
                    ragged(table, record, &mut errs);
                    let row = item_row(record, &col, &statuses, &mut errs);
                    if errs.is_empty() {
                        if let Some(a) = &row.input.assignee {
                            note_person(a);
                        }
                        out.push(row);
                    } else {
                        problem_rows += 1;
                        problems.extend(errs.into_iter().map(|e| format!("Row {}: {e}", record.row)));
                    }
                }
                preview.creates("work items", out.len());
                Rows::Items(out)
            }
            CsvKind::Risks => {
                let mut out = Vec::with_capacity(table.rows.len());
                let mut other_categories: Vec<String> = Vec::new();
                for record in &table.rows {
                    let mut errs = Vec::new();
                    ragged(table, record, &mut errs);
                    let row = risk_row(record, &col, &mut errs);
                    if errs.is_empty() {
                        if let Some(o) = &row.owner {
                            note_person(o);
                        }
                        if let Some(c) = col("category") {
                            let text = record.get(c);
                            if row.category == RiskCategory::Other
                                && !text.is_empty()
                                && !text.eq_ignore_ascii_case("other")
                                && !other_categories.iter().any(|o| o.eq_ignore_ascii_case(text))
                            {
                                other_categories.push(text.to_string());
                            }
                        }
                        out.push(row);
                    } else {
                        problem_rows += 1;
                        problems.extend(errs.into_iter().map(|e| format!("Row {}: {e}", record.row)));
                    }
                }
                if !other_categories.is_empty() {
                    preview.not_kept.push(format!(
                        "Categories Bridgeplan does not have are filed as Other: {}.",
                        other_categories.join(", ")
                    ));
                }
                preview.creates("risks", out.len());
                Rows::Risks(out)
            }
        };
        preview.creates("people", new_people.len());
        let good_rows = match &rows {
            Rows::Items(r) => r.len(),
            Rows::Risks(r) => r.len(),
        };
        for (i, key) in mapping.iter().enumerate() {
            if key.is_some() {
                continue;
            }
            let filled = table.rows.iter().filter(|r| !r.get(i).is_empty()).count();
            if filled > 0 {
                let name = if table.headers[i].is_empty() {
                    format!("column {}", i + 1)
                } else {
                    format!("\"{}\"", table.headers[i])
                };
                preview.not_kept.push(format!(
                    "The {name} column is mapped to nothing: its {} are not imported.",
                    count(filled, "value", "values")
                ));
            }
        }
        if problem_rows > 0 {
            preview.skipped.push(format!(
                "{} with problems (listed below) left out if you choose to skip them.",
                count(problem_rows, "row", "rows")
            ));
        }
        let total = problems.len();
        if total > LISTED_PROBLEMS {
            problems.truncate(LISTED_PROBLEMS);
            problems.push(format!(
                "… and {} more.",
                count(total - LISTED_PROBLEMS, "problem", "problems")
            ));
        }
        Ok(Planned {
            preview: CsvImportPreview {
                preview,
                problems,
                problem_rows,
                good_rows,
            },
            rows,
        })
    }
}

/// Inserts the rows at the bottom of their columns and of the outline, in file order. Ranks and
/// outline positions are counted on from one query each, not one per row (10,000 rows).
fn insert_items(ctx: &mut EditContext, project_id: Id, rows: &[ItemRow]) -> Result<()> {
    crate::search::pause_items(ctx.tx)?;
    let first: Id = ctx
        .tx
        .query_row(
            "SELECT id FROM statuses WHERE project_id = ?1 ORDER BY position LIMIT 1",
            [project_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| CoreError::InvalidInput("This project's board has no columns.".into()))?;
    let mut ranks: HashMap<Id, f64> = HashMap::new();
    let mut outline: f64 = ctx.tx.query_row(
        "SELECT coalesce(max(outline_position), 0) FROM work_items WHERE project_id = ?1 AND parent_id IS NULL",
        [project_id],
        |r| r.get(0),
    )?;
    let mut people_ids: HashMap<String, Id> = HashMap::new();
    let first_seq = ids::next_seq(ctx.tx, "status_changes")?;
    let now = validate::now_utc();
    for (seq, row) in (first_seq..).zip(rows) {
        // The same checks as an item typed in; the preview has already named any that fail.
        items::check(&row.input)?;
        let input = &row.input;
        let status = row.status_id.unwrap_or(first);
        let rank = match ranks.get_mut(&status) {
            Some(r) => r,
            None => {
                let start: f64 = ctx.tx.query_row(
                    "SELECT coalesce(max(rank), 0) FROM work_items WHERE status_id = ?1",
                    [status],
                    |r| r.get(0),
                )?;
                ranks.entry(status).or_insert(start)
            }
        };
        *rank += 1.0;
        let rank = *rank;
        outline += 1.0;
        let assignee = match input.assignee.as_deref() {
            Some(name) => match people_ids.get(name) {
                Some(id) => Some(*id),
                None => {
                    let id = people::person_id_by_name(ctx, name)?;
                    people_ids.insert(name.to_string(), id);
                    Some(id)
                }
            },
            None => None,
        };
        let mut tags: Vec<&str> = Vec::new();
        for t in &input.tags {
            if !tags.iter().any(|x| x.eq_ignore_ascii_case(t)) {
                tags.push(t);
            }
        }
        let id = ids::new_id(ctx.tx, "work_items")?;
        ctx.tx
            .prepare_cached(
                "INSERT INTO work_items(project_id, status_id, rank, item_type, title, description, \
                 assignee_id, estimate_hours, story_points, priority, tags, due_date, created_at, \
                 updated_at, outline_position, id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14, ?15)",
            )?
            .execute(rusqlite::params![
                project_id,
                status,
                rank,
                input.item_type.unwrap_or(ItemType::Task).as_str(),
                input.title.trim(),
                input.description.trim_end(),
                assignee,
                input.estimate_hours,
                input.story_points,
                input.priority.unwrap_or(Priority::Medium).as_str(),
                serde_json::to_string(&tags).unwrap_or_else(|_| "[]".into()),
                input.due_date,
                now,
                outline,
                id
            ])?;
        ctx.inserted("work_items", id);
        let change = ids::new_id(ctx.tx, "status_changes")?;
        ctx.tx
            .prepare_cached(
                "INSERT INTO status_changes(item_id, status_id, category, at, seq, id) \
                 SELECT ?1, id, category, ?3, ?4, ?5 FROM statuses WHERE id = ?2",
            )?
            .execute(rusqlite::params![id, status, now, seq, change])?;
        ctx.inserted("status_changes", change);
    }
    crate::search::index_new_items(ctx.tx)?;
    Ok(())
}

fn what(kind: CsvKind, n: usize) -> &'static str {
    match (kind, n) {
        (CsvKind::WorkItems, 1) => "work item",
        (CsvKind::WorkItems, _) => "work items",
        (CsvKind::Risks, 1) => "risk",
        (CsvKind::Risks, _) => "risks",
    }
}

pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn ragged(table: &Table, record: &Record, errs: &mut Vec<String>) {
    let n = record.cells.len();
    let want = table.headers.len();
    if n != want {
        errs.push(format!(
            "it has {} but the header has {want}, so its values cannot be matched to the columns",
            count(n, "value", "values")
        ));
    }
}

fn text(record: &Record, col: &impl Fn(&str) -> Option<usize>, key: &str) -> String {
    col(key).map(|c| record.get(c).to_string()).unwrap_or_default()
}

fn number(label: &str, value: &str, errs: &mut Vec<String>) -> Option<f64> {
    if value.is_empty() {
        return None;
    }
    // A decimal comma (as semicolon-separated files from many locales write) is read too.
    let normalised = if value.contains('.') {
        value.to_string()
    } else {
        value.replace(',', ".")
    };
    match normalised.trim_end_matches(['h', 'H']).trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Some(v),
        Ok(_) => {
            errs.push(format!("{label} {value} is negative; give zero or more"));
            None
        }
        Err(_) => {
            errs.push(format!("{label} \"{value}\" is not a number"));
            None
        }
    }
}

fn date(label: &str, value: &str, errs: &mut Vec<String>) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    let head: String = value.chars().take(10).collect();
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(&head, format) {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    errs.push(format!(
        "{label} \"{value}\" is not a date Bridgeplan can read; write dates as YYYY-MM-DD"
    ));
    None
}

fn scale(label: &str, value: &str, errs: &mut Vec<String>) -> i64 {
    match value.parse::<i64>() {
        Ok(v) if (1..=5).contains(&v) => v,
        Ok(v) => {
            errs.push(format!("{label} {v} is outside 1–5"));
            3
        }
        Err(_) if value.is_empty() => {
            errs.push(format!("{label} is empty; give a whole number from 1 to 5"));
            3
        }
        Err(_) => match value.to_lowercase().as_str() {
            "very low" | "rare" => 1,
            "low" | "unlikely" | "minor" => 2,
            "medium" | "possible" | "moderate" => 3,
            "high" | "likely" | "major" => 4,
            "very high" | "almost certain" | "severe" => 5,
            _ => {
                errs.push(format!("{label} \"{value}\" is not a whole number from 1 to 5"));
                3
            }
        },
    }
}

fn item_row(
    record: &Record,
    col: &impl Fn(&str) -> Option<usize>,
    statuses: &[Status],
    errs: &mut Vec<String>,
) -> ItemRow {
    let title = text(record, col, "title");
    if title.is_empty() {
        errs.push("the title is empty".into());
    } else if title.chars().count() > 300 {
        errs.push(format!(
            "the title is {} characters long; keep it under 300",
            title.chars().count()
        ));
    }
    let status = text(record, col, "status");
    let status_id = if status.is_empty() {
        None
    } else {
        match find_status(statuses, &status) {
            Some(id) => Some(id),
            None => {
                let names: Vec<&str> = statuses.iter().map(|s| s.name.as_str()).collect();
                errs.push(format!(
                    "status \"{status}\" is not a column of this board ({})",
                    names.join(", ")
                ));
                None
            }
        }
    };
    let kind = text(record, col, "type");
    let item_type = if kind.is_empty() {
        None
    } else {
        let t = match kind.to_lowercase().as_str() {
            "task" | "sub-task" | "subtask" | "chore" => Some(ItemType::Task),
            "story" | "user story" | "feature" => Some(ItemType::Story),
            "bug" | "defect" => Some(ItemType::Bug),
            "epic" => Some(ItemType::Epic),
            "milestone" => Some(ItemType::Milestone),
            "deliverable" => Some(ItemType::Deliverable),
            _ => None,
        };
        if t.is_none() {
            errs.push(format!(
                "type \"{kind}\" is not one of task, story, bug, epic, milestone, deliverable"
            ));
        }
        t
    };
    let prio = text(record, col, "priority");
    let priority = if prio.is_empty() {
        None
    } else {
        let p = match prio.to_lowercase().as_str() {
            "lowest" | "trivial" | "5" => Some(Priority::Lowest),
            "low" | "minor" | "4" => Some(Priority::Low),
            "medium" | "normal" | "3" => Some(Priority::Medium),
            "high" | "major" | "2" => Some(Priority::High),
            "highest" | "critical" | "urgent" | "blocker" | "1" => Some(Priority::Highest),
            _ => None,
        };
        if p.is_none() {
            errs.push(format!(
                "priority \"{prio}\" is not one of lowest, low, medium, high, highest"
            ));
        }
        p
    };
    let tags: Vec<String> = text(record, col, "tags")
        .split([',', ';', '|'])
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    for t in &tags {
        if t.chars().count() > 40 {
            errs.push(format!("the tag \"{t}\" is longer than 40 characters"));
        }
    }
    let assignee = Some(text(record, col, "assignee")).filter(|a| !a.is_empty());
    if assignee.as_ref().is_some_and(|a| a.chars().count() > 120) {
        errs.push("the assignee's name is longer than 120 characters".into());
    }
    let input = WorkItemInput {
        item_type,
        title,
        description: text(record, col, "description"),
        assignee,
        estimate_hours: number("estimate", &text(record, col, "estimate_hours"), errs),
        story_points: number("story points", &text(record, col, "story_points"), errs),
        priority,
        tags,
        due_date: date("due date", &text(record, col, "due_date"), errs),
    };
    ItemRow { status_id, input }
}

fn find_status(statuses: &[Status], name: &str) -> Option<Id> {
    if let Some(s) = statuses.iter().find(|s| s.name.trim().eq_ignore_ascii_case(name)) {
        return Some(s.id);
    }
    let category = match name.to_lowercase().replace(['-', '_'], " ").as_str() {
        "to do" | "todo" | "open" | "new" | "backlog" | "not started" => StatusCategory::Todo,
        "in progress" | "doing" | "started" | "active" => StatusCategory::InProgress,
        "done" | "closed" | "complete" | "completed" | "resolved" | "finished" => StatusCategory::Done,
        _ => return None,
    };
    statuses.iter().find(|s| s.category == category).map(|s| s.id)
}

fn long(label: &str, value: String, errs: &mut Vec<String>) -> String {
    if value.chars().count() > 2000 {
        errs.push(format!("the {label} is longer than 2,000 characters"));
    }
    value
}

fn risk_row(record: &Record, col: &impl Fn(&str) -> Option<usize>, errs: &mut Vec<String>) -> RiskRow {
    let title = text(record, col, "title");
    if title.is_empty() {
        errs.push("the title is empty".into());
    } else if title.chars().count() > 300 {
        errs.push(format!(
            "the title is {} characters long; keep it under 300",
            title.chars().count()
        ));
    }
    let category = RiskCategory::parse(&text(record, col, "category"));
    let probability = if col("probability").is_some() {
        scale("probability", &text(record, col, "probability"), errs)
    } else {
        3
    };
    let impact = if col("impact").is_some() {
        scale("impact", &text(record, col, "impact"), errs)
    } else {
        3
    };
    let response_text = text(record, col, "response");
    let response = match response_text.to_lowercase().as_str() {
        "" => "",
        "avoid" => "avoid",
        "mitigate" | "reduce" => "mitigate",
        "transfer" | "share" => "transfer",
        "accept" => "accept",
        "escalate" => "escalate",
        _ => {
            errs.push(format!(
                "response \"{response_text}\" is not one of avoid, mitigate, transfer, accept, escalate"
            ));
            ""
        }
    };
    let status_text = text(record, col, "status");
    let status = match status_text.to_lowercase().as_str() {
        "" | "open" | "new" | "active" => "open",
        "monitoring" | "monitor" | "watch" => "monitoring",
        "occurred" | "happened" | "realised" | "realized" => "occurred",
        "closed" | "done" | "retired" => "closed",
        _ => {
            errs.push(format!(
                "status \"{status_text}\" is not one of open, monitoring, occurred, closed"
            ));
            "open"
        }
    };
    let owner = Some(text(record, col, "owner")).filter(|o| !o.is_empty());
    RiskRow {
        title,
        cause: long("cause", text(record, col, "cause"), errs),
        event: long("event", text(record, col, "event"), errs),
        effect: long("effect", text(record, col, "effect"), errs),
        category,
        probability,
        impact,
        owner,
        response,
        response_plan: long("response plan", text(record, col, "response_plan"), errs),
        trigger: long("trigger", text(record, col, "trigger"), errs),
        review_date: date("review date", &text(record, col, "review_date"), errs),
        status,
    }
}
