//! A project's outcomes against its latest baseline, for the closure report: start, finish,
//! duration, work and cost as planned and as they are now.

use std::collections::HashSet;

use chrono::NaiveDateTime;
use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use crate::{Id, Result, Workspace};

use crate::stamp::parse_stamp;

/// Start, finish, duration (calendar days from the first to the last day), work and cost of a
/// plan; the summaries' own figures are left out (they add up their tasks').
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct PlanFigures {
    pub start: Option<NaiveDateTime>,
    pub finish: Option<NaiveDateTime>,
    #[ts(type = "number | null")]
    pub duration_days: Option<i64>,
    pub work_hours: f64,
    #[ts(type = "number")]
    pub cost_minor: i64,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ClosureOutcome {
    #[ts(type = "number")]
    pub project_id: Id,
    /// The latest baseline's name; none when the project has no baseline.
    pub baseline: Option<String>,
    pub planned: Option<PlanFigures>,
    pub current: PlanFigures,
    pub currency: String,
}

fn days(start: Option<NaiveDateTime>, finish: Option<NaiveDateTime>) -> Option<i64> {
    Some((finish?.date() - start?.date()).num_days() + 1)
}

impl Workspace {
    /// The project's plan now against its latest baseline.
    pub fn closure_outcome(&self, project_id: Id) -> Result<ClosureOutcome> {
        self.project(project_id)?;
        let parents: HashSet<Id> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT DISTINCT parent_id FROM work_items WHERE project_id = ?1 AND parent_id IS NOT NULL",
            )?;
            let rows = stmt.query_map([project_id], |r| r.get::<_, Id>(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let latest: Option<(Id, String)> = self
            .conn
            .query_row(
                "SELECT id, name FROM baselines WHERE project_id = ?1 ORDER BY seq DESC, id DESC LIMIT 1",
                [project_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let planned = match &latest {
            None => None,
            Some((baseline_id, _)) => {
                let mut stmt = self.conn.prepare_cached(
                    "SELECT item_id, start, finish, cost_minor, work_minutes FROM baseline_tasks WHERE baseline_id = ?1",
                )?;
                let rows = stmt.query_map([baseline_id], |r| {
                    Ok((
                        r.get::<_, Id>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, i64>(4)?,
                    ))
                })?;
                let (mut start, mut finish, mut cost, mut work) = (None::<NaiveDateTime>, None::<NaiveDateTime>, 0, 0);
                for row in rows {
                    let (item, s, f, c, w) = row?;
                    let s = parse_stamp(&s);
                    let f = parse_stamp(&f);
                    start = match (start, s) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                    finish = match (finish, f) {
                        (Some(a), Some(b)) => Some(a.max(b)),
                        (a, b) => a.or(b),
                    };
                    if !parents.contains(&item) {
                        cost += c;
                        work += w;
                    }
                }
                Some(PlanFigures {
                    start,
                    finish,
                    duration_days: days(start, finish),
                    work_hours: work as f64 / 60.0,
                    cost_minor: cost,
                })
            }
        };
        let schedule = self.project_schedule(project_id)?;
        let tasks: Vec<_> = schedule.tasks.iter().filter(|t| !t.summary).collect();
        let (start, finish) = if tasks.is_empty() {
            (None, None)
        } else {
            (Some(schedule.start), Some(schedule.finish))
        };
        Ok(ClosureOutcome {
            project_id,
            baseline: latest.map(|(_, name)| name),
            planned,
            current: PlanFigures {
                start,
                finish,
                duration_days: days(start, finish),
                work_hours: tasks.iter().map(|t| t.work_hours).sum(),
                cost_minor: tasks.iter().map(|t| t.cost_minor).sum(),
            },
            currency: schedule.currency.clone(),
        })
    }
}
