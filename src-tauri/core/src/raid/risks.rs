//! Edits of the risk register: a risk added, changed or deleted; a response action added as a
//! work item of the project (assigned to the risk's owner, tagged `risk`) or unlinked; and a
//! risk that occurred raised as an issue of the issue log. Each is one undoable edit.

use super::{
    check_person, optional_text, owner_project, score_band, short, IssuePriority, RaidLog, RiskInput, RiskStatus,
};
use crate::work::items::{self, WorkItemInput};
use crate::{clock, validate, CoreError, Id, Result, Workspace};
use rusqlite::OptionalExtension;

const LONG_TEXT: usize = 2000;

/// The tag every risk action carries on the board.
pub const ACTION_TAG: &str = "risk";

struct CheckedRisk {
    title: String,
    cause: String,
    event: String,
    effect: String,
    category: &'static str,
    probability: i64,
    impact: i64,
    owner_id: Option<Id>,
    response: &'static str,
    response_plan: String,
    trigger: String,
    residual_probability: Option<i64>,
    residual_impact: Option<i64>,
    review_date: Option<String>,
    status: RiskStatus,
}

fn scale(field: &str, value: i64) -> Result<i64> {
    if (1..=5).contains(&value) {
        Ok(value)
    } else {
        Err(CoreError::InvalidInput(format!(
            "{field} must be a whole number from 1 to 5 (1 = very low, 5 = very high); {value} is outside that scale."
        )))
    }
}

fn check(ws: &Workspace, input: &RiskInput) -> Result<CheckedRisk> {
    let title = validate::required_text("The risk's title", &input.title, 300)?;
    let probability = scale("The probability", input.probability)?;
    let impact = scale("The impact", input.impact)?;
    let residual_probability = input
        .residual_probability
        .map(|p| scale("The residual probability", p))
        .transpose()?;
    let residual_impact = input
        .residual_impact
        .map(|i| scale("The residual impact", i))
        .transpose()?;
    if residual_probability.is_some() != residual_impact.is_some() {
        return Err(CoreError::InvalidInput(
            "Give both the residual probability and the residual impact, or neither.".into(),
        ));
    }
    let review = validate::optional_date("The review date", input.review_date.as_deref())?;
    check_person(ws, input.owner_id)?;
    Ok(CheckedRisk {
        title,
        cause: optional_text("The cause", &input.cause, LONG_TEXT)?,
        event: optional_text("The event", &input.event, LONG_TEXT)?,
        effect: optional_text("The effect", &input.effect, LONG_TEXT)?,
        category: input.category.as_str(),
        probability,
        impact,
        owner_id: input.owner_id,
        response: input.response.map(|r| r.as_str()).unwrap_or(""),
        response_plan: optional_text("The response plan", &input.response_plan, LONG_TEXT)?,
        trigger: optional_text("The trigger", &input.trigger, LONG_TEXT)?,
        residual_probability,
        residual_impact,
        review_date: validate::date_to_sql(review),
        status: input.status.unwrap_or(RiskStatus::Open),
    })
}

