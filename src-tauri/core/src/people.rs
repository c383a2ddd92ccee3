//! People of the workspace: assignees now, and later the people whose skills are tracked.

use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use crate::history::EditContext;
use crate::{validate, Id, Result, Workspace};

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
    ctx.tx.execute(
        "INSERT INTO people(name, role, created_at) VALUES (?1, '', ?2)",
        (&name, validate::now_utc()),
    )?;
    let id = ctx.tx.last_insert_rowid();
    ctx.inserted("people", id);
    Ok(id)
}
