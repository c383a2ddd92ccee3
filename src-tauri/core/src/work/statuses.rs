//! A project's workflow statuses. The board shows one column per status, with an optional
//! work-in-progress limit.

use rusqlite::{OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::workspace::history::EditContext;
use crate::{validate, workspace::ids, CoreError, Id, Result, Workspace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StatusCategory {
    Todo,
    InProgress,
    Done,
}

impl StatusCategory {
    pub fn as_str(self) -> &'static str {
        match self {
            StatusCategory::Todo => "todo",
            StatusCategory::InProgress => "in_progress",
            StatusCategory::Done => "done",
        }
    }

    pub(crate) fn parse(text: &str) -> StatusCategory {
        match text {
            "in_progress" => StatusCategory::InProgress,
            "done" => StatusCategory::Done,
            _ => StatusCategory::Todo,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Status {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    pub name: String,
    pub category: StatusCategory,
    #[ts(type = "number")]
    pub position: i64,
    pub wip_limit: Option<u32>,
}

/// What the user edits on a column.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct StatusInput {
    pub name: String,
    pub category: StatusCategory,
    pub wip_limit: Option<u32>,
}

const SELECT_STATUS: &str = "SELECT id, project_id, name, category, position, wip_limit FROM statuses";

fn status_from_row(r: &Row) -> rusqlite::Result<Status> {
    Ok(Status {
        id: r.get(0)?,
        project_id: r.get(1)?,
        name: r.get(2)?,
        category: StatusCategory::parse(&r.get::<_, String>(3)?),
        position: r.get(4)?,
        wip_limit: r.get(5)?,
    })
}

fn check(input: &StatusInput) -> Result<(String, Option<u32>)> {
    let name = validate::required_text("The column name", &input.name, 60)?;
    if input.wip_limit == Some(0) {
        return Err(CoreError::InvalidInput(
            "A WIP limit must be 1 or more; leave it empty for no limit.".into(),
        ));
    }
    Ok((name, input.wip_limit))
}

pub(crate) fn insert(
    ctx: &mut EditContext,
    project_id: Id,
    name: &str,
    category: StatusCategory,
    position: i64,
    wip_limit: Option<u32>,
) -> Result<Id> {
    let taken: bool = ctx.tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM statuses WHERE project_id = ?1 AND name = ?2)",
        (project_id, name),
        |r| r.get(0),
    )?;
    if taken {
        return Err(CoreError::Duplicate(format!(
            "This board already has a column named \"{name}\"."
        )));
    }
    let id = ids::new_id(ctx.tx, "statuses")?;
    ctx.tx.execute(
        "INSERT INTO statuses(project_id, name, category, position, wip_limit, id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        (project_id, name, category.as_str(), position, wip_limit, id),
    )?;
    ctx.inserted("statuses", id);
    Ok(id)
}

impl Workspace {
    pub fn statuses(&self, project_id: Id) -> Result<Vec<Status>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT_STATUS} WHERE project_id = ?1 ORDER BY position, id"))?;
        let rows = stmt.query_map([project_id], status_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn status(&self, id: Id) -> Result<Status> {
        self.conn
            .query_row(&format!("{SELECT_STATUS} WHERE id = ?1"), [id], status_from_row)
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That column no longer exists.".into()))
    }

    /// Adds a column at the right end of the board.
    pub fn add_status(&mut self, project_id: Id, input: &StatusInput) -> Result<Status> {
        let (name, wip) = check(input)?;
        self.project(project_id)?;
        let id = self.edit(|ctx| {
            let next: i64 = ctx.tx.query_row(
                "SELECT coalesce(max(position) + 1, 0) FROM statuses WHERE project_id = ?1",
                [project_id],
                |r| r.get(0),
            )?;
            let id = insert(ctx, project_id, &name, input.category, next, wip)?;
            ctx.set_label(format!("Add column \"{name}\""));
            ctx.set_project(project_id);
            Ok(id)
        })?;
        self.status(id)
    }

    /// Renames a column, changes its category or its WIP limit.
    pub fn update_status(&mut self, id: Id, input: &StatusInput) -> Result<Status> {
        let (name, wip) = check(input)?;
        let old = self.status(id)?;
        self.edit(|ctx| {
            let taken: bool = ctx.tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM statuses WHERE project_id = ?1 AND name = ?2 \
                 AND id <> ?3)",
                (old.project_id, &name, id),
                |r| r.get(0),
            )?;
            if taken {
                return Err(CoreError::Duplicate(format!(
                    "This board already has a column named \"{name}\"."
                )));
            }
            ctx.touch("statuses", id)?;
            ctx.tx.execute(
                "UPDATE statuses SET name = ?1, category = ?2, wip_limit = ?3 WHERE id = ?4",
                (&name, input.category.as_str(), wip, id),
            )?;
            let label = if old.wip_limit != wip && old.name == name {
                match wip {
                    Some(n) => format!("Set WIP limit of \"{name}\" to {n}"),
                    None => format!("Remove WIP limit of \"{name}\""),
                }
            } else {
                format!("Edit column \"{name}\"")
            };
            ctx.set_label(label);
            ctx.set_project(old.project_id);
            Ok(())
        })?;
        self.status(id)
    }

    /// Deletes an empty column. A column that still holds items is refused: nothing is lost.
    pub fn delete_status(&mut self, id: Id) -> Result<()> {
        let status = self.status(id)?;
        self.edit(|ctx| {
            let count: i64 = ctx
                .tx
                .query_row("SELECT count(*) FROM work_items WHERE status_id = ?1", [id], |r| {
                    r.get(0)
                })?;
            if count > 0 {
                return Err(CoreError::InvalidInput(format!(
                    "\"{}\" still holds {count} item(s); move them to another column first.",
                    status.name
                )));
            }
            let remaining: i64 = ctx.tx.query_row(
                "SELECT count(*) FROM statuses WHERE project_id = ?1",
                [status.project_id],
                |r| r.get(0),
            )?;
            if remaining <= 1 {
                return Err(CoreError::InvalidInput("A board needs at least one column.".into()));
            }
            ctx.delete("statuses", id)?;
            ctx.set_label(format!("Delete column \"{}\"", status.name));
            ctx.set_project(status.project_id);
            Ok(())
        })
    }
}
