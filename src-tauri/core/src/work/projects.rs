//! Projects: each has a methodology, dates, a description, its own statuses and work items.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::work::statuses::{self, StatusCategory};
use crate::workspace::history::EditContext;
use crate::{validate, workspace::ids, CoreError, Id, Result, Workspace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Methodology {
    Kanban,
    Scrum,
    Waterfall,
    Hybrid,
}

impl Methodology {
    pub fn as_str(self) -> &'static str {
        match self {
            Methodology::Kanban => "kanban",
            Methodology::Scrum => "scrum",
            Methodology::Waterfall => "waterfall",
            Methodology::Hybrid => "hybrid",
        }
    }

    fn parse(text: &str) -> Methodology {
        match text {
            "scrum" => Methodology::Scrum,
            "waterfall" => Methodology::Waterfall,
            "hybrid" => Methodology::Hybrid,
            _ => Methodology::Kanban,
        }
    }

    /// The workflow a new project starts with; every status can be renamed or limited later.
    fn default_statuses(self) -> &'static [(&'static str, StatusCategory, Option<u32>)] {
        use StatusCategory::*;
        match self {
            Methodology::Kanban => &[
                ("Backlog", Todo, None),
                ("Ready", Todo, Some(5)),
                ("In progress", InProgress, Some(3)),
                ("Review", InProgress, Some(2)),
                ("Done", Done, None),
            ],
            Methodology::Scrum => &[
                ("To do", Todo, None),
                ("In progress", InProgress, None),
                ("In review", InProgress, None),
                ("Done", Done, None),
            ],
            Methodology::Waterfall | Methodology::Hybrid => &[
                ("Not started", Todo, None),
                ("In progress", InProgress, None),
                ("Blocked", InProgress, None),
                ("Done", Done, None),
            ],
        }
    }
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Project {
    #[ts(type = "number")]
    pub id: Id,
    pub name: String,
    pub methodology: Methodology,
    pub start_date: Option<NaiveDate>,
    pub finish_date: Option<NaiveDate>,
    pub description: String,
    #[ts(type = "number")]
    pub item_count: i64,
    /// The person who manages the project.
    pub manager: Option<String>,
}

/// What the user enters for a project. Dates are text so that an impossible date gets a
/// message naming it rather than a parse failure.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ProjectInput {
    pub name: String,
    pub methodology: Methodology,
    pub start_date: Option<String>,
    pub finish_date: Option<String>,
    #[serde(default)]
    pub description: String,
}

struct CheckedProject {
    name: String,
    start: Option<String>,
    finish: Option<String>,
    description: String,
}

fn check(input: &ProjectInput) -> Result<CheckedProject> {
    let name = validate::required_text("The project name", &input.name, 120)?;
    let start = validate::optional_date("The start date", input.start_date.as_deref())?;
    let finish = validate::optional_date("The finish date", input.finish_date.as_deref())?;
    if let (Some(s), Some(f)) = (start, finish) {
        if f < s {
            return Err(CoreError::InvalidInput(format!(
                "The finish date {f} is before the start date {s}."
            )));
        }
    }
    Ok(CheckedProject {
        name,
        start: validate::date_to_sql(start),
        finish: validate::date_to_sql(finish),
        description: input.description.trim().to_string(),
    })
}

const SELECT_PROJECT: &str = "SELECT p.id, p.name, p.methodology, p.start_date, p.finish_date, \
     p.description, (SELECT count(*) FROM work_items w WHERE w.project_id = p.id), \
     (SELECT name FROM people WHERE id = p.manager_id) FROM projects p";

fn project_from_row(r: &Row) -> rusqlite::Result<Project> {
    Ok(Project {
        id: r.get(0)?,
        name: r.get(1)?,
        methodology: Methodology::parse(&r.get::<_, String>(2)?),
        start_date: validate::date_from_sql(r.get(3)?),
        finish_date: validate::date_from_sql(r.get(4)?),
        description: r.get(5)?,
        item_count: r.get(6)?,
        manager: r.get(7)?,
    })
}

fn duplicate_name(name: &str) -> CoreError {
    CoreError::Duplicate(format!(
        "A project named \"{name}\" already exists in this workspace; choose another name."
    ))
}

