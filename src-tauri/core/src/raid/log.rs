//! Edits of the issue log, the assumptions and the external dependencies of a project: add,
//! change and delete, each one undoable edit that answers with the whole RAID log.

use super::{
    check_person, optional_text, owner_project, short, AssumptionInput, AssumptionStatus, DependencyInput,
    DependencyStatus, IssueInput, IssuePriority, IssueStatus, RaidLog,
};
use crate::workspace::ids;
use crate::{clock, validate, CoreError, Id, Result, Workspace};

const LONG_TEXT: usize = 4000;

struct CheckedIssue {
    title: String,
    description: String,
    priority: &'static str,
    owner_id: Option<Id>,
    raised_on: String,
    due_date: Option<String>,
    status: &'static str,
    resolution: String,
    risk_id: Option<Id>,
}

fn check_issue(ws: &Workspace, project_id: Id, input: &IssueInput) -> Result<CheckedIssue> {
    let title = validate::required_text("The issue's title", &input.title, 300)?;
    let raised =
        validate::optional_date("The raised-on date", input.raised_on.as_deref())?.unwrap_or_else(clock::today);
    let due = validate::optional_date("The due date", input.due_date.as_deref())?;
    if due.is_some_and(|d| d < raised) {
        return Err(CoreError::InvalidInput(
            "The due date comes before the day the issue was raised; give a later due date.".into(),
        ));
    }
    check_person(ws, input.owner_id)?;
    if let Some(risk_id) = input.risk_id {
        if owner_project(ws, "risks", risk_id, "risk")? != project_id {
            return Err(CoreError::InvalidInput(
                "An issue links to a risk of its own project.".into(),
            ));
        }
    }
    Ok(CheckedIssue {
        title,
        description: optional_text("The description", &input.description, LONG_TEXT)?,
        priority: input.priority.unwrap_or(IssuePriority::Medium).as_str(),
        owner_id: input.owner_id,
        raised_on: raised.format("%Y-%m-%d").to_string(),
        due_date: validate::date_to_sql(due),
        status: input.status.unwrap_or(IssueStatus::Open).as_str(),
        resolution: optional_text("The resolution", &input.resolution, LONG_TEXT)?,
        risk_id: input.risk_id,
    })
}

struct CheckedAssumption {
    title: String,
    description: String,
    owner_id: Option<Id>,
    validate_by: Option<String>,
    status: &'static str,
}

fn check_assumption(ws: &Workspace, input: &AssumptionInput) -> Result<CheckedAssumption> {
    let title = validate::required_text("The assumption", &input.title, 300)?;
    let by = validate::optional_date("The validate-by date", input.validate_by.as_deref())?;
    check_person(ws, input.owner_id)?;
    Ok(CheckedAssumption {
        title,
        description: optional_text("The description", &input.description, LONG_TEXT)?,
        owner_id: input.owner_id,
        validate_by: validate::date_to_sql(by),
        status: input.status.unwrap_or(AssumptionStatus::Unvalidated).as_str(),
    })
}

struct CheckedDependency {
    title: String,
    description: String,
    provider: String,
    owner_id: Option<Id>,
    needed_by: Option<String>,
    item_id: Option<Id>,
    status: &'static str,
}

fn check_dependency(ws: &Workspace, project_id: Id, input: &DependencyInput) -> Result<CheckedDependency> {
    let title = validate::required_text("The dependency's title", &input.title, 300)?;
    let needed = validate::optional_date("The needed-by date", input.needed_by.as_deref())?;
    check_person(ws, input.owner_id)?;
    if let Some(item_id) = input.item_id {
        if ws.item(item_id)?.project_id != project_id {
            return Err(CoreError::InvalidInput(
                "The waiting work item must be one of this project's.".into(),
            ));
        }
    }
    Ok(CheckedDependency {
        title,
        description: optional_text("The description", &input.description, LONG_TEXT)?,
        provider: optional_text("The provider", &input.provider, 200)?,
        owner_id: input.owner_id,
        needed_by: validate::date_to_sql(needed),
        item_id: input.item_id,
        status: input.status.unwrap_or(DependencyStatus::Open).as_str(),
    })
}

