//! Commands for a project's scope: objectives, deliverables, in/out-of-scope statements and
//! change requests, with an approved change applied to the plan. Edits answer with the whole
//! scope of the project.

use bridgeplan_core::scope::apply::{PlanAction, PlannedAction};
use bridgeplan_core::scope::changes::{ChangeInput, DecisionInput};
use bridgeplan_core::scope::{DeliverableInput, ProjectScope};
use bridgeplan_core::Id;
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

type Scope = CommandResult<ProjectScope>;

#[tauri::command(rename_all = "snake_case")]
pub async fn scope_get(session: State<'_, Session>, project_id: Id) -> Scope {
    session.with(|ws| ws.project_scope(project_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn objective_add(session: State<'_, Session>, project_id: Id, text: String) -> Scope {
    session.with(|ws| ws.add_objective(project_id, &text))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn objective_update(session: State<'_, Session>, id: Id, text: String) -> Scope {
    session.with(|ws| ws.update_objective(id, &text))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn objective_move(session: State<'_, Session>, id: Id, index: usize) -> Scope {
    session.with(|ws| ws.move_objective(id, index))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn objective_delete(session: State<'_, Session>, id: Id) -> Scope {
    session.with(|ws| ws.delete_objective(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn deliverable_add(session: State<'_, Session>, project_id: Id, input: DeliverableInput) -> Scope {
    session.with(|ws| ws.add_deliverable(project_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn deliverable_update(session: State<'_, Session>, id: Id, input: DeliverableInput) -> Scope {
    session.with(|ws| ws.update_deliverable(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn deliverable_delete(session: State<'_, Session>, id: Id) -> Scope {
    session.with(|ws| ws.delete_deliverable(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn scope_statement_add(session: State<'_, Session>, project_id: Id, in_scope: bool, text: String) -> Scope {
    session.with(|ws| ws.add_scope_statement(project_id, in_scope, &text))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn scope_statement_update(session: State<'_, Session>, id: Id, text: String) -> Scope {
    session.with(|ws| ws.update_scope_statement(id, &text))
}

/// Moves a statement to the in-scope (`in_scope` true) or the out-of-scope list.
#[tauri::command(rename_all = "snake_case")]
pub async fn scope_statement_move(session: State<'_, Session>, id: Id, in_scope: bool) -> Scope {
    session.with(|ws| ws.move_scope_statement(id, in_scope))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn scope_statement_delete(session: State<'_, Session>, id: Id) -> Scope {
    session.with(|ws| ws.delete_scope_statement(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn change_add(session: State<'_, Session>, project_id: Id, input: ChangeInput) -> Scope {
    session.with(|ws| ws.add_change_request(project_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn change_update(session: State<'_, Session>, id: Id, input: ChangeInput) -> Scope {
    session.with(|ws| ws.update_change_request(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn change_decide(session: State<'_, Session>, id: Id, input: DecisionInput) -> Scope {
    session.with(|ws| ws.decide_change_request(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn change_delete(session: State<'_, Session>, id: Id) -> Scope {
    session.with(|ws| ws.delete_change_request(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn change_preview(
    session: State<'_, Session>,
    id: Id,
    actions: Vec<PlanAction>,
) -> CommandResult<Vec<PlannedAction>> {
    session.with(|ws| ws.preview_change_plan(id, &actions))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn change_apply(session: State<'_, Session>, id: Id, actions: Vec<PlanAction>) -> Scope {
    session.with(|ws| ws.apply_change_to_plan(id, &actions))
}
