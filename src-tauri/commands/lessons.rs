//! Commands for lessons learned, kept across projects.

use bridgeplan_core::lessons::{Lesson, LessonInput};
use bridgeplan_core::Id;
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

#[tauri::command(rename_all = "snake_case")]
pub async fn lessons_list(session: State<'_, Session>) -> CommandResult<Vec<Lesson>> {
    session.with(|ws| ws.lessons())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn lesson_add(session: State<'_, Session>, input: LessonInput) -> CommandResult<Lesson> {
    session.with(|ws| ws.add_lesson(&input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn lesson_update(session: State<'_, Session>, id: Id, input: LessonInput) -> CommandResult<Lesson> {
    session.with(|ws| ws.update_lesson(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn lesson_delete(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.delete_lesson(id))
}