impl Workspace {
    pub fn add_raid_issue(&mut self, project_id: Id, input: &IssueInput) -> Result<RaidLog> {
        self.project(project_id)?;
        let i = check_issue(self, project_id, input)?;
        let now = validate::now_utc();
        self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "raid_issues")?;
            let seq = ids::next_seq(ctx.tx, "raid_issues")?;
            ctx.tx.execute(
                "INSERT INTO raid_issues(id, project_id, title, description, priority, owner_id, raised_on, due_date, \
                 status, resolution, risk_id, created_at, seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                rusqlite::params![
                    id,
                    project_id,
                    i.title,
                    i.description,
                    i.priority,
                    i.owner_id,
                    i.raised_on,
                    i.due_date,
                    i.status,
                    i.resolution,
                    i.risk_id,
                    now,
                    seq
                ],
            )?;
            ctx.inserted("raid_issues", id);
            ctx.set_label(format!("Add issue \"{}\"", short(&i.title)));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.raid_log(project_id)
    }

    pub fn update_raid_issue(&mut self, id: Id, input: &IssueInput) -> Result<RaidLog> {
        let project_id = owner_project(self, "raid_issues", id, "issue")?;
        let i = check_issue(self, project_id, input)?;
        self.edit(|ctx| {
            ctx.touch("raid_issues", id)?;
            ctx.tx.execute(
                "UPDATE raid_issues SET title = ?1, description = ?2, priority = ?3, owner_id = ?4, raised_on = ?5, \
                 due_date = ?6, status = ?7, resolution = ?8, risk_id = ?9 WHERE id = ?10",
                rusqlite::params![
                    i.title,
                    i.description,
                    i.priority,
                    i.owner_id,
                    i.raised_on,
                    i.due_date,
                    i.status,
                    i.resolution,
                    i.risk_id,
                    id
                ],
            )?;
            ctx.set_label(format!("Edit issue \"{}\"", short(&i.title)));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.raid_log(project_id)
    }

    pub fn delete_raid_issue(&mut self, id: Id) -> Result<RaidLog> {
        let project_id = owner_project(self, "raid_issues", id, "issue")?;
        self.edit(|ctx| {
            ctx.delete("raid_issues", id)?;
            ctx.set_label("Delete an issue");
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.raid_log(project_id)
    }

    pub fn add_assumption(&mut self, project_id: Id, input: &AssumptionInput) -> Result<RaidLog> {
        self.project(project_id)?;
        let a = check_assumption(self, input)?;
        let now = validate::now_utc();
        self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "assumptions")?;
            let seq = ids::next_seq(ctx.tx, "assumptions")?;
            ctx.tx.execute(
                "INSERT INTO assumptions(id, project_id, title, description, owner_id, validate_by, status, created_at, seq) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                rusqlite::params![id, project_id, a.title, a.description, a.owner_id, a.validate_by, a.status, now, seq],
            )?;
            ctx.inserted("assumptions", id);
            ctx.set_label(format!("Add assumption \"{}\"", short(&a.title)));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.raid_log(project_id)
    }

    pub fn update_assumption(&mut self, id: Id, input: &AssumptionInput) -> Result<RaidLog> {
        let project_id = owner_project(self, "assumptions", id, "assumption")?;
        let a = check_assumption(self, input)?;
        self.edit(|ctx| {
            ctx.touch("assumptions", id)?;
            ctx.tx.execute(
                "UPDATE assumptions SET title = ?1, description = ?2, owner_id = ?3, validate_by = ?4, status = ?5 \
                 WHERE id = ?6",
                rusqlite::params![a.title, a.description, a.owner_id, a.validate_by, a.status, id],
            )?;
            ctx.set_label(format!("Edit assumption \"{}\"", short(&a.title)));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.raid_log(project_id)
    }

    pub fn delete_assumption(&mut self, id: Id) -> Result<RaidLog> {
        let project_id = owner_project(self, "assumptions", id, "assumption")?;
        self.edit(|ctx| {
            ctx.delete("assumptions", id)?;
            ctx.set_label("Delete an assumption");
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.raid_log(project_id)
    }

    pub fn add_external_dependency(&mut self, project_id: Id, input: &DependencyInput) -> Result<RaidLog> {
        self.project(project_id)?;
        let d = check_dependency(self, project_id, input)?;
        let now = validate::now_utc();
        self.edit(|ctx| {
            let id = ids::new_id(ctx.tx, "external_dependencies")?;
            let seq = ids::next_seq(ctx.tx, "external_dependencies")?;
            ctx.tx.execute(
                "INSERT INTO external_dependencies(id, project_id, title, description, provider, owner_id, needed_by, \
                 item_id, status, created_at, seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                rusqlite::params![
                    id,
                    project_id,
                    d.title,
                    d.description,
                    d.provider,
                    d.owner_id,
                    d.needed_by,
                    d.item_id,
                    d.status,
                    now,
                    seq
                ],
            )?;
            ctx.inserted("external_dependencies", id);
            ctx.set_label(format!("Add dependency \"{}\"", short(&d.title)));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.raid_log(project_id)
    }

    pub fn update_external_dependency(&mut self, id: Id, input: &DependencyInput) -> Result<RaidLog> {
        let project_id = owner_project(self, "external_dependencies", id, "dependency")?;
        let d = check_dependency(self, project_id, input)?;
        self.edit(|ctx| {
            ctx.touch("external_dependencies", id)?;
            ctx.tx.execute(
                "UPDATE external_dependencies SET title = ?1, description = ?2, provider = ?3, owner_id = ?4, \
                 needed_by = ?5, item_id = ?6, status = ?7 WHERE id = ?8",
                rusqlite::params![
                    d.title,
                    d.description,
                    d.provider,
                    d.owner_id,
                    d.needed_by,
                    d.item_id,
                    d.status,
                    id
                ],
            )?;
            ctx.set_label(format!("Edit dependency \"{}\"", short(&d.title)));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.raid_log(project_id)
    }

    pub fn delete_external_dependency(&mut self, id: Id) -> Result<RaidLog> {
        let project_id = owner_project(self, "external_dependencies", id, "dependency")?;
        self.edit(|ctx| {
            ctx.delete("external_dependencies", id)?;
            ctx.set_label("Delete a dependency");
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.raid_log(project_id)
    }
}