impl Workspace {
    pub fn projects(&self) -> Result<Vec<Project>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT_PROJECT} ORDER BY p.name COLLATE NOCASE"))?;
        let rows = stmt.query_map([], project_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn project(&self, id: Id) -> Result<Project> {
        self.conn
            .query_row(&format!("{SELECT_PROJECT} WHERE p.id = ?1"), [id], project_from_row)
            .optional()?
            .ok_or_else(|| CoreError::NotFound("That project no longer exists.".into()))
    }

    pub fn project_by_name(&self, name: &str) -> Result<Project> {
        self.conn
            .query_row(
                &format!("{SELECT_PROJECT} WHERE p.name = ?1 COLLATE NOCASE"),
                [name.trim()],
                project_from_row,
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound(format!("There is no project named \"{}\".", name.trim())))
    }

    /// Creates a project with the default workflow of its methodology.
    pub fn create_project(&mut self, input: &ProjectInput) -> Result<Project> {
        let id = self.edit(|ctx| {
            let id = insert(ctx, input)?;
            ctx.set_label(format!("Create project \"{}\"", input.name.trim()));
            Ok(id)
        })?;
        self.project(id)
    }

    /// Sets who manages a project, by name (a new name adds that person; none clears it).
    pub fn set_project_manager(&mut self, id: Id, manager: Option<&str>) -> Result<Project> {
        let project = self.project(id)?;
        let manager = manager.map(str::trim).filter(|m| !m.is_empty());
        self.edit(|ctx| {
            let person = manager.map(|m| crate::people::person_id_by_name(ctx, m)).transpose()?;
            ctx.touch("projects", id)?;
            ctx.tx
                .execute("UPDATE projects SET manager_id = ?1 WHERE id = ?2", (person, id))?;
            ctx.set_label(match manager {
                Some(m) => format!("Make {m} manager of \"{}\"", project.name),
                None => format!("Clear the manager of \"{}\"", project.name),
            });
            ctx.set_project(id);
            Ok(())
        })?;
        self.project(id)
    }

    pub fn update_project(&mut self, id: Id, input: &ProjectInput) -> Result<Project> {
        let p = check(input)?;
        self.edit(|ctx| {
            let clash: bool = ctx.tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM projects WHERE name = ?1 AND id <> ?2)",
                (&p.name, id),
                |r| r.get(0),
            )?;
            if clash {
                return Err(duplicate_name(&p.name));
            }
            ctx.touch("projects", id)?;
            let changed = ctx.tx.execute(
                "UPDATE projects SET name = ?1, methodology = ?2, start_date = ?3, \
                 finish_date = ?4, description = ?5, updated_at = ?6 WHERE id = ?7",
                (
                    &p.name,
                    input.methodology.as_str(),
                    &p.start,
                    &p.finish,
                    &p.description,
                    validate::now_utc(),
                    id,
                ),
            )?;
            if changed == 0 {
                return Err(CoreError::NotFound("That project no longer exists.".into()));
            }
            ctx.set_label(format!("Edit project \"{}\"", p.name));
            ctx.set_project(id);
            Ok(())
        })?;
        self.project(id)
    }

    /// Deletes a project with its statuses and items (undo brings all of them back).
    pub fn delete_project(&mut self, id: Id) -> Result<()> {
        let project = self.project(id)?;
        self.edit(|ctx| {
            ctx.delete("projects", id)?;
            ctx.set_label(format!("Delete project \"{}\"", project.name));
            Ok(())
        })
    }
}

/// Inserts a project with its methodology's default statuses, inside an edit.
pub(crate) fn insert(ctx: &mut EditContext, input: &ProjectInput) -> Result<Id> {
    let p = check(input)?;
    let exists: bool = ctx.tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM projects WHERE name = ?1)",
        [&p.name],
        |r| r.get(0),
    )?;
    if exists {
        return Err(duplicate_name(&p.name));
    }
    let now = validate::now_utc();
    let id = ids::new_id(ctx.tx, "projects")?;
    ctx.tx.execute(
        "INSERT INTO projects(name, methodology, start_date, finish_date, description, \
         created_at, updated_at, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
        (
            &p.name,
            input.methodology.as_str(),
            &p.start,
            &p.finish,
            &p.description,
            &now,
            id,
        ),
    )?;
    ctx.inserted("projects", id);
    for (position, (name, category, wip)) in input.methodology.default_statuses().iter().enumerate() {
        statuses::insert(ctx, id, name, *category, position as i64, *wip)?;
    }
    ctx.set_project(id);
    Ok(id)
}
