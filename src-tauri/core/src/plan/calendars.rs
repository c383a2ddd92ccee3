//! The working calendars stored in a workspace (table `calendars` and its exceptions).

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::plan::schedule::{Calendar, Span};
use crate::stamp::parse_day;
use crate::workspace::history::EditContext;
use crate::{validate, workspace::ids, CoreError, Id, Result};

/// The "Standard" calendar every workspace starts with (Mon–Fri, 08:00–12:00, 13:00–17:00).
pub const STANDARD_CALENDAR: Id = 1;

fn spans_to_json(spans: &[Span]) -> String {
    let pairs: Vec<[u16; 2]> = spans.iter().map(|s| [s.start, s.end]).collect();
    serde_json::to_string(&pairs).unwrap_or_else(|_| "[]".into())
}

fn spans_from_json(json: &str) -> Result<Vec<Span>> {
    let pairs: Vec<[u16; 2]> = serde_json::from_str(json)
        .map_err(|e| CoreError::Damaged(format!("A calendar in this workspace is damaged: {e}.")))?;
    Ok(pairs.into_iter().map(|[start, end]| Span { start, end }).collect())
}

/// Every calendar of the workspace, and where each id sits in the list.
pub(crate) fn load(conn: &Connection) -> Result<(Vec<Calendar>, HashMap<Id, usize>)> {
    load_where(conn, None)
}

/// Only the calendars with these ids (in id order), and where each sits in the list. A schedule
/// reads the few its project uses: a workspace of many imported plans holds a calendar per plan.
pub(crate) fn load_some(conn: &Connection, ids: &BTreeSet<Id>) -> Result<(Vec<Calendar>, HashMap<Id, usize>)> {
    load_where(conn, Some(ids))
}

fn load_where(conn: &Connection, ids: Option<&BTreeSet<Id>>) -> Result<(Vec<Calendar>, HashMap<Id, usize>)> {
    // All calendars, or those whose id is in the JSON array `?1`.
    let wanted = ids.map(|ids| serde_json::to_string(ids).unwrap_or_else(|_| "[]".into()));
    let filter = if wanted.is_some() {
        "WHERE id IN (SELECT value FROM json_each(?1))"
    } else {
        "WHERE ?1 IS NULL"
    };
    let mut calendars = Vec::new();
    let mut index = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!("SELECT id, name, week FROM calendars {filter} ORDER BY id"))?;
    let rows = stmt.query_map([&wanted], |r| {
        Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
    })?;
    for row in rows {
        let (id, name, week) = row?;
        let days: Vec<Vec<[u16; 2]>> = serde_json::from_str(&week)
            .map_err(|e| CoreError::Damaged(format!("A calendar in this workspace is damaged: {e}.")))?;
        let mut parsed: [Vec<Span>; 7] = Default::default();
        for (d, day) in days.into_iter().take(7).enumerate() {
            parsed[d] = day.into_iter().map(|[start, end]| Span { start, end }).collect();
        }
        let calendar = Calendar::new(&name, parsed)
            .map_err(|e| CoreError::Damaged(format!("A calendar in this workspace is damaged: {e}")))?;
        index.insert(id, calendars.len());
        calendars.push(calendar);
    }
    let filter = filter.replace("WHERE id", "WHERE calendar_id");
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT calendar_id, day, spans FROM calendar_exceptions {filter}"
    ))?;
    let rows = stmt.query_map([&wanted], |r| {
        Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
    })?;
    for row in rows {
        let (id, day, spans) = row?;
        let (Some(&at), Some(date)) = (index.get(&id), parse_day(&day)) else {
            continue;
        };
        calendars[at].set_exception(date, spans_from_json(&spans)?)?;
    }
    Ok((calendars, index))
}

