//! Commands for resources: people as resources, equipment, assignments, the utilisation heat
//! map and levelling.

use bridgeplan_core::resources::assignments::{Assignment, AssignmentInput};
use bridgeplan_core::resources::equipment::{Equipment, EquipmentInput};
use bridgeplan_core::resources::levelling::LevellingPreview;
use bridgeplan_core::resources::people::{ResourcePerson, ResourcePersonInput};
use bridgeplan_core::resources::utilisation::Utilisation;
use bridgeplan_core::Id;
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

#[tauri::command(rename_all = "snake_case")]
pub async fn resource_people_list(session: State<'_, Session>) -> CommandResult<Vec<ResourcePerson>> {
    session.with(|ws| ws.resource_people())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn resource_person_update(
    session: State<'_, Session>,
    person_id: Id,
    input: ResourcePersonInput,
) -> CommandResult<ResourcePerson> {
    session.with(|ws| ws.update_resource_person(person_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn equipment_list(session: State<'_, Session>) -> CommandResult<Vec<Equipment>> {
    session.with(|ws| ws.equipment())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn equipment_add(session: State<'_, Session>, input: EquipmentInput) -> CommandResult<Equipment> {
    session.with(|ws| ws.add_equipment(&input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn equipment_update(session: State<'_, Session>, id: Id, input: EquipmentInput) -> CommandResult<Equipment> {
    session.with(|ws| ws.update_equipment(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn equipment_delete(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.delete_equipment(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn assignments_list(session: State<'_, Session>, item_id: Id) -> CommandResult<Vec<Assignment>> {
    session.with(|ws| ws.assignments(item_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn assignment_add(
    session: State<'_, Session>,
    item_id: Id,
    input: AssignmentInput,
) -> CommandResult<Assignment> {
    session.with(|ws| ws.assign(item_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn assignment_remove(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.unassign(id))
}

/// `from`: `YYYY-MM-DD` (its week is the first); `project_id` null: every planned project.
#[tauri::command(rename_all = "snake_case")]
pub async fn utilisation_get(
    session: State<'_, Session>,
    project_id: Option<Id>,
    from: String,
    weeks: u32,
) -> CommandResult<Utilisation> {
    session.with(|ws| ws.utilisation_from(project_id, &from, weeks as usize))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn levelling_preview(
    session: State<'_, Session>,
    project_id: Id,
    allow_finish_move: bool,
) -> CommandResult<LevellingPreview> {
    session.with(|ws| ws.levelling_preview(project_id, allow_finish_move))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn levelling_apply(
    session: State<'_, Session>,
    project_id: Id,
    allow_finish_move: bool,
) -> CommandResult<LevellingPreview> {
    session.with(|ws| ws.levelling_apply(project_id, allow_finish_move))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn levelling_clear(session: State<'_, Session>, project_id: Id) -> CommandResult<u32> {
    session.with(|ws| ws.levelling_clear(project_id).map(|n| n as u32))
}
