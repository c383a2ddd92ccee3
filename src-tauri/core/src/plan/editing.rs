//! Editing the scheduling fields of one task (its constraint, percent complete and actual
//! dates) and of one link (its type and lag) from the timeline and the detail panel, and what
//! the schedule tells the UI about them: each task's constraint and actuals, and the working
//! calendars its bars are dragged on.
//!
//! Dates typed as a day alone are put on the task's own calendar: a start (a start constraint,
//! an actual start) at the beginning of that day's working time, a finish at its end. So
//! "Must finish on 19 Jan" means 17:00 on a standard day, and the saved moment is the one the
//! engine would use anyway.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::plan::schedule::calendar::{from_minute, to_minute, MINUTES_PER_DAY};
use crate::plan::schedule::{self, Calendar, Constraint, Lag, Minute, Network};
use crate::plan::timeline::{constraint_columns, constraint_from, format_time, ConstraintKind, DependencyKind};
use crate::{validate, CoreError, Id, Result, Workspace};

/// A lag or lead is at most a year of working days (365 days of 8 hours).
pub const MAX_LAG_MINUTES: Minute = 365 * 480;
/// A percentage lag is at most ten times the predecessor's duration, either way.
pub const MAX_LAG_PERCENT: f64 = 1000.0;

/// A task's constraint, progress and actual dates, all set at once (the detail panel's
/// Schedule section). Dates are local `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct TaskScheduleInput {
    pub constraint_type: ConstraintKind,
    /// Required by every constraint but "as soon as possible" (whose date is dropped).
    pub constraint_date: Option<String>,
    /// 0 to 100. An actual finish makes it 100: the task is done.
    pub percent_complete: f64,
    pub actual_start: Option<String>,
    /// Needs an actual start, at or before it.
    pub actual_finish: Option<String>,
}

/// A link's type and lag. `lag_percent`, when set, is a share of the predecessor's duration
/// and `lag_minutes` is then 0. Negative values are leads.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct LinkInput {
    pub kind: DependencyKind,
    #[ts(type = "number")]
    pub lag_minutes: Minute,
    pub lag_percent: Option<f64>,
}

/// What a scheduled task carries for editing it: its stored constraint and actual dates, and
/// the calendar (an index into [`crate::plan::timeline::ProjectSchedule::calendars`]) it works on.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TaskPlanState {
    pub constraint_type: ConstraintKind,
    pub constraint_date: Option<NaiveDateTime>,
    pub actual_start: Option<NaiveDateTime>,
    pub actual_finish: Option<NaiveDateTime>,
    pub calendar: usize,
}

impl TaskPlanState {
    pub(crate) fn of(network: &Network, i: usize) -> TaskPlanState {
        let task = &network.tasks[i];
        let (kind, _) = constraint_columns(task.constraint);
        TaskPlanState {
            constraint_type: constraint_kind(kind),
            constraint_date: constraint_date(task.constraint).map(from_minute),
            actual_start: task.actual_start.map(from_minute),
            actual_finish: task.actual_finish.map(from_minute),
            calendar: task.calendar.unwrap_or(network.calendar),
        }
    }
}

/// A working calendar as the timeline snaps dragged bars to it. Spans are `[start, end]`
/// minutes after midnight; an exception without spans is a day off.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ScheduleCalendar {
    pub name: String,
    /// Monday first.
    pub week: Vec<Vec<[u16; 2]>>,
    pub exceptions: Vec<CalendarDay>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CalendarDay {
    /// `YYYY-MM-DD`
    pub day: String,
    pub spans: Vec<[u16; 2]>,
}

/// The calendars of a network, in its order (tasks point into it).
pub(crate) fn schedule_calendars(network: &Network) -> Vec<ScheduleCalendar> {
    network.calendars.iter().map(calendar_of).collect()
}

fn calendar_of(c: &Calendar) -> ScheduleCalendar {
    let pairs = |spans: &[schedule::Span]| spans.iter().map(|s| [s.start, s.end]).collect();
    ScheduleCalendar {
        name: c.name.clone(),
        week: c.week().iter().map(|d| pairs(d)).collect(),
        exceptions: c
            .exceptions()
            .into_iter()
            .map(|(day, spans)| CalendarDay {
                day: day.format("%Y-%m-%d").to_string(),
                spans: pairs(spans),
            })
            .collect(),
    }
}

