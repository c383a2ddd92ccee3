//! Edits of a plan's tasks and dependencies: links (refused when they would close a loop),
//! scheduling fields, moving a bar and changing its finish.

use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use crate::plan::schedule::calendar::{from_minute, to_minute};
use crate::plan::schedule::{self, Lag, Link, Minute};
use crate::plan::timeline::*;
use crate::workspace::history::EditContext;
use crate::workspace::ids;
use crate::{validate, CoreError, Id, Result, Workspace};

impl Workspace {
    /// Makes `successor` depend on `predecessor`. Refused across projects, twice between the
    /// same tasks, or when it would close a loop (the message names the loop's tasks).
    pub fn add_dependency(
        &mut self,
        predecessor: Id,
        successor: Id,
        kind: DependencyKind,
        lag_minutes: Minute,
    ) -> Result<Id> {
        let pred = self.item(predecessor)?;
        let succ = self.item(successor)?;
        if pred.project_id != succ.project_id {
            return Err(CoreError::InvalidInput(
                "A dependency joins two tasks of the same project.".into(),
            ));
        }
        crate::plan::editing::check_lag(lag_minutes, None)?;
        if predecessor == successor {
            return Err(CoreError::InvalidInput(format!(
                "\"{}\" cannot depend on itself.",
                pred.title
            )));
        }
        let exists: Option<Id> = self
            .conn
            .query_row(
                "SELECT id FROM dependencies WHERE predecessor_id = ?1 AND successor_id = ?2",
                [predecessor, successor],
                |r| r.get(0),
            )
            .optional()?;
        if exists.is_some() {
            return Err(CoreError::Duplicate(format!(
                "\"{}\" already depends on \"{}\".",
                succ.title, pred.title
            )));
        }
        // Scheduling with the new link finds a loop before anything is written.
        let mut outline = self.outline(pred.project_id)?;
        let at = |id: Id| outline.item_ids.iter().position(|&x| x == id);
        if let (Some(p), Some(s)) = (at(predecessor), at(successor)) {
            outline.network.links.push(Link {
                predecessor: p,
                successor: s,
                kind: kind.link_type(),
                lag: Lag::Work(lag_minutes),
            });
            schedule::schedule(&outline.network)?;
        }
        self.edit(|ctx| {
            let id = insert_dependency(ctx, predecessor, successor, kind, lag_minutes)?;
            ctx.set_label(format!("Link \"{}\" → \"{}\"", pred.title, succ.title));
            ctx.set_project(pred.project_id);
            Ok(id)
        })
    }

