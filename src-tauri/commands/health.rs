//! Commands for project health: ratings with reasons, overrides, snapshots, thresholds, the
//! sidebar's dots and the project dashboard. "Today" is the core's clock.

use bridgeplan_core::clock;
use bridgeplan_core::health::dashboard::ProjectDashboard;
use bridgeplan_core::health::{
    Area, HealthDot, HealthSettings, HealthSettingsView, OverrideInput, ProjectHealth, StatusSnapshot,
};
use bridgeplan_core::Id;
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

#[tauri::command(rename_all = "snake_case")]
pub async fn health_dots(session: State<'_, Session>) -> CommandResult<Vec<HealthDot>> {
    session.with(|ws| ws.health_dots(clock::today()))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn health_dashboard(session: State<'_, Session>, project_id: Id) -> CommandResult<ProjectDashboard> {
    session.with(|ws| ws.project_dashboard(project_id, clock::today()))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn health_override_set(
    session: State<'_, Session>,
    project_id: Id,
    input: OverrideInput,
) -> CommandResult<ProjectHealth> {
    session.with(|ws| ws.set_health_override(project_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn health_override_clear(
    session: State<'_, Session>,
    project_id: Id,
    area: Area,
) -> CommandResult<ProjectHealth> {
    session.with(|ws| ws.clear_health_override(project_id, area))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn health_snapshot_take(
    session: State<'_, Session>,
    project_id: Id,
    note: String,
) -> CommandResult<Vec<StatusSnapshot>> {
    session.with(|ws| ws.take_status_snapshot(project_id, &note))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn health_settings_get(session: State<'_, Session>) -> CommandResult<HealthSettingsView> {
    session.with(|ws| ws.health_settings_view())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn health_settings_set(
    session: State<'_, Session>,
    settings: HealthSettings,
) -> CommandResult<HealthSettingsView> {
    session.with(|ws| ws.set_health_settings(&settings))
}