/// Stores `calendar` under a name no other calendar has (adding " (2)", " (3)" … if needed).
pub(crate) fn insert(ctx: &mut EditContext, calendar: &Calendar) -> Result<Id> {
    let mut name = calendar.name.clone();
    let mut n = 2;
    while ctx
        .tx
        .query_row("SELECT EXISTS(SELECT 1 FROM calendars WHERE name = ?1)", [&name], |r| {
            r.get::<_, bool>(0)
        })?
    {
        name = format!("{} ({n})", calendar.name);
        n += 1;
    }
    let week: Vec<serde_json::Value> = calendar
        .week()
        .iter()
        .map(|spans| serde_json::from_str(&spans_to_json(spans)).unwrap_or_default())
        .collect();
    let id = ids::new_id(ctx.tx, "calendars")?;
    ctx.tx.execute(
        "INSERT INTO calendars(name, week, id) VALUES (?1, ?2, ?3)",
        (&name, serde_json::Value::Array(week).to_string(), id),
    )?;
    ctx.inserted("calendars", id);
    for (date, spans) in calendar.exceptions() {
        let exception = ids::new_id(ctx.tx, "calendar_exceptions")?;
        ctx.tx.execute(
            "INSERT INTO calendar_exceptions(calendar_id, day, spans, id) VALUES (?1, ?2, ?3, ?4)",
            (id, date.format("%Y-%m-%d").to_string(), spans_to_json(spans), exception),
        )?;
        ctx.inserted("calendar_exceptions", exception);
    }
    Ok(id)
}

/// A calendar as the calendar editor shows it. Spans are `[start, end]` minutes after midnight.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct WorkingCalendar {
    #[ts(type = "number")]
    pub id: Id,
    pub name: String,
    /// Monday first.
    pub week: Vec<Vec<[u16; 2]>>,
    pub exceptions: Vec<CalendarException>,
    /// The projects whose schedule runs on this calendar.
    pub used_by: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CalendarName {
    #[ts(type = "number")]
    pub id: Id,
    pub name: String,
}

/// A date whose working time differs from the week's; no spans is a holiday.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CalendarException {
    /// `YYYY-MM-DD`
    pub day: String,
    pub name: String,
    pub spans: Vec<[u16; 2]>,
}

fn to_spans(pairs: &[[u16; 2]]) -> Vec<Span> {
    pairs.iter().map(|&[start, end]| Span { start, end }).collect()
}

fn to_pairs(spans: &[Span]) -> Vec<[u16; 2]> {
    spans.iter().map(|s| [s.start, s.end]).collect()
}

