//! What a report is asked for with, the catalogue of kinds, and the checks that turn a request
//! into the project, sprint or person it names.

use bridgeplan_core::agile::sprints::{Sprint, SprintState};
use bridgeplan_core::work::projects::Project;
use bridgeplan_core::{CoreError, Id, Workspace};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReportKind {
    Status,
    Schedule,
    Sprint,
    Board,
    Career,
    Budget,
    Closure,
    Risk,
    Stakeholders,
    Minutes,
    Operations,
}

impl ReportKind {
    /// The kind named on the command line.
    pub fn parse(text: &str) -> Result<ReportKind> {
        kinds().iter().find(|k| k.name == text).map(|k| k.kind).ok_or_else(|| {
            let names: Vec<&str> = kinds().iter().map(|k| k.name).collect();
            CoreError::InvalidInput(format!(
                "There is no report kind \"{text}\". Choose one of: {}.",
                names.join(", ")
            ))
            .into()
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    pub fn parse(text: &str) -> Result<Paper> {
        match text.to_ascii_lowercase().as_str() {
            "a4" => Ok(Paper::A4),
            "letter" => Ok(Paper::Letter),
            _ => {
                Err(CoreError::InvalidInput(format!("There is no paper size \"{text}\". Choose a4 or letter.")).into())
            }
        }
    }

    pub(crate) fn typst_name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "us-letter",
        }
    }

    /// Width and height in millimetres, portrait.
    pub(crate) fn size_mm(self) -> (f64, f64) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::Letter => (215.9, 279.4),
        }
    }
}

/// Which project a kind of report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProjectChoice {
    /// One project, required.
    One,
    /// One project, or every project of the workspace when none is given.
    OneOrAll,
    /// The report is not about a project.
    None,
}

/// One kind of report, as the Reports screen and the command line offer it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct KindInfo {
    pub kind: ReportKind,
    /// Its name on the command line.
    pub name: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub project: ProjectChoice,
    /// It can be about one sprint of the project.
    pub sprint: bool,
    /// It is about one person.
    pub person: bool,
    /// It covers a period (from–to).
    pub period: bool,
    /// Printed landscape, for width.
    pub landscape: bool,
    /// It is about one meeting of the project (Some(true) for the minutes).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub meeting: Option<bool>,
    #[serde(skip)]
    #[ts(skip)]
    pub(crate) template: &'static str,
}

const KINDS: [KindInfo; 11] = [
    KindInfo {
        kind: ReportKind::Status,
        name: "status",
        title: "Status report",
        description: "Progress, milestones against the baseline, critical path, work in progress, overdue and blocked items, next steps. One project or all of them.",
        project: ProjectChoice::OneOrAll,
        sprint: false,
        person: false,
        period: true,
        landscape: false,
        meeting: None,
        template: "/status.typ",
    },
    KindInfo {
        kind: ReportKind::Schedule,
        name: "schedule",
        title: "Schedule report",
        description: "The Gantt chart of the work breakdown: dependencies, critical path and the baseline, over as many pages as it needs.",
        project: ProjectChoice::One,
        sprint: false,
        person: false,
        period: true,
        landscape: true,
        meeting: None,
        template: "/schedule.typ",
    },
    KindInfo {
        kind: ReportKind::Sprint,
        name: "sprint",
        title: "Sprint report",
        description: "A sprint's goal, burndown, the team's velocity, and what was and was not completed.",
        project: ProjectChoice::One,
        sprint: true,
        person: false,
        period: false,
        landscape: false,
        meeting: None,
        template: "/sprint.typ",
    },
    KindInfo {
        kind: ReportKind::Board,
        name: "board",
        title: "Board report",
        description: "The board's columns with their items and WIP limits, grouped in swimlanes by assignee.",
        project: ProjectChoice::One,
        sprint: false,
        person: false,
        period: false,
        landscape: true,
        meeting: None,
        template: "/board.typ",
    },
    KindInfo {
        kind: ReportKind::Budget,
        name: "budget",
        title: "Budget report",
        description: "Budget by category against actual cost, earned value (CPI, SPI, EAC) with the S-curve and forecast, and the change requests.",
        project: ProjectChoice::One,
        sprint: false,
        person: false,
        period: false,
        landscape: false,
        meeting: None,
        template: "/budget.typ",
    },
    KindInfo {
        kind: ReportKind::Closure,
        name: "closure",
        title: "Closure report",
        description: "Outcomes against the baseline (dates, duration, work, cost), budget against actual and EAC, deliverables accepted, change requests and the lessons learned.",
        project: ProjectChoice::One,
        sprint: false,
        person: false,
        period: false,
        meeting: None,
        landscape: false,
        template: "/closure.typ",
    },
    KindInfo {
        kind: ReportKind::Risk,
        name: "risk",
        title: "Risk report",
        description: "The risk register by score with the 5×5 heat map (inherent and residual), the risks due for review and the issue log.",
        project: ProjectChoice::One,
        sprint: false,
        person: false,
        period: false,
        meeting: None,
        landscape: false,
        template: "/risk.typ",
    },
    KindInfo {
        kind: ReportKind::Stakeholders,
        name: "stakeholders",
        title: "Stakeholders report",
        description: "The stakeholder register, the power/interest grid, the RACI matrix with rows lacking one Accountable flagged, and the communication plan.",
        project: ProjectChoice::One,
        sprint: false,
        person: false,
        period: false,
        meeting: None,
        landscape: false,
        template: "/stakeholders.typ",
    },
    KindInfo {
        kind: ReportKind::Minutes,
        name: "minutes",
        title: "Meeting minutes",
        description: "The minutes of one meeting: attendees and apologies, agenda, notes, decisions, and the actions with their owner, due date and status now.",
        project: ProjectChoice::One,
        sprint: false,
        person: false,
        period: false,
        landscape: false,
        meeting: Some(true),
        template: "/minutes.typ",
    },
    KindInfo {
        kind: ReportKind::Operations,
        name: "operations",
        title: "Operations report",
        description: "IT services with their health, SLA targets, availability against target by month, incidents with SLA breaches, and user satisfaction.",
        project: ProjectChoice::None,
        sprint: false,
        person: false,
        period: false,
        meeting: None,
        landscape: false,
        template: "/operations.typ",
    },
    KindInfo {
        kind: ReportKind::Career,
        name: "career",
        title: "Career progress report",
        description: "A person's skill levels against their targets, evidence, certifications with renewal status, and development goals.",
        project: ProjectChoice::None,
        sprint: false,
        person: true,
        period: false,
        landscape: false,
        meeting: None,
        template: "/career.typ",
    },
];

