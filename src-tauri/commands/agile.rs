//! Commands for agile work: Scrum sprints, the product backlog, burndown and velocity, and
//! Kanban flow (cumulative flow, cycle and lead time).

use bridgeplan_core::agile::flow::{self, CumulativeFlow, FlowTimes};
use bridgeplan_core::agile::sprints::{Burndown, Sprint, SprintInput, SprintPlan, VelocityPoint};
use bridgeplan_core::work::items::WorkItem;
use bridgeplan_core::Id;
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

#[tauri::command(rename_all = "snake_case")]
pub async fn sprints_list(session: State<'_, Session>, project_id: Id) -> CommandResult<Vec<Sprint>> {
    session.with(|ws| ws.sprints(project_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn sprint_create(session: State<'_, Session>, project_id: Id, input: SprintInput) -> CommandResult<Sprint> {
    session.with(|ws| ws.create_sprint(project_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn sprint_update(session: State<'_, Session>, id: Id, input: SprintInput) -> CommandResult<Sprint> {
    session.with(|ws| ws.update_sprint(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn sprint_notes_set(
    session: State<'_, Session>,
    id: Id,
    review: String,
    retro: String,
) -> CommandResult<Sprint> {
    session.with(|ws| ws.set_sprint_notes(id, &review, &retro))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn sprint_delete(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.delete_sprint(id))
}

/// `sprint_id` null returns the item to the product backlog.
#[tauri::command(rename_all = "snake_case")]
pub async fn sprint_assign(session: State<'_, Session>, item_id: Id, sprint_id: Option<Id>) -> CommandResult<()> {
    session.with(|ws| ws.assign_sprint(item_id, sprint_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn backlog_get(session: State<'_, Session>, project_id: Id) -> CommandResult<Vec<WorkItem>> {
    session.with(|ws| ws.backlog(project_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn backlog_rank(session: State<'_, Session>, item_id: Id, index: usize) -> CommandResult<()> {
    session.with(|ws| ws.rank_in_backlog(item_id, index))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn sprint_plan_get(session: State<'_, Session>, id: Id) -> CommandResult<SprintPlan> {
    session.with(|ws| ws.sprint_plan(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn sprint_burndown(session: State<'_, Session>, id: Id) -> CommandResult<Burndown> {
    session.with(|ws| ws.burndown(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn sprint_velocity(session: State<'_, Session>, project_id: Id) -> CommandResult<Vec<VelocityPoint>> {
    session.with(|ws| ws.velocity(project_id))
}

/// `from` and `to` are `YYYY-MM-DD`, both included.
#[tauri::command(rename_all = "snake_case")]
pub async fn flow_cumulative(
    session: State<'_, Session>,
    project_id: Id,
    from: String,
    to: String,
) -> CommandResult<CumulativeFlow> {
    let (from, to) = (flow::day("The first day", &from)?, flow::day("The last day", &to)?);
    session.with(|ws| ws.cumulative_flow(project_id, from, to))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn flow_times(session: State<'_, Session>, project_id: Id) -> CommandResult<FlowTimes> {
    session.with(|ws| ws.flow_times(project_id))
}
