//! The RAID log of a project: its risks (with a 5×5 heat map, response actions that are work
//! items, residual scores and review dates), its issue log, its assumptions and its external
//! dependencies. Every edit answers with the whole log, so the screen shows what the core holds.
//! `risks_due_for_review` looks across all projects (My day reads it).
//!
//! Edits of risks are in `risks`, of the other three registers in `log`.

pub(crate) mod demo;
pub mod log;
pub mod risks;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{clock, validate, CoreError, Id, Result, Workspace};

/// The fixed list of risk categories. Older files and templates used other words; `parse`
/// reads those as the nearest category (see docs/raid.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RiskCategory {
    Cybersecurity,
    EmergingTechnology,
    Vendor,
    DataLoss,
    Compliance,
    Staffing,
    Schedule,
    Budget,
    Technical,
    Other,
}

impl RiskCategory {
    pub const ALL: [RiskCategory; 10] = [
        RiskCategory::Cybersecurity,
        RiskCategory::EmergingTechnology,
        RiskCategory::Vendor,
        RiskCategory::DataLoss,
        RiskCategory::Compliance,
        RiskCategory::Staffing,
        RiskCategory::Schedule,
        RiskCategory::Budget,
        RiskCategory::Technical,
        RiskCategory::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RiskCategory::Cybersecurity => "cybersecurity",
            RiskCategory::EmergingTechnology => "emerging_technology",
            RiskCategory::Vendor => "vendor",
            RiskCategory::DataLoss => "data_loss",
            RiskCategory::Compliance => "compliance",
            RiskCategory::Staffing => "staffing",
            RiskCategory::Schedule => "schedule",
            RiskCategory::Budget => "budget",
            RiskCategory::Technical => "technical",
            RiskCategory::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RiskCategory::Cybersecurity => "Cybersecurity",
            RiskCategory::EmergingTechnology => "Emerging technology",
            RiskCategory::Vendor => "Vendor",
            RiskCategory::DataLoss => "Data loss",
            RiskCategory::Compliance => "Compliance",
            RiskCategory::Staffing => "Staffing",
            RiskCategory::Schedule => "Schedule",
            RiskCategory::Budget => "Budget",
            RiskCategory::Technical => "Technical",
            RiskCategory::Other => "Other",
        }
    }

    /// The category a stored word means, including the words of older files and templates.
    pub fn parse(text: &str) -> RiskCategory {
        match text.trim().to_ascii_lowercase().as_str() {
            "cybersecurity" | "security" => RiskCategory::Cybersecurity,
            "emerging_technology" | "emerging technology" => RiskCategory::EmergingTechnology,
            "vendor" | "supplier" => RiskCategory::Vendor,
            "data_loss" | "data loss" | "data" => RiskCategory::DataLoss,
            "compliance" | "legal" | "regulatory" => RiskCategory::Compliance,
            "staffing" | "people" | "resources" => RiskCategory::Staffing,
            "schedule" => RiskCategory::Schedule,
            "budget" | "cost" | "financial" => RiskCategory::Budget,
            "technical" | "technology" => RiskCategory::Technical,
            _ => RiskCategory::Other,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RiskResponse {
    Avoid,
    Mitigate,
    Transfer,
    Accept,
    Escalate,
}

impl RiskResponse {
    pub fn as_str(self) -> &'static str {
        match self {
            RiskResponse::Avoid => "avoid",
            RiskResponse::Mitigate => "mitigate",
            RiskResponse::Transfer => "transfer",
            RiskResponse::Accept => "accept",
            RiskResponse::Escalate => "escalate",
        }
    }

    fn parse(text: &str) -> Option<RiskResponse> {
        match text {
            "avoid" => Some(RiskResponse::Avoid),
            "mitigate" => Some(RiskResponse::Mitigate),
            "transfer" => Some(RiskResponse::Transfer),
            "accept" => Some(RiskResponse::Accept),
            "escalate" => Some(RiskResponse::Escalate),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RiskStatus {
    Open,
    Monitoring,
    Occurred,
    Closed,
}

impl RiskStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RiskStatus::Open => "open",
            RiskStatus::Monitoring => "monitoring",
            RiskStatus::Occurred => "occurred",
            RiskStatus::Closed => "closed",
        }
    }

    fn parse(text: &str) -> RiskStatus {
        match text {
            "monitoring" => RiskStatus::Monitoring,
            "occurred" => RiskStatus::Occurred,
            "closed" => RiskStatus::Closed,
            _ => RiskStatus::Open,
        }
    }

    /// Open and monitored risks are the live ones: on the heat map and due for review.
    pub fn is_live(self) -> bool {
        matches!(self, RiskStatus::Open | RiskStatus::Monitoring)
    }
}

/// The band of a score (probability × impact): 1–4 low, 5–9 medium, 10–16 high, 20–25 critical.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ScoreBand {
    Low,
    Medium,
    High,
    Critical,
}

