//! Commands for a project's budget: the grid of budget per category and month, actual cost
//! entries, budget against actual, and earned value with its S-curve.

use bridgeplan_core::budget::{self, BudgetCell, BudgetGrid, CostEntry, CostEntryInput, CostSummary, SCurve};
use bridgeplan_core::Id;
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

#[tauri::command(rename_all = "snake_case")]
pub async fn budget_grid_get(session: State<'_, Session>, project_id: Id) -> CommandResult<BudgetGrid> {
    session.with(|ws| ws.budget_grid(project_id))
}

/// Sets the cells in one undoable step; a cell with `amount_minor` null is cleared.
#[tauri::command(rename_all = "snake_case")]
pub async fn budget_cells_set(
    session: State<'_, Session>,
    project_id: Id,
    cells: Vec<BudgetCell>,
) -> CommandResult<BudgetGrid> {
    session.with(|ws| ws.set_budget_cells(project_id, &cells))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn cost_entries_list(session: State<'_, Session>, project_id: Id) -> CommandResult<Vec<CostEntry>> {
    session.with(|ws| ws.cost_entries(project_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn cost_entry_add(
    session: State<'_, Session>,
    project_id: Id,
    input: CostEntryInput,
) -> CommandResult<CostEntry> {
    session.with(|ws| ws.add_cost_entry(project_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn cost_entry_update(session: State<'_, Session>, id: Id, input: CostEntryInput) -> CommandResult<CostEntry> {
    session.with(|ws| ws.update_cost_entry(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn cost_entry_delete(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.delete_cost_entry(id))
}

/// Budget against actual per category over the months `from`..=`to` (`YYYY-MM`, either null).
#[tauri::command(rename_all = "snake_case")]
pub async fn cost_summary_get(
    session: State<'_, Session>,
    project_id: Id,
    from: Option<String>,
    to: Option<String>,
) -> CommandResult<CostSummary> {
    session.with(|ws| ws.cost_summary(project_id, from.as_deref(), to.as_deref()))
}

/// Earned value as of the end of `as_of` (`YYYY-MM-DD`), with the S-curve.
#[tauri::command(rename_all = "snake_case")]
pub async fn earned_value_get(session: State<'_, Session>, project_id: Id, as_of: String) -> CommandResult<SCurve> {
    session.with(|ws| budget::status_date(&as_of).and_then(|day| ws.s_curve(project_id, day)))
}