impl crate::Workspace {
    /// Every calendar of the workspace by name, for choosing one.
    pub fn calendar_names(&self) -> Result<Vec<CalendarName>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM calendars ORDER BY name COLLATE NOCASE")?;
        let rows = stmt.query_map([], |r| {
            Ok(CalendarName {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Stores a new calendar (renamed " (2)" … if its name is taken), undoably.
    pub fn add_calendar(&mut self, calendar: &Calendar) -> Result<Id> {
        self.edit(|ctx| {
            let id = insert(ctx, calendar)?;
            ctx.set_label(format!("Add the calendar \"{}\"", calendar.name));
            Ok(id)
        })
    }

    /// The calendar a project's schedule runs on, with its exceptions and who shares it.
    pub fn project_working_calendar(&self, project_id: Id) -> Result<WorkingCalendar> {
        let calendar_id: Option<Id> = self
            .conn
            .query_row("SELECT calendar_id FROM projects WHERE id = ?1", [project_id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That project no longer exists.".into()))?;
        let id = calendar_id.unwrap_or(STANDARD_CALENDAR);
        let (calendars, index) = load(&self.conn)?;
        let calendar = index
            .get(&id)
            .map(|&at| &calendars[at])
            .ok_or_else(|| CoreError::NotFound("That calendar no longer exists.".into()))?;
        let mut names = HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT day, name FROM calendar_exceptions WHERE calendar_id = ?1")?;
        for row in stmt.query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
            let (day, name) = row?;
            names.insert(day, name);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT name FROM projects WHERE coalesce(calendar_id, ?2) = ?1 ORDER BY name COLLATE NOCASE",
        )?;
        let used_by = stmt
            .query_map([id, STANDARD_CALENDAR], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(WorkingCalendar {
            id,
            name: calendar.name.clone(),
            week: calendar.week().iter().map(|d| to_pairs(d)).collect(),
            exceptions: calendar
                .exceptions()
                .into_iter()
                .map(|(date, spans)| {
                    let day = date.format("%Y-%m-%d").to_string();
                    CalendarException {
                        name: names.get(&day).cloned().unwrap_or_default(),
                        day,
                        spans: to_pairs(spans),
                    }
                })
                .collect(),
            used_by,
        })
    }

    fn calendar_name(&self, calendar_id: Id) -> Result<String> {
        self.conn
            .query_row("SELECT name FROM calendars WHERE id = ?1", [calendar_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That calendar no longer exists.".into()))
    }

    /// Sets a calendar's working week (Monday first), undoably.
    pub fn set_calendar_week(&mut self, calendar_id: Id, week: &[Vec<[u16; 2]>]) -> Result<()> {
        let name = self.calendar_name(calendar_id)?;
        let days: [Vec<Span>; 7] = week
            .iter()
            .map(|d| to_spans(d))
            .collect::<Vec<_>>()
            .try_into()
            .map_err(|_| CoreError::InvalidInput("A working week has seven days.".into()))?;
        Calendar::new(&name, days.clone())?;
        let json = serde_json::to_string(&days.iter().map(|d| to_pairs(d)).collect::<Vec<_>>())
            .map_err(|e| CoreError::InvalidInput(e.to_string()))?;
        self.edit(|ctx| {
            ctx.touch("calendars", calendar_id)?;
            ctx.tx
                .execute("UPDATE calendars SET week = ?1 WHERE id = ?2", (&json, calendar_id))?;
            ctx.set_label(format!("Change the working week of \"{name}\""));
            Ok(())
        })
    }

    /// Sets the working time of one date (no spans: a holiday), replacing any exception there.
    pub fn set_calendar_exception(&mut self, calendar_id: Id, exception: &CalendarException) -> Result<()> {
        let calendar = self.calendar_name(calendar_id)?;
        let date = validate::optional_date("The date", Some(&exception.day))?
            .ok_or_else(|| CoreError::InvalidInput("An exception needs a date.".into()))?;
        let spans = to_spans(&exception.spans);
        Calendar::standard().set_exception(date, spans.clone())?;
        let day = date.format("%Y-%m-%d").to_string();
        let name = exception.name.trim().to_string();
        self.edit(|ctx| {
            let existing: Option<Id> = ctx
                .tx
                .query_row(
                    "SELECT id FROM calendar_exceptions WHERE calendar_id = ?1 AND day = ?2",
                    (calendar_id, &day),
                    |r| r.get(0),
                )
                .optional()?;
            match existing {
                Some(id) => {
                    ctx.touch("calendar_exceptions", id)?;
                    ctx.tx.execute(
                        "UPDATE calendar_exceptions SET name = ?1, spans = ?2 WHERE id = ?3",
                        (&name, spans_to_json(&spans), id),
                    )?;
                }
                None => {
                    let id = ids::new_id(ctx.tx, "calendar_exceptions")?;
                    ctx.tx.execute(
                        "INSERT INTO calendar_exceptions(calendar_id, day, name, spans, id) VALUES (?1, ?2, ?3, ?4, ?5)",
                        (calendar_id, &day, &name, spans_to_json(&spans), id),
                    )?;
                    ctx.inserted("calendar_exceptions", id);
                }
            }
            ctx.set_label(if spans.is_empty() {
                format!("Make {day} a holiday in \"{calendar}\"")
            } else {
                format!("Change the working time of {day} in \"{calendar}\"")
            });
            Ok(())
        })
    }

    /// Makes `date` a non-working day (a holiday) of calendar `calendar_id`, undoably.
    pub fn add_holiday(&mut self, calendar_id: Id, date: NaiveDate, name: &str) -> Result<()> {
        let exception = CalendarException {
            day: date.format("%Y-%m-%d").to_string(),
            name: name.into(),
            spans: vec![],
        };
        self.set_calendar_exception(calendar_id, &exception)
    }

    /// Gives a date back the week's working time.
    pub fn remove_calendar_exception(&mut self, calendar_id: Id, day: &str) -> Result<()> {
        let calendar = self.calendar_name(calendar_id)?;
        let id: Id = self
            .conn
            .query_row(
                "SELECT id FROM calendar_exceptions WHERE calendar_id = ?1 AND day = ?2",
                (calendar_id, day.trim()),
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound(format!("\"{calendar}\" has no exception on {day}.")))?;
        self.edit(|ctx| {
            ctx.delete("calendar_exceptions", id)?;
            ctx.set_label(format!("Make {} a normal day in \"{calendar}\"", day.trim()));
            Ok(())
        })
    }
}
