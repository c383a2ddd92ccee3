//! Commands of the Reports screen: the kinds on offer, a render with its first page as a
//! preview, and saving that very PDF.

use std::sync::Mutex;

use bridgeplan_core::ErrorCode;
use bridgeplan_reports::{KindInfo, ReportError, ReportRequest};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use super::error::{CommandError, CommandResult};
use super::session::Session;

/// The last report rendered, kept until it is saved or replaced.
#[derive(Default)]
pub struct ReportStore {
    last: Mutex<Option<(u32, Vec<u8>)>>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RenderedReport {
    /// Names this render for `report_save`.
    pub token: u32,
    pub title: String,
    /// A file name to offer in the save dialog.
    pub file_name: String,
    pub pages: u32,
    pub bytes: u32,
    /// The first page as an SVG image.
    pub preview_svg: String,
}

#[tauri::command]
pub fn report_kinds() -> Vec<KindInfo> {
    bridgeplan_reports::kinds().to_vec()
}

/// Reads the report's data from the workspace, then typesets it off the command thread with
/// the workspace free for other commands.
#[tauri::command(rename_all = "snake_case")]
pub async fn report_render(
    session: State<'_, Session>,
    store: State<'_, ReportStore>,
    request: ReportRequest,
) -> CommandResult<RenderedReport> {
    let prepared = session.with(|ws| bridgeplan_reports::prepare(ws, &request))?;
    let typeset = tauri::async_runtime::spawn_blocking(move || {
        let report = bridgeplan_reports::typeset(&prepared)?;
        Ok::<_, ReportError>((prepared, report.pages(), report.first_page_svg(), report.pdf()?))
    })
    .await
    .map_err(|e| CommandError {
        code: ErrorCode::Internal,
        message: format!("The report stopped unexpectedly: {e}"),
    })?;
    let (prepared, pages, preview_svg, pdf) = typeset?;
    let mut last = store.last.lock().unwrap_or_else(|p| p.into_inner());
    let token = last.as_ref().map_or(1, |(t, _)| t.wrapping_add(1));
    let rendered = RenderedReport {
        token,
        title: prepared.title,
        file_name: prepared.file_name,
        pages: pages as u32,
        bytes: pdf.len() as u32,
        preview_svg,
    };
    *last = Some((token, pdf));
    Ok(rendered)
}

/// Writes the render named by `token` to `path`, whole or not at all.
#[tauri::command(rename_all = "snake_case")]
pub async fn report_save(
    session: State<'_, Session>,
    store: State<'_, ReportStore>,
    token: u32,
    path: String,
) -> CommandResult<()> {
    let path = session.check(path)?;
    let last = store.last.lock().unwrap_or_else(|p| p.into_inner());
    match last.as_ref() {
        Some((t, pdf)) if *t == token => Ok(bridgeplan_reports::write_pdf(&path, pdf)?),
        _ => Err(CommandError {
            code: ErrorCode::NotFound,
            message: "That report is no longer ready to save: make it again.".into(),
        }),
    }
}
