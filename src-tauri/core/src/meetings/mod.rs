//! Meetings of a project: status meetings, daily stand-ups, steering committees and
//! retrospectives, each with its attendees (workspace people and the project's stakeholders),
//! agenda, notes, decisions and action items. An action item is a work item of the meeting's
//! project (owner = assignee, due = due date), created in the same edit as its link, so the
//! board and the minutes show the same live status. A meeting is saved whole: one edit, one
//! undo step. `standup` builds the stand-up view from the data; `set_item_blocked` marks why
//! an item cannot move.

pub(crate) mod demo;
pub mod standup;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::work::items::{self, WorkItem, WorkItemInput};
use crate::work::statuses::StatusCategory;
use crate::workspace::history::EditContext;
use crate::{validate, workspace::ids, CoreError, Id, Result, Workspace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MeetingKind {
    Status,
    Standup,
    Steering,
    Retrospective,
    Other,
}

impl MeetingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingKind::Status => "status",
            MeetingKind::Standup => "standup",
            MeetingKind::Steering => "steering",
            MeetingKind::Retrospective => "retrospective",
            MeetingKind::Other => "other",
        }
    }

    pub fn parse(text: &str) -> MeetingKind {
        match text {
            "standup" => MeetingKind::Standup,
            "steering" => MeetingKind::Steering,
            "retrospective" => MeetingKind::Retrospective,
            "other" => MeetingKind::Other,
            _ => MeetingKind::Status,
        }
    }

    /// How a person reads the kind ("Daily stand-up").
    pub fn label(self) -> &'static str {
        match self {
            MeetingKind::Status => "Status meeting",
            MeetingKind::Standup => "Daily stand-up",
            MeetingKind::Steering => "Steering committee",
            MeetingKind::Retrospective => "Retrospective",
            MeetingKind::Other => "Meeting",
        }
    }

    /// The usual gap to the next meeting of this kind, in days (a stand-up: the next working day).
    fn period_days(self) -> i64 {
        match self {
            MeetingKind::Standup => 1,
            MeetingKind::Status | MeetingKind::Other => 7,
            MeetingKind::Retrospective => 14,
            MeetingKind::Steering => 28,
        }
    }
}

/// One attendee: a workspace person or one of the project's stakeholders.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Attendee {
    #[ts(type = "number | null")]
    pub person_id: Option<Id>,
    #[ts(type = "number | null")]
    pub stakeholder_id: Option<Id>,
    pub name: String,
    /// The organisation or role shown beside a stakeholder's name ('' for people).
    pub detail: String,
    /// false = sent apologies.
    pub attended: bool,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Decision {
    #[ts(type = "number")]
    pub id: Id,
    pub text: String,
}

/// An action item with the live state of its work item.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct MeetingAction {
    #[ts(type = "number")]
    pub item_id: Id,
    pub title: String,
    #[ts(type = "number | null")]
    pub owner_id: Option<Id>,
    pub owner: Option<String>,
    pub due_date: Option<NaiveDate>,
    /// The board column it is in now, and that column's category.
    pub status: String,
    pub category: StatusCategory,
    pub blocked_reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Meeting {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    pub project_name: String,
    pub kind: MeetingKind,
    pub title: String,
    pub day: NaiveDate,
    /// "HH:MM", local time.
    pub start_time: Option<String>,
    pub duration_minutes: u32,
    pub location: String,
    pub agenda: String,
    pub notes: String,
    pub attendees: Vec<Attendee>,
    pub decisions: Vec<Decision>,
    pub actions: Vec<MeetingAction>,
}

/// A meeting in a list (the Meetings tab, My day, the dashboard).
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct MeetingSummary {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    pub project_name: String,
    pub kind: MeetingKind,
    pub title: String,
    pub day: NaiveDate,
    pub start_time: Option<String>,
    pub duration_minutes: u32,
    pub location: String,
    pub attendee_count: u32,
    pub decision_count: u32,
    pub action_count: u32,
    /// Actions whose work item is not done yet.
    pub open_actions: u32,
}

