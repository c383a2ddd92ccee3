//! A project's stakeholders: the register (who they are, their power and interest on 1–10,
//! their current and desired attitude), the power/interest grid they are placed on, the
//! communication plan (`communications`) and the RACI matrix (`raci`). Every edit answers with
//! the whole [`ProjectStakeholders`], so the tab shows what the core holds.

pub mod communications;
pub(crate) mod demo;
pub mod raci;

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::people::Person;
use crate::{validate, workspace::ids, CoreError, Id, Result, Workspace};
use communications::Communication;
use raci::RaciMatrix;

/// The engagement scale, from least to most engaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Attitude {
    Unaware,
    Resistant,
    Neutral,
    Supportive,
    Leading,
}

impl Attitude {
    pub const ALL: [Attitude; 5] = [
        Attitude::Unaware,
        Attitude::Resistant,
        Attitude::Neutral,
        Attitude::Supportive,
        Attitude::Leading,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Attitude::Unaware => "unaware",
            Attitude::Resistant => "resistant",
            Attitude::Neutral => "neutral",
            Attitude::Supportive => "supportive",
            Attitude::Leading => "leading",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Attitude::Unaware => "Unaware",
            Attitude::Resistant => "Resistant",
            Attitude::Neutral => "Neutral",
            Attitude::Supportive => "Supportive",
            Attitude::Leading => "Leading",
        }
    }

    fn parse(text: &str) -> Attitude {
        Attitude::ALL
            .into_iter()
            .find(|a| a.as_str() == text)
            .unwrap_or(Attitude::Neutral)
    }

    fn rank(self) -> i32 {
        Attitude::ALL.iter().position(|a| *a == self).unwrap_or(2) as i32
    }
}

/// Where power and interest place a stakeholder: 6–10 is high, 1–5 low.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Quadrant {
    /// High power, high interest.
    ManageClosely,
    /// High power, low interest.
    KeepSatisfied,
    /// Low power, high interest.
    KeepInformed,
    /// Low power, low interest.
    Monitor,
}

/// The lowest power or interest that counts as high on the grid.
pub const HIGH: i64 = 6;

impl Quadrant {
    pub fn of(power: i64, interest: i64) -> Quadrant {
        match (power >= HIGH, interest >= HIGH) {
            (true, true) => Quadrant::ManageClosely,
            (true, false) => Quadrant::KeepSatisfied,
            (false, true) => Quadrant::KeepInformed,
            (false, false) => Quadrant::Monitor,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Quadrant::ManageClosely => "Manage closely",
            Quadrant::KeepSatisfied => "Keep satisfied",
            Quadrant::KeepInformed => "Keep informed",
            Quadrant::Monitor => "Monitor",
        }
    }
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Stakeholder {
    #[ts(type = "number")]
    pub id: Id,
    pub name: String,
    pub organisation: String,
    pub role: String,
    pub contact: String,
    #[ts(type = "number")]
    pub power: i64,
    #[ts(type = "number")]
    pub interest: i64,
    pub quadrant: Quadrant,
    pub current_attitude: Attitude,
    pub desired_attitude: Attitude,
    /// Steps on the engagement scale from current to desired (positive: to be raised).
    pub attitude_gap: i32,
    #[ts(type = "number | null")]
    pub person_id: Option<Id>,
    pub person_name: Option<String>,
    pub notes: String,
}

/// The fields a manager edits on a stakeholder.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct StakeholderInput {
    pub name: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub contact: String,
    #[ts(type = "number")]
    pub power: i64,
    #[ts(type = "number")]
    pub interest: i64,
    pub current_attitude: Attitude,
    pub desired_attitude: Attitude,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub person_id: Option<Id>,
    #[serde(default)]
    pub notes: String,
}

impl StakeholderInput {
    /// A stakeholder with a name and the table's defaults (5/5, neutral → supportive).
    pub fn named(name: &str) -> StakeholderInput {
        StakeholderInput {
            name: name.into(),
            organisation: String::new(),
            role: String::new(),
            contact: String::new(),
            power: 5,
            interest: 5,
            current_attitude: Attitude::Neutral,
            desired_attitude: Attitude::Supportive,
            person_id: None,
            notes: String::new(),
        }
    }
}

