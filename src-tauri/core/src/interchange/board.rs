//! A board read from another tool (a Trello board, a Jira export), held in memory until the
//! user confirms: its columns, people, sprints and items. [`BoardImport::preview`] counts what
//! it will create without writing; [`Workspace::import_board`] writes it as a new project in one
//! undoable edit.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::agile::flow;
use crate::interchange::preview::ImportPreview;
use crate::work::items::{ItemType, Priority};
use crate::work::projects::{Methodology, Project};
use crate::work::statuses::{self, StatusCategory};
use crate::workspace::history::EditContext;
use crate::workspace::ids;
use crate::{people, validate, CoreError, Id, Result, Workspace};

/// A column of the imported board.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportStatus {
    pub name: String,
    pub category: StatusCategory,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportSprint {
    pub name: String,
    pub start: NaiveDate,
    pub finish: NaiveDate,
}

/// One work item; indexes point into the board's `statuses`, `people`, `sprints` and `items`.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportItem {
    pub title: String,
    pub description: String,
    pub item_type: ItemType,
    pub priority: Priority,
    pub story_points: Option<f64>,
    pub estimate_hours: Option<f64>,
    pub tags: Vec<String>,
    pub due: Option<NaiveDate>,
    pub assignee: Option<usize>,
    pub status: usize,
    pub sprint: Option<usize>,
    /// The item it sits under (an epic, or a sub-task's parent); always an earlier item.
    pub parent: Option<usize>,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// The columns it entered and when, oldest first; the last is `status`.
    pub history: Vec<(usize, DateTime<Utc>)>,
}

/// A board read from a file, not yet written.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardImport {
    /// As a user names it: "Trello board", "Jira CSV".
    pub format: String,
    pub project: String,
    pub methodology: Methodology,
    pub description: String,
    pub statuses: Vec<ImportStatus>,
    pub people: Vec<String>,
    pub sprints: Vec<ImportSprint>,
    pub items: Vec<ImportItem>,
    pub not_kept: Vec<String>,
    pub skipped: Vec<String>,
    /// More counts for the preview, particular to the format ("checklist entries", 12).
    pub extra: Vec<(String, usize)>,
}

/// What an import made: the new project, and the preview it was confirmed from.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportResult {
    pub project: Project,
    pub preview: ImportPreview,
}

/// "1 card", "3 cards".
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `text` cut to `max` characters (on a character boundary), trimmed.
pub(crate) fn clip(text: &str, max: usize) -> String {
    text.trim().chars().take(max).collect::<String>().trim().to_string()
}

/// Makes every name unique (case-insensitive) by adding " (2)", " (3)" …, within `max` characters.
pub(crate) fn unique_names(names: &[String], max: usize, fallback: &str) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let base = clip(name, max - 4);
        let base = if base.is_empty() { fallback.to_string() } else { base };
        let mut candidate = base.clone();
        let mut n = 2;
        while seen.iter().any(|s| s.eq_ignore_ascii_case(&candidate)) {
            candidate = format!("{base} ({n})");
            n += 1;
        }
        seen.push(candidate.clone());
        out.push(candidate);
    }
    out
}

/// The category a column name suggests: done words, then words of work under way; else to do.
pub(crate) fn category_of(name: &str) -> StatusCategory {
    let lower = name.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if has(&[
        "done", "complete", "finished", "closed", "shipped", "released", "resolved", "deployed", "live", "accepted",
    ]) {
        StatusCategory::Done
    } else if has(&[
        "doing",
        "progress",
        "review",
        "test",
        "qa",
        "running",
        "wip",
        "active",
        "working",
        "develop",
        "build",
        "implement",
        "verif",
        "staging",
        "blocked",
    ]) {
        StatusCategory::InProgress
    } else {
        StatusCategory::Todo
    }
}

