// Career skills: frameworks, a person's profile and assessments, evidence, certifications,
// development goals, the team's matrix and what is coming up.
import { call } from './index';
import type { ActivityInput } from '../bindings/ActivityInput';
import type { Assessment } from '../bindings/Assessment';
import type { AssessmentKind } from '../bindings/AssessmentKind';
import type { CertificationInput } from '../bindings/CertificationInput';
import type { CertificationRule } from '../bindings/CertificationRule';
import type { DevelopmentGoal } from '../bindings/DevelopmentGoal';
import type { Evidence } from '../bindings/Evidence';
import type { EvidenceDecision } from '../bindings/EvidenceDecision';
import type { FrameworkImport } from '../bindings/FrameworkImport';
import type { GoalInput } from '../bindings/GoalInput';
import type { ManualEvidence } from '../bindings/ManualEvidence';
import type { PersonCertification } from '../bindings/PersonCertification';
import type { ProgressPoint } from '../bindings/ProgressPoint';
import type { SkillCatalog } from '../bindings/SkillCatalog';
import type { SkillInput } from '../bindings/SkillInput';
import type { SkillProfile } from '../bindings/SkillProfile';
import type { SkillsMatrix } from '../bindings/SkillsMatrix';
import type { UnitEntryInput } from '../bindings/UnitEntryInput';
import type { Upcoming } from '../bindings/Upcoming';

export const skillCatalog = () => call<SkillCatalog>('skill_catalog');
/** `path` from the open dialog. Refused with `invalid_input` naming the bad entry; nothing is imported then. */
export const frameworksImport = (path: string) => call<FrameworkImport>('frameworks_import', { path });
export const frameworksExport = (path: string) => call<null>('frameworks_export', { path });
/** Name, description and the criteria of the 5 levels. */
export const skillUpdate = (skill_id: number, input: SkillInput) => call<null>('skill_update', { skill_id, input });
/** The level a role expects in a skill; null takes the skill out of the role. */
export const roleSkillSet = (role_id: number, skill_id: number, level: number | null) =>
  call<null>('role_skill_set', { role_id, skill_id, level });
export const skillProfile = (person_id: number) => call<SkillProfile>('skill_profile', { person_id });
export const personRolesSet = (person_id: number, current_role_id: number | null, target_role_id: number | null) =>
  call<null>('person_roles_set', { person_id, current_role_id, target_role_id });
export const skillNotesSet = (person_id: number, notes: string) => call<null>('skill_notes_set', { person_id, notes });
/** `on` is YYYY-MM-DD; every assessment is kept as history. */
export const skillAssess = (
  person_id: number,
  skill_id: number,
  kind: AssessmentKind,
  level: number,
  on: string,
  note: string,
) => call<Assessment>('skill_assess', { person_id, skill_id, kind, level, on, note });
export const skillHistory = (person_id: number, skill_id: number) =>
  call<Assessment[]>('skill_history', { person_id, skill_id });
/** null: the target role's level applies. */
export const skillTargetSet = (person_id: number, skill_id: number, level: number | null) =>
  call<null>('skill_target_set', { person_id, skill_id, level });
export const skillProgress = (person_id: number) => call<ProgressPoint[]>('skill_progress', { person_id });
export const skillsMatrix = (role_id: number | null, area_id: number | null) =>
  call<SkillsMatrix>('skills_matrix', { role_id, area_id });
export const evidenceList = (person_id: number) => call<Evidence[]>('evidence_list', { person_id });
export const evidenceSuggestions = (person_id: number) => call<Evidence[]>('evidence_suggestions', { person_id });
export const evidenceDecide = (person_id: number, decision: EvidenceDecision) =>
  call<null>('evidence_decide', { person_id, decision });
export const evidenceAdd = (person_id: number, skill_id: number, input: ManualEvidence) =>
  call<Evidence>('evidence_add', { person_id, skill_id, input });
export const evidenceRemove = (id: number) => call<null>('evidence_remove', { id });
export const certificationRules = () => call<CertificationRule[]>('certification_rules');
export const certificationsList = (person_id: number) =>
  call<PersonCertification[]>('certifications_list', { person_id });
/** Refused with `duplicate` when the person already tracks it. */
export const certificationAdd = (person_id: number, key: string) =>
  call<number>('certification_add', { person_id, key });
export const certificationUpdate = (id: number, input: CertificationInput) =>
  call<null>('certification_update', { id, input });
export const certificationRemove = (id: number) => call<null>('certification_remove', { id });
/** Logs continuing-education units against a person's certification (`id`). */
export const unitsLog = (id: number, input: UnitEntryInput) => call<number>('units_log', { id, input });
export const unitsRemove = (id: number) => call<null>('units_remove', { id });
export const goalsList = (person_id: number) => call<DevelopmentGoal[]>('goals_list', { person_id });
export const goalAdd = (person_id: number, input: GoalInput) => call<number>('goal_add', { person_id, input });
export const goalUpdate = (id: number, input: GoalInput) => call<null>('goal_update', { id, input });
export const goalRemove = (id: number) => call<null>('goal_remove', { id });
export const activityAdd = (goal_id: number, input: ActivityInput) => call<number>('activity_add', { goal_id, input });
export const activityUpdate = (id: number, input: ActivityInput) => call<null>('activity_update', { id, input });
export const activityRemove = (id: number) => call<null>('activity_remove', { id });
/** Goals, exams and renewals due within `days`, or overdue, soonest first. */
export const upcomingList = (days: number) => call<Upcoming[]>('upcoming_list', { days });