/// Everything the Stakeholders tab shows for one project.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ProjectStakeholders {
    #[ts(type = "number")]
    pub project_id: Id,
    /// By name.
    pub stakeholders: Vec<Stakeholder>,
    /// By due date (never due last), then what.
    pub communications: Vec<Communication>,
    /// RACI against the project's deliverables.
    pub raci_deliverables: RaciMatrix,
    /// RACI against the five phases.
    pub raci_phases: RaciMatrix,
    /// Every person of the workspace, for owners, links and RACI columns.
    pub people: Vec<Person>,
}

fn check_scale(field: &str, value: i64) -> Result<()> {
    if !(1..=10).contains(&value) {
        return Err(CoreError::InvalidInput(format!(
            "{field} is {value}; it is rated from 1 (lowest) to 10 (highest)."
        )));
    }
    Ok(())
}

fn optional_text(field: &str, value: &str, max: usize) -> Result<String> {
    let text = value.trim();
    if text.chars().count() > max {
        return Err(CoreError::InvalidInput(format!(
            "{field} is too long ({} characters); keep it under {max}.",
            text.chars().count()
        )));
    }
    Ok(text.to_string())
}

pub(crate) fn check_person(ws: &Workspace, person_id: Option<Id>) -> Result<()> {
    if let Some(id) = person_id {
        let found: Option<Id> = ws
            .conn
            .query_row("SELECT id FROM people WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        if found.is_none() {
            return Err(CoreError::NotFound(
                "That person no longer exists in this workspace.".into(),
            ));
        }
    }
    Ok(())
}