/// Every kind of report, in the order the Reports screen lists them.
pub fn kinds() -> &'static [KindInfo] {
    &KINDS
}

pub(crate) fn info(kind: ReportKind) -> &'static KindInfo {
    KINDS.iter().find(|k| k.kind == kind).expect("every kind has a row")
}

/// What a report is asked for with. Dates are `YYYY-MM-DD` text so that a bad one gets a
/// message naming it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportRequest {
    pub kind: ReportKind,
    #[ts(type = "number | null")]
    pub project_id: Option<Id>,
    /// For a sprint report; none: the running sprint, else the latest one.
    #[ts(type = "number | null")]
    pub sprint_id: Option<Id>,
    #[ts(type = "number | null")]
    pub person_id: Option<Id>,
    pub from: Option<String>,
    pub to: Option<String>,
    #[serde(default)]
    pub paper: Paper,
    /// For the minutes; none: the project's latest meeting on or before today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number | null")]
    pub meeting_id: Option<Id>,
}

impl ReportRequest {
    pub fn new(kind: ReportKind) -> Self {
        ReportRequest {
            kind,
            project_id: None,
            sprint_id: None,
            person_id: None,
            from: None,
            to: None,
            paper: Paper::A4,
            meeting_id: None,
        }
    }
}

/// A request with everything it names looked up.
pub(crate) struct Checked {
    pub info: &'static KindInfo,
    pub workspace: String,
    pub project: Option<Project>,
    pub sprint: Option<Sprint>,
    pub person_id: Option<bridgeplan_core::Id>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub paper: Paper,
    pub today: NaiveDate,
    pub meeting_id: Option<Id>,
}

impl ReportRequest {
    pub(crate) fn check(&self, ws: &Workspace, today: NaiveDate) -> Result<Checked> {
        let info = info(self.kind);
        let project = match self.project_id {
            Some(id) if info.project != ProjectChoice::None => Some(ws.project(id)?),
            None if info.project == ProjectChoice::One => {
                return Err(CoreError::InvalidInput(format!(
                    "A {} is about one project: choose it.",
                    info.title.to_lowercase()
                ))
                .into())
            }
            _ => None,
        };
        let sprint = match (&project, info.sprint) {
            (Some(project), true) => Some(pick_sprint(ws, project, self.sprint_id)?),
            _ => None,
        };
        let person_id = match (self.person_id, info.person) {
            (Some(id), true) if ws.people()?.iter().any(|p| p.id == id) => Some(id),
            (Some(_), true) => {
                return Err(CoreError::NotFound("That person is no longer in this workspace.".into()).into())
            }
            (None, true) => {
                return Err(CoreError::InvalidInput(
                    "A career progress report is about one person: choose them.".into(),
                )
                .into())
            }
            _ => None,
        };
        let from = date("The start of the period", self.from.as_deref())?;
        let to = date("The end of the period", self.to.as_deref())?;
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                return Err(
                    CoreError::InvalidInput(format!("The period ends ({to}) before it starts ({from}).")).into(),
                );
            }
        }
        Ok(Checked {
            info,
            workspace: ws.name(),
            project,
            sprint,
            person_id,
            from: if info.period { from } else { None },
            to: if info.period { to } else { None },
            paper: self.paper,
            today,
            meeting_id: if info.meeting == Some(true) {
                self.meeting_id
            } else {
                None
            },
        })
    }
}

/// The sprint asked for, else the running one, else the latest to have started.
fn pick_sprint(ws: &Workspace, project: &Project, sprint_id: Option<Id>) -> Result<Sprint> {
    let sprints = ws.sprints(project.id)?;
    let chosen = match sprint_id {
        Some(id) => sprints.iter().find(|s| s.id == id).ok_or_else(|| {
            CoreError::NotFound(format!(
                "The sprint asked for is not one of {}'s sprints.",
                project.name
            ))
        })?,
        None => sprints
            .iter()
            .find(|s| s.state == SprintState::Active)
            .or_else(|| sprints.iter().rev().find(|s| s.state == SprintState::Finished))
            .or(sprints.first())
            .ok_or_else(|| CoreError::NotFound(format!("{} has no sprints to report on.", project.name)))?,
    };
    Ok(chosen.clone())
}

fn date(field: &str, text: Option<&str>) -> Result<Option<NaiveDate>> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| CoreError::InvalidInput(format!("{field} \"{t}\" is not a date (YYYY-MM-DD).")).into()),
    }
}
