//! Equipment, hardware and licences: counted resources with a unit cost and an optional
//! window (from–to, inclusive) when they are available to tasks.

use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::workspace::ids;
use crate::{validate, CoreError, Id, Result, Workspace};

/// A pool bigger than this, or a unit dearer than 10,000,000.00, is a typing error.
const MAX_QUANTITY: i64 = 1000;
const MAX_UNIT_COST_MINOR: i64 = 1_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EquipmentKind {
    Equipment,
    Hardware,
    Licence,
}

impl EquipmentKind {
    fn as_str(self) -> &'static str {
        match self {
            EquipmentKind::Equipment => "equipment",
            EquipmentKind::Hardware => "hardware",
            EquipmentKind::Licence => "licence",
        }
    }

    fn parse(s: &str) -> EquipmentKind {
        match s {
            "hardware" => EquipmentKind::Hardware,
            "licence" => EquipmentKind::Licence,
            _ => EquipmentKind::Equipment,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Equipment {
    #[ts(type = "number")]
    pub id: Id,
    pub name: String,
    pub kind: EquipmentKind,
    #[ts(type = "number")]
    pub quantity: i64,
    #[ts(type = "number")]
    pub unit_cost_minor: i64,
    pub available_from: Option<NaiveDate>,
    pub available_to: Option<NaiveDate>,
    pub notes: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct EquipmentInput {
    pub name: String,
    pub kind: EquipmentKind,
    #[ts(type = "number")]
    pub quantity: i64,
    #[ts(type = "number")]
    pub unit_cost_minor: i64,
    /// `YYYY-MM-DD` or empty.
    pub available_from: Option<String>,
    pub available_to: Option<String>,
    #[serde(default)]
    pub notes: String,
}

struct Checked {
    name: String,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

fn check(input: &EquipmentInput) -> Result<Checked> {
    let name = validate::required_text("An equipment name", &input.name, 120)?;
    if input.quantity < 1 {
        return Err(CoreError::InvalidInput(format!(
            "\"{name}\" needs a quantity of at least 1."
        )));
    }
    if input.quantity > MAX_QUANTITY {
        return Err(CoreError::InvalidInput(format!(
            "A quantity of {} for \"{name}\" looks like a typing error; the most is {MAX_QUANTITY}.",
            input.quantity
        )));
    }
    if input.unit_cost_minor < 0 {
        return Err(CoreError::InvalidInput(format!(
            "The unit cost of \"{name}\" cannot be negative."
        )));
    }
    if input.unit_cost_minor > MAX_UNIT_COST_MINOR {
        return Err(CoreError::InvalidInput(format!(
            "The unit cost of \"{name}\" looks like a typing error; the most is 10,000,000.00."
        )));
    }
    let from = validate::optional_date("Available from", input.available_from.as_deref())?;
    let to = validate::optional_date("Available to", input.available_to.as_deref())?;
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            return Err(CoreError::InvalidInput(format!(
                "\"{name}\" cannot be available until {t} when it only becomes available on {f}."
            )));
        }
    }
    if input.notes.chars().count() > 2000 {
        return Err(CoreError::InvalidInput(
            "The notes are too long; keep them under 2,000 characters.".into(),
        ));
    }
    Ok(Checked { name, from, to })
}

const SELECT: &str =
    "SELECT id, name, kind, quantity, unit_cost_minor, available_from, available_to, notes FROM equipment";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Equipment> {
    Ok(Equipment {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: EquipmentKind::parse(&r.get::<_, String>(2)?),
        quantity: r.get(3)?,
        unit_cost_minor: r.get(4)?,
        available_from: validate::date_from_sql(r.get(5)?),
        available_to: validate::date_from_sql(r.get(6)?),
        notes: r.get(7)?,
    })
}

impl Workspace {
    pub fn equipment(&self) -> Result<Vec<Equipment>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT} ORDER BY name COLLATE NOCASE, id"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn equipment_by_id(&self, id: Id) -> Result<Equipment> {
        self.conn
            .query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That equipment is no longer in this workspace.".into()))
    }

    fn refuse_duplicate_equipment(&self, name: &str, except: Option<Id>) -> Result<()> {
        let other: Option<Id> = self
            .conn
            .query_row(
                "SELECT id FROM equipment WHERE name = ?1 COLLATE NOCASE AND id IS NOT ?2",
                (name, except),
                |r| r.get(0),
            )
            .optional()?;
        match other {
            Some(_) => Err(CoreError::Duplicate(format!(
                "There is already equipment called \"{name}\"; give this one another name."
            ))),
            None => Ok(()),
        }
    }

    pub fn add_equipment(&mut self, input: &EquipmentInput) -> Result<Equipment> {
        let c = check(input)?;
        self.refuse_duplicate_equipment(&c.name, None)?;
        let id = self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "equipment")?;
            ctx.tx.execute(
                "INSERT INTO equipment(id, name, kind, quantity, unit_cost_minor, available_from, available_to, notes, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                rusqlite::params![
                    id,
                    c.name,
                    input.kind.as_str(),
                    input.quantity,
                    input.unit_cost_minor,
                    validate::date_to_sql(c.from),
                    validate::date_to_sql(c.to),
                    input.notes.trim(),
                    validate::now_utc()
                ],
            )?;
            ctx.inserted("equipment", id);
            ctx.set_label(format!("Add {}", c.name));
            Ok(id)
        })?;
        self.equipment_by_id(id)
    }

    pub fn update_equipment(&mut self, id: Id, input: &EquipmentInput) -> Result<Equipment> {
        self.equipment_by_id(id)?;
        let c = check(input)?;
        self.refuse_duplicate_equipment(&c.name, Some(id))?;
        self.edit(|ctx| {
            ctx.touch("equipment", id)?;
            ctx.tx.execute(
                "UPDATE equipment SET name = ?2, kind = ?3, quantity = ?4, unit_cost_minor = ?5, available_from = ?6, \
                 available_to = ?7, notes = ?8 WHERE id = ?1",
                rusqlite::params![
                    id,
                    c.name,
                    input.kind.as_str(),
                    input.quantity,
                    input.unit_cost_minor,
                    validate::date_to_sql(c.from),
                    validate::date_to_sql(c.to),
                    input.notes.trim()
                ],
            )?;
            ctx.set_label(format!("Change {}", c.name));
            Ok(())
        })?;
        self.equipment_by_id(id)
    }

    /// Deletes the equipment and its assignments (undo brings both back).
    pub fn delete_equipment(&mut self, id: Id) -> Result<()> {
        let e = self.equipment_by_id(id)?;
        self.edit(|ctx| {
            ctx.delete("equipment", id)?;
            ctx.set_label(format!("Delete {}", e.name));
            Ok(())
        })
    }
}
