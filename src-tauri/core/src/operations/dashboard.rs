//! The operations dashboard: each service's health (stability, uptime, satisfaction) beside
//! each project's (on time, in scope, on budget), and the services one project touches.
//!
//! The project side is the `health` area's rating of each project (schedule, scope, budget),
//! read in one function, [`project_side`], so both dashboards show the same thing.

use serde::Serialize;
use ts_rs::TS;

use super::rules::{self, OpsRating, ServiceHealth};
use super::{now_local, Incident, MonthAvailability};
use crate::health::{Area, AreaHealth, Rag};
use crate::{clock, Id, Result, Workspace};

/// One service's tile.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ServiceTile {
    #[ts(type = "number")]
    pub id: Id,
    pub name: String,
    pub owner: Option<String>,
    pub availability_target: f64,
    pub satisfaction_target: f64,
    pub health: ServiceHealth,
    /// Twelve months ending with this month, oldest first (the sparkline).
    pub months: Vec<MonthAvailability>,
    #[ts(type = "number")]
    pub open_incidents: i64,
    #[ts(type = "number")]
    pub breaches_this_month: i64,
    pub latest_satisfaction: Option<f64>,
    /// The projects that change the service.
    pub projects: Vec<String>,
}

/// One project's side: on time, in scope, on budget.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ProjectSide {
    #[ts(type = "number")]
    pub project_id: Id,
    pub name: String,
    pub overall: Rag,
    pub on_time: OpsRating,
    pub in_scope: OpsRating,
    pub on_budget: OpsRating,
    /// The services the project changes.
    pub services: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct OperationsDashboard {
    /// `YYYY-MM`: the month "this month" means.
    pub month: String,
    pub services: Vec<ServiceTile>,
    pub projects: Vec<ProjectSide>,
}

/// The services a project changes, with their health, and the incidents it caused.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct ProjectServices {
    #[ts(type = "number")]
    pub project_id: Id,
    pub services: Vec<ServiceTile>,
    /// Incidents on any service whose cause is this project, newest first.
    pub caused_incidents: Vec<Incident>,
}

/// Every project's on time / in scope / on budget: the schedule, scope and budget ratings in
/// force (an override included) of the health area, as of today.
pub fn project_side(ws: &Workspace) -> Result<Vec<ProjectSide>> {
    let today = clock::today();
    let settings = ws.health_settings()?;
    let rating = |a: &AreaHealth| OpsRating {
        rag: a.rag,
        reason: a.reasons.join("; "),
    };
    let mut out = Vec::new();
    for project in ws.projects()? {
        let health = ws.project_health_with(project.id, today, &settings)?;
        let services: Vec<String> = ws
            .conn
            .prepare_cached(
                "SELECT s.name FROM service_projects sp JOIN services s ON s.id = sp.service_id \
                 WHERE sp.project_id = ?1 ORDER BY s.name COLLATE NOCASE",
            )?
            .query_map([project.id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        out.push(ProjectSide {
            project_id: project.id,
            name: project.name,
            overall: health.overall.rag,
            on_time: rating(health.area(Area::Schedule)),
            in_scope: rating(health.area(Area::Scope)),
            on_budget: rating(health.area(Area::Budget)),
            services,
        });
    }
    Ok(out)
}

impl Workspace {
    fn service_tile(&self, id: Id) -> Result<ServiceTile> {
        let detail = self.service_detail(id)?;
        let month = rules::month_of(clock::today());
        Ok(ServiceTile {
            id,
            name: detail.service.name.clone(),
            owner: detail.service.owner.clone(),
            availability_target: detail.service.availability_target,
            satisfaction_target: detail.service.satisfaction_target,
            open_incidents: detail.incidents.iter().filter(|i| i.resolved_at.is_none()).count() as i64,
            breaches_this_month: detail
                .incidents
                .iter()
                .filter(|i| i.started_at.starts_with(&month) && i.breached)
                .count() as i64,
            latest_satisfaction: detail.satisfaction.first().map(|s| s.score),
            projects: detail.projects.iter().map(|p| p.project_name.clone()).collect(),
            health: detail.health,
            months: detail.months,
        })
    }

    /// Service health beside project health, as of now.
    pub fn operations_dashboard(&self) -> Result<OperationsDashboard> {
        let services = self
            .services()?
            .into_iter()
            .map(|s| self.service_tile(s.id))
            .collect::<Result<_>>()?;
        Ok(OperationsDashboard {
            month: rules::month_of(clock::today()),
            services,
            projects: project_side(self)?,
        })
    }

    /// The services a project is linked to, with their health, and the incidents it caused.
    pub fn operations_for_project(&self, project_id: Id) -> Result<ProjectServices> {
        self.project(project_id)?;
        let ids: Vec<Id> = self
            .conn
            .prepare_cached(
                "SELECT s.id FROM service_projects sp JOIN services s ON s.id = sp.service_id \
                 WHERE sp.project_id = ?1 ORDER BY s.name COLLATE NOCASE",
            )?
            .query_map([project_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let services = ids.iter().map(|&id| self.service_tile(id)).collect::<Result<_>>()?;
        let now = now_local();
        let mut caused = Vec::new();
        for service in self.services()? {
            caused.extend(
                self.incidents(service.id, now)?
                    .into_iter()
                    .filter(|i| i.project_id == Some(project_id)),
            );
        }
        caused.sort_by(|a, b| b.started_at.cmp(&a.started_at));
        Ok(ProjectServices {
            project_id,
            services,
            caused_incidents: caused,
        })
    }
}
