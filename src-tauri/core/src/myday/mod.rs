//! My day: what needs a manager's (or one person's) attention today across all projects —
//! work due today or overdue, blocked work, today's meetings, risks due for review,
//! communications due, and the goals, exams and renewals the Upcoming list had.
//!
//! The queries read the control-room tables directly so this screen does not wait on the
//! areas that edit them.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::skills::development::Upcoming;
use crate::{validate, Id, Result, Workspace};

/// How far ahead the goals, exams and renewals look (as the Upcoming screen did).
pub const GOALS_DAYS: i64 = 60;

/// A work item that is due, overdue or blocked.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct DayItem {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    pub project: String,
    pub title: String,
    pub assignee: Option<String>,
    pub due_date: Option<NaiveDate>,
    /// Days past due (0 when due today or later).
    #[ts(type = "number")]
    pub days_overdue: i64,
    pub blocked_reason: String,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct DayMeeting {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    pub project: String,
    pub title: String,
    pub kind: String,
    /// `HH:MM`, or none for a meeting without a set time.
    pub start_time: Option<String>,
    #[ts(type = "number")]
    pub duration_minutes: i64,
    pub location: String,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct DayRisk {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    pub project: String,
    pub title: String,
    pub owner: Option<String>,
    pub review_date: NaiveDate,
    /// Probability × impact, 1–25.
    #[ts(type = "number")]
    pub score: i64,
    pub status: String,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct DayCommunication {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    pub project: String,
    pub what: String,
    pub audience: String,
    pub channel: String,
    pub owner: Option<String>,
    pub frequency: String,
    pub due: NaiveDate,
}

/// Everything My day shows, each list in the order it is shown.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MyDay {
    pub today: NaiveDate,
    /// The person it was filtered to, or none for everyone.
    #[ts(type = "number | null")]
    pub person_id: Option<Id>,
    /// Overdue first (oldest first), then due today.
    pub due: Vec<DayItem>,
    pub blocked: Vec<DayItem>,
    pub meetings: Vec<DayMeeting>,
    pub risks: Vec<DayRisk>,
    pub communications: Vec<DayCommunication>,
    /// Development goals, exams and certification renewals (the Upcoming list).
    pub goals: Vec<Upcoming>,
}

/// The last day counted as "due today": today, or on a Friday or Saturday the Sunday after,
/// since work due over the weekend has to be done before it.
pub fn due_until(today: NaiveDate) -> NaiveDate {
    match today.weekday() {
        Weekday::Fri => today + Duration::days(2),
        Weekday::Sat => today + Duration::days(1),
        _ => today,
    }
}

/// When a communication is next due: its first date if it was never sent, else one period
/// after it was last sent; none for an ad-hoc or per-phase one already sent.
pub fn communication_due(frequency: &str, first_due: NaiveDate, last_sent: Option<NaiveDate>) -> Option<NaiveDate> {
    let Some(sent) = last_sent else {
        return Some(first_due);
    };
    let next = match frequency {
        "daily" => sent + Duration::days(1),
        "weekly" => sent + Duration::days(7),
        "fortnightly" => sent + Duration::days(14),
        "monthly" => sent.checked_add_months(Months::new(1))?,
        "quarterly" => sent.checked_add_months(Months::new(3))?,
        _ => return None,
    };
    // A first date set after the last sending still counts.
    Some(next.max(first_due))
}

fn items(conn: &Connection, today: NaiveDate, person: Option<Id>, blocked: bool) -> Result<Vec<DayItem>> {
    let filter = if blocked {
        "w.blocked_reason <> '' AND ?2 IS NOT NULL"
    } else {
        "w.due_date IS NOT NULL AND w.due_date <= ?2"
    };
    let order = if blocked {
        "p.name COLLATE NOCASE, w.title COLLATE NOCASE, w.id"
    } else {
        "w.due_date, p.name COLLATE NOCASE, w.title COLLATE NOCASE, w.id"
    };
    // Epics summarise other items; done work needs nothing more.
    let sql = format!(
        "SELECT w.id, w.project_id, p.name, w.title, a.name, w.due_date, w.blocked_reason \
         FROM work_items w JOIN projects p ON p.id = w.project_id JOIN statuses s ON s.id = w.status_id \
         LEFT JOIN people a ON a.id = w.assignee_id \
         WHERE s.category <> 'done' AND w.item_type <> 'epic' AND (?1 IS NULL OR w.assignee_id = ?1) \
         AND ({filter}) ORDER BY {order}"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let until = due_until(today).to_string();
    let rows = stmt.query_map(rusqlite::params![person, until], |r| {
        let due = validate::date_from_sql(r.get(5)?);
        Ok(DayItem {
            id: r.get(0)?,
            project_id: r.get(1)?,
            project: r.get(2)?,
            title: r.get(3)?,
            assignee: r.get(4)?,
            due_date: due,
            days_overdue: due.map_or(0, |d| (today - d).num_days().max(0)),
            blocked_reason: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn meetings(conn: &Connection, today: NaiveDate, person: Option<Id>) -> Result<Vec<DayMeeting>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.project_id, p.name, m.title, m.kind, m.start_time, m.duration_minutes, m.location \
         FROM meetings m JOIN projects p ON p.id = m.project_id WHERE m.day = ?1 \
         AND (?2 IS NULL OR EXISTS (SELECT 1 FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.person_id = ?2)) \
         ORDER BY m.start_time IS NULL, m.start_time, p.name COLLATE NOCASE, m.id",
    )?;
    let rows = stmt.query_map(rusqlite::params![today.to_string(), person], |r| {
        Ok(DayMeeting {
            id: r.get(0)?,
            project_id: r.get(1)?,
            project: r.get(2)?,
            title: r.get(3)?,
            kind: r.get(4)?,
            start_time: r.get(5)?,
            duration_minutes: r.get(6)?,
            location: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn risks(conn: &Connection, today: NaiveDate, person: Option<Id>) -> Result<Vec<DayRisk>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.project_id, p.name, r.title, o.name, r.review_date, r.probability * r.impact, r.status \
         FROM risks r JOIN projects p ON p.id = r.project_id LEFT JOIN people o ON o.id = r.owner_id \
         WHERE r.review_date IS NOT NULL AND r.review_date <= ?1 AND r.status IN ('open', 'monitoring') \
         AND (?2 IS NULL OR r.owner_id = ?2) \
         ORDER BY r.review_date, r.probability * r.impact DESC, r.id",
    )?;
    let rows = stmt.query_map(rusqlite::params![today.to_string(), person], |r| {
        Ok((
            DayRisk {
                id: r.get(0)?,
                project_id: r.get(1)?,
                project: r.get(2)?,
                title: r.get(3)?,
                owner: r.get(4)?,
                review_date: NaiveDate::MIN,
                score: r.get(6)?,
                status: r.get(7)?,
            },
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (mut risk, day) = row?;
        // A malformed date cannot be compared; it is left out rather than guessed.
        let Some(day) = validate::date_from_sql(Some(day)) else {
            continue;
        };
        risk.review_date = day;
        out.push(risk);
    }
    Ok(out)
}

fn communications(conn: &Connection, today: NaiveDate, person: Option<Id>) -> Result<Vec<DayCommunication>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.project_id, p.name, c.what, c.audience, c.channel, o.name, c.frequency, c.first_due, c.last_sent \
         FROM communications c JOIN projects p ON p.id = c.project_id LEFT JOIN people o ON o.id = c.owner_id \
         WHERE (?1 IS NULL OR c.owner_id = ?1)",
    )?;
    let rows = stmt.query_map([person], |r| {
        Ok((
            DayCommunication {
                id: r.get(0)?,
                project_id: r.get(1)?,
                project: r.get(2)?,
                what: r.get(3)?,
                audience: r.get(4)?,
                channel: r.get(5)?,
                owner: r.get(6)?,
                frequency: r.get(7)?,
                due: NaiveDate::MIN,
            },
            r.get::<_, String>(8)?,
            r.get::<_, Option<String>>(9)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (mut c, first, last) = row?;
        let Some(first) = validate::date_from_sql(Some(first)) else {
            continue;
        };
        let last = validate::date_from_sql(last);
        match communication_due(&c.frequency, first, last) {
            Some(due) if due <= today => {
                c.due = due;
                out.push(c);
            }
            _ => {}
        }
    }
    out.sort_by(|a, b| {
        a.due
            .cmp(&b.due)
            .then_with(|| a.project.cmp(&b.project))
            .then(a.id.cmp(&b.id))
    });
    Ok(out)
}

/// My day on `today`, for everyone or for one person (as assignee, attendee or owner).
/// The goals list is left empty here; [`Workspace::my_day`] fills it.
pub fn my_day(conn: &Connection, today: NaiveDate, person: Option<Id>) -> Result<MyDay> {
    Ok(MyDay {
        today,
        person_id: person,
        due: items(conn, today, person, false)?,
        blocked: items(conn, today, person, true)?,
        meetings: meetings(conn, today, person)?,
        risks: risks(conn, today, person)?,
        communications: communications(conn, today, person)?,
        goals: Vec::new(),
    })
}

impl Workspace {
    /// My day for today (the one clock), with the goals, exams and renewals of the next
    /// [`GOALS_DAYS`] days and overdue ones, for everyone or one person.
    pub fn my_day(&self, person: Option<Id>) -> Result<MyDay> {
        if let Some(id) = person {
            self.person_exists(id)?;
        }
        let today = crate::clock::today();
        let mut day = my_day(&self.conn, today, person)?;
        day.goals = self
            .upcoming(GOALS_DAYS)?
            .into_iter()
            .filter(|u| person.is_none_or(|p| u.person_id == p))
            .collect();
        Ok(day)
    }

    fn person_exists(&self, id: Id) -> Result<()> {
        let found: i64 = self
            .conn
            .query_row("SELECT count(*) FROM people WHERE id = ?1", [id], |r| r.get(0))?;
        if found == 0 {
            return Err(crate::CoreError::NotFound(
                "That person no longer exists (they may have been deleted or undone).".into(),
            ));
        }
        Ok(())
    }
}
