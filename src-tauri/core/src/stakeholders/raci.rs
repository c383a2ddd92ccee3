//! The RACI matrix: for each deliverable (or each of the five phases) who is Responsible,
//! Accountable, Consulted or Informed. Columns are the people who work on the project (assignees
//! of its items, or anyone already given a role in it) and its stakeholders. A row has exactly
//! one Accountable: a second one is refused (and the schema refuses it too); moving the A to
//! someone else is one edit (`raci_make_accountable`). Once a matrix has any role in it, every
//! row of it without an Accountable is flagged.

use std::collections::HashMap;

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ProjectStakeholders;
use crate::lifecycle::Phase;
use crate::{workspace::ids, CoreError, Id, Result, Workspace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum RaciRole {
    R,
    A,
    C,
    I,
}

impl RaciRole {
    pub fn as_str(self) -> &'static str {
        match self {
            RaciRole::R => "R",
            RaciRole::A => "A",
            RaciRole::C => "C",
            RaciRole::I => "I",
        }
    }

    fn parse(text: &str) -> Option<RaciRole> {
        match text {
            "R" => Some(RaciRole::R),
            "A" => Some(RaciRole::A),
            "C" => Some(RaciRole::C),
            "I" => Some(RaciRole::I),
            _ => None,
        }
    }
}

/// What the rows of a matrix are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RaciMode {
    Deliverables,
    Phases,
}

/// A row: one deliverable or one phase (exactly one of the two).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RaciTarget {
    #[serde(default)]
    #[ts(type = "number | null")]
    pub deliverable_id: Option<Id>,
    #[serde(default)]
    pub phase: Option<Phase>,
}