impl ScoreBand {
    pub fn as_str(self) -> &'static str {
        match self {
            ScoreBand::Low => "low",
            ScoreBand::Medium => "medium",
            ScoreBand::High => "high",
            ScoreBand::Critical => "critical",
        }
    }
}

pub fn score_band(score: i64) -> ScoreBand {
    match score {
        i64::MIN..=4 => ScoreBand::Low,
        5..=9 => ScoreBand::Medium,
        10..=16 => ScoreBand::High,
        _ => ScoreBand::Critical,
    }
}

/// A response action of a risk: a work item of the project, with where it stands on the board.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct RiskAction {
    /// The link's id (removing the link keeps the work item).
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub item_id: Id,
    pub title: String,
    /// The board column the item is in.
    pub status: String,
    pub done: bool,
    pub assignee: Option<String>,
    pub due_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Risk {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    pub title: String,
    pub cause: String,
    pub event: String,
    pub effect: String,
    pub category: RiskCategory,
    pub category_label: String,
    #[ts(type = "number")]
    pub probability: i64,
    #[ts(type = "number")]
    pub impact: i64,
    /// probability × impact.
    #[ts(type = "number")]
    pub score: i64,
    pub band: ScoreBand,
    #[ts(type = "number | null")]
    pub owner_id: Option<Id>,
    pub owner_name: Option<String>,
    pub response: Option<RiskResponse>,
    pub response_plan: String,
    pub trigger: String,
    #[ts(type = "number | null")]
    pub residual_probability: Option<i64>,
    #[ts(type = "number | null")]
    pub residual_impact: Option<i64>,
    #[ts(type = "number | null")]
    pub residual_score: Option<i64>,
    pub residual_band: Option<ScoreBand>,
    pub review_date: Option<NaiveDate>,
    pub status: RiskStatus,
    /// Open or monitored with a review date on or before today.
    pub due_for_review: bool,
    pub actions: Vec<RiskAction>,
    /// The issue raised when the risk occurred, if one was.
    #[ts(type = "number | null")]
    pub issue_id: Option<Id>,
    pub updated_at: String,
}

/// The fields a manager edits on a risk. Probability and impact are whole numbers so that a
/// wrong one (0, 6) is refused by name; the review date is text for the same reason.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct RiskInput {
    pub title: String,
    #[serde(default)]
    pub cause: String,
    #[serde(default)]
    pub event: String,
    #[serde(default)]
    pub effect: String,
    pub category: RiskCategory,
    #[ts(type = "number")]
    pub probability: i64,
    #[ts(type = "number")]
    pub impact: i64,
    #[ts(type = "number | null")]
    pub owner_id: Option<Id>,
    pub response: Option<RiskResponse>,
    #[serde(default)]
    pub response_plan: String,
    #[serde(default)]
    pub trigger: String,
    #[ts(type = "number | null")]
    pub residual_probability: Option<i64>,
    #[ts(type = "number | null")]
    pub residual_impact: Option<i64>,
    pub review_date: Option<String>,
    pub status: Option<RiskStatus>,
}

