//! Commands for meetings and stand-ups: a project's meetings, one meeting saved whole, the next
//! of a series, the stand-up view and starting today's stand-up, and an item's blocked reason.

use bridgeplan_core::meetings::standup::Standup;
use bridgeplan_core::meetings::{Meeting, MeetingInput, MeetingSummary};
use bridgeplan_core::work::items::WorkItem;
use bridgeplan_core::Id;
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

#[tauri::command(rename_all = "snake_case")]
pub async fn meetings_list(session: State<'_, Session>, project_id: Id) -> CommandResult<Vec<MeetingSummary>> {
    session.with(|ws| ws.meetings(project_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn meeting_get(session: State<'_, Session>, id: Id) -> CommandResult<Meeting> {
    session.with(|ws| ws.meeting(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn meeting_create(
    session: State<'_, Session>,
    project_id: Id,
    input: MeetingInput,
) -> CommandResult<Meeting> {
    session.with(|ws| ws.create_meeting(project_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn meeting_update(session: State<'_, Session>, id: Id, input: MeetingInput) -> CommandResult<Meeting> {
    session.with(|ws| ws.update_meeting(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn meeting_delete(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.delete_meeting(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn meeting_next(session: State<'_, Session>, id: Id) -> CommandResult<Meeting> {
    session.with(|ws| ws.next_meeting_from(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn standup_get(session: State<'_, Session>, project_id: Id) -> CommandResult<Standup> {
    session.with(|ws| ws.standup(project_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn standup_start(session: State<'_, Session>, project_id: Id) -> CommandResult<Meeting> {
    session.with(|ws| ws.start_standup(project_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn item_set_blocked(session: State<'_, Session>, id: Id, reason: String) -> CommandResult<WorkItem> {
    session.with(|ws| ws.set_item_blocked(id, &reason))
}