#[derive(Debug, Clone, Deserialize, TS, Default)]
#[ts(export)]
pub struct AttendeeInput {
    #[ts(type = "number | null")]
    pub person_id: Option<Id>,
    #[ts(type = "number | null")]
    pub stakeholder_id: Option<Id>,
    #[serde(default = "yes")]
    pub attended: bool,
}

fn yes() -> bool {
    true
}

/// An action item as edited: `item_id` names an existing action of this meeting (its work
/// item is updated); without it a new work item is created. The owner is required.
#[derive(Debug, Clone, Deserialize, TS, Default)]
#[ts(export)]
pub struct ActionInput {
    #[ts(type = "number | null")]
    pub item_id: Option<Id>,
    pub title: String,
    #[ts(type = "number | null")]
    pub owner_id: Option<Id>,
    pub due_date: Option<String>,
}

/// Everything the editor saves at once. Dates and times are text so a wrong one is named.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct MeetingInput {
    pub kind: MeetingKind,
    pub title: String,
    pub day: String,
    pub start_time: Option<String>,
    pub duration_minutes: u32,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub agenda: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub attendees: Vec<AttendeeInput>,
    #[serde(default)]
    pub decisions: Vec<String>,
    #[serde(default)]
    pub actions: Vec<ActionInput>,
}

const LONG_TEXT_MAX: usize = 20_000;

fn gone() -> CoreError {
    CoreError::NotFound("That meeting no longer exists (it may have been deleted or undone).".into())
}

/// A checked action: its title, owner's name, due date, and the work item it updates.
struct CheckedAction {
    item_id: Option<Id>,
    title: String,
    owner: String,
    due_date: Option<String>,
}

struct Checked {
    kind: MeetingKind,
    title: String,
    day: String,
    start_time: Option<String>,
    duration: u32,
    location: String,
    agenda: String,
    notes: String,
    attendees: Vec<AttendeeInput>,
    decisions: Vec<String>,
    actions: Vec<CheckedAction>,
}

/// "09:30" or "9:30" → "09:30"; anything else is refused by name.
fn check_time(text: Option<&str>) -> Result<Option<String>> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => NaiveTime::parse_from_str(t, "%H:%M")
            .map(|time| Some(time.format("%H:%M").to_string()))
            .map_err(|_| {
                CoreError::InvalidInput(format!(
                    "The start time \"{t}\" is not a time of day; use hours and minutes, e.g. 09:30."
                ))
            }),
    }
}

fn long_text(field: &str, text: &str) -> Result<String> {
    let text = text.trim_end();
    if text.chars().count() > LONG_TEXT_MAX {
        return Err(CoreError::InvalidInput(format!(
            "{field} is too long; keep it under {LONG_TEXT_MAX} characters."
        )));
    }
    Ok(text.to_string())
}