impl Default for RiskInput {
    fn default() -> Self {
        RiskInput {
            title: String::new(),
            cause: String::new(),
            event: String::new(),
            effect: String::new(),
            category: RiskCategory::Other,
            probability: 3,
            impact: 3,
            owner_id: None,
            response: None,
            response_plan: String::new(),
            trigger: String::new(),
            residual_probability: None,
            residual_impact: None,
            review_date: None,
            status: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum IssuePriority {
    Low,
    Medium,
    High,
    Critical,
}

impl IssuePriority {
    pub fn as_str(self) -> &'static str {
        match self {
            IssuePriority::Low => "low",
            IssuePriority::Medium => "medium",
            IssuePriority::High => "high",
            IssuePriority::Critical => "critical",
        }
    }

    fn parse(text: &str) -> IssuePriority {
        match text {
            "low" => IssuePriority::Low,
            "high" => IssuePriority::High,
            "critical" => IssuePriority::Critical,
            _ => IssuePriority::Medium,
        }
    }

    /// The priority of the issue a risk becomes: its score band.
    pub fn of_band(band: ScoreBand) -> IssuePriority {
        match band {
            ScoreBand::Low => IssuePriority::Low,
            ScoreBand::Medium => IssuePriority::Medium,
            ScoreBand::High => IssuePriority::High,
            ScoreBand::Critical => IssuePriority::Critical,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum IssueStatus {
    Open,
    InProgress,
    Resolved,
    Closed,
}

impl IssueStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            IssueStatus::Open => "open",
            IssueStatus::InProgress => "in_progress",
            IssueStatus::Resolved => "resolved",
            IssueStatus::Closed => "closed",
        }
    }

    fn parse(text: &str) -> IssueStatus {
        match text {
            "in_progress" => IssueStatus::InProgress,
            "resolved" => IssueStatus::Resolved,
            "closed" => IssueStatus::Closed,
            _ => IssueStatus::Open,
        }
    }

    pub fn is_open(self) -> bool {
        matches!(self, IssueStatus::Open | IssueStatus::InProgress)
    }
}

/// One entry of the issue log.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct RaidIssue {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    pub title: String,
    pub description: String,
    pub priority: IssuePriority,
    #[ts(type = "number | null")]
    pub owner_id: Option<Id>,
    pub owner_name: Option<String>,
    pub raised_on: NaiveDate,
    pub due_date: Option<NaiveDate>,
    pub status: IssueStatus,
    pub resolution: String,
    /// The risk this issue is, when a risk occurred.
    #[ts(type = "number | null")]
    pub risk_id: Option<Id>,
    pub risk_title: Option<String>,
    /// Open or in progress with a due date before today.
    pub overdue: bool,
}

#[derive(Debug, Clone, Deserialize, TS, Default)]
#[ts(export)]
pub struct IssueInput {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub priority: Option<IssuePriority>,
    #[ts(type = "number | null")]
    pub owner_id: Option<Id>,
    /// Today when not given.
    pub raised_on: Option<String>,
    pub due_date: Option<String>,
    pub status: Option<IssueStatus>,
    #[serde(default)]
    pub resolution: String,
    #[ts(type = "number | null")]
    pub risk_id: Option<Id>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AssumptionStatus {
    Unvalidated,
    Valid,
    Invalid,
}

impl AssumptionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AssumptionStatus::Unvalidated => "unvalidated",
            AssumptionStatus::Valid => "valid",
            AssumptionStatus::Invalid => "invalid",
        }
    }

    fn parse(text: &str) -> AssumptionStatus {
        match text {
            "valid" => AssumptionStatus::Valid,
            "invalid" => AssumptionStatus::Invalid,
            _ => AssumptionStatus::Unvalidated,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Assumption {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    pub title: String,
    pub description: String,
    #[ts(type = "number | null")]
    pub owner_id: Option<Id>,
    pub owner_name: Option<String>,
    pub validate_by: Option<NaiveDate>,
    pub status: AssumptionStatus,
    /// Still unvalidated after its validate-by date.
    pub overdue: bool,
}

#[derive(Debug, Clone, Deserialize, TS, Default)]
#[ts(export)]
pub struct AssumptionInput {
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[ts(type = "number | null")]
    pub owner_id: Option<Id>,
    pub validate_by: Option<String>,
    pub status: Option<AssumptionStatus>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DependencyStatus {
    Open,
    Delivered,
    Cancelled,
}

impl DependencyStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DependencyStatus::Open => "open",
            DependencyStatus::Delivered => "delivered",
            DependencyStatus::Cancelled => "cancelled",
        }
    }

    fn parse(text: &str) -> DependencyStatus {
        match text {
            "delivered" => DependencyStatus::Delivered,
            "cancelled" => DependencyStatus::Cancelled,
            _ => DependencyStatus::Open,
        }
    }
}

/// Something the project needs from outside it.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ExternalDependency {
    #[ts(type = "number")]
    pub id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    pub title: String,
    pub description: String,
    /// Who provides it (a vendor, another team).
    pub provider: String,
    /// Who chases it.
    #[ts(type = "number | null")]
    pub owner_id: Option<Id>,
    pub owner_name: Option<String>,
    pub needed_by: Option<NaiveDate>,
    /// The work item that waits for it.
    #[ts(type = "number | null")]
    pub item_id: Option<Id>,
    pub item_title: Option<String>,
    pub status: DependencyStatus,
    /// Still open after its needed-by date.
    pub late: bool,
}

