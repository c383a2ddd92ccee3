//! Applying an approved change to the plan: a list of actions (add a task, shift a task's
//! start, change its duration) carried out in ONE edit with the plan's own writes, each
//! recorded as a link of the change, and the change marked implemented. One undo takes all
//! of it back. The preview runs the same checks and wording without writing anything.

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::changes::{ChangeRequest, ChangeStatus, LinkAction};
use super::ProjectScope;
use crate::plan::schedule::calendar::to_minute;
use crate::plan::schedule::Minute;
use crate::plan::tasks::{insert_dependency, write_duration, write_start_no_earlier};
use crate::plan::timeline::DependencyKind;
use crate::work::items::{self, ItemType, WorkItemInput};
use crate::workspace::history::EditContext;
use crate::{validate, workspace::ids, CoreError, Id, Result, Workspace};

/// A working day of a plan, as everywhere in the timeline.
const DAY: f64 = 480.0;
const MAX_ACTIONS: usize = 50;
const MAX_DAYS: f64 = 5_000.0;

/// One thing an approved change does to the plan.
#[derive(Debug, Clone, Deserialize, TS, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum PlanAction {
    /// A new task of `duration_days` working days; after `predecessor_id` (finish to start,
    /// under the same summary task) when one is given.
    AddTask {
        title: String,
        duration_days: f64,
        #[ts(type = "number | null")]
        predecessor_id: Option<Id>,
    },
    /// Shifts a task's start by `days` working days with a "start no earlier than" constraint.
    ShiftStart {
        #[ts(type = "number")]
        item_id: Id,
        days: i32,
    },
    SetDuration {
        #[ts(type = "number")]
        item_id: Id,
        duration_days: f64,
    },
}

/// What an action will do, in the words the change's link keeps.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct PlannedAction {
    pub action: LinkAction,
    pub title: String,
    pub detail: String,
}

enum Step {
    Add {
        title: String,
        minutes: Minute,
        predecessor: Option<Id>,
        parent: Option<Id>,
    },
    Shift {
        item_id: Id,
        start: Minute,
    },
    Duration {
        item_id: Id,
        minutes: Minute,
    },
}

fn days_text(minutes: Minute) -> String {
    let days = minutes as f64 / DAY;
    let text = if days.fract() == 0.0 {
        format!("{days:.0}")
    } else {
        format!("{days:.1}")
    };
    format!("{text} working day{}", if text == "1" { "" } else { "s" })
}

fn duration_minutes(days: f64) -> Result<Minute> {
    if !days.is_finite() || !(0.0..=MAX_DAYS).contains(&days) {
        return Err(CoreError::InvalidInput(format!(
            "A task's duration is between 0 and {MAX_DAYS:.0} working days."
        )));
    }
    Ok((days * DAY).round() as Minute)
}

fn day_text(t: NaiveDateTime) -> String {
    t.format("%-d %b").to_string()
}

impl Workspace {
    /// What applying `actions` to the plan would do, without doing it.
    pub fn preview_change_plan(&self, id: Id, actions: &[PlanAction]) -> Result<Vec<PlannedAction>> {
        let change = self.change_request(id)?;
        Ok(self.plan_steps(&change, actions)?.into_iter().map(|(_, p)| p).collect())
    }

