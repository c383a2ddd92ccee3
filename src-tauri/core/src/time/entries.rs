//! Time entries: minutes a person spent on an item on one day, logged by hand (or by the
//! timer, see `timers`), edited and deleted as undoable edits.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{check_day_total, check_entry_minutes, check_not_future, day_total, duration, item_brief, person_name};
use crate::workspace::history::EditContext;
use crate::{validate, workspace::ids, CoreError, Id, Result, Workspace};

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct TimeEntry {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub item_id: Id,
    pub item_title: String,
    #[ts(type = "number")]
    pub person_id: Id,
    pub person_name: String,
    pub day: NaiveDate,
    #[ts(type = "number")]
    pub minutes: i64,
    pub note: String,
    pub created_at: String,
}

/// An entry as typed: the duration is text ("1.5", "1:30", "90m"; see `duration`).
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct TimeEntryInput {
    #[ts(type = "number")]
    pub item_id: Id,
    #[ts(type = "number")]
    pub person_id: Id,
    pub day: String,
    pub duration: String,
    #[serde(default)]
    pub note: String,
}

pub(crate) const SELECT_ENTRY: &str = "SELECT e.id, e.item_id, w.title, e.person_id, p.name, e.day, e.minutes, \
     e.note, e.created_at FROM time_entries e JOIN work_items w ON w.id = e.item_id \
     JOIN people p ON p.id = e.person_id";

pub(crate) fn entry_from_row(r: &Row) -> rusqlite::Result<TimeEntry> {
    let day: String = r.get(5)?;
    Ok(TimeEntry {
        id: r.get(0)?,
        item_id: r.get(1)?,
        item_title: r.get(2)?,
        person_id: r.get(3)?,
        person_name: r.get(4)?,
        day: NaiveDate::parse_from_str(&day, "%Y-%m-%d").unwrap_or_default(),
        minutes: r.get(6)?,
        note: r.get(7)?,
        created_at: r.get(8)?,
    })
}

fn gone() -> CoreError {
    CoreError::NotFound("That time entry no longer exists (it may have been deleted or undone).".into())
}

fn check_day(text: &str) -> Result<NaiveDate> {
    let day = validate::optional_date("The day", Some(text))?
        .ok_or_else(|| CoreError::InvalidInput("Choose the day the time was spent.".into()))?;
    check_not_future(day)?;
    Ok(day)
}

fn check_note(note: &str) -> Result<String> {
    let note = note.trim();
    if note.chars().count() > 500 {
        return Err(CoreError::InvalidInput("Keep the note under 500 characters.".into()));
    }
    Ok(note.to_string())
}

/// Inserts one checked entry (and gives the item its actual start if it has none).
pub(crate) fn insert(
    ctx: &mut EditContext,
    item_id: Id,
    person_id: Id,
    day: NaiveDate,
    minutes: i64,
    note: &str,
) -> Result<Id> {
    let item = item_brief(ctx.tx, item_id)?;
    let id = ids::new_id(ctx.tx, "time_entries")?;
    let seq = ids::next_seq(ctx.tx, "time_entries")?;
    ctx.tx.execute(
        "INSERT INTO time_entries(id, item_id, person_id, day, minutes, note, created_at, seq) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        rusqlite::params![
            id,
            item_id,
            person_id,
            day.to_string(),
            minutes,
            note,
            validate::now_utc(),
            seq
        ],
    )?;
    ctx.inserted("time_entries", id);
    super::mark_started(ctx, item_id, &item, day)?;
    ctx.set_project(item.project_id);
    Ok(id)
}

impl Workspace {
    pub fn time_entry(&self, id: Id) -> Result<TimeEntry> {
        self.conn
            .query_row(&format!("{SELECT_ENTRY} WHERE e.id = ?1"), [id], entry_from_row)
            .optional()?
            .ok_or_else(gone)
    }

    /// An item's entries, newest day first.
    pub fn item_time_entries(&self, item_id: Id) -> Result<Vec<TimeEntry>> {
        item_brief(&self.conn, item_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT_ENTRY} WHERE e.item_id = ?1 ORDER BY e.day DESC, e.seq DESC"
        ))?;
        let rows = stmt.query_map([item_id], entry_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Logs time by hand. Refused, with nothing saved: a duration of zero, below zero or over
    /// 24 hours, a day after today, more than 24 hours for the person that day, an unknown
    /// item or person.
    pub fn log_time(&mut self, input: &TimeEntryInput) -> Result<TimeEntry> {
        self.require_writable()?;
        let item = item_brief(&self.conn, input.item_id)?;
        let name = person_name(&self.conn, input.person_id)?;
        let day = check_day(&input.day)?;
        let minutes = duration::parse(&input.duration)?;
        check_entry_minutes(minutes)?;
        let note = check_note(&input.note)?;
        check_day_total(&name, day, day_total(&self.conn, input.person_id, day, &[])?, minutes)?;
        let id = self.edit(|ctx| {
            let id = insert(ctx, input.item_id, input.person_id, day, minutes, &note)?;
            ctx.set_label(format!("Log {} on \"{}\"", duration::format(minutes), item.title));
            Ok(id)
        })?;
        self.time_entry(id)
    }

    /// Changes an entry's person, day, duration or note (its item stays).
    pub fn update_time_entry(&mut self, id: Id, input: &TimeEntryInput) -> Result<TimeEntry> {
        self.require_writable()?;
        let old = self.time_entry(id)?;
        if input.item_id != old.item_id {
            return Err(CoreError::InvalidInput(
                "An entry stays on its item; delete it and log the time on the other item.".into(),
            ));
        }
        let name = person_name(&self.conn, input.person_id)?;
        let day = check_day(&input.day)?;
        let minutes = duration::parse(&input.duration)?;
        check_entry_minutes(minutes)?;
        let note = check_note(&input.note)?;
        check_day_total(&name, day, day_total(&self.conn, input.person_id, day, &[id])?, minutes)?;
        let item = item_brief(&self.conn, old.item_id)?;
        self.edit(|ctx| {
            ctx.touch("time_entries", id)?;
            ctx.tx.execute(
                "UPDATE time_entries SET person_id = ?1, day = ?2, minutes = ?3, note = ?4 WHERE id = ?5",
                rusqlite::params![input.person_id, day.to_string(), minutes, note, id],
            )?;
            super::mark_started(ctx, old.item_id, &item, day)?;
            ctx.set_label(format!("Change the time logged on \"{}\"", old.item_title));
            ctx.set_project(item.project_id);
            Ok(())
        })?;
        self.time_entry(id)
    }

    pub fn delete_time_entry(&mut self, id: Id) -> Result<()> {
        self.require_writable()?;
        let old = self.time_entry(id)?;
        let item = item_brief(&self.conn, old.item_id)?;
        self.edit(|ctx| {
            ctx.delete("time_entries", id)?;
            ctx.set_label(format!(
                "Delete {} logged on \"{}\"",
                duration::format(old.minutes),
                old.item_title
            ));
            ctx.set_project(item.project_id);
            Ok(())
        })
    }
}
