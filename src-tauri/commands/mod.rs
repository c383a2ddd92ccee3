//! Thin `#[tauri::command]` wrappers: take arguments, call the core, map errors. No logic.

pub mod board;
pub mod error;
pub mod flow;
pub mod history;
pub mod session;
pub mod sprints;
pub mod timeline;
pub mod workspace;

use tauri::{ipc::Invoke, Runtime};

/// Every command the UI may invoke.
pub fn handlers<R: Runtime>() -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        workspace::app_info,
        workspace::session_start,
        workspace::recent_list,
        workspace::recent_remove,
        workspace::workspace_new,
        workspace::workspace_open,
        workspace::workspace_open_demo,
        workspace::workspace_save_copy,
        workspace::workspace_close,
        workspace::workspace_info,
        workspace::report_board_painted,
        board::projects_list,
        board::project_create,
        board::project_update,
        board::project_delete,
        board::board_get,
        board::people_list,
        board::item_get,
        board::item_create,
        board::item_update,
        board::item_delete,
        board::item_move,
        board::item_epic_set,
        board::status_add,
        board::status_update,
        board::status_delete,
        timeline::schedule_get,
        timeline::dependency_add,
        timeline::dependency_remove,
        timeline::task_plan_set,
        timeline::task_indent,
        timeline::task_outdent,
        timeline::task_move,
        timeline::task_finish_set,
        timeline::calendar_get,
        timeline::calendar_week_set,
        timeline::calendar_exception_set,
        timeline::calendar_exception_remove,
        timeline::baselines_list,
        timeline::baseline_save,
        timeline::baseline_delete,
        timeline::baseline_variance,
        flow::flow_cumulative,
        flow::flow_times,
        sprints::sprints_list,
        sprints::sprint_create,
        sprints::sprint_update,
        sprints::sprint_notes_set,
        sprints::sprint_delete,
        sprints::sprint_assign,
        sprints::backlog_get,
        sprints::backlog_rank,
        sprints::sprint_plan_get,
        sprints::sprint_burndown,
        sprints::sprint_velocity,
        history::history_state,
        history::history_undo,
        history::history_redo,
    ]
}
