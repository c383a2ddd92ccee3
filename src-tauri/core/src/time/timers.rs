//! The start/stop timer: at most one running per person (table `timers`). Stopping logs the
//! elapsed time rounded to the minute, one entry per local day it ran on; a timer that ran
//! over [`ASK_AFTER_MINUTES`] is not logged until the user confirms or corrects the minutes.

use chrono::{DateTime, Duration, Local, NaiveDate, SecondsFormat, TimeZone, Utc};
use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use super::{check_day_total, check_entry_minutes, day_total, duration, entries, item_brief, person_name};
use crate::workspace::history::EditContext;
use crate::{clock, workspace::ids, CoreError, Id, Result, Workspace};

/// A timer that ran longer than this (16 h) was probably forgotten: stopping it asks first.
pub const ASK_AFTER_MINUTES: i64 = 16 * 60;

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct RunningTimer {
    #[ts(type = "number")]
    pub person_id: Id,
    pub person_name: String,
    #[ts(type = "number")]
    pub item_id: Id,
    pub item_title: String,
    /// UTC, RFC 3339.
    pub started_at: String,
    /// Whole minutes from the start to now (rounded).
    #[ts(type = "number")]
    pub elapsed_minutes: i64,
}

/// What stopping a timer did. When `needs_confirmation` is set nothing was saved and the
/// timer still runs: the UI shows `elapsed_minutes` for the user to correct, then stops again
/// with the minutes to log.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct TimerStop {
    pub needs_confirmation: bool,
    #[ts(type = "number")]
    pub elapsed_minutes: i64,
    /// The entries logged, one per day the timer ran on (empty for under a minute).
    pub logged: Vec<entries::TimeEntry>,
    pub message: String,
}

/// What starting a timer did: the new timer, and the one it stopped, if another was running.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct TimerStart {
    pub timer: RunningTimer,
    pub stopped: Option<TimerStop>,
}

struct Running {
    id: Id,
    item_id: Id,
    started: DateTime<Utc>,
}

