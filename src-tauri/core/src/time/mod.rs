//! Time tracking: time logged by people against work items, by hand or with a start/stop
//! timer, the weekly timesheet, and what logged time feeds to the rest of the app.
//!
//! Rules (docs/time.md has them in full): an entry is 1 minute to 24 hours on one day, a
//! person logs at most 24 hours on one day in total, never on a day after today, and only on
//! items and people that exist. Every change is one undoable edit.
//!
//! # What other areas can call
//! - [`feeds::logged_cost`]`(ws, project_id, up_to)`: the actual staff cost of a project in
//!   minor units of the workspace currency — Σ over its time entries on or before `up_to` of
//!   minutes / 60 × the person's `cost_rate_minor`, each entry rounded half away from zero.
//! - [`feeds::logged_minutes`]`(ws, project_id, up_to)`: the actual work of a project, minutes.
//! - [`Workspace::item_actuals`] / [`feeds::project_actuals`]: per item, actual work (Σ
//!   minutes), remaining estimate (`remaining_hours` if set, else max(estimate − actual, 0))
//!   and actual cost.
//! - [`duration::parse`]: "1.5", "1:30", "1h 30m", "90m" as minutes.

pub mod duration;
pub mod entries;
pub mod feeds;
pub mod timers;
pub mod timesheet;

pub(crate) mod demo;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use crate::{CoreError, Id, Result};

/// The most one entry, or one person's day, may hold.
pub const DAY_MINUTES: i64 = 1440;

/// A `YYYY-MM-DD` day sent by the UI, refused by name when it is not a date.
pub fn parse_day(text: &str) -> Result<NaiveDate> {
    crate::validate::optional_date("The day", Some(text))?
        .ok_or_else(|| CoreError::InvalidInput("Choose a day.".into()))
}

/// What an edit needs to know of the item time is logged on.
pub(crate) struct ItemBrief {
    pub title: String,
    pub project_id: Id,
    /// Set when time first logged may give the item its actual start: a task, not a summary.
    pub can_start: bool,
    pub actual_start: Option<String>,
}

pub(crate) fn item_brief(conn: &Connection, item_id: Id) -> Result<ItemBrief> {
    conn.query_row(
        "SELECT title, project_id, item_type IN ('epic', 'milestone') \
             OR EXISTS (SELECT 1 FROM work_items c WHERE c.parent_id = w.id), actual_start \
         FROM work_items w WHERE id = ?1",
        [item_id],
        |r| {
            Ok(ItemBrief {
                title: r.get(0)?,
                project_id: r.get(1)?,
                can_start: !r.get::<_, bool>(2)?,
                actual_start: r.get(3)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| CoreError::NotFound("That item no longer exists (it may have been deleted or undone).".into()))
}

pub(crate) fn person_name(conn: &Connection, person_id: Id) -> Result<String> {
    conn.query_row("SELECT name FROM people WHERE id = ?1", [person_id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| CoreError::NotFound("That person is no longer in this workspace.".into()))
}

/// Minutes the person has logged on `day`, leaving out the entries in `except`.
pub(crate) fn day_total(conn: &Connection, person_id: Id, day: NaiveDate, except: &[Id]) -> Result<i64> {
    let mut stmt = conn.prepare_cached("SELECT id, minutes FROM time_entries WHERE person_id = ?1 AND day = ?2")?;
    let rows = stmt.query_map((person_id, day.to_string()), |r| {
        Ok((r.get::<_, Id>(0)?, r.get::<_, i64>(1)?))
    })?;
    let mut total = 0;
    for row in rows {
        let (id, minutes) = row?;
        if !except.contains(&id) {
            total += minutes;
        }
    }
    Ok(total)
}

/// Refuses a day after today, naming it.
pub(crate) fn check_not_future(day: NaiveDate) -> Result<()> {
    let today = crate::clock::today();
    if day > today {
        return Err(CoreError::InvalidInput(format!(
            "{day} is in the future; time can be logged up to today ({today})."
        )));
    }
    Ok(())
}

/// Refuses an entry outside 1 minute … 24 hours.
pub(crate) fn check_entry_minutes(minutes: i64) -> Result<()> {
    if minutes <= 0 {
        return Err(CoreError::InvalidInput(
            "Logged time must be more than zero; delete the entry to remove it.".into(),
        ));
    }
    if minutes > DAY_MINUTES {
        return Err(CoreError::InvalidInput(format!(
            "One entry can hold at most 24 hours, not {}.",
            duration::format(minutes)
        )));
    }
    Ok(())
}

/// Refuses a day on which the person would log more than 24 hours in total.
pub(crate) fn check_day_total(name: &str, day: NaiveDate, others: i64, minutes: i64) -> Result<()> {
    if others + minutes > DAY_MINUTES {
        return Err(CoreError::InvalidInput(format!(
            "{name} would have {} logged on {day}; a day holds at most 24 hours ({} already logged).",
            duration::format(others + minutes),
            duration::format(others)
        )));
    }
    Ok(())
}

/// When time is first logged on a task without an actual start, it started that day (at 08:00,
/// the start of the standard working day). Part of the same edit, so undo reverts both.
pub(crate) fn mark_started(
    ctx: &mut crate::workspace::history::EditContext,
    item_id: Id,
    item: &ItemBrief,
    day: NaiveDate,
) -> Result<bool> {
    if !item.can_start || item.actual_start.is_some() {
        return Ok(false);
    }
    ctx.touch("work_items", item_id)?;
    ctx.tx.execute(
        "UPDATE work_items SET actual_start = ?1, updated_at = ?2 WHERE id = ?3 AND actual_start IS NULL",
        (format!("{day}T08:00:00"), crate::validate::now_utc(), item_id),
    )?;
    Ok(true)
}
