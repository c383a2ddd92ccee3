//! Commands for career skills: frameworks, people's assessments, evidence, certifications,
//! development plans, the team's matrix and what is coming up.

use std::path::PathBuf;

use bridgeplan_core::skills::certifications::{
    self, CertificationInput, CertificationRule, PersonCertification, UnitEntryInput,
};
use bridgeplan_core::skills::development::{ActivityInput, DevelopmentGoal, GoalInput, Upcoming};
use bridgeplan_core::skills::evidence::{Evidence, EvidenceDecision, ManualEvidence};
use bridgeplan_core::skills::frameworks::{FrameworkImport, SkillCatalog, SkillInput};
use bridgeplan_core::skills::profiles::{Assessment, AssessmentKind, ProgressPoint, SkillProfile, SkillsMatrix};
use bridgeplan_core::{workspace::files, Id};
use tauri::State;

use super::error::CommandResult;
use super::session::Session;

#[tauri::command(rename_all = "snake_case")]
pub async fn skill_catalog(session: State<'_, Session>) -> CommandResult<SkillCatalog> {
    session.with(|ws| ws.skill_catalog())
}

/// `path` is the file the user chose in the open dialog.
#[tauri::command(rename_all = "snake_case")]
pub async fn frameworks_import(session: State<'_, Session>, path: PathBuf) -> CommandResult<FrameworkImport> {
    let path = session.check(path)?;
    session.with(|ws| ws.import_frameworks(&files::read_text(&path)?))
}

/// `path` is the file the user chose in the save dialog.
#[tauri::command(rename_all = "snake_case")]
pub async fn frameworks_export(session: State<'_, Session>, path: PathBuf) -> CommandResult<()> {
    let path = session.check(path)?;
    session.with(|ws| files::write_whole(&path, ws.export_frameworks()?.as_bytes()))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn skill_update(session: State<'_, Session>, skill_id: Id, input: SkillInput) -> CommandResult<()> {
    session.with(|ws| ws.update_skill(skill_id, &input))
}

/// `level` null takes the skill out of the role.
#[tauri::command(rename_all = "snake_case")]
pub async fn role_skill_set(
    session: State<'_, Session>,
    role_id: Id,
    skill_id: Id,
    level: Option<u8>,
) -> CommandResult<()> {
    session.with(|ws| ws.set_role_skill(role_id, skill_id, level))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn skill_profile(session: State<'_, Session>, person_id: Id) -> CommandResult<SkillProfile> {
    session.with(|ws| ws.skill_profile(person_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn person_roles_set(
    session: State<'_, Session>,
    person_id: Id,
    current_role_id: Option<Id>,
    target_role_id: Option<Id>,
) -> CommandResult<()> {
    session.with(|ws| ws.set_person_roles(person_id, current_role_id, target_role_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn skill_notes_set(session: State<'_, Session>, person_id: Id, notes: String) -> CommandResult<()> {
    session.with(|ws| ws.set_skill_notes(person_id, &notes))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn skill_assess(
    session: State<'_, Session>,
    person_id: Id,
    skill_id: Id,
    kind: AssessmentKind,
    level: u8,
    on: String,
    note: String,
) -> CommandResult<Assessment> {
    session.with(|ws| ws.assess(person_id, skill_id, kind, level, &on, &note))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn skill_history(session: State<'_, Session>, person_id: Id, skill_id: Id) -> CommandResult<Vec<Assessment>> {
    session.with(|ws| ws.assessment_history(person_id, skill_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn skill_target_set(
    session: State<'_, Session>,
    person_id: Id,
    skill_id: Id,
    level: Option<u8>,
) -> CommandResult<()> {
    session.with(|ws| ws.set_skill_target(person_id, skill_id, level))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn skill_progress(session: State<'_, Session>, person_id: Id) -> CommandResult<Vec<ProgressPoint>> {
    session.with(|ws| ws.skill_progress(person_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn skills_matrix(
    session: State<'_, Session>,
    role_id: Option<Id>,
    area_id: Option<Id>,
) -> CommandResult<SkillsMatrix> {
    session.with(|ws| ws.skills_matrix(role_id, area_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn evidence_list(session: State<'_, Session>, person_id: Id) -> CommandResult<Vec<Evidence>> {
    session.with(|ws| ws.evidence(person_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn evidence_suggestions(session: State<'_, Session>, person_id: Id) -> CommandResult<Vec<Evidence>> {
    session.with(|ws| ws.evidence_suggestions(person_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn evidence_decide(
    session: State<'_, Session>,
    person_id: Id,
    decision: EvidenceDecision,
) -> CommandResult<()> {
    session.with(|ws| ws.decide_evidence(person_id, &decision))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn evidence_add(
    session: State<'_, Session>,
    person_id: Id,
    skill_id: Id,
    input: ManualEvidence,
) -> CommandResult<Evidence> {
    session.with(|ws| ws.add_evidence(person_id, skill_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn evidence_remove(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.remove_evidence(id))
}

/// The rules of every certification Bridgeplan knows, with their source (no workspace needed).
#[tauri::command(rename_all = "snake_case")]
pub async fn certification_rules() -> CommandResult<Vec<CertificationRule>> {
    Ok(certifications::rules().to_vec())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn certifications_list(
    session: State<'_, Session>,
    person_id: Id,
) -> CommandResult<Vec<PersonCertification>> {
    session.with(|ws| ws.person_certifications(person_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn certification_add(session: State<'_, Session>, person_id: Id, key: String) -> CommandResult<Id> {
    session.with(|ws| ws.add_certification(person_id, &key))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn certification_update(session: State<'_, Session>, id: Id, input: CertificationInput) -> CommandResult<()> {
    session.with(|ws| ws.update_certification(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn certification_remove(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.remove_certification(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn units_log(session: State<'_, Session>, id: Id, input: UnitEntryInput) -> CommandResult<Id> {
    session.with(|ws| ws.log_units(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn units_remove(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.remove_units(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn goals_list(session: State<'_, Session>, person_id: Id) -> CommandResult<Vec<DevelopmentGoal>> {
    session.with(|ws| ws.development_goals(person_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn goal_add(session: State<'_, Session>, person_id: Id, input: GoalInput) -> CommandResult<Id> {
    session.with(|ws| ws.add_goal(person_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn goal_update(session: State<'_, Session>, id: Id, input: GoalInput) -> CommandResult<()> {
    session.with(|ws| ws.update_goal(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn goal_remove(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.remove_goal(id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn activity_add(session: State<'_, Session>, goal_id: Id, input: ActivityInput) -> CommandResult<Id> {
    session.with(|ws| ws.add_activity(goal_id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn activity_update(session: State<'_, Session>, id: Id, input: ActivityInput) -> CommandResult<()> {
    session.with(|ws| ws.update_activity(id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn activity_remove(session: State<'_, Session>, id: Id) -> CommandResult<()> {
    session.with(|ws| ws.remove_activity(id))
}

/// Goals, exams and renewals due within `days`, or overdue.
#[tauri::command(rename_all = "snake_case")]
pub async fn upcoming_list(session: State<'_, Session>, days: i64) -> CommandResult<Vec<Upcoming>> {
    session.with(|ws| ws.upcoming(days))
}