/// A column: one person or one stakeholder (exactly one of the two).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RaciParty {
    #[serde(default)]
    #[ts(type = "number | null")]
    pub person_id: Option<Id>,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub stakeholder_id: Option<Id>,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct RaciColumn {
    pub party: RaciParty,
    pub name: String,
    /// The stakeholder's organisation or the person's role.
    pub detail: String,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct RaciRow {
    pub target: RaciTarget,
    pub label: String,
    /// One per column, in the columns' order.
    pub cells: Vec<Option<RaciRole>>,
    /// Why the row is flagged, when it is.
    pub problem: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct RaciMatrix {
    pub mode: RaciMode,
    pub columns: Vec<RaciColumn>,
    pub rows: Vec<RaciRow>,
    /// The matrix has at least one role (only then are rows flagged).
    pub started: bool,
}

/// A flagged row, as `raci_problems` lists it.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct RaciProblem {
    pub mode: RaciMode,
    pub target: RaciTarget,
    pub label: String,
    pub message: String,
}

struct Checked {
    row_label: String,
    party_name: String,
}

impl Workspace {
    /// The RACI matrix of a project against its deliverables or its phases.
    pub fn raci_matrix(&self, project_id: Id, mode: RaciMode) -> Result<RaciMatrix> {
        let columns = self.raci_columns(project_id)?;
        let rows: Vec<(RaciTarget, String)> = match mode {
            RaciMode::Deliverables => {
                let mut stmt = self
                    .conn
                    .prepare_cached("SELECT id, title FROM deliverables WHERE project_id = ?1 ORDER BY position, id")?;
                let rows = stmt.query_map([project_id], |r| {
                    Ok((
                        RaciTarget {
                            deliverable_id: Some(r.get(0)?),
                            phase: None,
                        },
                        r.get(1)?,
                    ))
                })?;
                rows.collect::<rusqlite::Result<_>>()?
            }
            RaciMode::Phases => Phase::ALL
                .into_iter()
                .map(|p| {
                    (
                        RaciTarget {
                            deliverable_id: None,
                            phase: Some(p),
                        },
                        p.label().to_string(),
                    )
                })
                .collect(),
        };
        let sql = match mode {
            RaciMode::Deliverables => {
                "SELECT deliverable_id, NULL, person_id, stakeholder_id, role FROM raci_assignments \
                 WHERE project_id = ?1 AND deliverable_id IS NOT NULL"
            }
            RaciMode::Phases => {
                "SELECT NULL, phase, person_id, stakeholder_id, role FROM raci_assignments \
                 WHERE project_id = ?1 AND phase IS NOT NULL"
            }
        };
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut cells: HashMap<(RaciTarget, RaciParty), RaciRole> = HashMap::new();
        let found = stmt.query_map([project_id], |r| {
            let phase: Option<String> = r.get(1)?;
            Ok((
                RaciTarget {
                    deliverable_id: r.get(0)?,
                    phase: phase.and_then(|p| Phase::parse(&p).ok()),
                },
                RaciParty {
                    person_id: r.get(2)?,
                    stakeholder_id: r.get(3)?,
                },
                r.get::<_, String>(4)?,
            ))
        })?;
        for row in found {
            let (target, party, role) = row?;
            if let Some(role) = RaciRole::parse(&role) {
                cells.insert((target, party), role);
            }
        }
        let started = !cells.is_empty();
        let rows = rows
            .into_iter()
            .map(|(target, label)| {
                let row: Vec<Option<RaciRole>> =
                    columns.iter().map(|c| cells.get(&(target, c.party)).copied()).collect();
                let accountable = row.iter().filter(|r| **r == Some(RaciRole::A)).count();
                let problem = (started && accountable != 1).then(|| {
                    if accountable == 0 {
                        format!("\"{label}\" has no Accountable; give exactly one person or stakeholder the A.")
                    } else {
                        format!("\"{label}\" has {accountable} Accountables; keep exactly one.")
                    }
                });
                RaciRow {
                    target,
                    label,
                    cells: row,
                    problem,
                }
            })
            .collect();
        Ok(RaciMatrix {
            mode,
            columns,
            rows,
            started,
        })
    }

    /// The people working on the project (by name), then its stakeholders (by name).
    fn raci_columns(&self, project_id: Id) -> Result<Vec<RaciColumn>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, role FROM people WHERE id IN ( \
                 SELECT assignee_id FROM work_items WHERE project_id = ?1 AND assignee_id IS NOT NULL \
                 UNION SELECT person_id FROM raci_assignments WHERE project_id = ?1 AND person_id IS NOT NULL) \
             ORDER BY name COLLATE NOCASE, id",
        )?;
        let mut columns: Vec<RaciColumn> = stmt
            .query_map([project_id], |r| {
                Ok(RaciColumn {
                    party: RaciParty {
                        person_id: Some(r.get(0)?),
                        stakeholder_id: None,
                    },
                    name: r.get(1)?,
                    detail: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        for s in self.stakeholders(project_id)? {
            columns.push(RaciColumn {
                party: RaciParty {
                    person_id: None,
                    stakeholder_id: Some(s.id),
                },
                name: s.name,
                detail: s.organisation,
            });
        }
        Ok(columns)
    }

    /// Every flagged row of both matrices of a project (see the module's rule).
    pub fn raci_problems(&self, project_id: Id) -> Result<Vec<RaciProblem>> {
        self.project(project_id)?;
        let mut problems = Vec::new();
        for mode in [RaciMode::Deliverables, RaciMode::Phases] {
            for row in self.raci_matrix(project_id, mode)?.rows {
                if let Some(message) = row.problem {
                    problems.push(RaciProblem {
                        mode,
                        target: row.target,
                        label: row.label,
                        message,
                    });
                }
            }
        }
        Ok(problems)
    }

    fn check_raci(&self, project_id: Id, target: &RaciTarget, party: &RaciParty) -> Result<Checked> {
        self.project(project_id)?;
        let row_label = match (target.deliverable_id, target.phase) {
            (Some(id), None) => {
                let found: Option<(Id, String)> = self
                    .conn
                    .query_row("SELECT project_id, title FROM deliverables WHERE id = ?1", [id], |r| {
                        Ok((r.get(0)?, r.get(1)?))
                    })
                    .optional()?;
                match found {
                    Some((p, title)) if p == project_id => title,
                    Some(_) => {
                        return Err(CoreError::InvalidInput(
                            "That deliverable belongs to another project.".into(),
                        ))
                    }
                    None => {
                        return Err(CoreError::NotFound(
                            "That deliverable no longer exists (it may have been deleted or undone).".into(),
                        ))
                    }
                }
            }
            (None, Some(phase)) => phase.label().to_string(),
            _ => {
                return Err(CoreError::InvalidInput(
                    "A RACI row is either one deliverable or one phase.".into(),
                ))
            }
        };
        let party_name = match (party.person_id, party.stakeholder_id) {
            (Some(id), None) => self
                .conn
                .query_row("SELECT name FROM people WHERE id = ?1", [id], |r| r.get(0))
                .optional()?
                .ok_or_else(|| CoreError::NotFound("That person no longer exists in this workspace.".into()))?,
            (None, Some(id)) => {
                let (p, name) = super::stakeholder_project(self, id)?;
                if p != project_id {
                    return Err(CoreError::InvalidInput(
                        "That stakeholder belongs to another project.".into(),
                    ));
                }
                name
            }
            _ => {
                return Err(CoreError::InvalidInput(
                    "A RACI column is either one person or one stakeholder.".into(),
                ))
            }
        };
        Ok(Checked { row_label, party_name })
    }

    /// The cell of (`target`, `party`) and its role, if set.
    fn raci_cell(&self, project_id: Id, target: &RaciTarget, party: &RaciParty) -> Result<Option<(Id, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, role FROM raci_assignments WHERE project_id = ?1 \
                 AND coalesce(deliverable_id, 0) = coalesce(?2, 0) AND coalesce(phase, '') = coalesce(?3, '') \
                 AND coalesce(person_id, 0) = coalesce(?4, 0) AND coalesce(stakeholder_id, 0) = coalesce(?5, 0)",
                rusqlite::params![
                    project_id,
                    target.deliverable_id,
                    target.phase.map(Phase::as_str),
                    party.person_id,
                    party.stakeholder_id
                ],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// The Accountable of a row other than `party`: its cell id and name.
    fn other_accountable(
        &self,
        project_id: Id,
        target: &RaciTarget,
        party: &RaciParty,
    ) -> Result<Option<(Id, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT r.id, coalesce(p.name, s.name, '') FROM raci_assignments r \
                 LEFT JOIN people p ON p.id = r.person_id LEFT JOIN stakeholders s ON s.id = r.stakeholder_id \
                 WHERE r.project_id = ?1 AND r.role = 'A' \
                 AND coalesce(r.deliverable_id, 0) = coalesce(?2, 0) AND coalesce(r.phase, '') = coalesce(?3, '') \
                 AND NOT (coalesce(r.person_id, 0) = coalesce(?4, 0) AND coalesce(r.stakeholder_id, 0) = coalesce(?5, 0))",
                rusqlite::params![
                    project_id,
                    target.deliverable_id,
                    target.phase.map(Phase::as_str),
                    party.person_id,
                    party.stakeholder_id
                ],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Sets one cell to a role, or clears it (`None`). A second Accountable in a row is refused.
    pub fn set_raci(
        &mut self,
        project_id: Id,
        target: &RaciTarget,
        party: &RaciParty,
        role: Option<RaciRole>,
    ) -> Result<ProjectStakeholders> {
        let c = self.check_raci(project_id, target, party)?;
        let cell = self.raci_cell(project_id, target, party)?;
        if role == Some(RaciRole::A) {
            if let Some((_, holder)) = self.other_accountable(project_id, target, party)? {
                return Err(CoreError::InvalidInput(format!(
                    "{holder} is already Accountable for \"{}\", and a row has exactly one Accountable. \
                     Make {} accountable instead to move the A, or choose R, C or I.",
                    c.row_label, c.party_name
                )));
            }
        }
        if cell.as_ref().map(|(_, r)| RaciRole::parse(r)) == Some(role) || (cell.is_none() && role.is_none()) {
            return self.project_stakeholders(project_id);
        }
        self.edit(|ctx| {
            match (cell, role) {
                (Some((id, _)), None) => {
                    ctx.delete("raci_assignments", id)?;
                }
                (Some((id, _)), Some(role)) => {
                    ctx.touch("raci_assignments", id)?;
                    ctx.tx
                        .execute("UPDATE raci_assignments SET role = ?1 WHERE id = ?2", (role.as_str(), id))?;
                }
                (None, Some(role)) => {
                    let id = ids::new_id(ctx.tx, "raci_assignments")?;
                    ctx.tx.execute(
                        "INSERT INTO raci_assignments(id, project_id, deliverable_id, phase, person_id, stakeholder_id, role) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        rusqlite::params![
                            id,
                            project_id,
                            target.deliverable_id,
                            target.phase.map(Phase::as_str),
                            party.person_id,
                            party.stakeholder_id,
                            role.as_str()
                        ],
                    )?;
                    ctx.inserted("raci_assignments", id);
                }
                (None, None) => {}
            }
            ctx.set_label(match role {
                Some(role) => format!("Make {} {} for \"{}\"", c.party_name, role.as_str(), c.row_label),
                None => format!("Clear {}'s role for \"{}\"", c.party_name, c.row_label),
            });
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_stakeholders(project_id)
    }

    /// Moves a row's A to `party` in one edit: the former Accountable's cell is cleared.
    pub fn raci_make_accountable(
        &mut self,
        project_id: Id,
        target: &RaciTarget,
        party: &RaciParty,
    ) -> Result<ProjectStakeholders> {
        let c = self.check_raci(project_id, target, party)?;
        let cell = self.raci_cell(project_id, target, party)?;
        let other = self.other_accountable(project_id, target, party)?;
        if other.is_none() && cell.as_ref().is_some_and(|(_, r)| r == "A") {
            return self.project_stakeholders(project_id);
        }
        self.edit(|ctx| {
            if let Some((id, _)) = &other {
                ctx.delete("raci_assignments", *id)?;
            }
            match &cell {
                Some((id, _)) => {
                    ctx.touch("raci_assignments", *id)?;
                    ctx.tx
                        .execute("UPDATE raci_assignments SET role = 'A' WHERE id = ?1", [id])?;
                }
                None => {
                    let id = ids::new_id(ctx.tx, "raci_assignments")?;
                    ctx.tx.execute(
                        "INSERT INTO raci_assignments(id, project_id, deliverable_id, phase, person_id, stakeholder_id, role) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'A')",
                        rusqlite::params![
                            id,
                            project_id,
                            target.deliverable_id,
                            target.phase.map(Phase::as_str),
                            party.person_id,
                            party.stakeholder_id
                        ],
                    )?;
                    ctx.inserted("raci_assignments", id);
                }
            }
            ctx.set_label(match &other {
                Some((_, holder)) => format!(
                    "Make {} accountable for \"{}\" instead of {holder}",
                    c.party_name, c.row_label
                ),
                None => format!("Make {} A for \"{}\"", c.party_name, c.row_label),
            });
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_stakeholders(project_id)
    }
}