fn constraint_kind(kind: &str) -> ConstraintKind {
    match kind {
        "snet" => ConstraintKind::Snet,
        "snlt" => ConstraintKind::Snlt,
        "fnet" => ConstraintKind::Fnet,
        "fnlt" => ConstraintKind::Fnlt,
        "mso" => ConstraintKind::Mso,
        "mfo" => ConstraintKind::Mfo,
        _ => ConstraintKind::Asap,
    }
}

fn constraint_code(kind: ConstraintKind) -> &'static str {
    match kind {
        ConstraintKind::Asap => "asap",
        ConstraintKind::Snet => "snet",
        ConstraintKind::Snlt => "snlt",
        ConstraintKind::Fnet => "fnet",
        ConstraintKind::Fnlt => "fnlt",
        ConstraintKind::Mso => "mso",
        ConstraintKind::Mfo => "mfo",
    }
}

fn constraint_date(c: Constraint) -> Option<Minute> {
    match c {
        Constraint::AsSoonAsPossible => None,
        Constraint::StartNoEarlierThan(d)
        | Constraint::StartNoLaterThan(d)
        | Constraint::FinishNoEarlierThan(d)
        | Constraint::FinishNoLaterThan(d)
        | Constraint::MustStartOn(d)
        | Constraint::MustFinishOn(d) => Some(d),
    }
}

/// "Must finish on", as the detail panel's select names it.
pub fn constraint_name(kind: ConstraintKind) -> &'static str {
    match kind {
        ConstraintKind::Asap => "As soon as possible",
        ConstraintKind::Snet => "Start no earlier than",
        ConstraintKind::Snlt => "Start no later than",
        ConstraintKind::Fnet => "Finish no earlier than",
        ConstraintKind::Fnlt => "Finish no later than",
        ConstraintKind::Mso => "Must start on",
        ConstraintKind::Mfo => "Must finish on",
    }
}

fn is_finish(kind: ConstraintKind) -> bool {
    matches!(kind, ConstraintKind::Fnet | ConstraintKind::Fnlt | ConstraintKind::Mfo)
}

fn day_label(m: Minute) -> String {
    from_minute(m).format("%-d %b %Y").to_string()
}

/// "2 d", "4 h", "-1 d", "50 %": a lag as the UI writes it.
pub fn lag_label(lag_minutes: Minute, lag_percent: Option<f64>) -> String {
    if let Some(p) = lag_percent {
        return format!("{} %", (p * 100.0).round() / 100.0);
    }
    if lag_minutes % 480 == 0 {
        format!("{} d", lag_minutes / 480)
    } else if lag_minutes % 60 == 0 {
        format!("{} h", lag_minutes / 60)
    } else {
        format!("{lag_minutes} min")
    }
}

fn kind_name(kind: DependencyKind) -> &'static str {
    match kind {
        DependencyKind::Fs => "finish-to-start",
        DependencyKind::Ss => "start-to-start",
        DependencyKind::Ff => "finish-to-finish",
        DependencyKind::Sf => "start-to-finish",
    }
}

/// Refuses a lag beyond a year either way, or a percentage that is not a number.
pub(crate) fn check_lag(lag_minutes: Minute, lag_percent: Option<f64>) -> Result<()> {
    if lag_minutes.abs() > MAX_LAG_MINUTES {
        return Err(CoreError::InvalidInput(
            "A lag or lead is at most a year (365 working days) either way.".into(),
        ));
    }
    if let Some(p) = lag_percent {
        if !p.is_finite() || p.abs() > MAX_LAG_PERCENT {
            return Err(CoreError::InvalidInput(format!(
                "A lag in percent is between -{MAX_LAG_PERCENT} % and {MAX_LAG_PERCENT} % of the predecessor's duration."
            )));
        }
    }
    Ok(())
}