fn check(conn: &Connection, project_id: Id, meeting_id: Option<Id>, input: &MeetingInput) -> Result<Checked> {
    let title = validate::required_text("The meeting's title", &input.title, 200)?;
    let day = validate::optional_date("The meeting's day", Some(&input.day))?
        .ok_or_else(|| CoreError::InvalidInput("A meeting needs a day (YYYY-MM-DD).".into()))?;
    let start_time = check_time(input.start_time.as_deref())?;
    if !(1..=1440).contains(&input.duration_minutes) {
        return Err(CoreError::InvalidInput(format!(
            "A meeting lasts between 1 minute and 24 hours (1440 minutes), not {} minutes.",
            input.duration_minutes
        )));
    }
    let location = input.location.trim().to_string();
    if location.chars().count() > 200 {
        return Err(CoreError::InvalidInput(
            "The location is too long; keep it under 200 characters.".into(),
        ));
    }
    let mut attendees: Vec<AttendeeInput> = Vec::new();
    for a in &input.attendees {
        match (a.person_id, a.stakeholder_id) {
            (Some(p), None) => {
                let known: bool = conn.query_row("SELECT count(*) FROM people WHERE id = ?1", [p], |r| r.get(0))?;
                if !known {
                    return Err(CoreError::NotFound(
                        "One of the attendees is no longer in the workspace.".into(),
                    ));
                }
            }
            (None, Some(s)) => {
                let owner: Option<Id> = conn
                    .query_row("SELECT project_id FROM stakeholders WHERE id = ?1", [s], |r| r.get(0))
                    .optional()?;
                match owner {
                    Some(o) if o == project_id => {}
                    Some(_) => {
                        return Err(CoreError::InvalidInput(
                            "A meeting's stakeholders come from its own project's register.".into(),
                        ))
                    }
                    None => {
                        return Err(CoreError::NotFound(
                            "One of the stakeholders invited is no longer in the register.".into(),
                        ))
                    }
                }
            }
            _ => {
                return Err(CoreError::InvalidInput(
                    "Each attendee is either a person or a stakeholder.".into(),
                ))
            }
        }
        if attendees
            .iter()
            .any(|b| b.person_id == a.person_id && b.stakeholder_id == a.stakeholder_id)
        {
            continue;
        }
        attendees.push(a.clone());
    }
    let mut decisions = Vec::new();
    for d in &input.decisions {
        let d = d.trim();
        if d.is_empty() {
            continue;
        }
        if d.chars().count() > 2000 {
            return Err(CoreError::InvalidInput(
                "A decision is too long; keep it under 2000 characters.".into(),
            ));
        }
        decisions.push(d.to_string());
    }
    let mut actions = Vec::new();
    for a in &input.actions {
        let title = validate::required_text("An action's title", &a.title, 300)?;
        let owner_id = a.owner_id.ok_or_else(|| {
            CoreError::InvalidInput(format!(
                "The action \"{title}\" has no owner: choose who will do it. Nothing was saved."
            ))
        })?;
        let owner: String = conn
            .query_row("SELECT name FROM people WHERE id = ?1", [owner_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| {
                CoreError::InvalidInput(format!(
                    "The owner of the action \"{title}\" is not a person of this workspace. Nothing was saved."
                ))
            })?;
        let due = validate::optional_date(&format!("The due date of \"{title}\""), a.due_date.as_deref())?;
        if let Some(item_id) = a.item_id {
            let linked: Option<Id> = conn
                .query_row(
                    "SELECT meeting_id FROM meeting_actions WHERE item_id = ?1",
                    [item_id],
                    |r| r.get(0),
                )
                .optional()?;
            if linked.is_none() || linked != meeting_id {
                return Err(CoreError::NotFound(format!(
                    "The action \"{title}\" is no longer an action of this meeting."
                )));
            }
        }
        actions.push(CheckedAction {
            item_id: a.item_id,
            title,
            owner,
            due_date: validate::date_to_sql(due),
        });
    }
    Ok(Checked {
        kind: input.kind,
        title,
        day: day.to_string(),
        start_time,
        duration: input.duration_minutes,
        location,
        agenda: long_text("The agenda", &input.agenda)?,
        notes: long_text("The notes", &input.notes)?,
        attendees,
        decisions,
        actions,
    })
}

/// Writes the attendees, decisions and actions of a checked meeting, replacing what it had.
fn write_parts(ctx: &mut EditContext, project_id: Id, meeting_id: Id, m: &Checked) -> Result<()> {
    let old: Vec<(&'static str, Id)> = {
        let mut rows = Vec::new();
        for table in ["meeting_attendees", "meeting_decisions"] {
            let mut stmt = ctx
                .tx
                .prepare(&format!("SELECT id FROM {table} WHERE meeting_id = ?1"))?;
            let ids: Vec<Id> = stmt
                .query_map([meeting_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            rows.extend(ids.into_iter().map(|id| (table, id)));
        }
        rows
    };
    for (table, id) in old {
        ctx.delete(table, id)?;
    }
    for a in &m.attendees {
        let id = ids::new_id(ctx.tx, "meeting_attendees")?;
        ctx.tx.execute(
            "INSERT INTO meeting_attendees(id, meeting_id, person_id, stakeholder_id, attended) VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![id, meeting_id, a.person_id, a.stakeholder_id, a.attended],
        )?;
        ctx.inserted("meeting_attendees", id);
    }
    for (seq, text) in m.decisions.iter().enumerate() {
        let id = ids::new_id(ctx.tx, "meeting_decisions")?;
        ctx.tx.execute(
            "INSERT INTO meeting_decisions(id, meeting_id, text, seq) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![id, meeting_id, text, seq as i64],
        )?;
        ctx.inserted("meeting_decisions", id);
    }
    // Actions left out of the input are unlinked; their work items stay on the board.
    let kept: Vec<Id> = m.actions.iter().filter_map(|a| a.item_id).collect();
    let links: Vec<(Id, Id)> = {
        let mut stmt = ctx
            .tx
            .prepare("SELECT id, item_id FROM meeting_actions WHERE meeting_id = ?1")?;
        let rows = stmt.query_map([meeting_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (link, item) in links {
        if !kept.contains(&item) {
            ctx.delete("meeting_actions", link)?;
        }
    }
    for a in &m.actions {
        let input = WorkItemInput {
            title: a.title.clone(),
            assignee: Some(a.owner.clone()),
            due_date: a.due_date.clone(),
            ..Default::default()
        };
        match a.item_id {
            Some(item_id) => {
                let owner_id: Id = ctx
                    .tx
                    .query_row("SELECT id FROM people WHERE name = ?1", [&a.owner], |r| r.get(0))?;
                let changed: bool = ctx.tx.query_row(
                    "SELECT title IS NOT ?1 OR assignee_id IS NOT ?2 OR due_date IS NOT ?3 FROM work_items WHERE id = ?4",
                    rusqlite::params![a.title, owner_id, a.due_date, item_id],
                    |r| r.get(0),
                )?;
                if changed {
                    ctx.touch("work_items", item_id)?;
                    ctx.tx.execute(
                        "UPDATE work_items SET title = ?1, assignee_id = ?2, due_date = ?3, updated_at = ?4 WHERE id = ?5",
                        rusqlite::params![a.title, owner_id, a.due_date, validate::now_utc(), item_id],
                    )?;
                }
            }
            None => {
                let checked = items::check(&input)?;
                let item_id = items::insert(ctx, project_id, None, &checked)?;
                let id = ids::new_id(ctx.tx, "meeting_actions")?;
                ctx.tx.execute(
                    "INSERT INTO meeting_actions(id, meeting_id, item_id) VALUES (?1, ?2, ?3)",
                    (id, meeting_id, item_id),
                )?;
                ctx.inserted("meeting_actions", id);
            }
        }
    }
    Ok(())
}

/// The project a meeting belongs to.
fn project_of(conn: &Connection, id: Id) -> Result<Id> {
    conn.query_row("SELECT project_id FROM meetings WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(gone)
}

/// The next working day (Monday to Friday) on or after `day`.
pub fn working_day_from(day: NaiveDate) -> NaiveDate {
    match day.weekday() {
        Weekday::Sat => day + Duration::days(2),
        Weekday::Sun => day + Duration::days(1),
        _ => day,
    }
}

/// The working day before `day`.
pub fn previous_working_day(day: NaiveDate) -> NaiveDate {
    let mut d = day - Duration::days(1);
    while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        d -= Duration::days(1);
    }
    d
}

const SELECT_SUMMARY: &str = "SELECT m.id, m.project_id, p.name, m.kind, m.title, m.day, m.start_time, \
     m.duration_minutes, m.location, \
     (SELECT count(*) FROM meeting_attendees a WHERE a.meeting_id = m.id), \
     (SELECT count(*) FROM meeting_decisions d WHERE d.meeting_id = m.id), \
     (SELECT count(*) FROM meeting_actions x WHERE x.meeting_id = m.id), \
     (SELECT count(*) FROM meeting_actions x JOIN work_items w ON w.id = x.item_id \
        JOIN statuses s ON s.id = w.status_id WHERE x.meeting_id = m.id AND s.category <> 'done') \
     FROM meetings m JOIN projects p ON p.id = m.project_id";

fn summaries(conn: &Connection, filter: &str, params: impl rusqlite::Params) -> Result<Vec<MeetingSummary>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT_SUMMARY} {filter}"))?;
    let rows = stmt.query_map(params, |r| {
        Ok(MeetingSummary {
            id: r.get(0)?,
            project_id: r.get(1)?,
            project_name: r.get(2)?,
            kind: MeetingKind::parse(&r.get::<_, String>(3)?),
            title: r.get(4)?,
            day: validate::date_from_sql(r.get(5)?).unwrap_or_default(),
            start_time: r.get(6)?,
            duration_minutes: r.get(7)?,
            location: r.get(8)?,
            attendee_count: r.get(9)?,
            decision_count: r.get(10)?,
            action_count: r.get(11)?,
            open_actions: r.get(12)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every meeting of a project, newest day first.
pub fn project_meetings(conn: &Connection, project_id: Id) -> Result<Vec<MeetingSummary>> {
    summaries(
        conn,
        "WHERE m.project_id = ?1 ORDER BY m.day DESC, coalesce(m.start_time, '') DESC, m.id",
        [project_id],
    )
}

/// The meetings of every project on `day`, in time order (My day).
pub fn meetings_on(conn: &Connection, day: NaiveDate) -> Result<Vec<MeetingSummary>> {
    summaries(
        conn,
        "WHERE m.day = ?1 ORDER BY coalesce(m.start_time, '99:99'), p.name, m.id",
        [day.to_string()],
    )
}

/// A project's next `limit` meetings from `today` on (today's included), soonest first.
pub fn next_meetings(conn: &Connection, project_id: Id, today: NaiveDate, limit: usize) -> Result<Vec<MeetingSummary>> {
    summaries(
        conn,
        "WHERE m.project_id = ?1 AND m.day >= ?2 ORDER BY m.day, coalesce(m.start_time, '99:99'), m.id LIMIT ?3",
        rusqlite::params![project_id, today.to_string(), limit as i64],
    )
}

/// One meeting with its attendees, decisions and actions.
pub fn meeting(conn: &Connection, id: Id) -> Result<Meeting> {
    let head = conn
        .query_row(
            "SELECT m.project_id, p.name, m.kind, m.title, m.day, m.start_time, m.duration_minutes, \
             m.location, m.agenda, m.notes FROM meetings m JOIN projects p ON p.id = m.project_id WHERE m.id = ?1",
            [id],
            |r| {
                Ok(Meeting {
                    id,
                    project_id: r.get(0)?,
                    project_name: r.get(1)?,
                    kind: MeetingKind::parse(&r.get::<_, String>(2)?),
                    title: r.get(3)?,
                    day: validate::date_from_sql(r.get(4)?).unwrap_or_default(),
                    start_time: r.get(5)?,
                    duration_minutes: r.get(6)?,
                    location: r.get(7)?,
                    agenda: r.get(8)?,
                    notes: r.get(9)?,
                    attendees: Vec::new(),
                    decisions: Vec::new(),
                    actions: Vec::new(),
                })
            },
        )
        .optional()?;
    let mut m = head.ok_or_else(gone)?;
    let mut stmt = conn.prepare_cached(
        "SELECT a.person_id, a.stakeholder_id, coalesce(p.name, s.name), \
         coalesce(CASE WHEN s.organisation <> '' THEN s.organisation ELSE s.role END, ''), a.attended \
         FROM meeting_attendees a LEFT JOIN people p ON p.id = a.person_id \
         LEFT JOIN stakeholders s ON s.id = a.stakeholder_id \
         WHERE a.meeting_id = ?1 ORDER BY a.stakeholder_id IS NOT NULL, coalesce(p.name, s.name) COLLATE NOCASE",
    )?;
    m.attendees = stmt
        .query_map([id], |r| {
            Ok(Attendee {
                person_id: r.get(0)?,
                stakeholder_id: r.get(1)?,
                name: r.get(2)?,
                detail: r.get(3)?,
                attended: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt =
        conn.prepare_cached("SELECT id, text FROM meeting_decisions WHERE meeting_id = ?1 ORDER BY seq, id")?;
    m.decisions = stmt
        .query_map([id], |r| {
            Ok(Decision {
                id: r.get(0)?,
                text: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT w.id, w.title, w.assignee_id, p.name, w.due_date, s.name, s.category, w.blocked_reason \
         FROM meeting_actions x JOIN work_items w ON w.id = x.item_id JOIN statuses s ON s.id = w.status_id \
         LEFT JOIN people p ON p.id = w.assignee_id WHERE x.meeting_id = ?1 ORDER BY w.created_at, x.id",
    )?;
    m.actions = stmt
        .query_map([id], |r| {
            Ok(MeetingAction {
                item_id: r.get(0)?,
                title: r.get(1)?,
                owner_id: r.get(2)?,
                owner: r.get(3)?,
                due_date: validate::date_from_sql(r.get(4)?),
                status: r.get(5)?,
                category: StatusCategory::parse(&r.get::<_, String>(6)?),
                blocked_reason: Some(r.get::<_, String>(7)?).filter(|b| !b.is_empty()),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(m)
}

/// The minutes report's default: the project's latest meeting on or before `today` that has
/// minutes (notes, a decision or an action), else its latest on or before today, else its
/// first one.
pub fn latest_meeting(conn: &Connection, project_id: Id, today: NaiveDate) -> Result<Option<Id>> {
    let past: Option<Id> = conn
        .query_row(
            "SELECT m.id FROM meetings m WHERE m.project_id = ?1 AND m.day <= ?2 \
             ORDER BY (m.notes <> '' OR EXISTS (SELECT 1 FROM meeting_decisions d WHERE d.meeting_id = m.id) \
               OR EXISTS (SELECT 1 FROM meeting_actions x WHERE x.meeting_id = m.id)) DESC, \
             m.day DESC, coalesce(m.start_time, '') DESC, m.id LIMIT 1",
            rusqlite::params![project_id, today.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    if past.is_some() {
        return Ok(past);
    }
    Ok(conn
        .query_row(
            "SELECT id FROM meetings WHERE project_id = ?1 ORDER BY day, id LIMIT 1",
            [project_id],
            |r| r.get(0),
        )
        .optional()?)
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        s.push('…');
    }
    s
}

impl Workspace {
    pub fn meetings(&self, project_id: Id) -> Result<Vec<MeetingSummary>> {
        self.project(project_id)?;
        project_meetings(&self.conn, project_id)
    }

    pub fn meeting(&self, id: Id) -> Result<Meeting> {
        meeting(&self.conn, id)
    }

    /// See [`latest_meeting`].
    pub fn meeting_latest(&self, project_id: Id, today: NaiveDate) -> Result<Option<Id>> {
        latest_meeting(&self.conn, project_id, today)
    }

    pub fn meetings_on(&self, day: NaiveDate) -> Result<Vec<MeetingSummary>> {
        meetings_on(&self.conn, day)
    }

    pub fn next_meetings(&self, project_id: Id, limit: usize) -> Result<Vec<MeetingSummary>> {
        next_meetings(&self.conn, project_id, crate::clock::today(), limit)
    }

    /// Adds a meeting with its attendees, decisions and actions (new work items) in one edit.
    pub fn create_meeting(&mut self, project_id: Id, input: &MeetingInput) -> Result<Meeting> {
        self.project(project_id)?;
        let m = check(&self.conn, project_id, None, input)?;
        let id = self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "meetings")?;
            ctx.tx.execute(
                "INSERT INTO meetings(id, project_id, kind, title, day, start_time, duration_minutes, location, \
                 agenda, notes, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                rusqlite::params![
                    id,
                    project_id,
                    m.kind.as_str(),
                    m.title,
                    m.day,
                    m.start_time,
                    m.duration,
                    m.location,
                    m.agenda,
                    m.notes,
                    validate::now_utc()
                ],
            )?;
            ctx.inserted("meetings", id);
            write_parts(ctx, project_id, id, &m)?;
            ctx.set_label(format!("Add meeting \"{}\"", short(&m.title)));
            ctx.set_project(project_id);
            Ok(id)
        })?;
        self.meeting(id)
    }

    /// Saves a meeting whole: its fields, attendees, decisions and actions, in one edit.
    pub fn update_meeting(&mut self, id: Id, input: &MeetingInput) -> Result<Meeting> {
        let project_id = project_of(&self.conn, id)?;
        let m = check(&self.conn, project_id, Some(id), input)?;
        self.edit(|ctx| {
            ctx.touch("meetings", id)?;
            ctx.tx.execute(
                "UPDATE meetings SET kind = ?1, title = ?2, day = ?3, start_time = ?4, duration_minutes = ?5, \
                 location = ?6, agenda = ?7, notes = ?8 WHERE id = ?9",
                rusqlite::params![
                    m.kind.as_str(),
                    m.title,
                    m.day,
                    m.start_time,
                    m.duration,
                    m.location,
                    m.agenda,
                    m.notes,
                    id
                ],
            )?;
            write_parts(ctx, project_id, id, &m)?;
            ctx.set_label(format!("Edit meeting \"{}\"", short(&m.title)));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.meeting(id)
    }

    /// Deletes a meeting with its attendees and decisions; its action items stay on the board.
    pub fn delete_meeting(&mut self, id: Id) -> Result<()> {
        let m = self.meeting(id)?;
        self.edit(|ctx| {
            ctx.delete("meetings", id)?;
            ctx.set_label(format!("Delete meeting \"{}\"", short(&m.title)));
            ctx.set_project(m.project_id);
            Ok(())
        })
    }

    /// The next meeting of a series: same kind, title, time, place, attendees and agenda, one
    /// period later (a stand-up the next working day, a status meeting a week, a retrospective
    /// two weeks, a steering committee four weeks), on a working day.
    pub fn next_meeting_from(&mut self, id: Id) -> Result<Meeting> {
        let m = self.meeting(id)?;
        let day = match m.kind {
            MeetingKind::Standup => working_day_from(m.day + Duration::days(1)),
            kind => working_day_from(m.day + Duration::days(kind.period_days())),
        };
        let input = MeetingInput {
            kind: m.kind,
            title: m.title.clone(),
            day: day.to_string(),
            start_time: m.start_time.clone(),
            duration_minutes: m.duration_minutes,
            location: m.location.clone(),
            agenda: m.agenda.clone(),
            notes: String::new(),
            attendees: m
                .attendees
                .iter()
                .map(|a| AttendeeInput {
                    person_id: a.person_id,
                    stakeholder_id: a.stakeholder_id,
                    attended: true,
                })
                .collect(),
            decisions: Vec::new(),
            actions: Vec::new(),
        };
        self.create_meeting(m.project_id, &input)
    }

    /// Marks a work item blocked with a reason; an empty reason clears it. One undo step.
    pub fn set_item_blocked(&mut self, item_id: Id, reason: &str) -> Result<WorkItem> {
        let item = self.item(item_id)?;
        let reason = reason.trim();
        if reason.chars().count() > 500 {
            return Err(CoreError::InvalidInput(
                "The reason is too long; keep it under 500 characters.".into(),
            ));
        }
        if item.blocked_reason.as_deref().unwrap_or("") == reason {
            return Ok(item);
        }
        self.edit(|ctx| {
            ctx.touch("work_items", item_id)?;
            ctx.tx.execute(
                "UPDATE work_items SET blocked_reason = ?1, updated_at = ?2 WHERE id = ?3",
                rusqlite::params![reason, validate::now_utc(), item_id],
            )?;
            ctx.set_label(if reason.is_empty() {
                format!("Unblock \"{}\"", short(&item.title))
            } else {
                format!("Mark \"{}\" blocked", short(&item.title))
            });
            ctx.set_project(item.project_id);
            Ok(())
        })?;
        self.item(item_id)
    }
}
