//! Change control: change requests numbered CR-1, CR-2, … per project, with their impact on
//! schedule, cost and risk, and a decision. A change goes proposed → approved or rejected; an
//! approved one becomes implemented when it is applied to the plan (`apply`). The tasks an
//! implemented change added, moved or changed are its links.

use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ProjectScope;
use crate::{clock, validate, workspace::ids, CoreError, Id, Result, Workspace};

/// ±10^13 minor units (a hundred billion in a two-decimal currency): more is a typing slip.
pub const MAX_COST_MINOR: i64 = 10_000_000_000_000;
/// About forty years of working days either way.
pub const MAX_SCHEDULE_DAYS: i64 = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChangeStatus {
    Proposed,
    Approved,
    Rejected,
    Implemented,
}

impl ChangeStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ChangeStatus::Proposed => "proposed",
            ChangeStatus::Approved => "approved",
            ChangeStatus::Rejected => "rejected",
            ChangeStatus::Implemented => "implemented",
        }
    }

    /// The status as a report or a screen names it.
    pub fn label(self) -> &'static str {
        match self {
            ChangeStatus::Proposed => "Proposed",
            ChangeStatus::Approved => "Approved",
            ChangeStatus::Rejected => "Rejected",
            ChangeStatus::Implemented => "Implemented",
        }
    }

    fn parse(text: &str) -> ChangeStatus {
        match text {
            "approved" => ChangeStatus::Approved,
            "rejected" => ChangeStatus::Rejected,
            "implemented" => ChangeStatus::Implemented,
            _ => ChangeStatus::Proposed,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LinkAction {
    Added,
    Moved,
    Changed,
}

impl LinkAction {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            LinkAction::Added => "added",
            LinkAction::Moved => "moved",
            LinkAction::Changed => "changed",
        }
    }

    fn parse(text: &str) -> LinkAction {
        match text {
            "added" => LinkAction::Added,
            "moved" => LinkAction::Moved,
            _ => LinkAction::Changed,
        }
    }
}

/// A task an implemented change added, moved or changed.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ChangeLink {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub item_id: Id,
    pub item_title: String,
    pub action: LinkAction,
    /// E.g. "Start moved from 12 Jan to 19 Jan".
    pub detail: String,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ChangeRequest {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    #[ts(type = "number")]
    pub number: i64,
    /// "CR-3".
    pub code: String,
    pub title: String,
    pub description: String,
    pub requester: String,
    /// Working days the change adds to the schedule (negative: it saves time).
    #[ts(type = "number")]
    pub schedule_impact_days: i64,
    /// Minor units of the workspace currency (negative: a saving).
    #[ts(type = "number")]
    pub cost_impact_minor: i64,
    pub risk_impact: String,
    pub status: ChangeStatus,
    pub decision: String,
    pub decided_by: String,
    pub decided_on: Option<NaiveDate>,
    pub raised_on: NaiveDate,
    pub links: Vec<ChangeLink>,
}

/// What a requester states about a change. `raised_on` empty means today.
#[derive(Debug, Clone, Deserialize, TS, Default)]
#[ts(export)]
pub struct ChangeInput {
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub requester: String,
    #[serde(default)]
    #[ts(type = "number")]
    pub schedule_impact_days: i64,
    #[serde(default)]
    #[ts(type = "number")]
    pub cost_impact_minor: i64,
    #[serde(default)]
    pub risk_impact: String,
    pub raised_on: Option<String>,
}

/// The decision on a change. `decided_on` empty means today when the status is a decision.
#[derive(Debug, Clone, Deserialize, TS, Default)]
#[ts(export)]
pub struct DecisionInput {
    pub status: Option<ChangeStatus>,
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub decided_by: String,
    pub decided_on: Option<String>,
}

struct CheckedChange {
    title: String,
    description: String,
    requester: String,
    schedule_days: i64,
    cost_minor: i64,
    risk: String,
    raised_on: NaiveDate,
}

fn check(input: &ChangeInput) -> Result<CheckedChange> {
    let title = validate::required_text("The change's title", &input.title, 300)?;
    if input.cost_impact_minor.abs() > MAX_COST_MINOR {
        return Err(CoreError::InvalidInput(
            "The cost impact is beyond any real change (more than ±10,000,000,000,000 in minor units); check the amount."
                .into(),
        ));
    }
    if input.schedule_impact_days.abs() > MAX_SCHEDULE_DAYS {
        return Err(CoreError::InvalidInput(format!(
            "The schedule impact is beyond any real change (more than ±{MAX_SCHEDULE_DAYS} working days); check the number."
        )));
    }
    let raised_on =
        validate::optional_date("The date raised", input.raised_on.as_deref())?.unwrap_or_else(clock::today);
    Ok(CheckedChange {
        title,
        description: input.description.trim_end().to_string(),
        requester: input.requester.trim().to_string(),
        schedule_days: input.schedule_impact_days,
        cost_minor: input.cost_impact_minor,
        risk: input.risk_impact.trim().to_string(),
        raised_on,
    })
}

