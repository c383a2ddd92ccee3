//! A project's scope: its objectives (in the order the manager gives them), deliverables with
//! acceptance criteria and acceptance status, and the in-scope and out-of-scope statements.
//! Change control (change requests and applying an approved one to the plan) is in `changes`
//! and `apply`. Every edit answers with the whole scope, so the screen shows what the core holds.

pub mod apply;
pub mod changes;
pub(crate) mod demo;

use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::workspace::history::EditContext;
use crate::{validate, workspace::ids, CoreError, Id, Result, Workspace};
use changes::ChangeRequest;

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Objective {
    #[ts(type = "number")]
    pub id: Id,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Acceptance {
    Pending,
    Accepted,
    Rejected,
}

impl Acceptance {
    fn as_str(self) -> &'static str {
        match self {
            Acceptance::Pending => "pending",
            Acceptance::Accepted => "accepted",
            Acceptance::Rejected => "rejected",
        }
    }

    fn parse(text: &str) -> Acceptance {
        match text {
            "accepted" => Acceptance::Accepted,
            "rejected" => Acceptance::Rejected,
            _ => Acceptance::Pending,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Deliverable {
    #[ts(type = "number")]
    pub id: Id,
    pub title: String,
    pub acceptance_criteria: String,
    pub acceptance: Acceptance,
    /// The work item that produces it, if any, and its title.
    #[ts(type = "number | null")]
    pub item_id: Option<Id>,
    pub item_title: Option<String>,
    pub due_date: Option<NaiveDate>,
}

/// The fields a manager edits on a deliverable; the due date is text so a wrong one is named.
#[derive(Debug, Clone, Deserialize, TS, Default)]
#[ts(export)]
pub struct DeliverableInput {
    pub title: String,
    #[serde(default)]
    pub acceptance_criteria: String,
    pub acceptance: Option<Acceptance>,
    #[ts(type = "number | null")]
    pub item_id: Option<Id>,
    pub due_date: Option<String>,
}

/// One in-scope or out-of-scope statement.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ScopeStatement {
    #[ts(type = "number")]
    pub id: Id,
    pub text: String,
}

/// Everything the Scope tab shows for one project.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ProjectScope {
    #[ts(type = "number")]
    pub project_id: Id,
    pub objectives: Vec<Objective>,
    pub deliverables: Vec<Deliverable>,
    pub in_scope: Vec<ScopeStatement>,
    pub out_of_scope: Vec<ScopeStatement>,
    /// Newest first.
    pub changes: Vec<ChangeRequest>,
    /// ISO 4217 code of the change requests' cost impact.
    pub currency: String,
}

const TEXT_MAX: usize = 500;
const CRITERIA_MAX: usize = 4000;

/// The position after the last row of `table` in a project (and list, for scope statements).
fn next_position(ctx: &EditContext, table: &str, project_id: Id, in_scope: Option<bool>) -> Result<f64> {
    // Table names are constants of this module.
    let sql = match in_scope {
        Some(_) => {
            format!("SELECT coalesce(max(position), 0) + 1 FROM {table} WHERE project_id = ?1 AND in_scope = ?2")
        }
        None => format!("SELECT coalesce(max(position), 0) + 1 FROM {table} WHERE project_id = ?1 AND ?2 IS NULL"),
    };
    Ok(ctx
        .tx
        .query_row(&sql, rusqlite::params![project_id, in_scope], |r| r.get(0))?)
}

/// The project a row of `table` belongs to, or a "no longer exists" message naming `what`.
fn owner(ws: &Workspace, table: &str, id: Id, what: &str) -> Result<Id> {
    ws.conn
        .query_row(&format!("SELECT project_id FROM {table} WHERE id = ?1"), [id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| {
            CoreError::NotFound(format!(
                "That {what} no longer exists (it may have been deleted or undone)."
            ))
        })
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        s.push('…');
    }
    s
}

struct CheckedDeliverable {
    title: String,
    criteria: String,
    acceptance: Acceptance,
    item_id: Option<Id>,
    due_date: Option<String>,
}

impl Workspace {
    /// The scope of a project: objectives, deliverables, statements and change requests.
    pub fn project_scope(&self, project_id: Id) -> Result<ProjectScope> {
        self.project(project_id)?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, text FROM objectives WHERE project_id = ?1 ORDER BY position, id")?;
        let objectives = stmt
            .query_map([project_id], |r| {
                Ok(Objective {
                    id: r.get(0)?,
                    text: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, d.title, d.acceptance_criteria, d.acceptance, d.item_id, w.title, d.due_date \
             FROM deliverables d LEFT JOIN work_items w ON w.id = d.item_id \
             WHERE d.project_id = ?1 ORDER BY d.position, d.id",
        )?;
        let deliverables = stmt
            .query_map([project_id], |r| {
                Ok(Deliverable {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    acceptance_criteria: r.get(2)?,
                    acceptance: Acceptance::parse(&r.get::<_, String>(3)?),
                    item_id: r.get(4)?,
                    item_title: r.get(5)?,
                    due_date: validate::date_from_sql(r.get(6)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let statements = |in_scope: bool| -> Result<Vec<ScopeStatement>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, text FROM scope_items WHERE project_id = ?1 AND in_scope = ?2 ORDER BY position, id",
            )?;
            let rows = stmt.query_map((project_id, in_scope), |r| {
                Ok(ScopeStatement {
                    id: r.get(0)?,
                    text: r.get(1)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        Ok(ProjectScope {
            project_id,
            objectives,
            deliverables,
            in_scope: statements(true)?,
            out_of_scope: statements(false)?,
            changes: self.change_requests(project_id)?,
            currency: self.currency()?,
        })
    }

    pub fn add_objective(&mut self, project_id: Id, text: &str) -> Result<ProjectScope> {
        let text = validate::required_text("An objective", text, TEXT_MAX)?;
        self.project(project_id)?;
        self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "objectives")?;
            let position = next_position(ctx, "objectives", project_id, None)?;
            ctx.tx.execute(
                "INSERT INTO objectives(id, project_id, text, position) VALUES (?1, ?2, ?3, ?4)",
                (id, project_id, &text, position),
            )?;
            ctx.inserted("objectives", id);
            ctx.set_label(format!("Add objective \"{}\"", short(&text)));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_scope(project_id)
    }

    pub fn update_objective(&mut self, id: Id, text: &str) -> Result<ProjectScope> {
        let text = validate::required_text("An objective", text, TEXT_MAX)?;
        let project_id = owner(self, "objectives", id, "objective")?;
        self.edit(|ctx| {
            ctx.touch("objectives", id)?;
            ctx.tx
                .execute("UPDATE objectives SET text = ?1 WHERE id = ?2", (&text, id))?;
            ctx.set_label(format!("Edit objective \"{}\"", short(&text)));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_scope(project_id)
    }

    /// Puts an objective at `index` in its project's list (0 = first; past the end = last);
    /// the list is renumbered, so positions stay whole numbers.
    pub fn move_objective(&mut self, id: Id, index: usize) -> Result<ProjectScope> {
        let project_id = owner(self, "objectives", id, "objective")?;
        let mut order: Vec<Id> = self
            .project_scope(project_id)?
            .objectives
            .iter()
            .map(|o| o.id)
            .collect();
        order.retain(|&o| o != id);
        order.insert(index.min(order.len()), id);
        self.edit(|ctx| {
            for (position, objective) in order.iter().enumerate() {
                let position = position as f64 + 1.0;
                let old: f64 = ctx
                    .tx
                    .query_row("SELECT position FROM objectives WHERE id = ?1", [objective], |r| {
                        r.get(0)
                    })?;
                if old != position {
                    ctx.touch("objectives", *objective)?;
                    ctx.tx.execute(
                        "UPDATE objectives SET position = ?1 WHERE id = ?2",
                        (position, objective),
                    )?;
                }
            }
            ctx.set_label("Reorder objectives");
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_scope(project_id)
    }

    pub fn delete_objective(&mut self, id: Id) -> Result<ProjectScope> {
        let project_id = owner(self, "objectives", id, "objective")?;
        self.edit(|ctx| {
            ctx.delete("objectives", id)?;
            ctx.set_label("Delete an objective");
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_scope(project_id)
    }

    fn check_deliverable(&self, project_id: Id, input: &DeliverableInput) -> Result<CheckedDeliverable> {
        let title = validate::required_text("The deliverable's title", &input.title, 300)?;
        let criteria = input.acceptance_criteria.trim().to_string();
        if criteria.chars().count() > CRITERIA_MAX {
            return Err(CoreError::InvalidInput(format!(
                "The acceptance criteria are too long; keep them under {CRITERIA_MAX} characters."
            )));
        }
        let due = validate::optional_date("The due date", input.due_date.as_deref())?;
        if let Some(item_id) = input.item_id {
            let item = self.item(item_id)?;
            if item.project_id != project_id {
                return Err(CoreError::InvalidInput(
                    "A deliverable links to a work item of its own project.".into(),
                ));
            }
        }
        Ok(CheckedDeliverable {
            title,
            criteria,
            acceptance: input.acceptance.unwrap_or(Acceptance::Pending),
            item_id: input.item_id,
            due_date: validate::date_to_sql(due),
        })
    }

    pub fn add_deliverable(&mut self, project_id: Id, input: &DeliverableInput) -> Result<ProjectScope> {
        self.project(project_id)?;
        let d = self.check_deliverable(project_id, input)?;
        self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "deliverables")?;
            let position = next_position(ctx, "deliverables", project_id, None)?;
            ctx.tx.execute(
                "INSERT INTO deliverables(id, project_id, title, acceptance_criteria, acceptance, item_id, due_date, position) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                rusqlite::params![id, project_id, d.title, d.criteria, d.acceptance.as_str(), d.item_id, d.due_date, position],
            )?;
            ctx.inserted("deliverables", id);
            ctx.set_label(format!("Add deliverable \"{}\"", short(&d.title)));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_scope(project_id)
    }

    pub fn update_deliverable(&mut self, id: Id, input: &DeliverableInput) -> Result<ProjectScope> {
        let project_id = owner(self, "deliverables", id, "deliverable")?;
        let d = self.check_deliverable(project_id, input)?;
        let old: String = self
            .conn
            .query_row("SELECT acceptance FROM deliverables WHERE id = ?1", [id], |r| r.get(0))?;
        self.edit(|ctx| {
            ctx.touch("deliverables", id)?;
            ctx.tx.execute(
                "UPDATE deliverables SET title = ?1, acceptance_criteria = ?2, acceptance = ?3, item_id = ?4, due_date = ?5 \
                 WHERE id = ?6",
                rusqlite::params![d.title, d.criteria, d.acceptance.as_str(), d.item_id, d.due_date, id],
            )?;
            ctx.set_label(if old != d.acceptance.as_str() {
                format!("Mark \"{}\" {}", short(&d.title), d.acceptance.as_str())
            } else {
                format!("Edit deliverable \"{}\"", short(&d.title))
            });
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_scope(project_id)
    }

    pub fn delete_deliverable(&mut self, id: Id) -> Result<ProjectScope> {
        let project_id = owner(self, "deliverables", id, "deliverable")?;
        self.edit(|ctx| {
            ctx.delete("deliverables", id)?;
            ctx.set_label("Delete a deliverable");
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_scope(project_id)
    }

    /// Adds a statement at the end of the in-scope (`in_scope`) or out-of-scope list.
    pub fn add_scope_statement(&mut self, project_id: Id, in_scope: bool, text: &str) -> Result<ProjectScope> {
        let text = validate::required_text("A scope statement", text, TEXT_MAX)?;
        self.project(project_id)?;
        self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "scope_items")?;
            let position = next_position(ctx, "scope_items", project_id, Some(in_scope))?;
            ctx.tx.execute(
                "INSERT INTO scope_items(id, project_id, in_scope, text, position) VALUES (?1, ?2, ?3, ?4, ?5)",
                (id, project_id, in_scope, &text, position),
            )?;
            ctx.inserted("scope_items", id);
            ctx.set_label(format!(
                "Add \"{}\" to {}",
                short(&text),
                if in_scope { "in scope" } else { "out of scope" }
            ));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_scope(project_id)
    }

    pub fn update_scope_statement(&mut self, id: Id, text: &str) -> Result<ProjectScope> {
        let text = validate::required_text("A scope statement", text, TEXT_MAX)?;
        let project_id = owner(self, "scope_items", id, "scope statement")?;
        self.edit(|ctx| {
            ctx.touch("scope_items", id)?;
            ctx.tx
                .execute("UPDATE scope_items SET text = ?1 WHERE id = ?2", (&text, id))?;
            ctx.set_label(format!("Edit scope statement \"{}\"", short(&text)));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_scope(project_id)
    }

    /// Moves a statement to the end of the other list (or keeps it where it is if it is there).
    pub fn move_scope_statement(&mut self, id: Id, in_scope: bool) -> Result<ProjectScope> {
        let project_id = owner(self, "scope_items", id, "scope statement")?;
        let (now_in, text): (bool, String) =
            self.conn
                .query_row("SELECT in_scope, text FROM scope_items WHERE id = ?1", [id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
        if now_in != in_scope {
            self.edit(|ctx| {
                let position = next_position(ctx, "scope_items", project_id, Some(in_scope))?;
                ctx.touch("scope_items", id)?;
                ctx.tx.execute(
                    "UPDATE scope_items SET in_scope = ?1, position = ?2 WHERE id = ?3",
                    (in_scope, position, id),
                )?;
                ctx.set_label(format!(
                    "Move \"{}\" {}",
                    short(&text),
                    if in_scope { "into scope" } else { "out of scope" }
                ));
                ctx.set_project(project_id);
                Ok(())
            })?;
        }
        self.project_scope(project_id)
    }

    pub fn delete_scope_statement(&mut self, id: Id) -> Result<ProjectScope> {
        let project_id = owner(self, "scope_items", id, "scope statement")?;
        self.edit(|ctx| {
            ctx.delete("scope_items", id)?;
            ctx.set_label("Delete a scope statement");
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_scope(project_id)
    }
}
