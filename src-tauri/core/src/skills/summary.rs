//! One person's career picture in one piece, by name rather than id: levels and targets with
//! their gaps, certifications with their due dates, and goals. The command line prints it and
//! the career report draws from it.

use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use serde::Serialize;

use super::certifications::{self, CertificationStatus};
use crate::{CoreError, Id, Result, Workspace};

#[derive(Debug, Clone, Serialize)]
pub struct CareerSummary {
    pub person: String,
    pub title: String,
    pub current_role: Option<String>,
    pub target_role: Option<String>,
    /// Largest gap first.
    pub skills: Vec<SkillLine>,
    pub certifications: Vec<CertificationLine>,
    pub goals: Vec<GoalLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SkillLine {
    pub skill: String,
    pub area: String,
    pub self_level: Option<u8>,
    pub manager_level: Option<u8>,
    pub current: Option<u8>,
    pub target: Option<u8>,
    pub gap: i8,
    /// One of the skills an IT manager moving into project management most needs.
    pub focus: bool,
    pub evidence: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct CertificationLine {
    pub name: String,
    pub status: CertificationStatus,
    pub eligible: bool,
    pub exam_date: Option<NaiveDate>,
    pub earned_on: Option<NaiveDate>,
    /// When the current cycle ends; renewal is due by then.
    pub expires_on: Option<NaiveDate>,
    pub units_due: f64,
    pub unit_name: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalLine {
    pub skill: String,
    pub target_level: u8,
    pub current_level: Option<u8>,
    pub due_date: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub overdue: bool,
}

impl Workspace {
    /// The id of the person with this name (case-insensitive).
    pub fn person_by_name(&self, name: &str) -> Result<Id> {
        self.conn
            .query_row("SELECT id FROM people WHERE name = ?1", [name.trim()], |r| r.get(0))
            .optional()?
            .ok_or_else(|| {
                CoreError::NotFound(format!(
                    "There is no person named \"{}\" in this workspace.",
                    name.trim()
                ))
            })
    }

    pub fn career_summary(&self, person_id: Id) -> Result<CareerSummary> {
        let catalog = self.skill_catalog()?;
        let profile = self.skill_profile(person_id)?;
        let role = |id: Option<Id>| {
            id.and_then(|id| catalog.roles.iter().find(|r| r.id == id))
                .map(|r| r.name.clone())
        };
        let skills = self
            .gap_report(person_id)?
            .into_iter()
            .filter_map(|s| {
                let skill = catalog.skills.iter().find(|k| k.id == s.skill_id)?;
                let area = catalog
                    .areas
                    .iter()
                    .find(|a| a.id == skill.area_id)
                    .map(|a| a.name.clone());
                Some(SkillLine {
                    skill: skill.name.clone(),
                    area: area.unwrap_or_default(),
                    self_level: s.self_level,
                    manager_level: s.manager_level,
                    current: s.current,
                    target: s.target,
                    gap: s.gap,
                    focus: skill.focus,
                    evidence: s.evidence,
                })
            })
            .collect();
        let certifications = self
            .person_certifications(person_id)?
            .into_iter()
            .map(|c| CertificationLine {
                unit_name: certifications::rule(&c.key)
                    .ok()
                    .and_then(|r| r.renewal.as_ref())
                    .map(|r| r.unit_name.clone()),
                name: c.name,
                status: c.status,
                eligible: c.eligible,
                exam_date: c.exam_date,
                earned_on: c.earned_on,
                expires_on: c.expires_on,
                units_due: c.units_due,
            })
            .collect();
        let goals = self
            .development_goals(person_id)?
            .into_iter()
            .map(|g| GoalLine {
                skill: g.skill,
                target_level: g.target_level,
                current_level: g.current_level,
                due_date: g.due_date,
                done_on: g.done_on,
                overdue: g.overdue,
            })
            .collect();
        Ok(CareerSummary {
            person: profile.name,
            title: profile.title,
            current_role: role(profile.current_role_id),
            target_role: role(profile.target_role_id),
            skills,
            certifications,
            goals,
        })
    }
}
