//! Every grid the app shows, written as CSV with the columns the grid shows: UTF-8, a header
//! row, RFC 4180 quoting, CRLF. Names stand for ids (the assignee's name, the board column's
//! name); amounts are in major units with two decimals; dates are YYYY-MM-DD.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::table;
use crate::interchange::preview::{CreateCount, ExportReport};
use crate::{CoreError, Id, Result, Workspace};

/// The grids that can be exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CsvGrid {
    WorkItems,
    Risks,
    Issues,
    Assumptions,
    Dependencies,
    Stakeholders,
    Deliverables,
    BudgetLines,
    CostEntries,
    Meetings,
    Lessons,
    Incidents,
}

impl CsvGrid {
    pub const ALL: [CsvGrid; 12] = [
        CsvGrid::WorkItems,
        CsvGrid::Risks,
        CsvGrid::Issues,
        CsvGrid::Assumptions,
        CsvGrid::Dependencies,
        CsvGrid::Stakeholders,
        CsvGrid::Deliverables,
        CsvGrid::BudgetLines,
        CsvGrid::CostEntries,
        CsvGrid::Meetings,
        CsvGrid::Lessons,
        CsvGrid::Incidents,
    ];

    /// The name on the command line: `work-items`, `budget-lines` …
    pub fn cli_name(self) -> String {
        word(&self).replace(' ', "-")
    }

    pub fn parse(text: &str) -> Result<CsvGrid> {
        let wanted = text.trim().to_lowercase().replace(['_', ' '], "-");
        CsvGrid::ALL
            .into_iter()
            .find(|g| g.cli_name() == wanted)
            .ok_or_else(|| {
                let names: Vec<String> = CsvGrid::ALL.iter().map(|g| g.cli_name()).collect();
                CoreError::InvalidInput(format!(
                    "There is no grid called \"{}\"; choose one of {}.",
                    text.trim(),
                    names.join(", ")
                ))
            })
    }

    /// Lessons and incidents live across projects (the project then filters); the rest need one.
    pub fn needs_project(self) -> bool {
        !matches!(self, CsvGrid::Lessons | CsvGrid::Incidents)
    }
}

/// The grid's header and rows.
pub struct GridRows {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// An enum's stored word, as a user reads it ("in_progress" → "in progress").
fn word<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s.replace('_', " "),
        _ => String::new(),
    }
}

fn opt<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn num(value: Option<f64>) -> String {
    value.map(|v| format!("{v}")).unwrap_or_default()
}

fn money(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", minor.unsigned_abs() / 100, minor.unsigned_abs() % 100)
}

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

