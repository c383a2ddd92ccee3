//! Commands for plans in and out of other tools' formats, grouped by format.

use std::path::PathBuf;

use bridgeplan_core::interchange::board::ImportResult;
use bridgeplan_core::interchange::files::{self as interchange_files, ImportFormat};
use bridgeplan_core::interchange::json::{self, WorkspaceImport};
use bridgeplan_core::interchange::preview::{ExportReport, ImportPreview};
use bridgeplan_core::{workspace::files, Id};
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

fn stem(path: &std::path::Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What importing `path` (the file the user chose in the open dialog) would create; writes nothing.
#[tauri::command(rename_all = "snake_case")]
pub async fn interchange_import_preview(
    session: State<'_, Session>,
    path: PathBuf,
    format: ImportFormat,
) -> CommandResult<ImportPreview> {
    let path = session.check(path)?;
    let text = files::read_text(&path)?;
    let parsed = interchange_files::read(format, &text, &stem(&path))?;
    session.with(|ws| parsed.preview(ws))
}

/// Imports `path` as a new project, in one undoable edit.
#[tauri::command(rename_all = "snake_case")]
pub async fn interchange_import_apply(
    session: State<'_, Session>,
    path: PathBuf,
    format: ImportFormat,
) -> CommandResult<ImportResult> {
    let path = session.check(path)?;
    let text = files::read_text(&path)?;
    let parsed = interchange_files::read(format, &text, &stem(&path))?;
    session.with(|ws| ws.import_parsed(&parsed))
}

/// Writes a project as Microsoft Project XML to `path` (chosen in the save dialog), whole or not at all.
#[tauri::command(rename_all = "snake_case")]
pub async fn interchange_export_mspdi(
    session: State<'_, Session>,
    project_id: Id,
    path: PathBuf,
) -> CommandResult<ExportReport> {
    let path = session.check(path)?;
    session.with(|ws| {
        let (xml, report) = interchange_files::export_mspdi(ws, project_id)?;
        files::write_whole(&path, xml.as_bytes())?;
        Ok::<_, bridgeplan_core::CoreError>(report)
    })
}

// Lossless JSON: the whole workspace out, and a JSON export into a new workspace file (which
// the UI then opens with `workspace_open`).

#[tauri::command(rename_all = "snake_case")]
pub async fn workspace_export_json(session: State<'_, Session>, path: PathBuf) -> CommandResult<ExportReport> {
    let path = session.check(path)?;
    session.with(|ws| json::export_to(ws, &path))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn workspace_import_json(
    session: State<'_, Session>,
    source: PathBuf,
    dest: PathBuf,
) -> CommandResult<WorkspaceImport> {
    let (source, dest) = (session.check(source)?, session.check(dest)?);
    Ok(json::import_file(&source, &dest)?)
}