    /// Sets an item's place in the WBS outline and its scheduling fields, in one undoable edit.
    pub fn set_task_plan(&mut self, item_id: Id, input: &TaskPlanInput) -> Result<()> {
        let item = self.item(item_id)?;
        let time = |field: &str, value: &Option<String>| -> Result<Option<Minute>> {
            match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                None => Ok(None),
                Some(v) => parse_local(field, v).map(Some),
            }
        };
        let constraint_date = time("The constraint date", &input.constraint_date)?;
        let actual_start = time("The actual start", &input.actual_start)?;
        let actual_finish = time("The actual finish", &input.actual_finish)?;
        if input.constraint_type != ConstraintKind::Asap && constraint_date.is_none() {
            return Err(CoreError::InvalidInput("This constraint needs a date.".into()));
        }
        if let (Some(s), Some(f)) = (actual_start, actual_finish) {
            if f < s {
                return Err(CoreError::InvalidInput(
                    "The actual finish is before the actual start.".into(),
                ));
            }
        }
        if !(0.0..=100.0).contains(&input.percent_complete) {
            return Err(CoreError::InvalidInput("Percent complete is between 0 and 100.".into()));
        }
        if input
            .duration_minutes
            .is_some_and(|d| !(0..=480 * 365 * 20).contains(&d))
        {
            return Err(CoreError::InvalidInput(
                "A duration is between 0 and 20 years of working days.".into(),
            ));
        }
        self.check_parent(item_id, input.parent_id)?;
        let kind = match input.constraint_type {
            ConstraintKind::Asap => "asap",
            ConstraintKind::Snet => "snet",
            ConstraintKind::Snlt => "snlt",
            ConstraintKind::Fnet => "fnet",
            ConstraintKind::Fnlt => "fnlt",
            ConstraintKind::Mso => "mso",
            ConstraintKind::Mfo => "mfo",
        };
        let constraint_date = if kind == "asap" {
            None
        } else {
            constraint_date.map(format_time)
        };
        self.edit(|ctx| {
            ctx.touch("work_items", item_id)?;
            ctx.tx.execute(
                "UPDATE work_items SET parent_id = ?1, duration_minutes = ?2, constraint_type = ?3, \
                 constraint_date = ?4, actual_start = ?5, actual_finish = ?6, percent_complete = ?7, \
                 updated_at = ?8 WHERE id = ?9",
                rusqlite::params![
                    input.parent_id,
                    input.duration_minutes,
                    kind,
                    constraint_date,
                    actual_start.map(format_time),
                    actual_finish.map(format_time),
                    input.percent_complete,
                    validate::now_utc(),
                    item_id
                ],
            )?;
            ctx.set_label(format!("Plan \"{}\"", item.title));
            ctx.set_project(item.project_id);
            Ok(())
        })
    }

    /// Drags a task to start at `start` (a bar moved in the timeline): like Microsoft Project, it
    /// gets a "start no earlier than" constraint there, and a started task's actual start moves
    /// with it. Its successors follow when the schedule is computed.
    pub fn move_task(&mut self, item_id: Id, start: &str) -> Result<()> {
        let item = self.item(item_id)?;
        self.refuse_summary(item_id, &item.title)?;
        let start = parse_local("The new start", start)?;
        // On the task's own calendar: a day off (a holiday, a contractor's Friday) gives the next
        // working day, so the saved constraint is where the engine puts the bar.
        let outline = self.outline(item.project_id)?;
        let start = match outline.item_ids.iter().position(|&id| id == item_id) {
            Some(at) => {
                let network = &outline.network;
                network.calendars[network.tasks[at].calendar.unwrap_or(network.calendar)].next_start(start)
            }
            None => start,
        };
        let actual_start: Option<String> =
            self.conn
                .query_row("SELECT actual_start FROM work_items WHERE id = ?1", [item_id], |r| {
                    r.get(0)
                })?;
        let day = from_minute(start).format("%Y-%m-%d");
        self.edit(|ctx| {
            write_start_no_earlier(ctx, item_id, start)?;
            ctx.set_label(if actual_start.is_some() {
                format!("Move the actual start of \"{}\" to {day}", item.title)
            } else {
                format!("Move \"{}\" to start on {day}", item.title)
            });
            ctx.set_project(item.project_id);
            Ok(())
        })
    }

    /// Drags a task's end to `finish` (a bar's end in the timeline): its duration becomes the
    /// working time from its scheduled start to there. A date alone means the end of that day.
    pub fn set_task_finish(&mut self, item_id: Id, finish: &str) -> Result<()> {
        let item = self.item(item_id)?;
        self.refuse_summary(item_id, &item.title)?;
        let finish = match NaiveDate::parse_from_str(finish.trim(), "%Y-%m-%d") {
            Ok(day) => to_minute(day.succ_opt().unwrap_or(day).and_hms_opt(0, 0, 0).unwrap_or_default()),
            Err(_) => parse_local("The new finish", finish)?,
        };
        let outline = self.outline(item.project_id)?;
        let result = schedule::schedule(&outline.network)?;
        let at = outline
            .item_ids
            .iter()
            .position(|&id| id == item_id)
            .ok_or_else(|| CoreError::NotFound("That task no longer exists.".into()))?;
        let task = &outline.network.tasks[at];
        let calendar = &outline.network.calendars[task.calendar.unwrap_or(outline.network.calendar)];
        let start = result.tasks[at].early_start;
        let duration = calendar.work_between(start, finish);
        if duration <= 0 {
            return Err(CoreError::InvalidInput(format!(
                "\"{}\" starts {}; its finish must come after that.",
                item.title,
                from_minute(start).format("%Y-%m-%d %H:%M")
            )));
        }
        self.edit(|ctx| {
            write_duration(ctx, item_id, duration)?;
            ctx.set_label(format!(
                "Make \"{}\" {} working days long",
                item.title,
                duration as f64 / 480.0
            ));
            ctx.set_project(item.project_id);
            Ok(())
        })
    }

    /// A summary task's dates come from its tasks, so it is not dragged itself.
    pub(crate) fn refuse_summary(&self, item_id: Id, title: &str) -> Result<()> {
        let has_tasks: bool = self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM work_items WHERE parent_id = ?1)",
            [item_id],
            |r| r.get(0),
        )?;
        if has_tasks {
            return Err(CoreError::InvalidInput(format!(
                "\"{title}\" is a summary task: its dates come from its tasks, so move those instead."
            )));
        }
        Ok(())
    }

    pub fn remove_dependency(&mut self, id: Id) -> Result<()> {
        let (pred, succ, project): (String, String, Id) = self
            .conn
            .query_row(
                "SELECT p.title, s.title, s.project_id FROM dependencies d \
                 JOIN work_items p ON p.id = d.predecessor_id JOIN work_items s ON s.id = d.successor_id \
                 WHERE d.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That dependency no longer exists.".into()))?;
        self.edit(|ctx| {
            ctx.delete("dependencies", id)?;
            ctx.set_label(format!("Unlink \"{pred}\" → \"{succ}\""));
            ctx.set_project(project);
            Ok(())
        })
    }
}

/// Inserts a dependency inside an edit (also used by an approved change applied to the plan).
/// The caller has checked that it closes no loop.
pub(crate) fn insert_dependency(
    ctx: &mut EditContext,
    predecessor: Id,
    successor: Id,
    kind: DependencyKind,
    lag_minutes: Minute,
) -> Result<Id> {
    let id = ids::new_id(ctx.tx, "dependencies")?;
    ctx.tx.execute(
        "INSERT INTO dependencies(predecessor_id, successor_id, kind, lag_minutes, seq, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        (predecessor, successor, kind.as_str(), lag_minutes, ids::next_seq(ctx.tx, "dependencies")?, id),
    )?;
    ctx.inserted("dependencies", id);
    Ok(id)
}

/// Gives a task a "start no earlier than" constraint at `start`; a started task's actual start
/// moves with it.
pub(crate) fn write_start_no_earlier(ctx: &mut EditContext, item_id: Id, start: Minute) -> Result<()> {
    ctx.touch("work_items", item_id)?;
    ctx.tx.execute(
        "UPDATE work_items SET constraint_type = 'snet', constraint_date = ?1, \
         actual_start = CASE WHEN actual_start IS NULL THEN NULL ELSE ?1 END, updated_at = ?2 WHERE id = ?3",
        rusqlite::params![format_time(start), validate::now_utc(), item_id],
    )?;
    Ok(())
}

/// Sets a task's duration in working minutes.
pub(crate) fn write_duration(ctx: &mut EditContext, item_id: Id, minutes: Minute) -> Result<()> {
    ctx.touch("work_items", item_id)?;
    ctx.tx.execute(
        "UPDATE work_items SET duration_minutes = ?1, updated_at = ?2 WHERE id = ?3",
        rusqlite::params![minutes, validate::now_utc(), item_id],
    )?;
    Ok(())
}