pub(crate) fn instant_to_sql(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl BoardImport {
    /// What the import will create, checked against the workspace (a project of the same name
    /// is refused here already), without writing anything.
    pub fn preview(&self, ws: &Workspace) -> Result<ImportPreview> {
        self.refuse_taken_name(ws)?;
        let mut preview = ImportPreview::new(&self.format, &self.project);
        preview.creates("project", 1);
        preview.creates("columns", self.statuses.len());
        preview.creates("work items", self.items.len());
        let mut tags: Vec<String> = self
            .items
            .iter()
            .flat_map(|i| i.tags.iter().map(|t| t.to_lowercase()))
            .collect();
        tags.sort();
        tags.dedup();
        preview.creates("tags", tags.len());
        let new_people = self
            .people
            .iter()
            .filter(|p| {
                !ws.people()
                    .map(|all| all.iter().any(|q| q.name == **p))
                    .unwrap_or(false)
            })
            .count();
        preview.creates("new people", new_people);
        preview.creates("sprints", self.sprints.len());
        for (what, n) in &self.extra {
            preview.creates(what, *n);
        }
        let known = self.people.len() - new_people;
        if known > 0 {
            preview.skipped.push(format!(
                "{} already in this workspace: their items are assigned to them, no one is added twice.",
                count(known, "person is", "people are")
            ));
        }
        preview.not_kept.extend(self.not_kept.iter().cloned());
        preview.skipped.extend(self.skipped.iter().cloned());
        Ok(preview)
    }

    fn refuse_taken_name(&self, ws: &Workspace) -> Result<()> {
        if ws.project_by_name(&self.project).is_ok() {
            return Err(CoreError::Duplicate(format!(
                "A project named \"{}\" already exists in this workspace. Rename or delete it first, then import again. Nothing was imported.",
                self.project
            )));
        }
        Ok(())
    }
}

impl Workspace {
    /// Writes an imported board as a new project in one undoable edit ("Import "X"").
    pub fn import_board(&mut self, board: &BoardImport) -> Result<ImportResult> {
        let preview = board.preview(self)?;
        let name = validate::required_text("The project name", &board.project, 120)?;
        if board.statuses.is_empty() {
            return Err(CoreError::InvalidInput(
                "The file holds no columns to make a board from. Nothing was imported.".into(),
            ));
        }
        let project_id =
            self.edit(|ctx| {
                crate::search::pause_items(ctx.tx)?;
                let id = insert_project(ctx, &name, board)?;
                let mut status_ids = Vec::with_capacity(board.statuses.len());
                for (position, status) in board.statuses.iter().enumerate() {
                    status_ids.push(statuses::insert(
                        ctx,
                        id,
                        &status.name,
                        status.category,
                        position as i64,
                        None,
                    )?);
                }
                let mut person_ids = Vec::with_capacity(board.people.len());
                for person in &board.people {
                    person_ids.push(people::person_id_by_name(ctx, person)?);
                }
                let mut sprint_ids = Vec::with_capacity(board.sprints.len());
                for sprint in &board.sprints {
                    let sprint_id = ids::new_id(ctx.tx, "sprints")?;
                    ctx.tx.execute(
                    "INSERT INTO sprints(project_id, name, start_date, finish_date, id) VALUES (?1, ?2, ?3, ?4, ?5)",
                    (id, &sprint.name, sprint.start.to_string(), sprint.finish.to_string(), sprint_id),
                )?;
                    ctx.inserted("sprints", sprint_id);
                    sprint_ids.push(sprint_id);
                }
                let mut item_ids: Vec<Id> = Vec::with_capacity(board.items.len());
                let mut ranks: HashMap<usize, f64> = HashMap::new();
                for (i, item) in board.items.iter().enumerate() {
                    let rank = ranks.entry(item.status).or_insert(0.0);
                    *rank += 1.0;
                    let item_id = ids::new_id(ctx.tx, "work_items")?;
                    let tags = serde_json::to_string(&item.tags).unwrap_or_else(|_| "[]".into());
                    ctx.tx
                        .prepare_cached(
                            "INSERT INTO work_items(project_id, status_id, rank, item_type, title, description, \
                         assignee_id, estimate_hours, story_points, priority, tags, due_date, created_at, \
                         updated_at, outline_position, parent_id, sprint_id, id) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                        )?
                        .execute(rusqlite::params![
                            id,
                            status_ids[item.status],
                            *rank,
                            item.item_type.as_str(),
                            item.title,
                            item.description,
                            item.assignee.map(|p| person_ids[p]),
                            item.estimate_hours,
                            item.story_points,
                            item.priority.as_str(),
                            tags,
                            validate::date_to_sql(item.due),
                            instant_to_sql(item.created),
                            instant_to_sql(item.updated),
                            i as f64 + 1.0,
                            item.parent.filter(|p| *p < i).map(|p| item_ids[p]),
                            item.sprint.map(|s| sprint_ids[s]),
                            item_id,
                        ])?;
                    ctx.inserted("work_items", item_id);
                    let mut history = item.history.clone();
                    if history.last().map(|(s, _)| *s) != Some(item.status) {
                        history.push((item.status, item.updated.max(item.created)));
                    }
                    for (status, at) in history {
                        flow::record_status(ctx, item_id, status_ids[status], &instant_to_sql(at))?;
                    }
                    item_ids.push(item_id);
                }
                ctx.set_label(format!("Import \"{name}\""));
                ctx.set_project(id);
                crate::search::index_new_items(ctx.tx)?;
                Ok(id)
            })?;
        Ok(ImportResult {
            project: self.project(project_id)?,
            preview,
        })
    }
}

/// The project row alone: its columns come from the file, not the methodology's defaults.
fn insert_project(ctx: &mut EditContext, name: &str, board: &BoardImport) -> Result<Id> {
    let exists: bool = ctx
        .tx
        .query_row("SELECT EXISTS(SELECT 1 FROM projects WHERE name = ?1)", [name], |r| {
            r.get(0)
        })?;
    if exists {
        return Err(CoreError::Duplicate(format!(
            "A project named \"{name}\" already exists in this workspace. Nothing was imported."
        )));
    }
    let start = board.items.iter().map(|i| i.created.date_naive()).min();
    let now = validate::now_utc();
    let id = ids::new_id(ctx.tx, "projects")?;
    ctx.tx.execute(
        "INSERT INTO projects(name, methodology, start_date, description, created_at, updated_at, id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)",
        (
            name,
            board.methodology.as_str(),
            validate::date_to_sql(start),
            clip(&board.description, 4000),
            &now,
            id,
        ),
    )?;
    ctx.inserted("projects", id);
    Ok(id)
}