/// The project of a stakeholder, or a "no longer exists" message.
pub(crate) fn stakeholder_project(ws: &Workspace, id: Id) -> Result<(Id, String)> {
    ws.conn
        .query_row("SELECT project_id, name FROM stakeholders WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?
        .ok_or_else(|| {
            CoreError::NotFound("That stakeholder no longer exists (it may have been deleted or undone).".into())
        })
}

struct Checked {
    name: String,
    organisation: String,
    role: String,
    contact: String,
    notes: String,
}

impl Workspace {
    /// The register, the communication plan and both RACI matrices of a project.
    pub fn project_stakeholders(&self, project_id: Id) -> Result<ProjectStakeholders> {
        self.project(project_id)?;
        Ok(ProjectStakeholders {
            project_id,
            stakeholders: self.stakeholders(project_id)?,
            communications: self.communications(project_id)?,
            raci_deliverables: self.raci_matrix(project_id, raci::RaciMode::Deliverables)?,
            raci_phases: self.raci_matrix(project_id, raci::RaciMode::Phases)?,
            people: self.people()?,
        })
    }

    /// A project's stakeholders by name.
    pub fn stakeholders(&self, project_id: Id) -> Result<Vec<Stakeholder>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.name, s.organisation, s.role, s.contact, s.power, s.interest, \
                    s.current_attitude, s.desired_attitude, s.person_id, p.name, s.notes \
             FROM stakeholders s LEFT JOIN people p ON p.id = s.person_id \
             WHERE s.project_id = ?1 ORDER BY s.name COLLATE NOCASE, s.id",
        )?;
        let rows = stmt.query_map([project_id], |r| {
            let power: i64 = r.get(5)?;
            let interest: i64 = r.get(6)?;
            let current = Attitude::parse(&r.get::<_, String>(7)?);
            let desired = Attitude::parse(&r.get::<_, String>(8)?);
            Ok(Stakeholder {
                id: r.get(0)?,
                name: r.get(1)?,
                organisation: r.get(2)?,
                role: r.get(3)?,
                contact: r.get(4)?,
                power,
                interest,
                quadrant: Quadrant::of(power, interest),
                current_attitude: current,
                desired_attitude: desired,
                attitude_gap: desired.rank() - current.rank(),
                person_id: r.get(9)?,
                person_name: r.get(10)?,
                notes: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn check_stakeholder(&self, project_id: Id, except: Option<Id>, input: &StakeholderInput) -> Result<Checked> {
        let name = validate::required_text("The stakeholder's name", &input.name, 200)?;
        check_scale("Power", input.power)?;
        check_scale("Interest", input.interest)?;
        check_person(self, input.person_id)?;
        let taken: Option<Id> = self
            .conn
            .query_row(
                "SELECT id FROM stakeholders WHERE project_id = ?1 AND lower(name) = lower(?2) AND id <> ?3",
                rusqlite::params![project_id, name, except.unwrap_or(0)],
                |r| r.get(0),
            )
            .optional()?;
        if taken.is_some() {
            return Err(CoreError::Duplicate(format!(
                "\"{name}\" is already a stakeholder of this project; give the new one another name \
                 (add the organisation, for instance)."
            )));
        }
        Ok(Checked {
            name,
            organisation: optional_text("The organisation", &input.organisation, 200)?,
            role: optional_text("The role", &input.role, 200)?,
            contact: optional_text("The contact", &input.contact, 300)?,
            notes: optional_text("The notes", &input.notes, 4000)?,
        })
    }

    pub fn add_stakeholder(&mut self, project_id: Id, input: &StakeholderInput) -> Result<ProjectStakeholders> {
        self.project(project_id)?;
        let c = self.check_stakeholder(project_id, None, input)?;
        let now = validate::now_utc();
        self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "stakeholders")?;
            ctx.tx.execute(
                "INSERT INTO stakeholders(id, project_id, name, organisation, role, contact, power, interest, \
                 current_attitude, desired_attitude, person_id, notes, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                rusqlite::params![
                    id,
                    project_id,
                    c.name,
                    c.organisation,
                    c.role,
                    c.contact,
                    input.power,
                    input.interest,
                    input.current_attitude.as_str(),
                    input.desired_attitude.as_str(),
                    input.person_id,
                    c.notes,
                    now
                ],
            )?;
            ctx.inserted("stakeholders", id);
            ctx.set_label(format!("Add stakeholder \"{}\"", c.name));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_stakeholders(project_id)
    }

    pub fn update_stakeholder(&mut self, id: Id, input: &StakeholderInput) -> Result<ProjectStakeholders> {
        let (project_id, _) = stakeholder_project(self, id)?;
        let c = self.check_stakeholder(project_id, Some(id), input)?;
        self.edit(|ctx| {
            ctx.touch("stakeholders", id)?;
            ctx.tx.execute(
                "UPDATE stakeholders SET name = ?1, organisation = ?2, role = ?3, contact = ?4, power = ?5, \
                 interest = ?6, current_attitude = ?7, desired_attitude = ?8, person_id = ?9, notes = ?10 \
                 WHERE id = ?11",
                rusqlite::params![
                    c.name,
                    c.organisation,
                    c.role,
                    c.contact,
                    input.power,
                    input.interest,
                    input.current_attitude.as_str(),
                    input.desired_attitude.as_str(),
                    input.person_id,
                    c.notes,
                    id
                ],
            )?;
            ctx.set_label(format!("Edit stakeholder \"{}\"", c.name));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_stakeholders(project_id)
    }

    /// Places a stakeholder on the grid (a dragged dot): power and interest in one edit.
    pub fn move_stakeholder(&mut self, id: Id, power: i64, interest: i64) -> Result<ProjectStakeholders> {
        let (project_id, name) = stakeholder_project(self, id)?;
        check_scale("Power", power)?;
        check_scale("Interest", interest)?;
        self.edit(|ctx| {
            ctx.touch("stakeholders", id)?;
            ctx.tx.execute(
                "UPDATE stakeholders SET power = ?1, interest = ?2 WHERE id = ?3",
                (power, interest, id),
            )?;
            ctx.set_label(format!(
                "Move \"{name}\" to {} (power {power}, interest {interest})",
                Quadrant::of(power, interest).label().to_lowercase()
            ));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_stakeholders(project_id)
    }

    /// Deletes a stakeholder with their RACI cells; communications to them keep their audience text.
    pub fn delete_stakeholder(&mut self, id: Id) -> Result<ProjectStakeholders> {
        let (project_id, name) = stakeholder_project(self, id)?;
        self.edit(|ctx| {
            ctx.delete("stakeholders", id)?;
            ctx.set_label(format!("Delete stakeholder \"{name}\""));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_stakeholders(project_id)
    }
}
