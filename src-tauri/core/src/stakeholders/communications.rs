//! The communication plan: what goes to whom, how often, by which channel and by whom. A line is
//! due on its first date until it is sent; after that one period after it was last sent (daily,
//! weekly, fortnightly, monthly, quarterly). "Per phase" and "ad hoc" lines have no period: they
//! are due again only when the manager sets a first date after the last sending.

use chrono::{Duration, Months, NaiveDate};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{check_person, optional_text, ProjectStakeholders};
use crate::{clock, validate, workspace::ids, CoreError, Id, Result, Workspace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Frequency {
    Daily,
    Weekly,
    Fortnightly,
    Monthly,
    Quarterly,
    PerPhase,
    AdHoc,
}

impl Frequency {
    pub const ALL: [Frequency; 7] = [
        Frequency::Daily,
        Frequency::Weekly,
        Frequency::Fortnightly,
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::PerPhase,
        Frequency::AdHoc,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
            Frequency::Fortnightly => "fortnightly",
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::PerPhase => "per_phase",
            Frequency::AdHoc => "ad_hoc",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Frequency::Daily => "Daily",
            Frequency::Weekly => "Weekly",
            Frequency::Fortnightly => "Fortnightly",
            Frequency::Monthly => "Monthly",
            Frequency::Quarterly => "Quarterly",
            Frequency::PerPhase => "Per phase",
            Frequency::AdHoc => "Ad hoc",
        }
    }

    fn parse(text: &str) -> Frequency {
        Frequency::ALL
            .into_iter()
            .find(|f| f.as_str() == text)
            .unwrap_or(Frequency::AdHoc)
    }

    /// The day one period after `day`, for frequencies that have a period.
    pub fn after(self, day: NaiveDate) -> Option<NaiveDate> {
        match self {
            Frequency::Daily => Some(day + Duration::days(1)),
            Frequency::Weekly => Some(day + Duration::days(7)),
            Frequency::Fortnightly => Some(day + Duration::days(14)),
            Frequency::Monthly => day.checked_add_months(Months::new(1)),
            Frequency::Quarterly => day.checked_add_months(Months::new(3)),
            Frequency::PerPhase | Frequency::AdHoc => None,
        }
    }
}

