//! Commands of CSV import and export and of the calendar (.ics) export. The file is read again
//! for each step (inspect, preview, import), so what is imported is what the user previewed
//! unless the file changed meanwhile, and the import checks every row again.

use bridgeplan_core::interchange::csv::{self, CsvGrid, CsvImportPreview, CsvKind, CsvSheet};
use bridgeplan_core::interchange::preview::ExportReport;
use bridgeplan_core::workspace::files;
use bridgeplan_core::Id;
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

#[tauri::command(rename_all = "snake_case")]
pub async fn csv_inspect(session: State<'_, Session>, path: String, kind: CsvKind) -> CommandResult<CsvSheet> {
    let table = csv::read_file(&session.check(path)?)?;
    session.with(|ws| ws.csv_inspect(kind, &table))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn csv_import_preview(
    session: State<'_, Session>,
    path: String,
    project_id: Id,
    kind: CsvKind,
    mapping: Vec<Option<String>>,
) -> CommandResult<CsvImportPreview> {
    let table = csv::read_file(&session.check(path)?)?;
    session.with(|ws| ws.csv_import_preview(project_id, kind, &table, &mapping))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn csv_import(
    session: State<'_, Session>,
    path: String,
    project_id: Id,
    kind: CsvKind,
    mapping: Vec<Option<String>>,
    skip_bad_rows: bool,
) -> CommandResult<CsvImportPreview> {
    let table = csv::read_file(&session.check(path)?)?;
    session.with(|ws| ws.csv_import(project_id, kind, &table, &mapping, skip_bad_rows))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn csv_export(
    session: State<'_, Session>,
    path: String,
    grid: CsvGrid,
    project_id: Option<Id>,
) -> CommandResult<ExportReport> {
    let path = session.check(path)?;
    let (text, report) = session.with(|ws| ws.csv_export(grid, project_id))?;
    files::write_whole(&path, text.as_bytes())?;
    Ok(report)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn ical_export(
    session: State<'_, Session>,
    path: String,
    project_id: Option<Id>,
) -> CommandResult<ExportReport> {
    let path = session.check(path)?;
    let (text, report) = session.with(|ws| ws.ical_export(project_id))?;
    files::write_whole(&path, text.as_bytes())?;
    Ok(report)
}
