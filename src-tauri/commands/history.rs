//! Undo and redo, implemented in the core for every edit.

use bridgeplan_core::workspace::history::{HistoryState, Replayed};
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

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
