//! The working calendars stored in a workspace (table `calendars` and its exceptions).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::history::EditContext;
use crate::schedule::{Calendar, Span};
use crate::{CoreError, Id, Result};

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
    let mut calendars = Vec::new();
    let mut index = HashMap::new();
    let mut stmt = conn.prepare_cached("SELECT id, name, week FROM calendars ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
    })?;
    for row in rows {
        let (id, name, week) = row?;
        let days: Vec<serde_json::Value> = serde_json::from_str(&week).unwrap_or_default();
        let mut parsed: [Vec<Span>; 7] = Default::default();
        for (d, day) in days.iter().take(7).enumerate() {
            parsed[d] = spans_from_json(&day.to_string())?;
        }
        let calendar = Calendar::new(&name, parsed)
            .map_err(|e| CoreError::Damaged(format!("A calendar in this workspace is damaged: {e}")))?;
        index.insert(id, calendars.len());
        calendars.push(calendar);
    }
    let mut stmt = conn.prepare_cached("SELECT calendar_id, day, spans FROM calendar_exceptions")?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
    })?;
    for row in rows {
        let (id, day, spans) = row?;
        let (Some(&at), Ok(date)) = (index.get(&id), NaiveDate::parse_from_str(&day, "%Y-%m-%d")) else {
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
    ctx.tx.execute(
        "INSERT INTO calendars(name, week) VALUES (?1, ?2)",
        (&name, serde_json::Value::Array(week).to_string()),
    )?;
    let id = ctx.tx.last_insert_rowid();
    ctx.inserted("calendars", id);
    for (date, spans) in calendar.exceptions() {
        ctx.tx.execute(
            "INSERT INTO calendar_exceptions(calendar_id, day, spans) VALUES (?1, ?2, ?3)",
            (id, date.format("%Y-%m-%d").to_string(), spans_to_json(spans)),
        )?;
        ctx.inserted("calendar_exceptions", ctx.tx.last_insert_rowid());
    }
    Ok(id)
}

impl crate::Workspace {
    /// Makes `date` a non-working day (a holiday) of calendar `calendar_id`, undoably.
    pub fn add_holiday(&mut self, calendar_id: Id, date: NaiveDate, name: &str) -> Result<()> {
        let calendar: String = self
            .conn
            .query_row("SELECT name FROM calendars WHERE id = ?1", [calendar_id], |r| r.get(0))
            .map_err(|_| CoreError::NotFound("That calendar no longer exists.".into()))?;
        let day = date.format("%Y-%m-%d").to_string();
        self.edit(|ctx| {
            let existing: Option<Id> = ctx
                .tx
                .query_row(
                    "SELECT id FROM calendar_exceptions WHERE calendar_id = ?1 AND day = ?2",
                    (calendar_id, &day),
                    |r| r.get(0),
                )
                .ok();
            match existing {
                Some(id) => {
                    ctx.touch("calendar_exceptions", id)?;
                    ctx.tx.execute(
                        "UPDATE calendar_exceptions SET name = ?1, spans = '[]' WHERE id = ?2",
                        (name, id),
                    )?;
                }
                None => {
                    ctx.tx.execute(
                        "INSERT INTO calendar_exceptions(calendar_id, day, name, spans) VALUES (?1, ?2, ?3, '[]')",
                        (calendar_id, &day, name),
                    )?;
                    ctx.inserted("calendar_exceptions", ctx.tx.last_insert_rowid());
                }
            }
            ctx.set_label(format!("Make {day} a holiday in \"{calendar}\""));
            Ok(())
        })
    }
}
