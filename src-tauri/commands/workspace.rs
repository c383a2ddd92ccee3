//! Commands for workspace files: start-up, recent list, new, open, demo, copy, close; and
//! undo and redo, which the core keeps for every edit.

use std::path::PathBuf;

use bridgeplan_core::workspace::history::{HistoryState, Replayed};
use bridgeplan_core::workspace::recent::RecentEntry;
use bridgeplan_core::WorkspaceInfo;
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};
use ts_rs::TS;

use super::error::{CommandError, CommandResult};
use super::session::Session;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub demo_path: String,
}

/// What the UI finds when it starts: the open workspace, or why none could be opened.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct StartState {
    pub workspace: Option<WorkspaceInfo>,
    pub error: Option<CommandError>,
    /// Today as the core's clock has it (`YYYY-MM-DD`), so the UI never reads its own.
    pub today: String,
}

/// Shows the workspace's name in the window title.
fn set_title<R: Runtime>(app: &AppHandle<R>, info: Option<&WorkspaceInfo>) {
    if let Some(window) = app.get_webview_window("main") {
        let title = match info {
            Some(info) if info.read_only.is_some() => format!("{} (read-only) — Bridgeplan", info.name),
            Some(info) => format!("{} — Bridgeplan", info.name),
            None => "Bridgeplan".to_string(),
        };
        let _ = window.set_title(&title);
    }
}

fn opened<R: Runtime>(app: &AppHandle<R>, result: CommandResult<WorkspaceInfo>) -> CommandResult<WorkspaceInfo> {
    if let Ok(info) = &result {
        set_title(app, Some(info));
    }
    result
}

#[tauri::command(rename_all = "snake_case")]
pub async fn app_info(session: State<'_, Session>) -> CommandResult<AppInfo> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        demo_path: session.demo_path.display().to_string(),
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn session_start<R: Runtime>(app: AppHandle<R>, session: State<'_, Session>) -> CommandResult<StartState> {
    let today = bridgeplan_core::clock::today().to_string();
    Ok(match session.start() {
        Ok(workspace) => {
            set_title(&app, workspace.as_ref());
            StartState {
                workspace,
                error: None,
                today,
            }
        }
        Err(error) => StartState {
            workspace: None,
            error: Some(error),
            today,
        },
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn recent_list(session: State<'_, Session>) -> CommandResult<Vec<RecentEntry>> {
    Ok(session.recent.entries())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn recent_remove(session: State<'_, Session>, path: String) -> CommandResult<Vec<RecentEntry>> {
    session.recent.remove(&path)?;
    Ok(session.recent.entries())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn workspace_new<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, Session>,
    path: PathBuf,
) -> CommandResult<WorkspaceInfo> {
    let path = session.check(path)?;
    opened(&app, session.create(path))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn workspace_open<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, Session>,
    path: PathBuf,
) -> CommandResult<WorkspaceInfo> {
    let path = session.check_open(path)?;
    opened(&app, session.open(path))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn workspace_open_demo<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, Session>,
) -> CommandResult<WorkspaceInfo> {
    opened(&app, session.open_demo())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn workspace_save_copy(session: State<'_, Session>, path: PathBuf) -> CommandResult<()> {
    let path = session.check(path)?;
    session.with(|ws| ws.save_copy(&path))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn workspace_close<R: Runtime>(app: AppHandle<R>, session: State<'_, Session>) -> CommandResult<()> {
    session.close_workspace();
    set_title(&app, None);
    Ok(())
}

/// Ends the app as closing its window does: the workspace is closed and the window's size and
/// place are kept for the next start.
#[tauri::command(rename_all = "snake_case")]
pub async fn app_quit<R: Runtime>(app: AppHandle<R>) -> CommandResult<()> {
    app.exit(0);
    Ok(())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn history_state(session: State<'_, Session>) -> CommandResult<HistoryState> {
    session.with(|ws| Ok::<_, bridgeplan_core::CoreError>(ws.history_state()))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn history_undo(session: State<'_, Session>) -> CommandResult<Option<Replayed>> {
    session.with(|ws| ws.undo())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn history_redo(session: State<'_, Session>) -> CommandResult<Option<Replayed>> {
    session.with(|ws| ws.redo())
}
