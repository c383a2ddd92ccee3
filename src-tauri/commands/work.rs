//! Commands for projects, their board columns and work items.

use bridgeplan_core::work::board::Board;
use bridgeplan_core::work::items::{WorkItem, WorkItemInput};
use bridgeplan_core::work::projects::{Project, ProjectInput};
use bridgeplan_core::work::statuses::{Status, StatusInput};
use bridgeplan_core::Id;
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

#[tauri::command(rename_all = "snake_case")]
pub async fn projects_list(session: State<'_, Session>) -> CommandResult<Vec<Project>> {
    session.with(|ws| ws.projects())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn project_create(session: State<'_, Session>, input: ProjectInput) -> CommandResult<Project> {
    session.with(|ws| ws.create_project(&input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn project_update(session: State<'_, Session>, id: Id, input: ProjectInput) -> CommandResult<Project> {
    session.with(|ws| ws.update_project(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn project_delete(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.delete_project(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn board_get(session: State<'_, Session>, project_id: Id) -> CommandResult<Board> {
    session.with(|ws| ws.board(project_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn item_get(session: State<'_, Session>, id: Id) -> CommandResult<WorkItem> {
    session.with(|ws| ws.item(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn item_create(
    session: State<'_, Session>,
    project_id: Id,
    status_id: Option<Id>,
    input: WorkItemInput,
) -> CommandResult<WorkItem> {
    session.with(|ws| ws.create_item(project_id, status_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn item_update(session: State<'_, Session>, id: Id, input: WorkItemInput) -> CommandResult<WorkItem> {
    session.with(|ws| ws.update_item(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn item_delete(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.delete_item(id))
}

/// `manager` is a person's name (a new name adds that person); null clears it.
#[tauri::command(rename_all = "snake_case")]
pub async fn project_manager_set(
    session: State<'_, Session>,
    id: Id,
    manager: Option<String>,
) -> CommandResult<Project> {
    session.with(|ws| ws.set_project_manager(id, manager.as_deref()))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn item_epic_set(session: State<'_, Session>, id: Id, epic_id: Option<Id>) -> CommandResult<WorkItem> {
    session.with(|ws| ws.set_item_epic(id, epic_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn item_move(session: State<'_, Session>, id: Id, status_id: Id, index: usize) -> CommandResult<WorkItem> {
    session.with(|ws| ws.move_item(id, status_id, index))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn status_add(session: State<'_, Session>, project_id: Id, input: StatusInput) -> CommandResult<Status> {
    session.with(|ws| ws.add_status(project_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn status_update(session: State<'_, Session>, id: Id, input: StatusInput) -> CommandResult<Status> {
    session.with(|ws| ws.update_status(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn status_delete(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.delete_status(id))
}
