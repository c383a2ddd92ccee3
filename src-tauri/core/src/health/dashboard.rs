//! The project dashboard in one call: health with its reasons and overrides, the snapshots'
//! trend, upcoming milestones, the burndown of the current sprint (Scrum) or the S-curve
//! (otherwise), the top risks, open issues, the budget line and the next meetings. The RAID and
//! meetings tables are read here directly, so the dashboard needs nothing from those areas' code.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{ProjectHealth, StatusSnapshot};
use crate::agile::sprints::Burndown;
use crate::budget::SCurve;
use crate::work::projects::Methodology;
use crate::{Id, Result, Workspace};

const MILESTONES: usize = 6;
const TOP_RISKS: usize = 5;
const OPEN_ISSUES: usize = 5;
const NEXT_MEETINGS: usize = 4;

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct DashboardMilestone {
    #[ts(type = "number")]
    pub item_id: Id,
    pub name: String,
    pub date: NaiveDate,
    pub baseline: Option<NaiveDate>,
    /// Its date has passed and it is not done.
    pub overdue: bool,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct DashboardRisk {
    #[ts(type = "number")]
    pub id: Id,
    pub title: String,
    #[ts(type = "number")]
    pub probability: i64,
    #[ts(type = "number")]
    pub impact: i64,
    /// Probability × impact.
    #[ts(type = "number")]
    pub score: i64,
    pub owner: Option<String>,
    pub review_date: Option<NaiveDate>,
    pub review_overdue: bool,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct DashboardIssue {
    #[ts(type = "number")]
    pub id: Id,
    pub title: String,
    pub priority: String,
    pub status: String,
    pub owner: Option<String>,
    pub due_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct DashboardMeeting {
    #[ts(type = "number")]
    pub id: Id,
    pub title: String,
    pub kind: String,
    pub day: NaiveDate,
    pub start_time: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct DashboardBudget {
    pub currency: String,
    /// Σ budget lines.
    #[ts(type = "number")]
    pub budget_minor: i64,
    /// Actual cost to date (entered costs + logged time), from earned value.
    #[ts(type = "number")]
    pub actual_minor: i64,
    /// BAC / CPI; None while CPI is undefined.
    #[ts(type = "number | null")]
    pub eac_minor: Option<i64>,
    pub cpi: Option<f64>,
    pub spi: Option<f64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DashboardBurndown {
    #[ts(type = "number")]
    pub sprint_id: Id,
    pub sprint: String,
    pub burndown: Burndown,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProjectDashboard {
    #[ts(type = "number")]
    pub project_id: Id,
    pub project: String,
    pub methodology: Methodology,
    pub as_of: NaiveDate,
    pub health: ProjectHealth,
    /// Oldest first.
    pub snapshots: Vec<StatusSnapshot>,
    /// Overdue and upcoming milestones not done yet, by date.
    pub milestones: Vec<DashboardMilestone>,
    /// Scrum: the current (or latest) sprint's burndown.
    pub burndown: Option<DashboardBurndown>,
    /// Other methodologies, when the plan has tasks: the S-curve.
    pub s_curve: Option<SCurve>,
    /// Open risks by score, highest first.
    pub top_risks: Vec<DashboardRisk>,
    #[ts(type = "number")]
    pub open_risk_count: i64,
    /// Open and in-progress issues, critical first.
    pub open_issues: Vec<DashboardIssue>,
    #[ts(type = "number")]
    pub open_issue_count: i64,
    pub budget: DashboardBudget,
    /// Meetings from today on.
    pub next_meetings: Vec<DashboardMeeting>,
}

fn date(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok())
}

impl Workspace {
    pub fn project_dashboard(&self, project_id: Id, today: NaiveDate) -> Result<ProjectDashboard> {
        let project = self.project(project_id)?;
        let health = self.project_health(project_id, today)?;
        let day = today.to_string();

        let latest_baseline: Option<Id> = self.baselines(project_id)?.last().map(|b| b.id);
        let schedule = self.project_schedule_against(project_id, latest_baseline)?;
        let mut milestones: Vec<DashboardMilestone> = schedule
            .tasks
            .iter()
            .filter(|t| t.milestone && t.percent_complete < 100.0)
            .map(|t| DashboardMilestone {
                item_id: t.item_id,
                name: t.name.clone(),
                date: t.finish.date(),
                baseline: t.baseline_finish.map(|b| b.date()),
                overdue: t.finish.date() < today,
            })
            .collect();
        milestones.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.name.cmp(&b.name)));
        milestones.truncate(MILESTONES);

        let (burndown, s_curve) = if project.methodology == Methodology::Scrum {
            let sprint: Option<(Id, String)> = self
                .conn
                .query_row(
                    "SELECT id, name FROM sprints WHERE project_id = ?1 AND start_date <= ?2 \
                     ORDER BY (finish_date >= ?2) DESC, start_date DESC, id LIMIT 1",
                    (project_id, &day),
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .ok();
            let burndown = match sprint {
                Some((id, name)) => Some(DashboardBurndown {
                    sprint_id: id,
                    sprint: name,
                    burndown: self.burndown(id)?,
                }),
                None => None,
            };
            (burndown, None)
        } else if schedule.tasks.is_empty() {
            (None, None)
        } else {
            (None, Some(self.s_curve(project_id, today)?))
        };

        let mut stmt = self.conn.prepare_cached(
            "SELECT r.id, r.title, r.probability, r.impact, p.name, r.review_date FROM risks r \
             LEFT JOIN people p ON p.id = r.owner_id \
             WHERE r.project_id = ?1 AND r.status IN ('open', 'monitoring') \
             ORDER BY r.probability * r.impact DESC, r.impact DESC, r.seq, r.id",
        )?;
        let risks = stmt.query_map([project_id], |r| {
            let (probability, impact): (i64, i64) = (r.get(2)?, r.get(3)?);
            let review_date = date(r.get(5)?);
            Ok(DashboardRisk {
                id: r.get(0)?,
                title: r.get(1)?,
                probability,
                impact,
                score: probability * impact,
                owner: r.get(4)?,
                review_overdue: review_date.is_some_and(|d| d < today),
                review_date,
            })
        })?;
        let all_risks: Vec<DashboardRisk> = risks.collect::<rusqlite::Result<_>>()?;
        let open_risk_count = all_risks.len() as i64;
        let top_risks = all_risks.into_iter().take(TOP_RISKS).collect();

        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, i.title, i.priority, i.status, p.name, i.due_date FROM raid_issues i \
             LEFT JOIN people p ON p.id = i.owner_id \
             WHERE i.project_id = ?1 AND i.status IN ('open', 'in_progress') \
             ORDER BY CASE i.priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, \
             i.due_date IS NULL, i.due_date, i.seq, i.id",
        )?;
        let issues = stmt.query_map([project_id], |r| {
            Ok(DashboardIssue {
                id: r.get(0)?,
                title: r.get(1)?,
                priority: r.get(2)?,
                status: r.get(3)?,
                owner: r.get(4)?,
                due_date: date(r.get(5)?),
            })
        })?;
        let all_issues: Vec<DashboardIssue> = issues.collect::<rusqlite::Result<_>>()?;
        let open_issue_count = all_issues.len() as i64;
        let open_issues = all_issues.into_iter().take(OPEN_ISSUES).collect();

        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, kind, day, start_time FROM meetings WHERE project_id = ?1 AND day >= ?2 \
             ORDER BY day, start_time IS NULL, start_time, id LIMIT ?3",
        )?;
        let meetings = stmt.query_map((project_id, &day, NEXT_MEETINGS as i64), |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        let mut next_meetings = Vec::new();
        for m in meetings {
            let (id, title, kind, d, start_time) = m?;
            if let Some(day) = date(Some(d)) {
                next_meetings.push(DashboardMeeting {
                    id,
                    title,
                    kind,
                    day,
                    start_time,
                });
            }
        }

        let ev = match &s_curve {
            Some(s) => s.earned_value.clone(),
            None => self.earned_value(project_id, today)?,
        };
        let budget_minor: i64 = self.conn.query_row(
            "SELECT coalesce(sum(amount_minor), 0) FROM budget_lines WHERE project_id = ?1",
            [project_id],
            |r| r.get(0),
        )?;
        let budget = DashboardBudget {
            currency: ev.currency.clone(),
            budget_minor,
            actual_minor: ev.figures.ac,
            eac_minor: ev.figures.eac,
            cpi: ev.figures.cpi,
            spi: ev.figures.spi,
        };

        Ok(ProjectDashboard {
            project_id,
            project: project.name,
            methodology: project.methodology,
            as_of: today,
            snapshots: self.status_snapshots(project_id)?,
            health,
            milestones,
            burndown,
            s_curve,
            top_risks,
            open_risk_count,
            open_issues,
            open_issue_count,
            budget,
            next_meetings,
        })
    }
}
