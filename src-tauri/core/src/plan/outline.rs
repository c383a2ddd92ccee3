//! Edits of the outline that items form through `parent_id`: putting an item under an epic or a
//! summary task, and indenting or outdenting a task in the timeline. An outline edit keeps the
//! rows in the order a person sees them; only the levels change.

use rusqlite::Connection;

use crate::work::items::{ItemType, WorkItem};
use crate::workspace::history::EditContext;
use crate::{validate, CoreError, Id, Result, Workspace};

/// The children of `parent` (the top level when none) in outline order.
fn sibling_ids(conn: &Connection, project_id: Id, parent: Option<Id>) -> Result<Vec<Id>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM work_items WHERE project_id = ?1 AND parent_id IS ?2 ORDER BY outline_position, created_at, id",
    )?;
    let rows = stmt.query_map((project_id, parent), |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Writes `ids` as the children of `parent`, numbered 1, 2, 3 … in that order.
fn place(ctx: &mut EditContext, parent: Option<Id>, ids: &[Id]) -> Result<()> {
    let now = validate::now_utc();
    for (n, &id) in ids.iter().enumerate() {
        ctx.touch("work_items", id)?;
        ctx.tx.execute(
            "UPDATE work_items SET parent_id = ?1, outline_position = ?2, updated_at = ?3 WHERE id = ?4",
            rusqlite::params![parent, (n + 1) as f64, now, id],
        )?;
    }
    Ok(())
}

/// Where a new last child of `parent` goes.
fn next_position(ctx: &EditContext, project_id: Id, parent: Option<Id>) -> Result<f64> {
    Ok(ctx.tx.query_row(
        "SELECT coalesce(max(outline_position), 0) + 1 FROM work_items WHERE project_id = ?1 AND parent_id IS ?2",
        (project_id, parent),
        |r| r.get(0),
    )?)
}

impl Workspace {
    /// Refuses a parent from another project, or one that is the item itself or sits under it.
    pub(crate) fn check_parent(&self, item_id: Id, parent: Option<Id>) -> Result<()> {
        let item = self.item(item_id)?;
        let mut at = parent;
        while let Some(id) = at {
            if id == item_id {
                return Err(CoreError::InvalidInput(format!(
                    "\"{}\" cannot sit under itself or one of its own tasks.",
                    item.title
                )));
            }
            let up = self.item(id)?;
            if up.project_id != item.project_id {
                return Err(CoreError::InvalidInput(
                    "An item can only sit under an item of the same project.".into(),
                ));
            }
            at = up.parent_id;
        }
        Ok(())
    }

    /// Puts an item under `epic` (an epic of the same project), or under nothing, as its last child.
    pub fn set_item_epic(&mut self, item_id: Id, epic: Option<Id>) -> Result<WorkItem> {
        let item = self.item(item_id)?;
        let label = match epic {
            Some(id) => {
                let parent = self.item(id)?;
                if parent.item_type != ItemType::Epic {
                    return Err(CoreError::InvalidInput(format!("\"{}\" is not an epic.", parent.title)));
                }
                self.check_parent(item_id, epic)?;
                self.check_outline_change(item.project_id, &[(item_id, epic)])?;
                format!("Put \"{}\" in epic \"{}\"", item.title, parent.title)
            }
            None => format!("Take \"{}\" out of its epic", item.title),
        };
        if item.parent_id == epic {
            return Ok(item);
        }
        self.edit(|ctx| {
            let position = next_position(ctx, item.project_id, epic)?;
            ctx.touch("work_items", item_id)?;
            ctx.tx.execute(
                "UPDATE work_items SET parent_id = ?1, outline_position = ?2, updated_at = ?3 WHERE id = ?4",
                rusqlite::params![epic, position, validate::now_utc(), item_id],
            )?;
            ctx.set_label(label);
            ctx.set_project(item.project_id);
            Ok(())
        })?;
        self.item(item_id)
    }

    /// Makes a task the last child of the task just above it at its level (Tab in the timeline).
    pub fn indent_task(&mut self, item_id: Id) -> Result<()> {
        let item = self.item(item_id)?;
        let level = sibling_ids(&self.conn, item.project_id, item.parent_id)?;
        let at = level.iter().position(|&id| id == item_id).unwrap_or(0);
        let Some(above) = at.checked_sub(1).map(|i| level[i]) else {
            return Err(CoreError::InvalidInput(format!(
                "\"{}\" is the first task at its level; there is no task above to put it under.",
                item.title
            )));
        };
        self.check_outline_change(item.project_id, &[(item_id, Some(above))])?;
        self.edit(|ctx| {
            let position = next_position(ctx, item.project_id, Some(above))?;
            ctx.touch("work_items", item_id)?;
            ctx.tx.execute(
                "UPDATE work_items SET parent_id = ?1, outline_position = ?2, updated_at = ?3 WHERE id = ?4",
                rusqlite::params![above, position, validate::now_utc(), item_id],
            )?;
            ctx.set_label(format!("Indent \"{}\"", item.title));
            ctx.set_project(item.project_id);
            Ok(())
        })
    }

    /// Moves a task up one level, right after its summary task (Shift+Tab in the timeline). The
    /// tasks that followed it under that summary become its own, so no row moves on screen.
    pub fn outdent_task(&mut self, item_id: Id) -> Result<()> {
        let item = self.item(item_id)?;
        let Some(parent) = item.parent_id else {
            return Err(CoreError::InvalidInput(format!(
                "\"{}\" is already at the top level.",
                item.title
            )));
        };
        let grandparent = self.item(parent)?.parent_id;
        let level = sibling_ids(&self.conn, item.project_id, Some(parent))?;
        let at = level.iter().position(|&id| id == item_id).unwrap_or(0);
        let followers: Vec<Id> = level[at + 1..].to_vec();
        let mut changes = vec![(item_id, grandparent)];
        changes.extend(followers.iter().map(|&f| (f, Some(item_id))));
        self.check_outline_change(item.project_id, &changes)?;
        self.edit(|ctx| {
            if !followers.is_empty() {
                let mut own = sibling_ids(ctx.tx, item.project_id, Some(item_id))?;
                own.extend(&followers);
                place(ctx, Some(item_id), &own)?;
            }
            let mut upper = sibling_ids(ctx.tx, item.project_id, grandparent)?;
            let after = upper.iter().position(|&id| id == parent).map_or(upper.len(), |p| p + 1);
            upper.insert(after, item_id);
            place(ctx, grandparent, &upper)?;
            ctx.set_label(format!("Outdent \"{}\"", item.title));
            ctx.set_project(item.project_id);
            Ok(())
        })
    }
}
