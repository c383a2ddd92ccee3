//! Baselines: named snapshots of a project's schedule (up to ten per project), and the
//! variance of the current schedule against one of them.

use chrono::NaiveDateTime;
use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use crate::plan::schedule::calendar::to_minute;
use crate::workspace::history::EditContext;
use crate::{validate, workspace::ids, CoreError, Id, Result, Workspace};

/// Microsoft Project keeps eleven (Baseline, Baseline 1–10); ten named ones are plenty here.
pub const MAX_BASELINES: usize = 10;
use crate::stamp::{parse_stamp, DATE_TIME};

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Baseline {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    pub name: String,
    /// UTC, RFC 3339.
    pub saved_at: String,
}

/// One task's current dates against a baseline. Variances are in working hours of the project
/// calendar: positive means later (or longer) than planned.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TaskVariance {
    #[ts(type = "number")]
    pub item_id: Id,
    pub name: String,
    pub wbs: String,
    pub baseline_start: NaiveDateTime,
    pub baseline_finish: NaiveDateTime,
    pub start: NaiveDateTime,
    pub finish: NaiveDateTime,
    pub start_variance_hours: f64,
    pub finish_variance_hours: f64,
    pub duration_variance_hours: f64,
}

/// A baseline's saved dates of one task.
pub(crate) struct SavedTask {
    pub item_id: Id,
    pub start: NaiveDateTime,
    pub finish: NaiveDateTime,
    pub duration_minutes: i64,
    /// The task's cost and work in the schedule when saved: the budget earned value measures
    /// against (minor units; minutes).
    pub cost_minor: i64,
    pub work_minutes: i64,
}

/// Stores a baseline with its tasks inside an edit; refuses an eleventh or a taken name.
pub(crate) fn insert(ctx: &mut EditContext, project_id: Id, name: &str, tasks: &[SavedTask]) -> Result<Id> {
    let name = validate::required_text("The baseline name", name, 80)?;
    let count: i64 = ctx.tx.query_row(
        "SELECT count(*) FROM baselines WHERE project_id = ?1",
        [project_id],
        |r| r.get(0),
    )?;
    if count as usize >= MAX_BASELINES {
        return Err(CoreError::InvalidInput(format!(
            "A project keeps at most {MAX_BASELINES} baselines. Delete one before saving another."
        )));
    }
    let taken: bool = ctx.tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM baselines WHERE project_id = ?1 AND name = ?2)",
        (project_id, &name),
        |r| r.get(0),
    )?;
    if taken {
        return Err(CoreError::Duplicate(format!(
            "This project already has a baseline named \"{name}\"."
        )));
    }
    let id = ids::new_id(ctx.tx, "baselines")?;
    ctx.tx.execute(
        "INSERT INTO baselines(project_id, name, saved_at, seq, id) VALUES (?1, ?2, ?3, ?4, ?5)",
        (
            project_id,
            &name,
            validate::now_utc(),
            ids::next_seq(ctx.tx, "baselines")?,
            id,
        ),
    )?;
    ctx.inserted("baselines", id);
    for t in tasks {
        let task_id = ids::new_id(ctx.tx, "baseline_tasks")?;
        ctx.tx.execute(
            "INSERT INTO baseline_tasks(baseline_id, item_id, start, finish, duration_minutes, cost_minor, work_minutes, id) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            (id, t.item_id, t.start.format(DATE_TIME).to_string(), t.finish.format(DATE_TIME).to_string(), t.duration_minutes, t.cost_minor, t.work_minutes, task_id),
        )?;
        ctx.inserted("baseline_tasks", task_id);
    }
    ctx.set_project(project_id);
    Ok(id)
}

fn baseline_from_row(r: &rusqlite::Row) -> rusqlite::Result<Baseline> {
    Ok(Baseline {
        id: r.get(0)?,
        project_id: r.get(1)?,
        name: r.get(2)?,
        saved_at: r.get(3)?,
    })
}

