//! Work items: tasks, stories, bugs, epics, milestones and deliverables of a project.
//! Each sits in one status (a board column) at a rank that orders it within that column.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::workspace::history::EditContext;
use crate::{agile::flow, people, validate, workspace::ids, CoreError, Id, Result, Workspace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ItemType {
    Task,
    Story,
    Bug,
    Epic,
    Milestone,
    Deliverable,
}

impl ItemType {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemType::Task => "task",
            ItemType::Story => "story",
            ItemType::Bug => "bug",
            ItemType::Epic => "epic",
            ItemType::Milestone => "milestone",
            ItemType::Deliverable => "deliverable",
        }
    }

    fn parse(text: &str) -> ItemType {
        match text {
            "story" => ItemType::Story,
            "bug" => ItemType::Bug,
            "epic" => ItemType::Epic,
            "milestone" => ItemType::Milestone,
            "deliverable" => ItemType::Deliverable,
            _ => ItemType::Task,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Priority {
    Lowest,
    Low,
    Medium,
    High,
    Highest,
}

impl Priority {
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Lowest => "lowest",
            Priority::Low => "low",
            Priority::Medium => "medium",
            Priority::High => "high",
            Priority::Highest => "highest",
        }
    }

    fn parse(text: &str) -> Priority {
        match text {
            "lowest" => Priority::Lowest,
            "low" => Priority::Low,
            "high" => Priority::High,
            "highest" => Priority::Highest,
            _ => Priority::Medium,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct WorkItem {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    #[ts(type = "number")]
    pub status_id: Id,
    pub item_type: ItemType,
    pub title: String,
    pub description: String,
    pub assignee: Option<String>,
    pub estimate_hours: Option<f64>,
    pub story_points: Option<f64>,
    pub priority: Priority,
    pub tags: Vec<String>,
    pub due_date: Option<NaiveDate>,
    pub created_at: String,
    pub updated_at: String,
    /// The item it sits under: a summary task in the WBS outline, or an epic on a board.
    #[ts(type = "number | null")]
    pub parent_id: Option<Id>,
    /// Why the item cannot move, when it is blocked (see `meetings::set_item_blocked`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub blocked_reason: Option<String>,
}

/// The fields a person edits on an item. Dates are text so that an impossible date gets a
/// message that names it; the assignee is a name (a new name adds that person).
#[derive(Debug, Clone, Deserialize, TS, Default)]
#[ts(export)]
pub struct WorkItemInput {
    pub item_type: Option<ItemType>,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub assignee: Option<String>,
    pub estimate_hours: Option<f64>,
    pub story_points: Option<f64>,
    pub priority: Option<Priority>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub due_date: Option<String>,
}

pub(crate) struct CheckedItem {
    item_type: ItemType,
    title: String,
    description: String,
    assignee: Option<String>,
    estimate_hours: Option<f64>,
    story_points: Option<f64>,
    priority: Priority,
    tags: String,
    due_date: Option<String>,
}

pub(crate) fn check(input: &WorkItemInput) -> Result<CheckedItem> {
    let title = validate::required_text("The title", &input.title, 300)?;
    let due = validate::optional_date("The due date", input.due_date.as_deref())?;
    let mut tags: Vec<String> = Vec::new();
    for tag in &input.tags {
        let tag = tag.trim();
        if tag.is_empty() {
            continue;
        }
        if tag.chars().count() > 40 {
            return Err(CoreError::InvalidInput(format!(
                "The tag \"{tag}\" is too long; keep tags under 40 characters."
            )));
        }
        if !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            tags.push(tag.to_string());
        }
    }
    Ok(CheckedItem {
        item_type: input.item_type.unwrap_or(ItemType::Task),
        title,
        description: input.description.trim_end().to_string(),
        assignee: input
            .assignee
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string),
        estimate_hours: validate::optional_non_negative("The estimate", input.estimate_hours)?,
        story_points: validate::optional_non_negative("Story points", input.story_points)?,
        priority: input.priority.unwrap_or(Priority::Medium),
        tags: serde_json::to_string(&tags).unwrap_or_else(|_| "[]".into()),
        due_date: validate::date_to_sql(due),
    })
}

pub(crate) const SELECT_ITEM: &str = "SELECT w.id, w.project_id, w.status_id, w.item_type, \
     w.title, w.description, p.name, w.estimate_hours, w.story_points, w.priority, w.tags, \
     w.due_date, w.created_at, w.updated_at, w.parent_id, w.blocked_reason \
     FROM work_items w LEFT JOIN people p ON p.id = w.assignee_id";

pub(crate) fn item_from_row(r: &Row) -> rusqlite::Result<WorkItem> {
    let tags: String = r.get(10)?;
    Ok(WorkItem {
        id: r.get(0)?,
        project_id: r.get(1)?,
        status_id: r.get(2)?,
        item_type: ItemType::parse(&r.get::<_, String>(3)?),
        title: r.get(4)?,
        description: r.get(5)?,
        assignee: r.get(6)?,
        estimate_hours: r.get(7)?,
        story_points: r.get(8)?,
        priority: Priority::parse(&r.get::<_, String>(9)?),
        tags: serde_json::from_str(&tags).unwrap_or_default(),
        due_date: validate::date_from_sql(r.get(11)?),
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
        parent_id: r.get(14)?,
        blocked_reason: Some(r.get::<_, String>(15)?).filter(|b| !b.is_empty()),
    })
}

fn gone() -> CoreError {
    CoreError::NotFound("That item no longer exists (it may have been deleted or undone).".into())
}

/// Ranks closer than this are spread out again before inserting between them.
const MIN_RANK_GAP: f64 = 1e-6;

impl Workspace {
    pub fn item(&self, id: Id) -> Result<WorkItem> {
        self.conn
            .query_row(&format!("{SELECT_ITEM} WHERE w.id = ?1"), [id], item_from_row)
            .optional()?
            .ok_or_else(gone)
    }

    /// Adds an item at the bottom of a column (the project's first column if none is given).
    pub fn create_item(&mut self, project_id: Id, status_id: Option<Id>, input: &WorkItemInput) -> Result<WorkItem> {
        let item = check(input)?;
        self.project(project_id)?;
        let id = self.edit(|ctx| {
            let id = insert(ctx, project_id, status_id, &item)?;
            ctx.set_label(format!("Add \"{}\"", item.title));
            ctx.set_project(project_id);
            Ok(id)
        })?;
        self.item(id)
    }

    /// Replaces the editable fields of an item; the undo label names what changed.
    pub fn update_item(&mut self, id: Id, input: &WorkItemInput) -> Result<WorkItem> {
        let item = check(input)?;
        let old = self.item(id)?;
        self.edit(|ctx| {
            let assignee_id = assignee_id(ctx, &item)?;
            ctx.touch("work_items", id)?;
            ctx.tx.execute(
                "UPDATE work_items SET item_type = ?1, title = ?2, description = ?3, \
                 assignee_id = ?4, estimate_hours = ?5, story_points = ?6, priority = ?7, \
                 tags = ?8, due_date = ?9, updated_at = ?10 WHERE id = ?11",
                rusqlite::params![
                    item.item_type.as_str(),
                    item.title,
                    item.description,
                    assignee_id,
                    item.estimate_hours,
                    item.story_points,
                    item.priority.as_str(),
                    item.tags,
                    item.due_date,
                    validate::now_utc(),
                    id
                ],
            )?;
            ctx.set_label(update_label(&old, &item));
            ctx.set_project(old.project_id);
            Ok(())
        })?;
        self.item(id)
    }

    pub fn delete_item(&mut self, id: Id) -> Result<()> {
        let old = self.item(id)?;
        self.edit(|ctx| {
            ctx.delete("work_items", id)?;
            ctx.set_label(format!("Delete \"{}\"", old.title));
            ctx.set_project(old.project_id);
            Ok(())
        })
    }

    /// Moves an item into `status_id` so that it ends up at `index` among that column's items
    /// (0 = top; past the end = bottom). Works within a column too.
    pub fn move_item(&mut self, id: Id, status_id: Id, index: usize) -> Result<WorkItem> {
        let old = self.item(id)?;
        let target = self.status(status_id)?;
        if target.project_id != old.project_id {
            return Err(CoreError::InvalidInput(
                "An item can only move between columns of its own project.".into(),
            ));
        }
        self.edit(|ctx| {
            let mut others = ranked_items(ctx, status_id, id)?;
            let index = index.min(others.len());
            let below = others.get(index).map(|(_, r)| *r);
            let above = index.checked_sub(1).and_then(|i| others.get(i)).map(|(_, r)| *r);
            let rank = match (above, below) {
                (Some(a), Some(b)) if b - a < MIN_RANK_GAP => {
                    // Ranks have worn too thin here: renumber the column, then slot in.
                    for (position, (other, rank)) in others.iter_mut().enumerate() {
                        ctx.touch("work_items", *other)?;
                        *rank = (position as f64 + 1.0) * 2.0;
                        ctx.tx
                            .execute("UPDATE work_items SET rank = ?1 WHERE id = ?2", (*rank, *other))?;
                    }
                    index as f64 * 2.0 + 1.0
                }
                (Some(a), Some(b)) => (a + b) / 2.0,
                (Some(a), None) => a + 1.0,
                (None, Some(b)) => b - 1.0,
                (None, None) => 1.0,
            };
            ctx.touch("work_items", id)?;
            let now = validate::now_utc();
            ctx.tx.execute(
                "UPDATE work_items SET status_id = ?1, rank = ?2, updated_at = ?3 WHERE id = ?4",
                (status_id, rank, &now, id),
            )?;
            if old.status_id != status_id {
                flow::record_status(ctx, id, status_id, &now)?;
            }
            ctx.set_label(if old.status_id == status_id {
                format!("Reorder \"{}\"", old.title)
            } else {
                format!("Move \"{}\" to {}", old.title, target.name)
            });
            ctx.set_project(old.project_id);
            Ok(())
        })?;
        self.item(id)
    }
}

/// Inserts a checked item at the bottom of `status_id` (or of the project's first column).
pub(crate) fn insert(ctx: &mut EditContext, project_id: Id, status_id: Option<Id>, item: &CheckedItem) -> Result<Id> {
    let status_id = match status_id {
        Some(s) => require_status_of(ctx, s, project_id)?,
        None => ctx
            .tx
            .query_row(
                "SELECT id FROM statuses WHERE project_id = ?1 ORDER BY position LIMIT 1",
                [project_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| CoreError::InvalidInput("This project's board has no columns.".into()))?,
    };
    let assignee_id = assignee_id(ctx, item)?;
    let rank: f64 = ctx.tx.query_row(
        "SELECT coalesce(max(rank), 0) + 1 FROM work_items WHERE status_id = ?1",
        [status_id],
        |r| r.get(0),
    )?;
    // Last in the project's outline too: ids no longer give the order items were added in.
    let outline_position: f64 = ctx.tx.query_row(
        "SELECT coalesce(max(outline_position), 0) + 1 FROM work_items WHERE project_id = ?1 AND parent_id IS NULL",
        [project_id],
        |r| r.get(0),
    )?;
    let now = validate::now_utc();
    let id = ids::new_id(ctx.tx, "work_items")?;
    ctx.tx.execute(
        "INSERT INTO work_items(project_id, status_id, rank, item_type, title, description, \
         assignee_id, estimate_hours, story_points, priority, tags, due_date, created_at, \
         updated_at, outline_position, id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14, ?15)",
        rusqlite::params![
            project_id,
            status_id,
            rank,
            item.item_type.as_str(),
            item.title,
            item.description,
            assignee_id,
            item.estimate_hours,
            item.story_points,
            item.priority.as_str(),
            item.tags,
            item.due_date,
            now,
            outline_position,
            id
        ],
    )?;
    ctx.inserted("work_items", id);
    flow::record_status(ctx, id, status_id, &now)?;
    Ok(id)
}

/// The person an item is assigned to, adding them to the workspace if the name is new.
fn assignee_id(ctx: &mut EditContext, item: &CheckedItem) -> Result<Option<Id>> {
    item.assignee
        .as_deref()
        .map(|name| people::person_id_by_name(ctx, name))
        .transpose()
}

/// Adds many items in one edit (demo and generated workspaces).
pub(crate) fn insert_many(ctx: &mut EditContext, project_id: Id, items: &[(Option<Id>, WorkItemInput)]) -> Result<()> {
    for (status_id, input) in items {
        let item = check(input)?;
        insert(ctx, project_id, *status_id, &item)?;
    }
    Ok(())
}

/// The items of a column in rank order, leaving out `except`.
fn ranked_items(ctx: &EditContext, status_id: Id, except: Id) -> Result<Vec<(Id, f64)>> {
    let mut stmt = ctx
        .tx
        .prepare_cached("SELECT id, rank FROM work_items WHERE status_id = ?1 AND id <> ?2 ORDER BY rank, id")?;
    let rows = stmt.query_map((status_id, except), |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn require_status_of(ctx: &EditContext, status_id: Id, project_id: Id) -> Result<Id> {
    let owner: Option<Id> = ctx
        .tx
        .query_row("SELECT project_id FROM statuses WHERE id = ?1", [status_id], |r| {
            r.get(0)
        })
        .optional()?;
    match owner {
        Some(p) if p == project_id => Ok(status_id),
        Some(_) => Err(CoreError::InvalidInput(
            "That column belongs to another project.".into(),
        )),
        None => Err(CoreError::NotFound("That column no longer exists.".into())),
    }
}

/// "Change priority of "X"" when one field changed; "Edit "X"" otherwise.
fn update_label(old: &WorkItem, new: &CheckedItem) -> String {
    let mut changed = Vec::new();
    if old.item_type != new.item_type {
        changed.push("type");
    }
    if old.title != new.title {
        changed.push("title");
    }
    if old.description != new.description {
        changed.push("description");
    }
    if old.assignee.as_deref().map(str::to_lowercase) != new.assignee.as_deref().map(str::to_lowercase) {
        changed.push("assignee");
    }
    if old.estimate_hours != new.estimate_hours {
        changed.push("estimate");
    }
    if old.story_points != new.story_points {
        changed.push("story points");
    }
    if old.priority != new.priority {
        changed.push("priority");
    }
    if serde_json::to_string(&old.tags).unwrap_or_default() != new.tags {
        changed.push("tags");
    }
    if validate::date_to_sql(old.due_date) != new.due_date {
        changed.push("due date");
    }
    match changed.as_slice() {
        [one] => format!("Change {one} of \"{}\"", new.title),
        _ => format!("Edit \"{}\"", new.title),
    }
}