/// A date typed for a start (`finish` false) or a finish, as a moment on `calendar`. A day
/// alone is that day's first working moment, or the end of its working time. Years outside
/// 1900–2200 are refused: they are typing slips, and the calendar arithmetic would crawl.
fn moment(field: &str, text: &str, finish: bool, calendar: &Calendar) -> Result<Minute> {
    let text = text.trim();
    let refuse = || {
        CoreError::InvalidInput(format!(
            "{field} \"{text}\" is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)."
        ))
    };
    let (m, day_only) = match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(day) => (to_minute(day.and_hms_opt(0, 0, 0).ok_or_else(refuse)?), true),
        Err(_) => (
            NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
                .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M"))
                .map(to_minute)
                .map_err(|_| refuse())?,
            false,
        ),
    };
    if !(1900..=2200).contains(&from_minute(m).year()) {
        return Err(CoreError::InvalidInput(format!(
            "{field} \"{text}\" is not a date a plan can use (years 1900 to 2200)."
        )));
    }
    Ok(match (day_only, finish) {
        (false, _) => m,
        (true, false) => calendar.next_start(m),
        (true, true) => calendar.prev_end(m + MINUTES_PER_DAY),
    })
}

fn optional(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl Workspace {
    /// Sets a task's constraint, percent complete and actual dates in one undoable edit,
    /// labelled by what changed ("Set "Cutover" constraint to Must finish on 19 Jan 2026").
    /// Nothing changes when the input equals what is stored.
    pub fn set_task_schedule(&mut self, item_id: Id, input: &TaskScheduleInput) -> Result<()> {
        let item = self.item(item_id)?;
        let outline = self.outline(item.project_id)?;
        let at = outline
            .item_ids
            .iter()
            .position(|&id| id == item_id)
            .ok_or_else(|| CoreError::NotFound("That task no longer exists.".into()))?;
        let network = &outline.network;
        let task = &network.tasks[at];
        let calendar = &network.calendars[task.calendar.unwrap_or(network.calendar)];
        let summary = network.tasks.iter().any(|t| t.parent == Some(at));

        if !input.percent_complete.is_finite() || !(0.0..=100.0).contains(&input.percent_complete) {
            return Err(CoreError::InvalidInput(
                "Percent complete is a number from 0 to 100.".into(),
            ));
        }
        let kind = input.constraint_type;
        let constraint_at = match (kind, optional(&input.constraint_date)) {
            (ConstraintKind::Asap, _) => None,
            (_, None) => {
                return Err(CoreError::InvalidInput(format!(
                    "\"{}\" needs a date: on which day should \"{}\" {}?",
                    constraint_name(kind),
                    item.title,
                    constraint_name(kind).to_lowercase()
                )))
            }
            (_, Some(d)) => Some(moment("The constraint date", d, is_finish(kind), calendar)?),
        };
        let actual_start = optional(&input.actual_start)
            .map(|d| moment("The actual start", d, false, calendar))
            .transpose()?;
        let actual_finish = optional(&input.actual_finish)
            .map(|d| moment("The actual finish", d, true, calendar))
            .transpose()?;
        match (actual_start, actual_finish) {
            (None, Some(_)) => {
                return Err(CoreError::InvalidInput(format!(
                    "\"{}\" has no actual start: enter when it started before when it finished.",
                    item.title
                )))
            }
            (Some(s), Some(f)) if f < s => {
                return Err(CoreError::InvalidInput(format!(
                    "The actual finish of \"{}\" ({}) is before its actual start ({}).",
                    item.title,
                    day_label(f),
                    day_label(s)
                )))
            }
            _ => {}
        }
        if summary && (kind != ConstraintKind::Asap || actual_start.is_some()) {
            return Err(CoreError::InvalidInput(format!(
                "\"{}\" is a summary task: its dates come from its tasks, so set constraints and actual dates on those.",
                item.title
            )));
        }
        // A finished task is done, whatever percentage was left in the field.
        let percent = if actual_finish.is_some() {
            100.0
        } else {
            input.percent_complete
        };

        let constraint = match constraint_at {
            Some(d) => constraint_from(constraint_code(kind), Some(d)),
            None => Constraint::AsSoonAsPossible,
        };
        let before_percent = outline.percent[at];
        let mut changes = Vec::new();
        if constraint != task.constraint {
            changes.push(match constraint_at {
                None => format!("Set \"{}\" to start as soon as possible", item.title),
                Some(d) => format!(
                    "Set \"{}\" constraint to {} {}",
                    item.title,
                    constraint_name(kind),
                    day_label(d)
                ),
            });
        }
        if (percent - before_percent).abs() > 1e-9 {
            changes.push(format!(
                "Set \"{}\" to {} % complete",
                item.title,
                (percent * 100.0).round() / 100.0
            ));
        }
        if actual_start != task.actual_start {
            changes.push(match actual_start {
                Some(s) => format!("Set the actual start of \"{}\" to {}", item.title, day_label(s)),
                None => format!("Clear the actual start of \"{}\"", item.title),
            });
        }
        if actual_finish != task.actual_finish {
            changes.push(match actual_finish {
                Some(f) => format!("Set the actual finish of \"{}\" to {}", item.title, day_label(f)),
                None => format!("Clear the actual finish of \"{}\"", item.title),
            });
        }
        let label = match changes.len() {
            0 => return Ok(()),
            1 => changes.remove(0),
            _ => format!("Update the schedule of \"{}\"", item.title),
        };
        let (code, date) = constraint_columns(constraint);
        self.edit(|ctx| {
            ctx.touch("work_items", item_id)?;
            ctx.tx.execute(
                "UPDATE work_items SET constraint_type = ?1, constraint_date = ?2, actual_start = ?3, \
                 actual_finish = ?4, percent_complete = ?5, updated_at = ?6 WHERE id = ?7",
                rusqlite::params![
                    code,
                    date,
                    actual_start.map(format_time),
                    actual_finish.map(format_time),
                    percent,
                    validate::now_utc(),
                    item_id
                ],
            )?;
            ctx.set_label(label);
            ctx.set_project(item.project_id);
            Ok(())
        })
    }

    /// Changes a link's type and lag (working minutes, or a percentage of the predecessor's
    /// duration; negative is a lead). Refused when the schedule could not take it (a loop, named).
    pub fn set_dependency(&mut self, id: Id, input: &LinkInput) -> Result<()> {
        let (pred_id, succ_id, pred, succ, project): (Id, Id, String, String, Id) = self
            .conn
            .query_row(
                "SELECT p.id, s.id, p.title, s.title, s.project_id FROM dependencies d \
                 JOIN work_items p ON p.id = d.predecessor_id JOIN work_items s ON s.id = d.successor_id \
                 WHERE d.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That dependency no longer exists.".into()))?;
        check_lag(input.lag_minutes, input.lag_percent)?;
        let lag_minutes = if input.lag_percent.is_some() {
            0
        } else {
            input.lag_minutes
        };

        // Schedule with the changed link before anything is written: a loop is refused here.
        let mut outline = self.outline(project)?;
        if let Some(n) = outline.links.iter().position(|l| l.id == id) {
            let same = {
                let l = &outline.links[n];
                l.kind == input.kind && l.lag_minutes == lag_minutes && l.lag_percent == input.lag_percent
            };
            if same {
                return Ok(());
            }
            let at = |item: Id| outline.item_ids.iter().position(|&x| x == item);
            let (p, s) = (at(pred_id), at(succ_id));
            if let Some(link) = outline
                .network
                .links
                .iter_mut()
                .find(|l| Some(l.predecessor) == p && Some(l.successor) == s)
            {
                link.kind = input.kind.link_type();
                link.lag = input
                    .lag_percent
                    .map_or(Lag::Work(lag_minutes), Lag::PercentOfPredecessor);
            }
            schedule::schedule(&outline.network)?;
        }
        let label = format!(
            "Make \"{pred}\" → \"{succ}\" {}, lag {}",
            kind_name(input.kind),
            lag_label(lag_minutes, input.lag_percent)
        );
        self.edit(|ctx| {
            ctx.touch("dependencies", id)?;
            ctx.tx.execute(
                "UPDATE dependencies SET kind = ?1, lag_minutes = ?2, lag_percent = ?3 WHERE id = ?4",
                rusqlite::params![input.kind.as_str(), lag_minutes, input.lag_percent, id],
            )?;
            ctx.set_label(label);
            ctx.set_project(project);
            Ok(())
        })
    }
}
