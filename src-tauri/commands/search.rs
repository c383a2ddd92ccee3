//! Full-text search over the open workspace.

use bridgeplan_core::search::SearchResults;
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

#[tauri::command(rename_all = "snake_case")]
pub async fn search_run(
    session: State<'_, Session>,
    query: String,
    limit_per_kind: usize,
) -> CommandResult<SearchResults> {
    session.with(|ws| ws.search(&query, limit_per_kind))
}