impl Workspace {
    /// The rows of one grid, with the columns the grid shows.
    pub fn csv_grid(&self, grid: CsvGrid, project_id: Option<Id>) -> Result<GridRows> {
        let project = match project_id {
            Some(id) => Some(self.project(id)?),
            None if grid.needs_project() => {
                return Err(CoreError::InvalidInput(format!(
                    "The {} grid belongs to a project; name the project to export.",
                    word(&grid)
                )))
            }
            None => None,
        };
        let pid = project.as_ref().map(|p| p.id).unwrap_or_default();
        let out = match grid {
            CsvGrid::WorkItems => {
                let board = self.board(pid)?;
                let mut rows = Vec::new();
                for column in &board.columns {
                    for i in &column.items {
                        rows.push(vec![
                            i.title.clone(),
                            word(&i.item_type),
                            column.status.name.clone(),
                            word(&i.priority),
                            opt(&i.assignee),
                            num(i.estimate_hours),
                            num(i.story_points),
                            opt(&i.due_date),
                            i.tags.join(", "),
                            i.description.clone(),
                        ]);
                    }
                }
                GridRows {
                    headers: headers(&[
                        "Title",
                        "Type",
                        "Status",
                        "Priority",
                        "Assignee",
                        "Estimate (h)",
                        "Story points",
                        "Due date",
                        "Tags",
                        "Description",
                    ]),
                    rows,
                }
            }
            CsvGrid::Risks | CsvGrid::Issues | CsvGrid::Assumptions | CsvGrid::Dependencies => {
                let log = self.raid_log(pid)?;
                match grid {
                    CsvGrid::Risks => GridRows {
                        headers: headers(&[
                            "Title",
                            "Cause",
                            "Event",
                            "Effect",
                            "Category",
                            "Probability",
                            "Impact",
                            "Score",
                            "Band",
                            "Owner",
                            "Response",
                            "Response plan",
                            "Trigger",
                            "Residual probability",
                            "Residual impact",
                            "Review date",
                            "Status",
                        ]),
                        rows: log
                            .risks
                            .iter()
                            .map(|r| {
                                vec![
                                    r.title.clone(),
                                    r.cause.clone(),
                                    r.event.clone(),
                                    r.effect.clone(),
                                    r.category_label.clone(),
                                    r.probability.to_string(),
                                    r.impact.to_string(),
                                    r.score.to_string(),
                                    word(&r.band),
                                    opt(&r.owner_name),
                                    r.response.map(|x| word(&x)).unwrap_or_default(),
                                    r.response_plan.clone(),
                                    r.trigger.clone(),
                                    opt(&r.residual_probability),
                                    opt(&r.residual_impact),
                                    opt(&r.review_date),
                                    word(&r.status),
                                ]
                            })
                            .collect(),
                    },
                    CsvGrid::Issues => GridRows {
                        headers: headers(&[
                            "Title",
                            "Description",
                            "Priority",
                            "Owner",
                            "Raised on",
                            "Due date",
                            "Status",
                            "Resolution",
                            "From risk",
                        ]),
                        rows: log
                            .issues
                            .iter()
                            .map(|i| {
                                vec![
                                    i.title.clone(),
                                    i.description.clone(),
                                    word(&i.priority),
                                    opt(&i.owner_name),
                                    i.raised_on.to_string(),
                                    opt(&i.due_date),
                                    word(&i.status),
                                    i.resolution.clone(),
                                    opt(&i.risk_title),
                                ]
                            })
                            .collect(),
                    },
                    CsvGrid::Assumptions => GridRows {
                        headers: headers(&["Title", "Description", "Owner", "Validate by", "Status"]),
                        rows: log
                            .assumptions
                            .iter()
                            .map(|a| {
                                vec![
                                    a.title.clone(),
                                    a.description.clone(),
                                    opt(&a.owner_name),
                                    opt(&a.validate_by),
                                    word(&a.status),
                                ]
                            })
                            .collect(),
                    },
                    _ => GridRows {
                        headers: headers(&[
                            "Title",
                            "Description",
                            "Provider",
                            "Owner",
                            "Needed by",
                            "Waiting item",
                            "Status",
                        ]),
                        rows: log
                            .dependencies
                            .iter()
                            .map(|d| {
                                vec![
                                    d.title.clone(),
                                    d.description.clone(),
                                    d.provider.clone(),
                                    opt(&d.owner_name),
                                    opt(&d.needed_by),
                                    opt(&d.item_title),
                                    word(&d.status),
                                ]
                            })
                            .collect(),
                    },
                }
            }
            CsvGrid::Stakeholders => GridRows {
                headers: headers(&[
                    "Name",
                    "Organisation",
                    "Role",
                    "Contact",
                    "Power",
                    "Interest",
                    "Quadrant",
                    "Current attitude",
                    "Desired attitude",
                    "Person",
                    "Notes",
                ]),
                rows: self
                    .stakeholders(pid)?
                    .iter()
                    .map(|s| {
                        vec![
                            s.name.clone(),
                            s.organisation.clone(),
                            s.role.clone(),
                            s.contact.clone(),
                            s.power.to_string(),
                            s.interest.to_string(),
                            word(&s.quadrant),
                            word(&s.current_attitude),
                            word(&s.desired_attitude),
                            opt(&s.person_name),
                            s.notes.clone(),
                        ]
                    })
                    .collect(),
            },
            CsvGrid::Deliverables => GridRows {
                headers: headers(&["Title", "Acceptance criteria", "Acceptance", "Work item", "Due date"]),
                rows: self
                    .project_scope(pid)?
                    .deliverables
                    .iter()
                    .map(|d| {
                        vec![
                            d.title.clone(),
                            d.acceptance_criteria.clone(),
                            word(&d.acceptance),
                            opt(&d.item_title),
                            opt(&d.due_date),
                        ]
                    })
                    .collect(),
            },
            CsvGrid::BudgetLines => {
                let grid = self.budget_grid(pid)?;
                GridRows {
                    headers: headers(&["Category", "Month", &format!("Amount ({})", grid.currency)]),
                    rows: grid
                        .cells
                        .iter()
                        .filter_map(|c| Some(vec![word(&c.category), c.period.clone(), money(c.amount_minor?)]))
                        .collect(),
                }
            }
            CsvGrid::CostEntries => {
                let currency = self.currency()?;
                GridRows {
                    headers: headers(&[
                        "Day",
                        "Category",
                        &format!("Amount ({currency})"),
                        "Description",
                        "Work item",
                    ]),
                    rows: self
                        .cost_entries(pid)?
                        .iter()
                        .map(|c| {
                            vec![
                                c.day.clone(),
                                word(&c.category),
                                money(c.amount_minor),
                                c.description.clone(),
                                opt(&c.item_title),
                            ]
                        })
                        .collect(),
                }
            }
            CsvGrid::Meetings => GridRows {
                headers: headers(&[
                    "Title",
                    "Kind",
                    "Day",
                    "Start",
                    "Duration (min)",
                    "Location",
                    "Attendees",
                    "Decisions",
                    "Actions",
                    "Open actions",
                ]),
                rows: self
                    .meetings(pid)?
                    .iter()
                    .map(|m| {
                        vec![
                            m.title.clone(),
                            word(&m.kind),
                            m.day.to_string(),
                            opt(&m.start_time),
                            m.duration_minutes.to_string(),
                            m.location.clone(),
                            m.attendee_count.to_string(),
                            m.decision_count.to_string(),
                            m.action_count.to_string(),
                            m.open_actions.to_string(),
                        ]
                    })
                    .collect(),
            },
            CsvGrid::Lessons => GridRows {
                headers: headers(&[
                    "Title",
                    "Project",
                    "Kind",
                    "Phase",
                    "What happened",
                    "Impact",
                    "Recommendation",
                    "Tags",
                    "Recorded by",
                    "Recorded on",
                ]),
                rows: self
                    .lessons()?
                    .iter()
                    .filter(|l| project_id.is_none() || l.project_id == project_id)
                    .map(|l| {
                        vec![
                            l.title.clone(),
                            l.project_name.clone(),
                            word(&l.kind),
                            l.phase.map(|p| word(&p)).unwrap_or_default(),
                            l.what_happened.clone(),
                            l.impact.clone(),
                            l.recommendation.clone(),
                            l.tags.join(", "),
                            l.recorded_by.clone(),
                            l.recorded_on.to_string(),
                        ]
                    })
                    .collect(),
            },
            CsvGrid::Incidents => {
                let now = crate::operations::now_local();
                let mut rows = Vec::new();
                for service in self.services()? {
                    for i in self.incidents(service.id, now)? {
                        if project_id.is_some() && i.project_id != project_id {
                            continue;
                        }
                        rows.push(vec![
                            service.name.clone(),
                            i.title.clone(),
                            format!("P{}", i.severity),
                            i.started_at.clone(),
                            opt(&i.responded_at),
                            opt(&i.resolved_at),
                            if i.outage { "yes" } else { "no" }.to_string(),
                            opt(&i.project_name),
                            i.description.clone(),
                        ]);
                    }
                }
                GridRows {
                    headers: headers(&[
                        "Service",
                        "Title",
                        "Severity",
                        "Started",
                        "Responded",
                        "Resolved",
                        "Outage",
                        "Caused by project",
                        "Description",
                    ]),
                    rows,
                }
            }
        };
        Ok(out)
    }

    /// One grid as CSV text, and what was written.
    pub fn csv_export(&self, grid: CsvGrid, project_id: Option<Id>) -> Result<(String, ExportReport)> {
        let rows = self.csv_grid(grid, project_id)?;
        let text = table::write(&rows.headers, &rows.rows);
        let report = ExportReport {
            format: "CSV".into(),
            written: vec![CreateCount {
                what: word(&grid),
                count: rows.rows.len(),
            }],
            not_kept: Vec::new(),
        };
        Ok((text, report))
    }
}
