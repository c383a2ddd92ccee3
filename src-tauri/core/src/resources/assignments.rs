//! Assignments: people (units, 1.0 = full time) and equipment (units = how many) on tasks.
//! A task with assignments takes its work and cost from them; one without keeps its single
//! assignee at full time (the timeline's behaviour before assignments existed).

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::workspace::ids;
use crate::{CoreError, Id, Result, Workspace};

/// More than ten people's worth of one person is a typing error (the file allows 1,000).
const MAX_PERSON_UNITS: f64 = 10.0;
const DEFAULT_DURATION: i64 = 480;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ResourceKind {
    Person,
    Equipment,
}

/// A resource by kind and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResourceRef {
    pub kind: ResourceKind,
    pub id: Id,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Assignment {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub item_id: Id,
    pub kind: ResourceKind,
    #[ts(type = "number")]
    pub resource_id: Id,
    pub name: String,
    /// People: 1.0 = full time; equipment: how many.
    pub units: f64,
    /// People: the task's working time × units; equipment: 0.
    pub work_hours: f64,
    /// People: work × rate; equipment: units × unit cost. Minor units.
    #[ts(type = "number")]
    pub cost_minor: i64,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct AssignmentInput {
    #[ts(type = "number | null")]
    pub person_id: Option<Id>,
    #[ts(type = "number | null")]
    pub equipment_id: Option<Id>,
    pub units: f64,
}

/// What a task's assignments add up to, for the timeline.
pub(crate) struct Staffing {
    pub(crate) names: String,
    pub(crate) person_units: f64,
    /// Σ units × hourly rate of the people.
    pub(crate) rate_units: f64,
    pub(crate) equipment_cost: i64,
    pub(crate) fixed_cost: i64,
    /// The calendar of the person with the most units, if they have one.
    pub(crate) calendar: Option<Id>,
    /// The task's own calendar, which wins.
    pub(crate) own_calendar: Option<Id>,
}

/// Per task of the project with assignments: who and what.
pub(crate) fn project_staffing(conn: &Connection, project_id: Id) -> Result<HashMap<Id, Staffing>> {
    staffing(conn, "w.project_id = ?1", project_id)
}

/// The staffing of one task, when it has assignments.
pub(crate) fn item_staffing(conn: &Connection, item_id: Id) -> Result<Option<Staffing>> {
    Ok(staffing(conn, "w.id = ?1", item_id)?.remove(&item_id))
}

/// The staffing of the tasks `filter` (SQL over `w`, the task, with one parameter) selects.
fn staffing(conn: &Connection, filter: &str, param: Id) -> Result<HashMap<Id, Staffing>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT a.item_id, coalesce(p.name, e.name), a.units, coalesce(p.cost_rate_minor, 0), \
         coalesce(e.unit_cost_minor, 0), a.person_id IS NOT NULL, p.calendar_id, w.calendar_id, w.fixed_cost_minor \
         FROM assignments a JOIN work_items w ON w.id = a.item_id \
         LEFT JOIN people p ON p.id = a.person_id LEFT JOIN equipment e ON e.id = a.equipment_id \
         WHERE {filter} ORDER BY a.item_id, a.person_id IS NULL, a.units DESC, 2 COLLATE NOCASE, a.id"
    ))?;
    let mut out: HashMap<Id, Staffing> = HashMap::new();
    let mut rows = stmt.query([param])?;
    while let Some(r) = rows.next()? {
        let item: Id = r.get(0)?;
        let name: String = r.get(1)?;
        let units: f64 = r.get(2)?;
        let person: bool = r.get(5)?;
        let s = out.entry(item).or_insert(Staffing {
            names: String::new(),
            person_units: 0.0,
            rate_units: 0.0,
            equipment_cost: 0,
            fixed_cost: r.get(8)?,
            calendar: None,
            own_calendar: r.get(7)?,
        });
        if person {
            if s.person_units == 0.0 {
                s.calendar = r.get(6)?;
            }
            s.person_units += units;
            s.rate_units += units * r.get::<_, i64>(3)? as f64;
            if !s.names.is_empty() {
                s.names.push_str(", ");
            }
            s.names.push_str(&name);
            if (units - 1.0).abs() > 1e-9 {
                s.names.push_str(&format!(" [{:.0}%]", units * 100.0));
            }
        } else {
            s.equipment_cost += (units * r.get::<_, i64>(4)? as f64).round() as i64;
        }
    }
    Ok(out)
}

