//! Commands for the flow of work: cumulative flow, cycle and lead time.

use bridgeplan_core::agile::flow::{self, CumulativeFlow, FlowTimes};
use bridgeplan_core::Id;
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

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
