//! Commands for a project's stakeholders: the register and grid, the communication plan and the
//! RACI matrix. Edits answer with everything the Stakeholders tab shows.

use bridgeplan_core::stakeholders::communications::CommunicationInput;
use bridgeplan_core::stakeholders::raci::{RaciParty, RaciRole, RaciTarget};
use bridgeplan_core::stakeholders::{ProjectStakeholders, StakeholderInput};
use bridgeplan_core::Id;
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

type All = CommandResult<ProjectStakeholders>;

#[tauri::command(rename_all = "snake_case")]
pub async fn stakeholders_get(session: State<'_, Session>, project_id: Id) -> All {
    session.with(|ws| ws.project_stakeholders(project_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn stakeholder_add(session: State<'_, Session>, project_id: Id, input: StakeholderInput) -> All {
    session.with(|ws| ws.add_stakeholder(project_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn stakeholder_update(session: State<'_, Session>, id: Id, input: StakeholderInput) -> All {
    session.with(|ws| ws.update_stakeholder(id, &input))
}

/// A dot dragged (or moved by keyboard) on the power/interest grid.
#[tauri::command(rename_all = "snake_case")]
pub async fn stakeholder_move(session: State<'_, Session>, id: Id, power: i64, interest: i64) -> All {
    session.with(|ws| ws.move_stakeholder(id, power, interest))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn stakeholder_delete(session: State<'_, Session>, id: Id) -> All {
    session.with(|ws| ws.delete_stakeholder(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn communication_add(session: State<'_, Session>, project_id: Id, input: CommunicationInput) -> All {
    session.with(|ws| ws.add_communication(project_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn communication_update(session: State<'_, Session>, id: Id, input: CommunicationInput) -> All {
    session.with(|ws| ws.update_communication(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn communication_mark_sent(session: State<'_, Session>, id: Id) -> All {
    session.with(|ws| ws.mark_communication_sent(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn communication_delete(session: State<'_, Session>, id: Id) -> All {
    session.with(|ws| ws.delete_communication(id))
}

/// Sets a RACI cell to a role, or clears it (`role` null).
#[tauri::command(rename_all = "snake_case")]
pub async fn raci_set(
    session: State<'_, Session>,
    project_id: Id,
    target: RaciTarget,
    party: RaciParty,
    role: Option<RaciRole>,
) -> All {
    session.with(|ws| ws.set_raci(project_id, &target, &party, role))
}

/// Moves a row's Accountable to `party` in one undoable step.
#[tauri::command(rename_all = "snake_case")]
pub async fn raci_make_accountable(
    session: State<'_, Session>,
    project_id: Id,
    target: RaciTarget,
    party: RaciParty,
) -> All {
    session.with(|ws| ws.raci_make_accountable(project_id, &target, &party))
}
