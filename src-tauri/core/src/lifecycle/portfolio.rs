//! The portfolio: one row per project with its methodology, phase, health, schedule dates,
//! budget, actual cost and owner.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::checklist::framework_of;
use super::{Framework, Phase};
use crate::health::Health;
use crate::work::projects::Methodology;
use crate::{clock, Id, Result, Workspace};

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct PortfolioRow {
    #[ts(type = "number")]
    pub project_id: Id,
    pub name: String,
    pub methodology: Methodology,
    pub phase: Phase,
    pub framework: Framework,
    pub health: Health,
    /// From the schedule (the project's own dates when it has no tasks).
    pub start: Option<NaiveDate>,
    pub finish: Option<NaiveDate>,
    /// Σ budget lines, minor units of the workspace currency.
    #[ts(type = "number")]
    pub budget_minor: i64,
    /// Σ cost entries + Σ logged hours × each person's cost rate.
    #[ts(type = "number")]
    pub actual_minor: i64,
    /// Estimate at completion (BAC / CPI as of today); None when no cost has been earned yet.
    #[ts(type = "number | null")]
    pub forecast_minor: Option<i64>,
    /// The project's manager.
    pub owner: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct Portfolio {
    pub rows: Vec<PortfolioRow>,
    /// ISO 4217 code of the money columns.
    pub currency: String,
}

impl Workspace {
    pub fn portfolio(&self) -> Result<Portfolio> {
        let settings = self.health_settings()?;
        let mut rows = Vec::new();
        for p in self.projects()? {
            let (phase, framework) = framework_of(&self.conn, p.id)?;
            let latest_baseline: Option<Id> = self.baselines(p.id)?.last().map(|b| b.id);
            let schedule = self.project_schedule_against(p.id, latest_baseline)?;
            let health = self.project_health_with(p.id, clock::today(), &settings)?.overall;
            let (start, finish) = if schedule.tasks.is_empty() {
                (p.start_date, p.finish_date)
            } else {
                (Some(schedule.start.date()), Some(schedule.finish.date()))
            };
            let budget_minor: i64 = self.conn.query_row(
                "SELECT coalesce(sum(amount_minor), 0) FROM budget_lines WHERE project_id = ?1",
                [p.id],
                |r| r.get(0),
            )?;
            // Actual and forecast are the budget area's earned value as of today, so the
            // portfolio and the Budget tab never disagree.
            let evm = self.earned_value(p.id, clock::today())?;
            rows.push(PortfolioRow {
                project_id: p.id,
                name: p.name,
                methodology: p.methodology,
                phase,
                framework,
                health,
                start,
                finish,
                budget_minor,
                actual_minor: evm.figures.ac,
                forecast_minor: evm.figures.eac,
                owner: p.manager,
            });
        }
        Ok(Portfolio {
            rows,
            currency: self.currency()?,
        })
    }
}