/// Why a change cannot go from `from` to `to`, if it cannot. Implementing is `apply`'s job.
pub(crate) fn refused_transition(code: &str, from: ChangeStatus, to: ChangeStatus) -> Option<String> {
    use ChangeStatus::*;
    match (from, to) {
        _ if from == to && from != Implemented => None,
        (Proposed, Approved | Rejected) | (Approved | Rejected, Proposed) | (Approved, Rejected) => None,
        (Rejected, Implemented) => Some(format!(
            "{code} was rejected, so it cannot be implemented. Reopen it and approve it first."
        )),
        (Proposed, Implemented) => Some(format!(
            "{code} is not approved yet; approve it before implementing it."
        )),
        (Approved, Implemented) => Some(format!(
            "{code} is implemented by applying it to the plan (with no actions if the plan does not change)."
        )),
        (Implemented, _) => Some(format!(
            "{code} is already implemented and stays so; undo the implementation or raise a new change."
        )),
        (Rejected, Approved) => Some(format!("{code} was rejected; reopen it before approving it.")),
        _ => Some(format!("{code} cannot go from {} to {}.", from.as_str(), to.as_str())),
    }
}

pub(crate) const SELECT_CHANGE: &str = "SELECT id, project_id, number, title, description, requester, \
     schedule_impact_days, cost_impact_minor, risk_impact, status, decision, decided_by, decided_on, raised_on \
     FROM change_requests";

fn change_from_row(r: &rusqlite::Row) -> rusqlite::Result<ChangeRequest> {
    let number: i64 = r.get(2)?;
    Ok(ChangeRequest {
        id: r.get(0)?,
        project_id: r.get(1)?,
        number,
        code: format!("CR-{number}"),
        title: r.get(3)?,
        description: r.get(4)?,
        requester: r.get(5)?,
        schedule_impact_days: r.get(6)?,
        cost_impact_minor: r.get(7)?,
        risk_impact: r.get(8)?,
        status: ChangeStatus::parse(&r.get::<_, String>(9)?),
        decision: r.get(10)?,
        decided_by: r.get(11)?,
        decided_on: validate::date_from_sql(r.get(12)?),
        raised_on: validate::date_from_sql(r.get(13)?).unwrap_or_default(),
        links: Vec::new(),
    })
}