impl Workspace {
    pub fn add_risk(&mut self, project_id: Id, input: &RiskInput) -> Result<RaidLog> {
        self.project(project_id)?;
        let r = check(self, input)?;
        let now = validate::now_utc();
        self.edit(|ctx| {
            let id = crate::workspace::ids::new_id(ctx.tx, "risks")?;
            let seq = crate::workspace::ids::next_seq(ctx.tx, "risks")?;
            ctx.tx.execute(
                "INSERT INTO risks(id, project_id, title, cause, event, effect, category, probability, impact, owner_id, \
                 response, response_plan, trigger_condition, residual_probability, residual_impact, review_date, status, \
                 created_at, updated_at, seq) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?18, ?19)",
                rusqlite::params![
                    id,
                    project_id,
                    r.title,
                    r.cause,
                    r.event,
                    r.effect,
                    r.category,
                    r.probability,
                    r.impact,
                    r.owner_id,
                    r.response,
                    r.response_plan,
                    r.trigger,
                    r.residual_probability,
                    r.residual_impact,
                    r.review_date,
                    r.status.as_str(),
                    now,
                    seq
                ],
            )?;
            ctx.inserted("risks", id);
            ctx.set_label(format!("Add risk \"{}\"", short(&r.title)));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.raid_log(project_id)
    }

    pub fn update_risk(&mut self, id: Id, input: &RiskInput) -> Result<RaidLog> {
        let project_id = owner_project(self, "risks", id, "risk")?;
        let r = check(self, input)?;
        let now = validate::now_utc();
        self.edit(|ctx| {
            ctx.touch("risks", id)?;
            ctx.tx.execute(
                "UPDATE risks SET title = ?1, cause = ?2, event = ?3, effect = ?4, category = ?5, probability = ?6, \
                 impact = ?7, owner_id = ?8, response = ?9, response_plan = ?10, trigger_condition = ?11, \
                 residual_probability = ?12, residual_impact = ?13, review_date = ?14, status = ?15, updated_at = ?16 \
                 WHERE id = ?17",
                rusqlite::params![
                    r.title,
                    r.cause,
                    r.event,
                    r.effect,
                    r.category,
                    r.probability,
                    r.impact,
                    r.owner_id,
                    r.response,
                    r.response_plan,
                    r.trigger,
                    r.residual_probability,
                    r.residual_impact,
                    r.review_date,
                    r.status.as_str(),
                    now,
                    id
                ],
            )?;
            ctx.set_label(format!("Edit risk \"{}\"", short(&r.title)));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.raid_log(project_id)
    }

    /// Deletes a risk and its action links; the action work items stay on the board and an
    /// issue raised from it stays in the issue log.
    pub fn delete_risk(&mut self, id: Id) -> Result<RaidLog> {
        let project_id = owner_project(self, "risks", id, "risk")?;
        let title: String = self
            .conn
            .query_row("SELECT title FROM risks WHERE id = ?1", [id], |r| r.get(0))?;
        self.edit(|ctx| {
            ctx.delete("risks", id)?;
            ctx.set_label(format!("Delete risk \"{}\"", short(&title)));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.raid_log(project_id)
    }

    /// Adds a response action: a new work item of the risk's project in its first column,
    /// assigned to the risk's owner and tagged `risk`, linked to the risk.
    pub fn add_risk_action(&mut self, risk_id: Id, title: &str, due_date: Option<&str>) -> Result<RaidLog> {
        let project_id = owner_project(self, "risks", risk_id, "risk")?;
        let (risk_title, owner): (String, Option<String>) = self.conn.query_row(
            "SELECT r.title, p.name FROM risks r LEFT JOIN people p ON p.id = r.owner_id WHERE r.id = ?1",
            [risk_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let checked = items::check(&WorkItemInput {
            title: validate::required_text("The action's title", title, 300)?,
            description: format!("Response to the risk \"{risk_title}\"."),
            assignee: owner,
            tags: vec![ACTION_TAG.to_string()],
            due_date: due_date.map(str::to_string),
            ..Default::default()
        })?;
        self.edit(|ctx| {
            let item_id = items::insert(ctx, project_id, None, &checked)?;
            let id = crate::workspace::ids::new_id(ctx.tx, "risk_actions")?;
            ctx.tx.execute(
                "INSERT INTO risk_actions(id, risk_id, item_id) VALUES (?1, ?2, ?3)",
                (id, risk_id, item_id),
            )?;
            ctx.inserted("risk_actions", id);
            ctx.set_label(format!("Add action to risk \"{}\"", short(&risk_title)));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.raid_log(project_id)
    }

    /// Removes an action from its risk; the work item stays on the board.
    pub fn remove_risk_action(&mut self, action_id: Id) -> Result<RaidLog> {
        let project_id: Id = self
            .conn
            .query_row(
                "SELECT r.project_id FROM risk_actions a JOIN risks r ON r.id = a.risk_id WHERE a.id = ?1",
                [action_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| {
                CoreError::NotFound("That risk action no longer exists (it may have been removed or undone).".into())
            })?;
        self.edit(|ctx| {
            ctx.delete("risk_actions", action_id)?;
            ctx.set_label("Remove a risk action");
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.raid_log(project_id)
    }

    /// A risk that happened: marks it occurred and raises an issue in the issue log linked to
    /// it (title of the risk, its effect as the description, its owner, a priority from its
    /// score band), in one edit. A risk raises one issue.
    pub fn raise_issue_from_risk(&mut self, risk_id: Id) -> Result<RaidLog> {
        let project_id = owner_project(self, "risks", risk_id, "risk")?;
        let existing: Option<Id> = self
            .conn
            .query_row(
                "SELECT id FROM raid_issues WHERE risk_id = ?1 LIMIT 1",
                [risk_id],
                |r| r.get(0),
            )
            .optional()?;
        if existing.is_some() {
            return Err(CoreError::Duplicate(
                "This risk has already been raised as an issue; it is in the issue log.".into(),
            ));
        }
        let (title, effect, event, owner_id, score): (String, String, String, Option<Id>, i64) = self.conn.query_row(
            "SELECT title, effect, event, owner_id, probability * impact FROM risks WHERE id = ?1",
            [risk_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        let description = [event, effect]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" → ");
        let today = clock::today().format("%Y-%m-%d").to_string();
        let now = validate::now_utc();
        self.edit(|ctx| {
            ctx.touch("risks", risk_id)?;
            ctx.tx.execute(
                "UPDATE risks SET status = 'occurred', updated_at = ?1 WHERE id = ?2",
                (&now, risk_id),
            )?;
            let id = crate::workspace::ids::new_id(ctx.tx, "raid_issues")?;
            let seq = crate::workspace::ids::next_seq(ctx.tx, "raid_issues")?;
            ctx.tx.execute(
                "INSERT INTO raid_issues(id, project_id, title, description, priority, owner_id, raised_on, status, \
                 risk_id, created_at, seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'open', ?8, ?9, ?10)",
                rusqlite::params![
                    id,
                    project_id,
                    title,
                    description,
                    IssuePriority::of_band(score_band(score)).as_str(),
                    owner_id,
                    today,
                    risk_id,
                    now,
                    seq
                ],
            )?;
            ctx.inserted("raid_issues", id);
            ctx.set_label(format!("Raise risk \"{}\" as an issue", short(&title)));
            ctx.set_project(project_id);
            Ok(())
        })?;
        self.raid_log(project_id)
    }
}
