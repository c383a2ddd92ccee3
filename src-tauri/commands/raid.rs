//! Commands for a project's RAID log: risks (with response actions as work items and a risk
//! raised as an issue), the issue log, assumptions and external dependencies. Edits answer
//! with the whole log of the project.

use bridgeplan_core::raid::{AssumptionInput, DependencyInput, IssueInput, RaidLog, RiskInput};
use bridgeplan_core::Id;
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

type Log = CommandResult<RaidLog>;

#[tauri::command(rename_all = "snake_case")]
pub async fn raid_get(session: State<'_, Session>, project_id: Id) -> Log {
    session.with(|ws| ws.raid_log(project_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn risk_add(session: State<'_, Session>, project_id: Id, input: RiskInput) -> Log {
    session.with(|ws| ws.add_risk(project_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn risk_update(session: State<'_, Session>, id: Id, input: RiskInput) -> Log {
    session.with(|ws| ws.update_risk(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn risk_delete(session: State<'_, Session>, id: Id) -> Log {
    session.with(|ws| ws.delete_risk(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn risk_action_add(session: State<'_, Session>, risk_id: Id, title: String, due_date: Option<String>) -> Log {
    session.with(|ws| ws.add_risk_action(risk_id, &title, due_date.as_deref()))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn risk_action_remove(session: State<'_, Session>, id: Id) -> Log {
    session.with(|ws| ws.remove_risk_action(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn risk_raise_issue(session: State<'_, Session>, id: Id) -> Log {
    session.with(|ws| ws.raise_issue_from_risk(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn raid_issue_add(session: State<'_, Session>, project_id: Id, input: IssueInput) -> Log {
    session.with(|ws| ws.add_raid_issue(project_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn raid_issue_update(session: State<'_, Session>, id: Id, input: IssueInput) -> Log {
    session.with(|ws| ws.update_raid_issue(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn raid_issue_delete(session: State<'_, Session>, id: Id) -> Log {
    session.with(|ws| ws.delete_raid_issue(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn assumption_add(session: State<'_, Session>, project_id: Id, input: AssumptionInput) -> Log {
    session.with(|ws| ws.add_assumption(project_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn assumption_update(session: State<'_, Session>, id: Id, input: AssumptionInput) -> Log {
    session.with(|ws| ws.update_assumption(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn assumption_delete(session: State<'_, Session>, id: Id) -> Log {
    session.with(|ws| ws.delete_assumption(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn external_dependency_add(session: State<'_, Session>, project_id: Id, input: DependencyInput) -> Log {
    session.with(|ws| ws.add_external_dependency(project_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn external_dependency_update(session: State<'_, Session>, id: Id, input: DependencyInput) -> Log {
    session.with(|ws| ws.update_external_dependency(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn external_dependency_delete(session: State<'_, Session>, id: Id) -> Log {
    session.with(|ws| ws.delete_external_dependency(id))
}