impl Workspace {
    pub fn baselines(&self, project_id: Id) -> Result<Vec<Baseline>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, project_id, name, saved_at FROM baselines WHERE project_id = ?1 ORDER BY seq, id",
        )?;
        let rows = stmt.query_map([project_id], baseline_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn baseline(&self, id: Id) -> Result<Baseline> {
        self.conn
            .query_row(
                "SELECT id, project_id, name, saved_at FROM baselines WHERE id = ?1",
                [id],
                baseline_from_row,
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That baseline no longer exists.".into()))
    }

    /// Saves the project's current schedule as a baseline.
    pub fn save_baseline(&mut self, project_id: Id, name: &str) -> Result<Baseline> {
        let schedule = self.project_schedule(project_id)?;
        let tasks: Vec<SavedTask> = schedule
            .tasks
            .iter()
            .map(|t| SavedTask {
                item_id: t.item_id,
                start: t.start,
                finish: t.finish,
                duration_minutes: t.duration_minutes,
                cost_minor: t.cost_minor,
                work_minutes: (t.work_hours * 60.0).round() as i64,
            })
            .collect();
        let id = self.edit(|ctx| {
            let id = insert(ctx, project_id, name, &tasks)?;
            ctx.set_label(format!("Save baseline \"{}\"", name.trim()));
            Ok(id)
        })?;
        self.baseline(id)
    }

    pub fn delete_baseline(&mut self, id: Id) -> Result<()> {
        let baseline = self.baseline(id)?;
        self.edit(|ctx| {
            ctx.delete("baselines", id)?;
            ctx.set_label(format!("Delete baseline \"{}\"", baseline.name));
            ctx.set_project(baseline.project_id);
            Ok(())
        })
    }

    /// The saved dates of each task in a baseline: (item, start, finish).
    pub(crate) fn baseline_dates(&self, baseline_id: Id) -> Result<Vec<SavedTask>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT item_id, start, finish, duration_minutes, cost_minor, work_minutes FROM baseline_tasks WHERE baseline_id = ?1",
        )?;
        let rows = stmt.query_map([baseline_id], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, i64>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (item_id, start, finish, duration_minutes, cost_minor, work_minutes) = row?;
            let parse = |t: &str| {
                parse_stamp(t)
                    .ok_or_else(|| CoreError::Damaged("A baseline in this workspace has a damaged date.".into()))
            };
            out.push(SavedTask {
                item_id,
                start: parse(&start)?,
                finish: parse(&finish)?,
                duration_minutes,
                cost_minor,
                work_minutes,
            });
        }
        Ok(out)
    }

    /// Start, finish and duration variance of every task the baseline holds.
    pub fn baseline_variance(&self, baseline_id: Id) -> Result<Vec<TaskVariance>> {
        let baseline = self.baseline(baseline_id)?;
        let schedule = self.project_schedule(baseline.project_id)?;
        let calendar = self.project_calendar(baseline.project_id)?;
        let saved: std::collections::HashMap<Id, SavedTask> = self
            .baseline_dates(baseline_id)?
            .into_iter()
            .map(|t| (t.item_id, t))
            .collect();
        let hours = |m: i64| (m as f64 / 60.0 * 100.0).round() / 100.0;
        Ok(schedule
            .tasks
            .iter()
            .filter_map(|t| {
                let b = saved.get(&t.item_id)?;
                Some(TaskVariance {
                    item_id: t.item_id,
                    name: t.name.clone(),
                    wbs: t.wbs.clone(),
                    baseline_start: b.start,
                    baseline_finish: b.finish,
                    start: t.start,
                    finish: t.finish,
                    start_variance_hours: hours(calendar.work_between(to_minute(b.start), to_minute(t.start))),
                    finish_variance_hours: hours(calendar.work_between(to_minute(b.finish), to_minute(t.finish))),
                    duration_variance_hours: hours(t.duration_minutes - b.duration_minutes),
                })
            })
            .collect())
    }
}
