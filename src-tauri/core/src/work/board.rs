//! The Kanban board of a project: its statuses as columns with their items in rank order.

use serde::Serialize;
use ts_rs::TS;

use crate::work::items::{item_from_row, WorkItem, SELECT_ITEM};
use crate::work::projects::Project;
use crate::work::statuses::Status;
use crate::{Id, Result, Workspace};

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BoardColumn {
    pub status: Status,
    pub items: Vec<WorkItem>,
    /// True when the column holds more items than its WIP limit allows.
    pub over_limit: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Board {
    pub project: Project,
    pub columns: Vec<BoardColumn>,
}

impl Workspace {
    pub fn board(&self, project_id: Id) -> Result<Board> {
        let project = self.project(project_id)?;
        let mut columns: Vec<BoardColumn> = self
            .statuses(project_id)?
            .into_iter()
            .map(|status| BoardColumn {
                status,
                items: Vec::new(),
                over_limit: false,
            })
            .collect();
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT_ITEM} WHERE w.project_id = ?1 ORDER BY w.status_id, w.rank, w.id"
        ))?;
        let rows = stmt.query_map([project_id], item_from_row)?;
        for item in rows {
            let item = item?;
            if let Some(column) = columns.iter_mut().find(|c| c.status.id == item.status_id) {
                column.items.push(item);
            }
        }
        for column in &mut columns {
            column.over_limit = column
                .status
                .wip_limit
                .is_some_and(|limit| column.items.len() > limit as usize);
        }
        Ok(Board { project, columns })
    }
}