#[derive(Debug, Clone, Deserialize, TS, Default)]
#[ts(export)]
pub struct DependencyInput {
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub provider: String,
    #[ts(type = "number | null")]
    pub owner_id: Option<Id>,
    pub needed_by: Option<String>,
    #[ts(type = "number | null")]
    pub item_id: Option<Id>,
    pub status: Option<DependencyStatus>,
}

/// Counts of live (open or monitored) risks per cell: `cells[probability - 1][impact - 1]`.
#[derive(Debug, Clone, Serialize, TS, PartialEq, Default)]
#[ts(export)]
pub struct HeatMap {
    pub cells: Vec<Vec<u32>>,
}

impl HeatMap {
    fn new() -> HeatMap {
        HeatMap {
            cells: vec![vec![0; 5]; 5],
        }
    }

    fn add(&mut self, probability: i64, impact: i64) {
        if (1..=5).contains(&probability) && (1..=5).contains(&impact) {
            self.cells[(probability - 1) as usize][(impact - 1) as usize] += 1;
        }
    }

    pub fn count(&self, probability: i64, impact: i64) -> u32 {
        self.cells[(probability - 1) as usize][(impact - 1) as usize]
    }
}

/// A category of the fixed list with its label, for the editor's choices.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct CategoryOption {
    pub key: RiskCategory,
    pub label: String,
}

/// Everything the RAID tab shows for one project.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct RaidLog {
    #[ts(type = "number")]
    pub project_id: Id,
    /// Highest score first, then the order they were recorded in.
    pub risks: Vec<Risk>,
    /// Live risks by probability and impact.
    pub heat_map: HeatMap,
    /// Live risks with residual values by residual probability and impact.
    pub residual_heat_map: HeatMap,
    /// Open first, then by priority (critical first) and the order they were raised in.
    pub issues: Vec<RaidIssue>,
    pub assumptions: Vec<Assumption>,
    /// By needed-by date, undated last.
    pub dependencies: Vec<ExternalDependency>,
    pub categories: Vec<CategoryOption>,
    pub today: NaiveDate,
}

/// A risk due for review, in any project.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct RiskDue {
    #[ts(type = "number")]
    pub risk_id: Id,
    #[ts(type = "number")]
    pub project_id: Id,
    pub project_name: String,
    pub title: String,
    #[ts(type = "number")]
    pub score: i64,
    pub band: ScoreBand,
    pub review_date: NaiveDate,
    pub owner_name: Option<String>,
    pub status: RiskStatus,
}

