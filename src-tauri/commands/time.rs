//! Commands for time tracking: entries, the timer, the weekly timesheet and an item's actuals.

use bridgeplan_core::time::entries::{TimeEntry, TimeEntryInput};
use bridgeplan_core::time::feeds::ItemActuals;
use bridgeplan_core::time::timers::{RunningTimer, TimerStart, TimerStop};
use bridgeplan_core::time::timesheet::Timesheet;
use bridgeplan_core::{time::parse_day, Id};
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

#[tauri::command(rename_all = "snake_case")]
pub async fn time_entries_list(session: State<'_, Session>, item_id: Id) -> CommandResult<Vec<TimeEntry>> {
    session.with(|ws| ws.item_time_entries(item_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn time_log(session: State<'_, Session>, input: TimeEntryInput) -> CommandResult<TimeEntry> {
    session.with(|ws| ws.log_time(&input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn time_entry_update(session: State<'_, Session>, id: Id, input: TimeEntryInput) -> CommandResult<TimeEntry> {
    session.with(|ws| ws.update_time_entry(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn time_entry_delete(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.delete_time_entry(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn item_actuals_get(session: State<'_, Session>, item_id: Id) -> CommandResult<ItemActuals> {
    session.with(|ws| ws.item_actuals(item_id))
}

/// `hours` null: the remaining work is the estimate less the time logged again.
#[tauri::command(rename_all = "snake_case")]
pub async fn remaining_hours_set(
    session: State<'_, Session>,
    item_id: Id,
    hours: Option<f64>,
) -> CommandResult<ItemActuals> {
    session.with(|ws| ws.set_remaining_hours(item_id, hours))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn timers_list(session: State<'_, Session>) -> CommandResult<Vec<RunningTimer>> {
    session.with(|ws| ws.running_timers())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn timer_start(session: State<'_, Session>, person_id: Id, item_id: Id) -> CommandResult<TimerStart> {
    session.with(|ws| ws.start_timer(person_id, item_id))
}

/// `minutes`: the user's correction of a long timer (0 discards it); null logs the elapsed time.
#[tauri::command(rename_all = "snake_case")]
pub async fn timer_stop(session: State<'_, Session>, person_id: Id, minutes: Option<i64>) -> CommandResult<TimerStop> {
    session.with(|ws| ws.stop_timer(person_id, minutes))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn timesheet_get(session: State<'_, Session>, person_id: Id, day: String) -> CommandResult<Timesheet> {
    session.with(|ws| ws.timesheet(person_id, parse_day(&day)?))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn timesheet_cell_set(
    session: State<'_, Session>,
    person_id: Id,
    item_id: Id,
    day: String,
    text: String,
) -> CommandResult<Timesheet> {
    session.with(|ws| ws.set_timesheet_cell(person_id, item_id, parse_day(&day)?, &text))
}