/// The resources each task of the project uses: its assignments, or else its assignee at
/// full time. For utilisation and levelling.
pub(crate) fn project_loads(conn: &Connection, project_id: Id) -> Result<HashMap<Id, Vec<(ResourceRef, f64)>>> {
    let mut out: HashMap<Id, Vec<(ResourceRef, f64)>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT a.item_id, a.person_id, a.equipment_id, a.units FROM assignments a \
         JOIN work_items w ON w.id = a.item_id WHERE w.project_id = ?1 ORDER BY a.item_id, a.id",
    )?;
    let mut rows = stmt.query([project_id])?;
    while let Some(r) = rows.next()? {
        let item: Id = r.get(0)?;
        let person: Option<Id> = r.get(1)?;
        let equipment: Option<Id> = r.get(2)?;
        let resource = match (person, equipment) {
            (Some(id), _) => ResourceRef {
                kind: ResourceKind::Person,
                id,
            },
            (None, Some(id)) => ResourceRef {
                kind: ResourceKind::Equipment,
                id,
            },
            (None, None) => continue,
        };
        out.entry(item).or_default().push((resource, r.get(3)?));
    }
    let mut stmt = conn
        .prepare_cached("SELECT id, assignee_id FROM work_items WHERE project_id = ?1 AND assignee_id IS NOT NULL")?;
    let mut rows = stmt.query([project_id])?;
    while let Some(r) = rows.next()? {
        let item: Id = r.get(0)?;
        out.entry(item).or_insert_with(|| {
            vec![(
                ResourceRef {
                    kind: ResourceKind::Person,
                    id: r.get(1).unwrap_or_default(),
                },
                1.0,
            )]
        });
    }
    Ok(out)
}

