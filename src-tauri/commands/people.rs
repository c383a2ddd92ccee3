//! Commands for people: who they are, their working calendar and cost rate.

use bridgeplan_core::people::{Person, PersonResource};
use bridgeplan_core::Id;
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

#[tauri::command(rename_all = "snake_case")]
pub async fn people_list(session: State<'_, Session>) -> CommandResult<Vec<Person>> {
    session.with(|ws| ws.people())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn person_resource_get(session: State<'_, Session>, person_id: Id) -> CommandResult<PersonResource> {
    session.with(|ws| ws.person_resource(person_id))
}

/// `calendar_id` null: the person works on each project's calendar.
#[tauri::command(rename_all = "snake_case")]
pub async fn person_resource_set(
    session: State<'_, Session>,
    person_id: Id,
    calendar_id: Option<Id>,
    cost_rate_minor: i64,
) -> CommandResult<()> {
    session.with(|ws| ws.set_person_resource(person_id, calendar_id, cost_rate_minor))
}