fn running(conn: &rusqlite::Connection, person_id: Id) -> Result<Option<Running>> {
    let row: Option<(Id, Id, String)> = conn
        .query_row(
            "SELECT id, item_id, started_at FROM timers WHERE person_id = ?1",
            [person_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    row.map(|(id, item_id, started)| {
        let started = DateTime::parse_from_rfc3339(&started)
            .map_err(|_| CoreError::Damaged("A running timer in this workspace has an unreadable start.".into()))?
            .with_timezone(&Utc);
        Ok(Running { id, item_id, started })
    })
    .transpose()
}

/// Whole minutes between two instants, rounded to the nearest minute.
fn minutes_between(from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    ((to - from).num_seconds().max(0) + 30) / 60
}

/// Lays `minutes` out from `start` onwards, cut at each local midnight: (day, minutes) pairs.
pub fn split_by_day(start: DateTime<Utc>, minutes: i64) -> Vec<(NaiveDate, i64)> {
    let mut out = Vec::new();
    let mut at = start.with_timezone(&Local);
    let mut left = minutes;
    while left > 0 {
        let day = at.date_naive();
        let next_midnight = Local
            .from_local_datetime(&(day + Duration::days(1)).and_hms_opt(0, 0, 0).unwrap_or_default())
            .earliest()
            .unwrap_or(at + Duration::days(1));
        let room = ((next_midnight - at).num_seconds() + 59) / 60;
        let here = left.min(room.max(1));
        out.push((day, here));
        left -= here;
        at = next_midnight;
    }
    out
}

impl Workspace {
    /// Every running timer (one per person at most), with its elapsed time now.
    pub fn running_timers(&self) -> Result<Vec<RunningTimer>> {
        let now = clock::now();
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.person_id, p.name, t.item_id, w.title, t.started_at FROM timers t \
             JOIN people p ON p.id = t.person_id JOIN work_items w ON w.id = t.item_id \
             ORDER BY p.name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get::<_, String>(4)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (person_id, person_name, item_id, item_title, started_at) = row?;
            let elapsed_minutes = DateTime::parse_from_rfc3339(&started_at)
                .map(|s| minutes_between(s.with_timezone(&Utc), now))
                .unwrap_or(0);
            out.push(RunningTimer {
                person_id,
                person_name,
                item_id,
                item_title,
                started_at,
                elapsed_minutes,
            });
        }
        Ok(out)
    }

    /// Starts `person`'s timer on an item. A timer already running for them is stopped and
    /// logged in the same edit — unless it ran so long that it must be confirmed first.
    pub fn start_timer(&mut self, person_id: Id, item_id: Id) -> Result<TimerStart> {
        self.require_writable()?;
        let name = person_name(&self.conn, person_id)?;
        let item = item_brief(&self.conn, item_id)?;
        let now = clock::now();
        let previous = running(&self.conn, person_id)?;
        if let Some(p) = &previous {
            if p.item_id == item_id {
                return Err(CoreError::InvalidInput(format!(
                    "{name}'s timer already runs on \"{}\".",
                    item.title
                )));
            }
            let elapsed = minutes_between(p.started, now);
            if elapsed > ASK_AFTER_MINUTES {
                return Err(CoreError::InvalidInput(format!(
                    "{name}'s timer has run for {}; stop it and check the time before starting another.",
                    duration::format(elapsed)
                )));
            }
        }
        let logged = self.edit(|ctx| {
            let mut logged = Vec::new();
            if let Some(p) = &previous {
                logged = log_pieces(ctx, person_id, p, minutes_between(p.started, now))?;
                ctx.delete("timers", p.id)?;
            }
            let id = ids::new_id(ctx.tx, "timers")?;
            ctx.tx.execute(
                "INSERT INTO timers(id, person_id, item_id, started_at) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![id, person_id, item_id, now.to_rfc3339_opts(SecondsFormat::Secs, true)],
            )?;
            ctx.inserted("timers", id);
            ctx.set_label(format!("Start {name}'s timer on \"{}\"", item.title));
            ctx.set_project(item.project_id);
            Ok(logged)
        })?;
        let stopped = match previous {
            Some(p) => Some(self.stop_answer(minutes_between(p.started, now), &logged)?),
            None => None,
        };
        let timer = self
            .running_timers()?
            .into_iter()
            .find(|t| t.person_id == person_id)
            .ok_or_else(|| CoreError::Internal("The timer just started is missing.".into()))?;
        Ok(TimerStart { timer, stopped })
    }

    /// Stops `person`'s timer and logs its time. `minutes`: the minutes to log instead of the
    /// elapsed time (the user's correction; 0 discards the timer without logging). Without it,
    /// a timer that ran over 16 hours is not stopped: the answer asks for the minutes.
    pub fn stop_timer(&mut self, person_id: Id, minutes: Option<i64>) -> Result<TimerStop> {
        self.require_writable()?;
        let name = person_name(&self.conn, person_id)?;
        let timer = running(&self.conn, person_id)?
            .ok_or_else(|| CoreError::NotFound(format!("{name} has no timer running.")))?;
        let item = item_brief(&self.conn, timer.item_id)?;
        let elapsed = minutes_between(timer.started, clock::now());
        if minutes.is_none() && elapsed > ASK_AFTER_MINUTES {
            return Ok(TimerStop {
                needs_confirmation: true,
                elapsed_minutes: elapsed,
                logged: Vec::new(),
                message: format!(
                    "The timer on \"{}\" has run for {}. Was it left running? Correct the time before it is logged.",
                    item.title,
                    duration::format(elapsed)
                ),
            });
        }
        let to_log = minutes.unwrap_or(elapsed);
        if to_log < 0 {
            return Err(CoreError::InvalidInput("Logged time cannot be negative.".into()));
        }
        let logged = self.edit(|ctx| {
            let logged = log_pieces(ctx, person_id, &timer, to_log)?;
            ctx.delete("timers", timer.id)?;
            ctx.set_label(if logged.is_empty() {
                format!("Stop {name}'s timer on \"{}\"", item.title)
            } else {
                format!("Log {} on \"{}\" (timer)", duration::format(to_log), item.title)
            });
            ctx.set_project(item.project_id);
            Ok(logged)
        })?;
        self.stop_answer(to_log, &logged)
    }

    fn stop_answer(&self, minutes: i64, logged: &[Id]) -> Result<TimerStop> {
        let logged: Vec<entries::TimeEntry> = logged.iter().map(|id| self.time_entry(*id)).collect::<Result<_>>()?;
        let message = match logged.len() {
            0 => "Under a minute: nothing was logged.".to_string(),
            1 => format!("Logged {}.", duration::format(minutes)),
            n => format!("Logged {} over {n} days.", duration::format(minutes)),
        };
        Ok(TimerStop {
            needs_confirmation: false,
            elapsed_minutes: minutes,
            logged,
            message,
        })
    }
}

/// Logs a timer's minutes as one entry per day, under the same rules as a typed entry.
fn log_pieces(ctx: &mut EditContext, person_id: Id, timer: &Running, minutes: i64) -> Result<Vec<Id>> {
    let name = person_name(ctx.tx, person_id)?;
    let mut logged = Vec::new();
    for (day, piece) in split_by_day(timer.started, minutes) {
        check_entry_minutes(piece)?;
        super::check_not_future(day)?;
        check_day_total(&name, day, day_total(ctx.tx, person_id, day, &[])?, piece)?;
        logged.push(entries::insert(ctx, timer.item_id, person_id, day, piece, "Timer")?);
    }
    Ok(logged)
}
