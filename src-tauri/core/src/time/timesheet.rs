//! The weekly timesheet of one person: a row per item they logged time on that week or are
//! assigned to (and not done), a column per day Monday to Sunday.
//!
//! Typing in a cell sets that day's total for the item: the cell's entries are replaced by one
//! entry with the typed total (an only entry is updated in place and keeps its note; several
//! become one whose note joins theirs), all in one undoable edit. An empty cell or 0 deletes
//! them. We chose "set the total" over "add an entry" because a grid cell shows a total, and
//! typing over a number should leave that number there.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::{
    check_day_total, check_entry_minutes, check_not_future, day_total, duration, entries, item_brief, person_name,
};
use crate::{CoreError, Id, Result, Workspace};

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct TimesheetRow {
    #[ts(type = "number")]
    pub item_id: Id,
    pub item_title: String,
    #[ts(type = "number")]
    pub project_id: Id,
    pub project_name: String,
    /// Minutes per day, Monday first.
    #[ts(type = "number[]")]
    pub minutes: Vec<i64>,
    #[ts(type = "number")]
    pub total_minutes: i64,
    /// The person is the item's assignee or has an assignment on it.
    pub assigned: bool,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Timesheet {
    #[ts(type = "number")]
    pub person_id: Id,
    pub person_name: String,
    /// The Monday of the week.
    pub week_start: NaiveDate,
    pub days: Vec<NaiveDate>,
    pub rows: Vec<TimesheetRow>,
    #[ts(type = "number[]")]
    pub day_totals: Vec<i64>,
    #[ts(type = "number")]
    pub total_minutes: i64,
    #[ts(type = "number")]
    pub capacity_minutes: i64,
}

/// The Monday of the week `day` falls in.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

impl Workspace {
    /// `person`'s timesheet for the week that contains `day`.
    pub fn timesheet(&self, person_id: Id, day: NaiveDate) -> Result<Timesheet> {
        let person_name = person_name(&self.conn, person_id)?;
        let week_start = monday_of(day);
        let days: Vec<NaiveDate> = (0..7).map(|d| week_start + Duration::days(d)).collect();
        let week_end = days[6];
        let capacity_minutes: i64 = self.conn.query_row(
            "SELECT capacity_minutes_per_week FROM people WHERE id = ?1",
            [person_id],
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT w.id, w.title, pr.id, pr.name, \
               (w.assignee_id = ?1 OR EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = w.id AND a.person_id = ?1)) \
             FROM work_items w JOIN projects pr ON pr.id = w.project_id JOIN statuses s ON s.id = w.status_id \
             WHERE EXISTS (SELECT 1 FROM time_entries e WHERE e.item_id = w.id AND e.person_id = ?1 \
                             AND e.day BETWEEN ?2 AND ?3) \
                OR (w.item_type <> 'epic' AND s.category <> 'done' \
                    AND (w.assignee_id = ?1 OR EXISTS (SELECT 1 FROM assignments a \
                         WHERE a.item_id = w.id AND a.person_id = ?1))) \
             ORDER BY pr.name COLLATE NOCASE, w.outline_position, w.title",
        )?;
        let mut rows: Vec<TimesheetRow> = stmt
            .query_map((person_id, week_start.to_string(), week_end.to_string()), |r| {
                Ok(TimesheetRow {
                    item_id: r.get(0)?,
                    item_title: r.get(1)?,
                    project_id: r.get(2)?,
                    project_name: r.get(3)?,
                    minutes: vec![0; 7],
                    total_minutes: 0,
                    assigned: r.get::<_, Option<bool>>(4)?.unwrap_or(false),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT item_id, day, minutes FROM time_entries WHERE person_id = ?1 AND day BETWEEN ?2 AND ?3",
        )?;
        let logged = stmt.query_map((person_id, week_start.to_string(), week_end.to_string()), |r| {
            Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?))
        })?;
        let mut day_totals = vec![0; 7];
        for row in logged {
            let (item_id, day, minutes) = row?;
            let Ok(day) = NaiveDate::parse_from_str(&day, "%Y-%m-%d") else {
                continue;
            };
            let d = (day - week_start).num_days() as usize;
            if let Some(row) = rows.iter_mut().find(|r| r.item_id == item_id) {
                row.minutes[d] += minutes;
                row.total_minutes += minutes;
            }
            day_totals[d] += minutes;
        }
        Ok(Timesheet {
            person_id,
            person_name,
            week_start,
            days,
            rows,
            total_minutes: day_totals.iter().sum(),
            day_totals,
            capacity_minutes,
        })
    }

    /// Sets `person`'s total on `item` for `day` to the typed duration (see the module
    /// comment), and answers with the week's timesheet.
    pub fn set_timesheet_cell(&mut self, person_id: Id, item_id: Id, day: NaiveDate, text: &str) -> Result<Timesheet> {
        self.require_writable()?;
        let name = person_name(&self.conn, person_id)?;
        let item = item_brief(&self.conn, item_id)?;
        let minutes = duration::parse(text)?;
        if minutes < 0 {
            return Err(CoreError::InvalidInput("Logged time cannot be negative.".into()));
        }
        let cell: Vec<entries::TimeEntry> = {
            let mut stmt = self.conn.prepare_cached(&format!(
                "{} WHERE e.person_id = ?1 AND e.item_id = ?2 AND e.day = ?3 ORDER BY e.seq",
                entries::SELECT_ENTRY
            ))?;
            let rows = stmt.query_map((person_id, item_id, day.to_string()), entries::entry_from_row)?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let before: i64 = cell.iter().map(|e| e.minutes).sum();
        if minutes == before {
            return self.timesheet(person_id, day);
        }
        if minutes > 0 {
            check_not_future(day)?;
            check_entry_minutes(minutes)?;
            let ids: Vec<Id> = cell.iter().map(|e| e.id).collect();
            check_day_total(&name, day, day_total(&self.conn, person_id, day, &ids)?, minutes)?;
        }
        self.edit(|ctx| {
            match (cell.as_slice(), minutes) {
                (_, 0) => {
                    for entry in &cell {
                        ctx.delete("time_entries", entry.id)?;
                    }
                }
                ([only], _) => {
                    ctx.touch("time_entries", only.id)?;
                    ctx.tx
                        .execute("UPDATE time_entries SET minutes = ?1 WHERE id = ?2", (minutes, only.id))?;
                }
                _ => {
                    let notes: Vec<&str> = cell.iter().map(|e| e.note.as_str()).filter(|n| !n.is_empty()).collect();
                    for entry in &cell {
                        ctx.delete("time_entries", entry.id)?;
                    }
                    entries::insert(ctx, item_id, person_id, day, minutes, &notes.join("; "))?;
                }
            }
            ctx.set_label(if minutes == 0 {
                format!("Clear {name}'s time on \"{}\" for {day}", item.title)
            } else {
                format!(
                    "Set {name}'s time on \"{}\" for {day} to {}",
                    item.title,
                    duration::format(minutes)
                )
            });
            ctx.set_project(item.project_id);
            Ok(())
        })?;
        self.timesheet(person_id, day)
    }
}