    /// Carries out an approved change's actions on the plan in one undoable step and marks the
    /// change implemented; each task it added, moved or changed becomes a link of the change.
    pub fn apply_change_to_plan(&mut self, id: Id, actions: &[PlanAction]) -> Result<ProjectScope> {
        let change = self.change_request(id)?;
        let code = &change.code;
        match change.status {
            ChangeStatus::Approved => {}
            ChangeStatus::Rejected => {
                return Err(CoreError::InvalidInput(format!(
                    "{code} was rejected, so it cannot be implemented. Reopen it and approve it first."
                )))
            }
            ChangeStatus::Proposed => {
                return Err(CoreError::InvalidInput(format!(
                    "{code} is not approved yet; approve it before applying it to the plan."
                )))
            }
            ChangeStatus::Implemented => {
                return Err(CoreError::InvalidInput(format!("{code} is already implemented.")))
            }
        }
        let steps = self.plan_steps(&change, actions)?;
        let project_id = change.project_id;
        self.edit(|ctx| {
            for (step, planned) in &steps {
                let item_id = match step {
                    Step::Add {
                        title,
                        minutes,
                        predecessor,
                        parent,
                    } => add_task(ctx, project_id, title, *minutes, *predecessor, *parent)?,
                    Step::Shift { item_id, start } => {
                        write_start_no_earlier(ctx, *item_id, *start)?;
                        *item_id
                    }
                    Step::Duration { item_id, minutes } => {
                        write_duration(ctx, *item_id, *minutes)?;
                        *item_id
                    }
                };
                let link = ids::new_id(ctx.tx, "change_links")?;
                ctx.tx.execute(
                    "INSERT INTO change_links(id, change_id, item_id, action, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
                    (link, id, item_id, planned.action.as_str(), &planned.detail),
                )?;
                ctx.inserted("change_links", link);
            }
            ctx.touch("change_requests", id)?;
            ctx.tx
                .execute("UPDATE change_requests SET status = 'implemented' WHERE id = ?1", [id])?;
            ctx.set_label(format!("Implement {} \"{}\"", change.code, change.title));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_scope(project_id)
    }

    /// Checks every action against the current schedule and words what it will do.
    fn plan_steps(&self, change: &ChangeRequest, actions: &[PlanAction]) -> Result<Vec<(Step, PlannedAction)>> {
        if actions.len() > MAX_ACTIONS {
            return Err(CoreError::InvalidInput(format!(
                "A change applies at most {MAX_ACTIONS} actions at once."
            )));
        }
        let project_id = change.project_id;
        let schedule = self.project_schedule(project_id)?;
        let outline = self.outline(project_id)?;
        let task_at = |item_id: Id| -> Result<usize> {
            schedule.tasks.iter().position(|t| t.item_id == item_id).ok_or_else(|| {
                CoreError::InvalidInput(format!("That task is not in the plan of {}'s project.", change.code))
            })
        };
        let mut seen: Vec<Id> = Vec::new();
        let mut steps = Vec::new();
        for action in actions {
            match action {
                PlanAction::AddTask {
                    title,
                    duration_days,
                    predecessor_id,
                } => {
                    let title = validate::required_text("The new task's title", title, 300)?;
                    let minutes = duration_minutes(*duration_days)?;
                    let (parent, after) = match predecessor_id {
                        Some(p) => {
                            let at = task_at(*p)?;
                            (
                                self.item(*p)?.parent_id,
                                format!(", after \"{}\"", schedule.tasks[at].name),
                            )
                        }
                        None => (None, String::new()),
                    };
                    let detail = format!("Added: {}{after}", days_text(minutes));
                    steps.push((
                        Step::Add {
                            title: title.clone(),
                            minutes,
                            predecessor: *predecessor_id,
                            parent,
                        },
                        PlannedAction {
                            action: LinkAction::Added,
                            title,
                            detail,
                        },
                    ));
                }
                PlanAction::ShiftStart { item_id, days } => {
                    let at = task_at(*item_id)?;
                    let task = &schedule.tasks[at];
                    self.refuse_summary(*item_id, &task.name)?;
                    if seen.contains(item_id) {
                        return Err(CoreError::InvalidInput(format!(
                            "\"{}\" appears twice; change each task once per change.",
                            task.name
                        )));
                    }
                    seen.push(*item_id);
                    if *days == 0 || days.abs() > 1000 {
                        return Err(CoreError::InvalidInput(
                            "Shift a start by 1 to 1000 working days (negative: earlier).".into(),
                        ));
                    }
                    let calendar = &outline.network.calendars
                        [outline.network.tasks[at].calendar.unwrap_or(outline.network.calendar)];
                    let mut day = task.start.date();
                    let mut left = days.abs();
                    let step = Duration::days(i64::from(days.signum()));
                    // A calendar with no working day at all would never end the walk.
                    for _ in 0..20_000 {
                        if left == 0 {
                            break;
                        }
                        day += step;
                        if calendar.is_working_day(day) {
                            left -= 1;
                        }
                    }
                    if left > 0 {
                        return Err(CoreError::InvalidInput(format!(
                            "\"{}\"'s calendar has too few working days to shift it that far.",
                            task.name
                        )));
                    }
                    let start = day.and_time(task.start.time());
                    steps.push((
                        Step::Shift {
                            item_id: *item_id,
                            start: to_minute(start),
                        },
                        PlannedAction {
                            action: LinkAction::Moved,
                            title: task.name.clone(),
                            detail: format!("Start moved from {} to {}", day_text(task.start), day_text(start)),
                        },
                    ));
                }
                PlanAction::SetDuration { item_id, duration_days } => {
                    let at = task_at(*item_id)?;
                    let task = &schedule.tasks[at];
                    self.refuse_summary(*item_id, &task.name)?;
                    if seen.contains(item_id) {
                        return Err(CoreError::InvalidInput(format!(
                            "\"{}\" appears twice; change each task once per change.",
                            task.name
                        )));
                    }
                    seen.push(*item_id);
                    let minutes = duration_minutes(*duration_days)?;
                    steps.push((
                        Step::Duration {
                            item_id: *item_id,
                            minutes,
                        },
                        PlannedAction {
                            action: LinkAction::Changed,
                            title: task.name.clone(),
                            detail: format!(
                                "Duration changed from {} to {}",
                                days_text(task.duration_minutes),
                                days_text(minutes)
                            ),
                        },
                    ));
                }
            }
        }
        Ok(steps)
    }
}

/// A new task through the board's own insert, then its duration, place in the outline (under
/// its predecessor's summary) and link, all in the caller's edit.
fn add_task(
    ctx: &mut EditContext,
    project_id: Id,
    title: &str,
    minutes: Minute,
    predecessor: Option<Id>,
    parent: Option<Id>,
) -> Result<Id> {
    let checked = items::check(&WorkItemInput {
        item_type: Some(ItemType::Task),
        title: title.to_string(),
        ..Default::default()
    })?;
    let item_id = items::insert(ctx, project_id, None, &checked)?;
    write_duration(ctx, item_id, minutes)?;
    if let Some(parent) = parent {
        let position: f64 = ctx.tx.query_row(
            "SELECT coalesce(max(outline_position), 0) + 1 FROM work_items WHERE parent_id = ?1",
            [parent],
            |r| r.get(0),
        )?;
        ctx.tx.execute(
            "UPDATE work_items SET parent_id = ?1, outline_position = ?2 WHERE id = ?3",
            rusqlite::params![parent, position, item_id],
        )?;
    }
    if let Some(predecessor) = predecessor {
        insert_dependency(ctx, predecessor, item_id, DependencyKind::Fs, 0)?;
    }
    Ok(item_id)
}
