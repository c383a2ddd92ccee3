//! People of the workspace: assignees now, and later the people whose skills are tracked.

use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use crate::workspace::history::EditContext;
use crate::{validate, workspace::ids, CoreError, Id, Result, Workspace};

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Person {
    #[ts(type = "number")]
    pub id: Id,
    pub name: String,
    pub role: String,
}

impl Workspace {
    pub fn people(&self) -> Result<Vec<Person>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name, role FROM people ORDER BY name COLLATE NOCASE")?;
        let rows = stmt.query_map([], |r| {
            Ok(Person {
                id: r.get(0)?,
                name: r.get(1)?,
                role: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_person(&mut self, name: &str, role: &str) -> Result<Person> {
        self.edit(|ctx| {
            let id = person_id_by_name(ctx, name)?;
            ctx.tx
                .execute("UPDATE people SET role = ?1 WHERE id = ?2", (role.trim(), id))?;
            ctx.set_label(format!("Add {}", name.trim()));
            Ok(Person {
                id,
                name: name.trim().to_string(),
                role: role.trim().to_string(),
            })
        })
    }
}

/// A person as a resource of the schedule: the calendar they work on and their hourly rate.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PersonResource {
    #[ts(type = "number | null")]
    pub calendar_id: Option<Id>,
    /// Per hour, in minor units of `currency`.
    #[ts(type = "number")]
    pub cost_rate_minor: i64,
    pub currency: String,
}

impl Workspace {
    pub fn person_resource(&self, person_id: Id) -> Result<PersonResource> {
        let (calendar_id, cost_rate_minor) = self
            .conn
            .query_row(
                "SELECT calendar_id, cost_rate_minor FROM people WHERE id = ?1",
                [person_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That person is no longer in this workspace.".into()))?;
        Ok(PersonResource {
            calendar_id,
            cost_rate_minor,
            currency: self.currency()?,
        })
    }

    /// Makes a person a resource of the schedule: the calendar they work on (none: each
    /// project's own) and what an hour of their work costs, in minor units.
    pub fn set_person_resource(&mut self, person_id: Id, calendar_id: Option<Id>, cost_rate_minor: i64) -> Result<()> {
        let name: String = self
            .conn
            .query_row("SELECT name FROM people WHERE id = ?1", [person_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That person is no longer in this workspace.".into()))?;
        if let Some(id) = calendar_id {
            self.conn
                .query_row("SELECT id FROM calendars WHERE id = ?1", [id], |r| r.get::<_, Id>(0))
                .optional()?
                .ok_or_else(|| CoreError::NotFound("That calendar no longer exists.".into()))?;
        }
        if cost_rate_minor < 0 {
            return Err(CoreError::InvalidInput("A cost rate cannot be negative.".into()));
        }
        self.edit(|ctx| {
            ctx.touch("people", person_id)?;
            ctx.tx.execute(
                "UPDATE people SET calendar_id = ?1, cost_rate_minor = ?2 WHERE id = ?3",
                (calendar_id, cost_rate_minor, person_id),
            )?;
            ctx.set_label(format!("Change {name}'s calendar and rate"));
            Ok(())
        })
    }
}

/// The id of the person with this name (case-insensitive), adding them if new.
pub(crate) fn person_id_by_name(ctx: &mut EditContext, name: &str) -> Result<Id> {
    let name = validate::required_text("A person's name", name, 120)?;
    let existing: Option<Id> = ctx
        .tx
        .query_row("SELECT id FROM people WHERE name = ?1", [&name], |r| r.get(0))
        .optional()?;
    if let Some(id) = existing {
        return Ok(id);
    }
    let id = ids::new_id(ctx.tx, "people")?;
    ctx.tx.execute(
        "INSERT INTO people(name, role, created_at, id) VALUES (?1, '', ?2, ?3)",
        (&name, validate::now_utc(), id),
    )?;
    ctx.inserted("people", id);
    Ok(id)
}