/// When a line is next due: its first date while never sent (or when that date comes after the
/// last sending), else one period after the last sending; `None` when nothing is due any more.
pub fn next_due(frequency: Frequency, first_due: NaiveDate, last_sent: Option<NaiveDate>) -> Option<NaiveDate> {
    match last_sent {
        None => Some(first_due),
        Some(sent) if first_due > sent => Some(first_due),
        Some(sent) => frequency.after(sent),
    }
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Communication {
    #[ts(type = "number")]
    pub id: Id,
    pub what: String,
    pub audience: String,
    #[ts(type = "number | null")]
    pub stakeholder_id: Option<Id>,
    pub stakeholder_name: Option<String>,
    pub frequency: Frequency,
    pub channel: String,
    #[ts(type = "number | null")]
    pub owner_id: Option<Id>,
    pub owner_name: Option<String>,
    pub first_due: NaiveDate,
    pub last_sent: Option<NaiveDate>,
    /// See [`next_due`].
    pub next_due: Option<NaiveDate>,
    /// Next due today or earlier.
    pub is_due: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CommunicationInput {
    pub what: String,
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub stakeholder_id: Option<Id>,
    pub frequency: Frequency,
    #[serde(default)]
    pub channel: String,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub owner_id: Option<Id>,
    /// YYYY-MM-DD.
    pub first_due: String,
    /// YYYY-MM-DD, or empty when never sent.
    #[serde(default)]
    pub last_sent: Option<String>,
}

/// A communication due today or earlier, in any project (My day lists them).
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct DueCommunication {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    pub project_name: String,
    pub what: String,
    pub audience: String,
    pub channel: String,
    pub owner_name: Option<String>,
    pub due_on: NaiveDate,
    /// Days past the due date (0 = due today).
    #[ts(type = "number")]
    pub days_overdue: i64,
}

const SELECT: &str = "SELECT c.id, c.what, c.audience, c.stakeholder_id, s.name, c.frequency, c.channel, \
     c.owner_id, p.name, c.first_due, c.last_sent, c.project_id, pr.name \
     FROM communications c \
     LEFT JOIN stakeholders s ON s.id = c.stakeholder_id \
     LEFT JOIN people p ON p.id = c.owner_id \
     JOIN projects pr ON pr.id = c.project_id";

fn read(r: &rusqlite::Row, today: NaiveDate) -> rusqlite::Result<(Id, String, Communication)> {
    let frequency = Frequency::parse(&r.get::<_, String>(5)?);
    let first_due = validate::date_from_sql(Some(r.get(9)?)).unwrap_or(today);
    let last_sent = validate::date_from_sql(r.get(10)?);
    let due = next_due(frequency, first_due, last_sent);
    Ok((
        r.get(11)?,
        r.get(12)?,
        Communication {
            id: r.get(0)?,
            what: r.get(1)?,
            audience: r.get(2)?,
            stakeholder_id: r.get(3)?,
            stakeholder_name: r.get(4)?,
            frequency,
            channel: r.get(6)?,
            owner_id: r.get(7)?,
            owner_name: r.get(8)?,
            first_due,
            last_sent,
            next_due: due,
            is_due: due.is_some_and(|d| d <= today),
        },
    ))
}

/// Every communication due on `today` or earlier across all projects, most overdue first.
pub fn communications_due(conn: &Connection, today: NaiveDate) -> Result<Vec<DueCommunication>> {
    let mut stmt = conn.prepare_cached(SELECT)?;
    let rows = stmt.query_map([], |r| read(r, today))?;
    let mut due = Vec::new();
    for row in rows {
        let (project_id, project_name, c) = row?;
        if let (true, Some(on)) = (c.is_due, c.next_due) {
            due.push(DueCommunication {
                id: c.id,
                project_id,
                project_name,
                what: c.what,
                audience: c
                    .stakeholder_name
                    .filter(|_| c.audience.is_empty())
                    .unwrap_or(c.audience),
                channel: c.channel,
                owner_name: c.owner_name,
                due_on: on,
                days_overdue: (today - on).num_days(),
            });
        }
    }
    due.sort_by(|a, b| a.due_on.cmp(&b.due_on).then_with(|| a.what.cmp(&b.what)));
    Ok(due)
}

fn project_of(ws: &Workspace, id: Id) -> Result<(Id, String)> {
    ws.conn
        .query_row("SELECT project_id, what FROM communications WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?
        .ok_or_else(|| {
            CoreError::NotFound("That communication no longer exists (it may have been deleted or undone).".into())
        })
}

struct Checked {
    what: String,
    audience: String,
    channel: String,
    first_due: String,
    last_sent: Option<String>,
}

impl Workspace {
    /// A project's communication plan by next due date (lines no longer due last).
    pub fn communications(&self, project_id: Id) -> Result<Vec<Communication>> {
        let today = clock::today();
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT} WHERE c.project_id = ?1"))?;
        let rows = stmt.query_map([project_id], |r| read(r, today))?;
        let mut list: Vec<Communication> = rows.map(|r| r.map(|(_, _, c)| c)).collect::<rusqlite::Result<_>>()?;
        list.sort_by(|a, b| {
            (a.next_due.is_none(), a.next_due, &a.what).cmp(&(b.next_due.is_none(), b.next_due, &b.what))
        });
        Ok(list)
    }

    fn check_communication(&self, project_id: Id, input: &CommunicationInput) -> Result<Checked> {
        let what = validate::required_text("What is communicated", &input.what, 300)?;
        let first_due = validate::optional_date("The first due date", Some(&input.first_due))?
            .ok_or_else(|| CoreError::InvalidInput("A communication needs a first due date (YYYY-MM-DD).".into()))?;
        let last_sent = validate::optional_date("The date last sent", input.last_sent.as_deref())?;
        if last_sent.is_some_and(|d| d > clock::today()) {
            return Err(CoreError::InvalidInput(
                "The date last sent is in the future; record a sending on or after the day it happens.".into(),
            ));
        }
        check_person(self, input.owner_id)?;
        if let Some(s) = input.stakeholder_id {
            let (owner, _) = super::stakeholder_project(self, s)?;
            if owner != project_id {
                return Err(CoreError::InvalidInput(
                    "The audience must be a stakeholder of the same project.".into(),
                ));
            }
        }
        Ok(Checked {
            what,
            audience: optional_text("The audience", &input.audience, 300)?,
            channel: optional_text("The channel", &input.channel, 200)?,
            first_due: first_due.to_string(),
            last_sent: validate::date_to_sql(last_sent),
        })
    }

    pub fn add_communication(&mut self, project_id: Id, input: &CommunicationInput) -> Result<ProjectStakeholders> {
        self.project(project_id)?;
        let c = self.check_communication(project_id, input)?;
        let now = validate::now_utc();
        self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "communications")?;
            ctx.tx.execute(
                "INSERT INTO communications(id, project_id, what, audience, stakeholder_id, frequency, channel, \
                 owner_id, first_due, last_sent, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                rusqlite::params![
                    id,
                    project_id,
                    c.what,
                    c.audience,
                    input.stakeholder_id,
                    input.frequency.as_str(),
                    c.channel,
                    input.owner_id,
                    c.first_due,
                    c.last_sent,
                    now
                ],
            )?;
            ctx.inserted("communications", id);
            ctx.set_label(format!("Plan communication \"{}\"", c.what));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_stakeholders(project_id)
    }

    pub fn update_communication(&mut self, id: Id, input: &CommunicationInput) -> Result<ProjectStakeholders> {
        let (project_id, _) = project_of(self, id)?;
        let c = self.check_communication(project_id, input)?;
        self.edit(|ctx| {
            ctx.touch("communications", id)?;
            ctx.tx.execute(
                "UPDATE communications SET what = ?1, audience = ?2, stakeholder_id = ?3, frequency = ?4, \
                 channel = ?5, owner_id = ?6, first_due = ?7, last_sent = ?8 WHERE id = ?9",
                rusqlite::params![
                    c.what,
                    c.audience,
                    input.stakeholder_id,
                    input.frequency.as_str(),
                    c.channel,
                    input.owner_id,
                    c.first_due,
                    c.last_sent,
                    id
                ],
            )?;
            ctx.set_label(format!("Edit communication \"{}\"", c.what));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_stakeholders(project_id)
    }

    /// Records that a communication went out today.
    pub fn mark_communication_sent(&mut self, id: Id) -> Result<ProjectStakeholders> {
        let (project_id, what) = project_of(self, id)?;
        let today = clock::today().to_string();
        self.edit(|ctx| {
            ctx.touch("communications", id)?;
            ctx.tx
                .execute("UPDATE communications SET last_sent = ?1 WHERE id = ?2", (&today, id))?;
            ctx.set_label(format!("Mark \"{what}\" sent today"));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_stakeholders(project_id)
    }

    pub fn delete_communication(&mut self, id: Id) -> Result<ProjectStakeholders> {
        let (project_id, what) = project_of(self, id)?;
        self.edit(|ctx| {
            ctx.delete("communications", id)?;
            ctx.set_label(format!("Delete communication \"{what}\""));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_stakeholders(project_id)
    }

    /// Communications due today or earlier across all projects.
    pub fn communications_due(&self) -> Result<Vec<DueCommunication>> {
        communications_due(&self.conn, clock::today())
    }
}
