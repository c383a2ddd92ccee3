//! My day: what is due, blocked, meeting, to review or to send today across all projects.

use bridgeplan_core::myday::MyDay;
use bridgeplan_core::Id;
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

#[tauri::command(rename_all = "snake_case")]
pub async fn my_day(session: State<'_, Session>, person_id: Option<Id>) -> CommandResult<MyDay> {
    session.with(|ws| ws.my_day(person_id))
}
