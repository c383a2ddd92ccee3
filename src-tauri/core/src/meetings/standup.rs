//! The stand-up view, from the data: per person, what changed since the last stand-up (status
//! moves, items done, time logged), what is due today or overdue, and what is blocked (a
//! blocked reason, or waiting on an open external dependency). Nobody types it in.

use std::collections::BTreeMap;

use chrono::{DateTime, Local, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::{previous_working_day, AttendeeInput, Meeting, MeetingInput, MeetingKind};
use crate::{validate, Id, Result, Workspace};

/// An item that moved to another column since the last stand-up.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct StandupMove {
    #[ts(type = "number")]
    pub item_id: Id,
    pub title: String,
    /// The column it moved into, and whether that column means done.
    pub status: String,
    pub done: bool,
    pub day: NaiveDate,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct StandupTime {
    #[ts(type = "number")]
    pub item_id: Id,
    pub title: String,
    pub minutes: u32,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct StandupDue {
    #[ts(type = "number")]
    pub item_id: Id,
    pub title: String,
    pub due_date: NaiveDate,
    pub overdue: bool,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct StandupBlocked {
    #[ts(type = "number")]
    pub item_id: Id,
    pub title: String,
    /// The item's blocked reason, or "Waiting on …" for an open external dependency.
    pub reason: String,
}

/// One person's card. `person_id` is None for the card of items nobody owns.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct StandupPerson {
    #[ts(type = "number | null")]
    pub person_id: Option<Id>,
    pub name: String,
    pub moved: Vec<StandupMove>,
    pub time: Vec<StandupTime>,
    pub logged_minutes: u32,
    pub due: Vec<StandupDue>,
    pub blocked: Vec<StandupBlocked>,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Standup {
    #[ts(type = "number")]
    pub project_id: Id,
    pub today: NaiveDate,
    /// Changes on or after this day count: the previous stand-up's day, or the working day
    /// before today when there was none.
    pub since: NaiveDate,
    /// The previous stand-up meeting, if any.
    #[ts(type = "number | null")]
    pub last_standup_id: Option<Id>,
    /// Today's stand-up meeting, once started.
    #[ts(type = "number | null")]
    pub today_standup_id: Option<Id>,
    pub people: Vec<StandupPerson>,
}

/// Item id, title, owner id and name, then what each query adds.
type MoveRow = (Id, String, Option<Id>, Option<String>, String, String, String);
type DueRow = (Id, String, Option<Id>, Option<String>, String);
type BlockedRow = (Id, String, Option<Id>, Option<String>, String, Option<String>);

fn local_day(at: &str) -> Option<NaiveDate> {
    DateTime::parse_from_rfc3339(at)
        .ok()
        .map(|t| t.with_timezone(&Utc).with_timezone(&Local).date_naive())
}

/// The stand-up of a project on `today`.
pub fn standup(conn: &Connection, project_id: Id, today: NaiveDate) -> Result<Standup> {
    let previous: Option<(Id, String)> = conn
        .query_row(
            "SELECT id, day FROM meetings WHERE project_id = ?1 AND kind = 'standup' AND day < ?2 \
             ORDER BY day DESC, id LIMIT 1",
            rusqlite::params![project_id, today.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let today_standup_id: Option<Id> = conn
        .query_row(
            "SELECT id FROM meetings WHERE project_id = ?1 AND kind = 'standup' AND day = ?2 ORDER BY id LIMIT 1",
            rusqlite::params![project_id, today.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    let since = previous
        .as_ref()
        .and_then(|(_, d)| validate::date_from_sql(Some(d.clone())))
        .unwrap_or_else(|| previous_working_day(today));

    // Key: (name, person id); None sorts the "No owner" card last by its name.
    let mut cards: BTreeMap<(bool, String, Option<Id>), StandupPerson> = BTreeMap::new();
    fn card(
        cards: &mut BTreeMap<(bool, String, Option<Id>), StandupPerson>,
        person: Option<Id>,
        name: Option<String>,
    ) -> &mut StandupPerson {
        let name = name.unwrap_or_else(|| "No owner".into());
        cards
            .entry((person.is_none(), name.to_lowercase(), person))
            .or_insert_with(|| StandupPerson {
                person_id: person,
                name,
                moved: Vec::new(),
                time: Vec::new(),
                logged_minutes: 0,
                due: Vec::new(),
                blocked: Vec::new(),
            })
    }

    // The attendees of the previous stand-up always get a card.
    if let Some((id, _)) = &previous {
        let mut stmt = conn.prepare_cached(
            "SELECT p.id, p.name FROM meeting_attendees a JOIN people p ON p.id = a.person_id WHERE a.meeting_id = ?1",
        )?;
        let rows: Vec<(Id, String)> = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (pid, name) in rows {
            card(&mut cards, Some(pid), Some(name));
        }
    }

    // Status moves: every change after the item's creation whose local day is in [since, today].
    let mut stmt = conn.prepare_cached(
        "SELECT w.id, w.title, w.assignee_id, p.name, coalesce(st.name, ''), c.category, c.at \
         FROM status_changes c JOIN work_items w ON w.id = c.item_id \
         LEFT JOIN statuses st ON st.id = c.status_id LEFT JOIN people p ON p.id = w.assignee_id \
         WHERE w.project_id = ?1 AND c.at <> w.created_at AND c.at >= ?2 ORDER BY c.at, c.seq, c.id",
    )?;
    // A day's changes are read from the UTC instant a day before `since`, then cut locally.
    let from = (since - chrono::Duration::days(1)).to_string();
    let rows: Vec<MoveRow> = stmt
        .query_map(rusqlite::params![project_id, from], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (item_id, title, person, name, status, category, at) in rows {
        let Some(day) = local_day(&at) else { continue };
        if day < since || day > today {
            continue;
        }
        let c = card(&mut cards, person, name);
        // Only the latest move of an item counts.
        c.moved.retain(|m| m.item_id != item_id);
        c.moved.push(StandupMove {
            item_id,
            title,
            status,
            done: category == "done",
            day,
        });
    }

    // Time logged on the project's items, by who logged it.
    let mut stmt = conn.prepare_cached(
        "SELECT t.person_id, p.name, w.id, w.title, sum(t.minutes) FROM time_entries t \
         JOIN work_items w ON w.id = t.item_id JOIN people p ON p.id = t.person_id \
         WHERE w.project_id = ?1 AND t.day >= ?2 AND t.day <= ?3 \
         GROUP BY t.person_id, w.id ORDER BY min(t.day), w.title",
    )?;
    let rows: Vec<(Id, String, Id, String, u32)> = stmt
        .query_map(
            rusqlite::params![project_id, since.to_string(), today.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?
        .collect::<rusqlite::Result<_>>()?;
    for (person, name, item_id, title, minutes) in rows {
        let c = card(&mut cards, Some(person), Some(name));
        c.logged_minutes += minutes;
        c.time.push(StandupTime {
            item_id,
            title,
            minutes,
        });
    }

    // Open items due today or earlier.
    let mut stmt = conn.prepare_cached(
        "SELECT w.id, w.title, w.assignee_id, p.name, w.due_date FROM work_items w \
         JOIN statuses s ON s.id = w.status_id LEFT JOIN people p ON p.id = w.assignee_id \
         WHERE w.project_id = ?1 AND s.category <> 'done' AND w.item_type <> 'epic' \
         AND w.due_date IS NOT NULL AND w.due_date <= ?2 ORDER BY w.due_date, w.title",
    )?;
    let rows: Vec<DueRow> = stmt
        .query_map(rusqlite::params![project_id, today.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (item_id, title, person, name, due) in rows {
        let Some(due_date) = validate::date_from_sql(Some(due)) else {
            continue;
        };
        card(&mut cards, person, name).due.push(StandupDue {
            item_id,
            title,
            due_date,
            overdue: due_date < today,
        });
    }

    // Open items blocked, by reason or by an open external dependency.
    let mut stmt = conn.prepare_cached(
        "SELECT w.id, w.title, w.assignee_id, p.name, w.blocked_reason, \
           (SELECT group_concat(d.title || CASE WHEN d.provider <> '' THEN ' from ' || d.provider ELSE '' END \
              || CASE WHEN d.needed_by IS NOT NULL THEN ' (needed by ' || d.needed_by || ')' ELSE '' END, '; ') \
            FROM external_dependencies d WHERE d.item_id = w.id AND d.status = 'open') \
         FROM work_items w JOIN statuses s ON s.id = w.status_id LEFT JOIN people p ON p.id = w.assignee_id \
         WHERE w.project_id = ?1 AND s.category <> 'done' \
         AND (w.blocked_reason <> '' OR EXISTS (SELECT 1 FROM external_dependencies d \
              WHERE d.item_id = w.id AND d.status = 'open')) ORDER BY w.title",
    )?;
    let rows: Vec<BlockedRow> = stmt
        .query_map([project_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (item_id, title, person, name, reason, waiting) in rows {
        let reason = match (reason.is_empty(), waiting) {
            (false, Some(w)) => format!("{reason}; waiting on {w}"),
            (false, None) => reason,
            (true, Some(w)) => format!("Waiting on {w}"),
            (true, None) => continue,
        };
        card(&mut cards, person, name)
            .blocked
            .push(StandupBlocked { item_id, title, reason });
    }

    Ok(Standup {
        project_id,
        today,
        since,
        last_standup_id: previous.map(|(id, _)| id),
        today_standup_id,
        people: cards.into_values().collect(),
    })
}

impl Workspace {
    pub fn standup(&self, project_id: Id) -> Result<Standup> {
        self.project(project_id)?;
        standup(&self.conn, project_id, crate::clock::today())
    }

    /// Creates today's stand-up with everyone on the stand-up's cards as attendees (at the
    /// previous stand-up's time and place); answers with the one already there if started.
    pub fn start_standup(&mut self, project_id: Id) -> Result<Meeting> {
        let view = self.standup(project_id)?;
        if let Some(id) = view.today_standup_id {
            return self.meeting(id);
        }
        let last = view.last_standup_id.map(|id| self.meeting(id)).transpose()?;
        let input = MeetingInput {
            kind: MeetingKind::Standup,
            title: last
                .as_ref()
                .map_or_else(|| MeetingKind::Standup.label().to_string(), |m| m.title.clone()),
            day: view.today.to_string(),
            start_time: last.as_ref().map_or(Some("09:30".into()), |m| m.start_time.clone()),
            duration_minutes: last.as_ref().map_or(15, |m| m.duration_minutes),
            location: last.as_ref().map(|m| m.location.clone()).unwrap_or_default(),
            agenda: String::new(),
            notes: String::new(),
            attendees: view
                .people
                .iter()
                .filter_map(|p| p.person_id)
                .map(|person_id| AttendeeInput {
                    person_id: Some(person_id),
                    stakeholder_id: None,
                    attended: true,
                })
                .collect(),
            decisions: Vec::new(),
            actions: Vec::new(),
        };
        self.create_meeting(project_id, &input)
    }
}
