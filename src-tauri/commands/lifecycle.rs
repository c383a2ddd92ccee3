//! Commands for lifecycle and governance: a project's overview, checklist ticks, phase moves,
//! project types (templates) and the portfolio.

use std::path::PathBuf;

use bridgeplan_core::lifecycle::phases::{LifecycleOverview, PhaseMove};
use bridgeplan_core::lifecycle::portfolio::Portfolio;
use bridgeplan_core::lifecycle::templates::{ProjectTemplate, TemplateBody};
use bridgeplan_core::lifecycle::{Framework, Phase};
use bridgeplan_core::work::projects::{Project, ProjectInput};
use bridgeplan_core::{workspace::files, Id};
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

/// Who is at the keyboard, as the operating system names them; "You" when it does not say.
fn actor() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| "You".into())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn lifecycle_overview(session: State<'_, Session>, project_id: Id) -> CommandResult<LifecycleOverview> {
    session.with(|ws| ws.lifecycle_overview(project_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn project_framework_set(
    session: State<'_, Session>,
    project_id: Id,
    framework: Framework,
) -> CommandResult<()> {
    session.with(|ws| ws.set_project_framework(project_id, framework))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn checklist_tick_set(
    session: State<'_, Session>,
    project_id: Id,
    key: String,
    ticked: bool,
) -> CommandResult<()> {
    session.with(|ws| ws.set_checklist_tick(project_id, &key, ticked, &actor()))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn phase_move(session: State<'_, Session>, project_id: Id, to: Phase) -> CommandResult<PhaseMove> {
    session.with(|ws| ws.move_phase(project_id, to, &actor()))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn project_templates_list(session: State<'_, Session>) -> CommandResult<Vec<ProjectTemplate>> {
    session.with(|ws| ws.project_templates())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn project_template_update(
    session: State<'_, Session>,
    id: Id,
    template: TemplateBody,
) -> CommandResult<ProjectTemplate> {
    session.with(|ws| ws.update_project_template(id, &template))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn project_template_duplicate(session: State<'_, Session>, id: Id) -> CommandResult<ProjectTemplate> {
    session.with(|ws| ws.duplicate_project_template(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn project_template_delete(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.delete_project_template(id))
}

/// `path` is the file the user chose in the open dialog.
#[tauri::command(rename_all = "snake_case")]
pub async fn project_templates_import(session: State<'_, Session>, path: PathBuf) -> CommandResult<usize> {
    let path = session.check(path)?;
    session.with(|ws| ws.import_project_templates(&files::read_text(&path)?))
}

/// `path` is the file the user chose in the save dialog.
#[tauri::command(rename_all = "snake_case")]
pub async fn project_templates_export(session: State<'_, Session>, path: PathBuf) -> CommandResult<()> {
    let path = session.check(path)?;
    session.with(|ws| files::write_whole(&path, ws.export_project_templates()?.as_bytes()))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn project_create_from_template(
    session: State<'_, Session>,
    template_id: Id,
    input: ProjectInput,
) -> CommandResult<Project> {
    session.with(|ws| ws.create_project_from_template(template_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn portfolio_get(session: State<'_, Session>) -> CommandResult<Portfolio> {
    session.with(|ws| ws.portfolio())
}
