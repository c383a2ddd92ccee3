//! Commands for a project's plan: its computed schedule, dependencies, outline, bars
//! dragged in time, baselines and working calendars.

use bridgeplan_core::plan::baselines::{Baseline, TaskVariance};
use bridgeplan_core::plan::calendars::{CalendarException, CalendarName, WorkingCalendar};
use bridgeplan_core::plan::editing::{LinkInput, TaskScheduleInput};
use bridgeplan_core::plan::schedule_changes::ScheduleRefresh;
use bridgeplan_core::plan::timeline::{DependencyKind, ProjectSchedule};
use bridgeplan_core::Id;
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

#[tauri::command(rename_all = "snake_case")]
pub async fn schedule_get(
    session: State<'_, Session>,
    project_id: Id,
    baseline_id: Option<Id>,
) -> CommandResult<ProjectSchedule> {
    session.with(|ws| ws.project_schedule_against(project_id, baseline_id))
}

/// The timeline's fetch: what changed since the answer it holds (`held`), or the whole schedule.
#[tauri::command(rename_all = "snake_case")]
pub async fn schedule_refresh(
    session: State<'_, Session>,
    project_id: Id,
    baseline_id: Option<Id>,
    held: Option<u32>,
) -> CommandResult<ScheduleRefresh> {
    session.with(|ws| ws.schedule_refresh(project_id, baseline_id, held))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn dependency_add(
    session: State<'_, Session>,
    predecessor_id: Id,
    successor_id: Id,
    kind: DependencyKind,
    lag_minutes: i64,
) -> CommandResult<Id> {
    session.with(|ws| ws.add_dependency(predecessor_id, successor_id, kind, lag_minutes))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn dependency_remove(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.remove_dependency(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn baselines_list(session: State<'_, Session>, project_id: Id) -> CommandResult<Vec<Baseline>> {
    session.with(|ws| ws.baselines(project_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn baseline_save(session: State<'_, Session>, project_id: Id, name: String) -> CommandResult<Baseline> {
    session.with(|ws| ws.save_baseline(project_id, &name))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn baseline_delete(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.delete_baseline(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn baseline_variance(session: State<'_, Session>, id: Id) -> CommandResult<Vec<TaskVariance>> {
    session.with(|ws| ws.baseline_variance(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn task_indent(session: State<'_, Session>, item_id: Id) -> CommandResult<()> {
    session.with(|ws| ws.indent_task(item_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn task_outdent(session: State<'_, Session>, item_id: Id) -> CommandResult<()> {
    session.with(|ws| ws.outdent_task(item_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn task_move(session: State<'_, Session>, item_id: Id, start: String) -> CommandResult<()> {
    session.with(|ws| ws.move_task(item_id, &start))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn task_finish_set(session: State<'_, Session>, item_id: Id, finish: String) -> CommandResult<()> {
    session.with(|ws| ws.set_task_finish(item_id, &finish))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn calendar_get(session: State<'_, Session>, project_id: Id) -> CommandResult<WorkingCalendar> {
    session.with(|ws| ws.project_working_calendar(project_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn calendar_week_set(
    session: State<'_, Session>,
    calendar_id: Id,
    week: Vec<Vec<[u16; 2]>>,
) -> CommandResult<()> {
    session.with(|ws| ws.set_calendar_week(calendar_id, &week))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn calendar_exception_set(
    session: State<'_, Session>,
    calendar_id: Id,
    exception: CalendarException,
) -> CommandResult<()> {
    session.with(|ws| ws.set_calendar_exception(calendar_id, &exception))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn calendar_exception_remove(session: State<'_, Session>, calendar_id: Id, day: String) -> CommandResult<()> {
    session.with(|ws| ws.remove_calendar_exception(calendar_id, &day))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn calendars_list(session: State<'_, Session>) -> CommandResult<Vec<CalendarName>> {
    session.with(|ws| ws.calendar_names())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn task_plan_set(session: State<'_, Session>, item_id: Id, input: TaskScheduleInput) -> CommandResult<()> {
    session.with(|ws| ws.set_task_schedule(item_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn dependency_set(session: State<'_, Session>, id: Id, input: LinkInput) -> CommandResult<()> {
    session.with(|ws| ws.set_dependency(id, &input))
}
