//! Plans in and out of other formats, from the app. Grouped by format.

use std::path::PathBuf;

use bridgeplan_core::interchange::json::{self, WorkspaceImport};
use bridgeplan_core::interchange::preview::ExportReport;
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

// Lossless JSON: the whole workspace out, and a JSON export into a new workspace file (which
// the UI then opens with `workspace_open`).

#[tauri::command(rename_all = "snake_case")]
pub async fn workspace_export_json(session: State<'_, Session>, path: PathBuf) -> CommandResult<ExportReport> {
    session.with(|ws| json::export_to(ws, &path))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn workspace_import_json(source: PathBuf, dest: PathBuf) -> CommandResult<WorkspaceImport> {
    Ok(json::import_file(&source, &dest)?)
}
