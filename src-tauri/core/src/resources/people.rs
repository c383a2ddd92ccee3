//! People as resources: the `people` table already holds role, calendar and rate (see
//! `crate::people`); this adds the weekly capacity and edits them together in one step.

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{CoreError, Id, Result, Workspace};

/// More than 80 working hours a week, or more than 10,000.00 an hour, is a typing error.
const MAX_CAPACITY_HOURS: f64 = 80.0;
const MAX_RATE_MINOR: i64 = 1_000_000;

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ResourcePerson {
    #[ts(type = "number")]
    pub id: Id,
    pub name: String,
    pub role: String,
    /// Per hour, in minor units of the workspace currency.
    #[ts(type = "number")]
    pub cost_rate_minor: i64,
    pub capacity_hours_per_week: f64,
    #[ts(type = "number | null")]
    pub calendar_id: Option<Id>,
    /// None: each project's own calendar.
    pub calendar_name: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ResourcePersonInput {
    pub role: String,
    #[ts(type = "number")]
    pub cost_rate_minor: i64,
    pub capacity_hours_per_week: f64,
    #[ts(type = "number | null")]
    pub calendar_id: Option<Id>,
}

impl Workspace {
    pub fn resource_people(&self) -> Result<Vec<ResourcePerson>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.name, p.role, p.cost_rate_minor, p.capacity_minutes_per_week, p.calendar_id, c.name \
             FROM people p LEFT JOIN calendars c ON c.id = p.calendar_id ORDER BY p.name COLLATE NOCASE, p.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ResourcePerson {
                id: r.get(0)?,
                name: r.get(1)?,
                role: r.get(2)?,
                cost_rate_minor: r.get(3)?,
                capacity_hours_per_week: r.get::<_, i64>(4)? as f64 / 60.0,
                calendar_id: r.get(5)?,
                calendar_name: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Role, rate, capacity and calendar of a person, checked together and saved as one step.
    pub fn update_resource_person(&mut self, person_id: Id, input: &ResourcePersonInput) -> Result<ResourcePerson> {
        let name: String = self
            .conn
            .query_row("SELECT name FROM people WHERE id = ?1", [person_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That person is no longer in this workspace.".into()))?;
        let role = input.role.trim();
        if role.chars().count() > 120 {
            return Err(CoreError::InvalidInput(
                "A role is too long; keep it under 120 characters.".into(),
            ));
        }
        if input.cost_rate_minor < 0 {
            return Err(CoreError::InvalidInput(format!(
                "{name}'s cost rate cannot be negative."
            )));
        }
        if input.cost_rate_minor > MAX_RATE_MINOR {
            return Err(CoreError::InvalidInput(format!(
                "{name}'s cost rate of {:.2} an hour looks like a typing error; the most Bridgeplan takes is 10,000.00.",
                input.cost_rate_minor as f64 / 100.0
            )));
        }
        let hours = input.capacity_hours_per_week;
        if !hours.is_finite() || !(0.0..=MAX_CAPACITY_HOURS).contains(&hours) {
            return Err(CoreError::InvalidInput(format!(
                "{name}'s capacity must be between 0 and {MAX_CAPACITY_HOURS} hours a week."
            )));
        }
        if let Some(id) = input.calendar_id {
            self.conn
                .query_row("SELECT id FROM calendars WHERE id = ?1", [id], |r| r.get::<_, Id>(0))
                .optional()?
                .ok_or_else(|| CoreError::NotFound("That calendar no longer exists.".into()))?;
        }
        let minutes = (hours * 60.0).round() as i64;
        self.edit(|ctx| {
            ctx.touch("people", person_id)?;
            ctx.tx.execute(
                "UPDATE people SET role = ?1, cost_rate_minor = ?2, capacity_minutes_per_week = ?3, calendar_id = ?4 \
                 WHERE id = ?5",
                (role, input.cost_rate_minor, minutes, input.calendar_id, person_id),
            )?;
            ctx.set_label(format!("Change {name} as a resource"));
            Ok(())
        })?;
        self.resource_people()?
            .into_iter()
            .find(|p| p.id == person_id)
            .ok_or_else(|| CoreError::Internal("The person just saved could not be read back.".into()))
    }
}