impl Workspace {
    /// The assignments of a task: people first (most units first), then equipment.
    pub fn assignments(&self, item_id: Id) -> Result<Vec<Assignment>> {
        let (duration, milestone): (Option<i64>, bool) = self
            .conn
            .query_row(
                "SELECT duration_minutes, item_type = 'milestone' FROM work_items WHERE id = ?1",
                [item_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That task is no longer in this workspace.".into()))?;
        let minutes = duration.unwrap_or(if milestone { 0 } else { DEFAULT_DURATION });
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.person_id, a.equipment_id, coalesce(p.name, e.name), a.units, \
             coalesce(p.cost_rate_minor, 0), coalesce(e.unit_cost_minor, 0) \
             FROM assignments a LEFT JOIN people p ON p.id = a.person_id LEFT JOIN equipment e ON e.id = a.equipment_id \
             WHERE a.item_id = ?1 ORDER BY a.person_id IS NULL, a.units DESC, 4 COLLATE NOCASE, a.id",
        )?;
        let rows = stmt.query_map([item_id], |r| {
            let person: Option<Id> = r.get(1)?;
            let units: f64 = r.get(4)?;
            Ok(match person {
                Some(pid) => {
                    let work = minutes as f64 / 60.0 * units;
                    Assignment {
                        id: r.get(0)?,
                        item_id,
                        kind: ResourceKind::Person,
                        resource_id: pid,
                        name: r.get(3)?,
                        units,
                        work_hours: (work * 100.0).round() / 100.0,
                        cost_minor: (work * r.get::<_, i64>(5)? as f64).round() as i64,
                    }
                }
                None => Assignment {
                    id: r.get(0)?,
                    item_id,
                    kind: ResourceKind::Equipment,
                    resource_id: r.get(2)?,
                    name: r.get(3)?,
                    units,
                    work_hours: 0.0,
                    cost_minor: (units * r.get::<_, i64>(6)? as f64).round() as i64,
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Puts a person (units, 1.0 = full time) or equipment (a whole count) on a task; if it is
    /// there already, its units change.
    pub fn assign(&mut self, item_id: Id, input: &AssignmentInput) -> Result<Assignment> {
        let title: String = self
            .conn
            .query_row("SELECT title FROM work_items WHERE id = ?1", [item_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That task is no longer in this workspace.".into()))?;
        let units = input.units;
        let (column, resource_id, name) = match (input.person_id, input.equipment_id) {
            (Some(pid), None) => {
                let name: String = self
                    .conn
                    .query_row("SELECT name FROM people WHERE id = ?1", [pid], |r| r.get(0))
                    .optional()?
                    .ok_or_else(|| {
                        CoreError::NotFound(
                            "That person is no longer in this workspace, so they cannot be assigned.".into(),
                        )
                    })?;
                if !units.is_finite() || units <= 0.0 || units > MAX_PERSON_UNITS {
                    return Err(CoreError::InvalidInput(format!(
                        "{name} can work on \"{title}\" from just above 0 % up to 1,000 % (ten people's worth); {} % is not possible.",
                        (units * 100.0).round()
                    )));
                }
                ("person_id", pid, name)
            }
            (None, Some(eid)) => {
                let (name, quantity): (String, i64) = self
                    .conn
                    .query_row("SELECT name, quantity FROM equipment WHERE id = ?1", [eid], |r| {
                        Ok((r.get(0)?, r.get(1)?))
                    })
                    .optional()?
                    .ok_or_else(|| {
                        CoreError::NotFound(
                            "That equipment is no longer in this workspace, so it cannot be assigned.".into(),
                        )
                    })?;
                if !units.is_finite() || units < 1.0 || units.fract() != 0.0 {
                    return Err(CoreError::InvalidInput(format!(
                        "Assign a whole number of \"{name}\" (1 or more) to \"{title}\"."
                    )));
                }
                if units as i64 > quantity {
                    return Err(CoreError::InvalidInput(format!(
                        "Only {quantity} of \"{name}\" exist, so {} cannot be assigned to \"{title}\".",
                        units as i64
                    )));
                }
                ("equipment_id", eid, name)
            }
            _ => {
                return Err(CoreError::InvalidInput(
                    "Choose either a person or a piece of equipment to assign.".into(),
                ))
            }
        };
        // Column names are constants above, never user input.
        let existing: Option<Id> = self
            .conn
            .query_row(
                &format!("SELECT id FROM assignments WHERE item_id = ?1 AND {column} = ?2"),
                (item_id, resource_id),
                |r| r.get(0),
            )
            .optional()?;
        let id = self.edit(|ctx| {
            let id = match existing {
                Some(id) => {
                    ctx.touch("assignments", id)?;
                    ctx.tx
                        .execute("UPDATE assignments SET units = ?1 WHERE id = ?2", (units, id))?;
                    ctx.set_label(format!("Change {name} on \"{title}\""));
                    id
                }
                None => {
                    let id = ids::new_id(ctx.tx, "assignments")?;
                    ctx.tx.execute(
                        &format!("INSERT INTO assignments(id, item_id, {column}, units) VALUES (?1, ?2, ?3, ?4)"),
                        (id, item_id, resource_id, units),
                    )?;
                    ctx.inserted("assignments", id);
                    ctx.set_label(format!("Assign {name} to \"{title}\""));
                    id
                }
            };
            Ok(id)
        })?;
        self.assignments(item_id)?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| CoreError::Internal("The assignment just saved could not be read back.".into()))
    }

    pub fn unassign(&mut self, assignment_id: Id) -> Result<()> {
        let (name, title): (String, String) = self
            .conn
            .query_row(
                "SELECT coalesce(p.name, e.name), w.title FROM assignments a JOIN work_items w ON w.id = a.item_id \
                 LEFT JOIN people p ON p.id = a.person_id LEFT JOIN equipment e ON e.id = a.equipment_id WHERE a.id = ?1",
                [assignment_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That assignment no longer exists.".into()))?;
        self.edit(|ctx| {
            ctx.delete("assignments", assignment_id)?;
            ctx.set_label(format!("Remove {name} from \"{title}\""));
            Ok(())
        })
    }
}