/// Open and monitored risks of every project whose review date is on or before `today`,
/// the longest overdue first, then the highest score.
pub fn risks_due_for_review(conn: &Connection, today: NaiveDate) -> Result<Vec<RiskDue>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.project_id, p.name, r.title, r.probability * r.impact, r.review_date, o.name, r.status \
         FROM risks r JOIN projects p ON p.id = r.project_id LEFT JOIN people o ON o.id = r.owner_id \
         WHERE r.status IN ('open', 'monitoring') AND r.review_date IS NOT NULL AND r.review_date <= ?1 \
         ORDER BY r.review_date, r.probability * r.impact DESC, r.seq, r.id",
    )?;
    let rows = stmt.query_map([today.format("%Y-%m-%d").to_string()], |r| {
        let score: i64 = r.get(4)?;
        Ok((
            RiskDue {
                risk_id: r.get(0)?,
                project_id: r.get(1)?,
                project_name: r.get(2)?,
                title: r.get(3)?,
                score,
                band: score_band(score),
                review_date: today,
                owner_name: r.get(6)?,
                status: RiskStatus::parse(&r.get::<_, String>(7)?),
            },
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (mut due, date) = row?;
        // A malformed stored date (not written by this core) is not a review date.
        let Some(date) = validate::date_from_sql(Some(date)) else {
            continue;
        };
        due.review_date = date;
        out.push(due);
    }
    Ok(out)
}

/// The project a row of `table` belongs to, or a "no longer exists" message naming `what`.
pub(crate) fn owner_project(ws: &Workspace, table: &str, id: Id, what: &str) -> Result<Id> {
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

/// Refuses an owner who is not a person of the workspace.
pub(crate) fn check_person(ws: &Workspace, person_id: Option<Id>) -> Result<()> {
    if let Some(id) = person_id {
        let found: Option<i64> = ws
            .conn
            .query_row("SELECT 1 FROM people WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        if found.is_none() {
            return Err(CoreError::NotFound(
                "That person is not in this workspace (they may have been removed); choose another owner.".into(),
            ));
        }
    }
    Ok(())
}

/// An optional free text of bounded length, trimmed.
pub(crate) fn optional_text(field: &str, value: &str, max_chars: usize) -> Result<String> {
    let text = value.trim();
    if text.chars().count() > max_chars {
        return Err(CoreError::InvalidInput(format!(
            "{field} is too long ({} characters); keep it under {max_chars}.",
            text.chars().count()
        )));
    }
    Ok(text.to_string())
}

pub(crate) fn short(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        s.push('…');
    }
    s
}

fn date(text: Option<String>) -> Option<NaiveDate> {
    validate::date_from_sql(text)
}

impl Workspace {
    /// The risks of every project due for review on `today` (see [`risks_due_for_review`]).
    pub fn risks_due_for_review_on(&self, today: NaiveDate) -> Result<Vec<RiskDue>> {
        risks_due_for_review(&self.conn, today)
    }

    /// The RAID log of a project.
    pub fn raid_log(&self, project_id: Id) -> Result<RaidLog> {
        self.project(project_id)?;
        let today = clock::today();
        let risks = self.project_risk_register(project_id, today)?;
        let mut heat_map = HeatMap::new();
        let mut residual_heat_map = HeatMap::new();
        for risk in risks.iter().filter(|r| r.status.is_live()) {
            heat_map.add(risk.probability, risk.impact);
            if let (Some(p), Some(i)) = (risk.residual_probability, risk.residual_impact) {
                residual_heat_map.add(p, i);
            }
        }

        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, i.project_id, i.title, i.description, i.priority, i.owner_id, o.name, i.raised_on, \
             i.due_date, i.status, i.resolution, i.risk_id, r.title \
             FROM raid_issues i LEFT JOIN people o ON o.id = i.owner_id LEFT JOIN risks r ON r.id = i.risk_id \
             WHERE i.project_id = ?1 \
             ORDER BY i.status IN ('resolved', 'closed'), \
             CASE i.priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, i.seq, i.id",
        )?;
        let issues = stmt
            .query_map([project_id], |r| {
                let status = IssueStatus::parse(&r.get::<_, String>(9)?);
                let due_date = date(r.get(8)?);
                Ok(RaidIssue {
                    id: r.get(0)?,
                    project_id: r.get(1)?,
                    title: r.get(2)?,
                    description: r.get(3)?,
                    priority: IssuePriority::parse(&r.get::<_, String>(4)?),
                    owner_id: r.get(5)?,
                    owner_name: r.get(6)?,
                    raised_on: date(r.get(7)?).unwrap_or(today),
                    due_date,
                    status,
                    resolution: r.get(10)?,
                    risk_id: r.get(11)?,
                    risk_title: r.get(12)?,
                    overdue: status.is_open() && due_date.is_some_and(|d| d < today),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;

        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.project_id, a.title, a.description, a.owner_id, o.name, a.validate_by, a.status \
             FROM assumptions a LEFT JOIN people o ON o.id = a.owner_id WHERE a.project_id = ?1 ORDER BY a.seq, a.id",
        )?;
        let assumptions = stmt
            .query_map([project_id], |r| {
                let status = AssumptionStatus::parse(&r.get::<_, String>(7)?);
                let validate_by = date(r.get(6)?);
                Ok(Assumption {
                    id: r.get(0)?,
                    project_id: r.get(1)?,
                    title: r.get(2)?,
                    description: r.get(3)?,
                    owner_id: r.get(4)?,
                    owner_name: r.get(5)?,
                    validate_by,
                    status,
                    overdue: status == AssumptionStatus::Unvalidated && validate_by.is_some_and(|d| d < today),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;

        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, d.project_id, d.title, d.description, d.provider, d.owner_id, o.name, d.needed_by, \
             d.item_id, w.title, d.status \
             FROM external_dependencies d LEFT JOIN people o ON o.id = d.owner_id \
             LEFT JOIN work_items w ON w.id = d.item_id WHERE d.project_id = ?1 \
             ORDER BY d.needed_by IS NULL, d.needed_by, d.seq, d.id",
        )?;
        let dependencies = stmt
            .query_map([project_id], |r| {
                let status = DependencyStatus::parse(&r.get::<_, String>(10)?);
                let needed_by = date(r.get(7)?);
                Ok(ExternalDependency {
                    id: r.get(0)?,
                    project_id: r.get(1)?,
                    title: r.get(2)?,
                    description: r.get(3)?,
                    provider: r.get(4)?,
                    owner_id: r.get(5)?,
                    owner_name: r.get(6)?,
                    needed_by,
                    item_id: r.get(8)?,
                    item_title: r.get(9)?,
                    status,
                    late: status == DependencyStatus::Open && needed_by.is_some_and(|d| d < today),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;

        Ok(RaidLog {
            project_id,
            risks,
            heat_map,
            residual_heat_map,
            issues,
            assumptions,
            dependencies,
            categories: RiskCategory::ALL
                .iter()
                .map(|c| CategoryOption {
                    key: *c,
                    label: c.label().to_string(),
                })
                .collect(),
            today,
        })
    }

    /// A project's risks, highest score first (ties in the order they were recorded).
    pub fn project_risk_register(&self, project_id: Id, today: NaiveDate) -> Result<Vec<Risk>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.id, r.project_id, r.title, r.cause, r.event, r.effect, r.category, r.probability, r.impact, \
             r.owner_id, o.name, r.response, r.response_plan, r.trigger_condition, r.residual_probability, \
             r.residual_impact, r.review_date, r.status, r.updated_at, \
             (SELECT i.id FROM raid_issues i WHERE i.risk_id = r.id ORDER BY i.seq, i.id LIMIT 1) \
             FROM risks r LEFT JOIN people o ON o.id = r.owner_id WHERE r.project_id = ?1 \
             ORDER BY r.probability * r.impact DESC, r.seq, r.id",
        )?;
        let mut risks: Vec<Risk> = stmt
            .query_map([project_id], |r| {
                let category = RiskCategory::parse(&r.get::<_, String>(6)?);
                let probability: i64 = r.get(7)?;
                let impact: i64 = r.get(8)?;
                let residual_probability: Option<i64> = r.get(14)?;
                let residual_impact: Option<i64> = r.get(15)?;
                let residual_score = residual_probability.zip(residual_impact).map(|(p, i)| p * i);
                let status = RiskStatus::parse(&r.get::<_, String>(17)?);
                let review_date = date(r.get(16)?);
                Ok(Risk {
                    id: r.get(0)?,
                    project_id: r.get(1)?,
                    title: r.get(2)?,
                    cause: r.get(3)?,
                    event: r.get(4)?,
                    effect: r.get(5)?,
                    category,
                    category_label: category.label().to_string(),
                    probability,
                    impact,
                    score: probability * impact,
                    band: score_band(probability * impact),
                    owner_id: r.get(9)?,
                    owner_name: r.get(10)?,
                    response: RiskResponse::parse(&r.get::<_, String>(11)?),
                    response_plan: r.get(12)?,
                    trigger: r.get(13)?,
                    residual_probability,
                    residual_impact,
                    residual_score,
                    residual_band: residual_score.map(score_band),
                    review_date,
                    status,
                    due_for_review: status.is_live() && review_date.is_some_and(|d| d <= today),
                    actions: Vec::new(),
                    issue_id: r.get(19)?,
                    updated_at: r.get(18)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.risk_id, w.id, w.title, s.name, s.category, p.name, w.due_date \
             FROM risk_actions a JOIN risks r ON r.id = a.risk_id JOIN work_items w ON w.id = a.item_id \
             JOIN statuses s ON s.id = w.status_id LEFT JOIN people p ON p.id = w.assignee_id \
             WHERE r.project_id = ?1 ORDER BY w.created_at, a.id",
        )?;
        let actions = stmt.query_map([project_id], |r| {
            Ok((
                r.get::<_, Id>(1)?,
                RiskAction {
                    id: r.get(0)?,
                    item_id: r.get(2)?,
                    title: r.get(3)?,
                    status: r.get(4)?,
                    done: r.get::<_, String>(5)? == "done",
                    assignee: r.get(6)?,
                    due_date: date(r.get(7)?),
                },
            ))
        })?;
        for action in actions {
            let (risk_id, action) = action?;
            if let Some(risk) = risks.iter_mut().find(|r| r.id == risk_id) {
                risk.actions.push(action);
            }
        }
        Ok(risks)
    }
}
