//! A minimal read of a project's change requests, for the budget report. The scope area owns
//! change requests (their editing, links to tasks); this is only what a report lists.

use serde::Serialize;

use crate::{CoreError, Id, Result, Workspace};

/// A change request as the budget report lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeRequestLine {
    /// "CR-3".
    pub reference: String,
    pub title: String,
    /// proposed, approved, rejected or implemented.
    pub status: String,
    /// Working days the change adds to the schedule (negative: saves).
    pub schedule_impact_days: i64,
    /// Minor units the change adds to the cost (negative: saves).
    pub cost_impact_minor: i64,
    pub decision: String,
    pub decided_by: String,
    pub decided_on: Option<String>,
    pub raised_on: String,
}

impl Workspace {
    /// The project's change requests in number order (CR-1 first).
    pub fn change_requests_for_report(&self, project_id: Id) -> Result<Vec<ChangeRequestLine>> {
        self.project(project_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT number, title, status, schedule_impact_days, cost_impact_minor, decision, decided_by, \
             decided_on, raised_on FROM change_requests WHERE project_id = ?1 ORDER BY number, id",
        )?;
        let rows = stmt.query_map([project_id], |r| {
            Ok(ChangeRequestLine {
                reference: format!("CR-{}", r.get::<_, i64>(0)?),
                title: r.get(1)?,
                status: r.get(2)?,
                schedule_impact_days: r.get(3)?,
                cost_impact_minor: r.get(4)?,
                decision: r.get(5)?,
                decided_by: r.get(6)?,
                decided_on: r.get(7)?,
                raised_on: r.get(8)?,
            })
        })?;
        rows.collect::<rusqlite::Result<_>>().map_err(CoreError::from)
    }
}