impl Workspace {
    /// A project's change requests, newest number first, each with its links.
    pub fn change_requests(&self, project_id: Id) -> Result<Vec<ChangeRequest>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT_CHANGE} WHERE project_id = ?1 ORDER BY number DESC"))?;
        let mut changes: Vec<ChangeRequest> = stmt
            .query_map([project_id], change_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        for change in &mut changes {
            change.links = self.change_links(change.id)?;
        }
        Ok(changes)
    }

    pub fn change_request(&self, id: Id) -> Result<ChangeRequest> {
        let mut change = self
            .conn
            .query_row(&format!("{SELECT_CHANGE} WHERE id = ?1"), [id], change_from_row)
            .optional()?
            .ok_or_else(|| {
                CoreError::NotFound("That change request no longer exists (it may have been deleted or undone).".into())
            })?;
        change.links = self.change_links(id)?;
        Ok(change)
    }

    fn change_links(&self, change_id: Id) -> Result<Vec<ChangeLink>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.id, l.item_id, w.title, l.action, l.detail FROM change_links l \
             JOIN work_items w ON w.id = l.item_id WHERE l.change_id = ?1 ORDER BY w.outline_position, l.id",
        )?;
        let rows = stmt.query_map([change_id], |r| {
            Ok(ChangeLink {
                id: r.get(0)?,
                item_id: r.get(1)?,
                item_title: r.get(2)?,
                action: LinkAction::parse(&r.get::<_, String>(3)?),
                detail: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Raises a change request; its number is the project's next, counted inside the edit.
    pub fn add_change_request(&mut self, project_id: Id, input: &ChangeInput) -> Result<ProjectScope> {
        let c = check(input)?;
        self.project(project_id)?;
        self.edit(|ctx| {
            let number: i64 = ctx.tx.query_row(
                "SELECT coalesce(max(number), 0) + 1 FROM change_requests WHERE project_id = ?1",
                [project_id],
                |r| r.get(0),
            )?;
            let id = ids::new_id(ctx.tx, "change_requests")?;
            ctx.tx.execute(
                "INSERT INTO change_requests(id, project_id, number, title, description, requester, \
                 schedule_impact_days, cost_impact_minor, risk_impact, raised_on, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                rusqlite::params![
                    id,
                    project_id,
                    number,
                    c.title,
                    c.description,
                    c.requester,
                    c.schedule_days,
                    c.cost_minor,
                    c.risk,
                    c.raised_on.to_string(),
                    validate::now_utc()
                ],
            )?;
            ctx.inserted("change_requests", id);
            ctx.set_label(format!("Raise CR-{number} \"{}\"", c.title));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.project_scope(project_id)
    }

    /// Edits what a change request states (not its decision).
    pub fn update_change_request(&mut self, id: Id, input: &ChangeInput) -> Result<ProjectScope> {
        let old = self.change_request(id)?;
        let c = check(input)?;
        if old.decided_on.is_some_and(|d| d < c.raised_on) {
            return Err(CoreError::InvalidInput(format!(
                "{} was decided on {}; it cannot have been raised after that.",
                old.code,
                old.decided_on.map(|d| d.to_string()).unwrap_or_default()
            )));
        }
        self.edit(|ctx| {
            ctx.touch("change_requests", id)?;
            ctx.tx.execute(
                "UPDATE change_requests SET title = ?1, description = ?2, requester = ?3, schedule_impact_days = ?4, \
                 cost_impact_minor = ?5, risk_impact = ?6, raised_on = ?7 WHERE id = ?8",
                rusqlite::params![
                    c.title,
                    c.description,
                    c.requester,
                    c.schedule_days,
                    c.cost_minor,
                    c.risk,
                    c.raised_on.to_string(),
                    id
                ],
            )?;
            ctx.set_label(format!("Edit {} \"{}\"", old.code, c.title));
            ctx.set_project(old.project_id);
            Ok(())
        })?;
        self.project_scope(old.project_id)
    }

    /// Records a decision: approve, reject or reopen (status), with its text, who decided and
    /// when. The status stays when none is given. A decision date before the date the change
    /// was raised, and impossible moves (implementing a rejected change), are refused.
    pub fn decide_change_request(&mut self, id: Id, input: &DecisionInput) -> Result<ProjectScope> {
        let old = self.change_request(id)?;
        let status = input.status.unwrap_or(old.status);
        if let Some(why) = refused_transition(&old.code, old.status, status) {
            if !(status == old.status && status == ChangeStatus::Implemented) {
                return Err(CoreError::InvalidInput(why));
            }
        }
        let mut decided_on = validate::optional_date("The decision date", input.decided_on.as_deref())?;
        let decision = input.decision.trim().to_string();
        let decided_by = input.decided_by.trim().to_string();
        if decision.chars().count() > 4000 {
            return Err(CoreError::InvalidInput(
                "The decision is too long; keep it under 4000 characters.".into(),
            ));
        }
        if status == ChangeStatus::Proposed && old.status != ChangeStatus::Proposed {
            // Reopened: the old decision no longer stands, but its text stays as a note.
            decided_on = None;
        } else if decided_on.is_none() && status != ChangeStatus::Proposed {
            decided_on = old.decided_on.or_else(|| Some(clock::today()));
        }
        if let Some(day) = decided_on {
            if day < old.raised_on {
                return Err(CoreError::InvalidInput(format!(
                    "The decision date {day} is before {} was raised ({}).",
                    old.code, old.raised_on
                )));
            }
        }
        self.edit(|ctx| {
            ctx.touch("change_requests", id)?;
            ctx.tx.execute(
                "UPDATE change_requests SET status = ?1, decision = ?2, decided_by = ?3, decided_on = ?4 WHERE id = ?5",
                rusqlite::params![
                    status.as_str(),
                    decision,
                    decided_by,
                    validate::date_to_sql(decided_on),
                    id
                ],
            )?;
            ctx.set_label(match (old.status == status, status) {
                (false, ChangeStatus::Approved) => format!("Approve {}", old.code),
                (false, ChangeStatus::Rejected) => format!("Reject {}", old.code),
                (false, ChangeStatus::Proposed) => format!("Reopen {}", old.code),
                _ => format!("Edit the decision on {}", old.code),
            });
            ctx.set_project(old.project_id);
            Ok(())
        })?;
        self.project_scope(old.project_id)
    }

    /// Deletes a change request with its links; the tasks it added stay in the plan.
    pub fn delete_change_request(&mut self, id: Id) -> Result<ProjectScope> {
        let old = self.change_request(id)?;
        self.edit(|ctx| {
            ctx.delete("change_requests", id)?;
            ctx.set_label(format!("Delete {}", old.code));
            ctx.set_project(old.project_id);
            Ok(())
        })?;
        self.project_scope(old.project_id)
    }
}
