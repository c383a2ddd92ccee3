//! Commands for IT operations: services, their SLA targets, monthly availability and
//! satisfaction, incidents and the projects that change them; the dashboard that sets service
//! health beside project health. Edits answer with the service's whole detail.

use bridgeplan_core::operations::dashboard::{OperationsDashboard, ProjectServices};
use bridgeplan_core::operations::{IncidentInput, ServiceDetail, ServiceInput};
use bridgeplan_core::Id;
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

type Detail = CommandResult<ServiceDetail>;

#[tauri::command(rename_all = "snake_case")]
pub async fn operations_dashboard(session: State<'_, Session>) -> CommandResult<OperationsDashboard> {
    session.with(|ws| ws.operations_dashboard())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn operations_for_project(session: State<'_, Session>, project_id: Id) -> CommandResult<ProjectServices> {
    session.with(|ws| ws.operations_for_project(project_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn service_get(session: State<'_, Session>, id: Id) -> Detail {
    session.with(|ws| ws.service_detail(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn service_add(session: State<'_, Session>, input: ServiceInput) -> Detail {
    session.with(|ws| ws.add_service(&input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn service_update(session: State<'_, Session>, id: Id, input: ServiceInput) -> Detail {
    session.with(|ws| ws.update_service(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn service_delete(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.delete_service(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn sla_target_set(
    session: State<'_, Session>,
    service_id: Id,
    severity: u8,
    response_minutes: i64,
    resolution_minutes: i64,
) -> Detail {
    session.with(|ws| ws.set_sla_target(service_id, severity, response_minutes, resolution_minutes))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn availability_set(
    session: State<'_, Session>,
    service_id: Id,
    month: String,
    availability: Option<f64>,
) -> Detail {
    session.with(|ws| ws.set_availability(service_id, &month, availability))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn satisfaction_set(
    session: State<'_, Session>,
    service_id: Id,
    month: String,
    score: Option<f64>,
    responses: i64,
) -> Detail {
    session.with(|ws| ws.set_satisfaction(service_id, &month, score, responses))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn incident_add(session: State<'_, Session>, service_id: Id, input: IncidentInput) -> Detail {
    session.with(|ws| ws.add_incident(service_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn incident_update(session: State<'_, Session>, id: Id, input: IncidentInput) -> Detail {
    session.with(|ws| ws.update_incident(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn incident_delete(session: State<'_, Session>, id: Id) -> Detail {
    session.with(|ws| ws.delete_incident(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn service_project_link(session: State<'_, Session>, service_id: Id, project_id: Id, note: String) -> Detail {
    session.with(|ws| ws.link_service_project(service_id, project_id, &note))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn service_project_unlink(session: State<'_, Session>, id: Id) -> Detail {
    session.with(|ws| ws.unlink_service_project(id))
}
