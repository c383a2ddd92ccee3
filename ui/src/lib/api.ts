// One typed function per backend command. Argument names are the Rust parameter names
// (snake_case) exactly. A rejected call carries a CommandError {code, message}: branch on
// `code`, show `message` as it is (it is written for the user).
import { invoke } from '@tauri-apps/api/core';
import type { AppInfo } from './bindings/AppInfo';
import type { Baseline } from './bindings/Baseline';
import type { Board } from './bindings/Board';
import type { CommandError } from './bindings/CommandError';
import type { DependencyKind } from './bindings/DependencyKind';
import type { ErrorCode } from './bindings/ErrorCode';
import type { HistoryState } from './bindings/HistoryState';
import type { Person } from './bindings/Person';
import type { Project } from './bindings/Project';
import type { ProjectInput } from './bindings/ProjectInput';
import type { ProjectSchedule } from './bindings/ProjectSchedule';
import type { RecentEntry } from './bindings/RecentEntry';
import type { Replayed } from './bindings/Replayed';
import type { StartState } from './bindings/StartState';
import type { Status } from './bindings/Status';
import type { StatusInput } from './bindings/StatusInput';
import type { TaskPlanInput } from './bindings/TaskPlanInput';
import type { TaskVariance } from './bindings/TaskVariance';
import type { WorkItem } from './bindings/WorkItem';
import type { WorkItemInput } from './bindings/WorkItemInput';
import type { WorkspaceInfo } from './bindings/WorkspaceInfo';
import type { VelocityPoint } from './bindings/VelocityPoint';
import type { SprintPlan } from './bindings/SprintPlan';
import type { SprintInput } from './bindings/SprintInput';
import type { Sprint } from './bindings/Sprint';
import type { FlowTimes } from './bindings/FlowTimes';
import type { CumulativeFlow } from './bindings/CumulativeFlow';
import type { Burndown } from './bindings/Burndown';
import type { WorkingCalendar } from './bindings/WorkingCalendar';
import type { CalendarName } from './bindings/CalendarName';
import type { PersonResource } from './bindings/PersonResource';
import type { CalendarException } from './bindings/CalendarException';
import type { SkillCatalog } from './bindings/SkillCatalog';
import type { SkillInput } from './bindings/SkillInput';
import type { FrameworkImport } from './bindings/FrameworkImport';
import type { SkillProfile } from './bindings/SkillProfile';
import type { AssessmentKind } from './bindings/AssessmentKind';
import type { Assessment } from './bindings/Assessment';
import type { ProgressPoint } from './bindings/ProgressPoint';
import type { SkillsMatrix } from './bindings/SkillsMatrix';
import type { Evidence } from './bindings/Evidence';
import type { EvidenceDecision } from './bindings/EvidenceDecision';
import type { ManualEvidence } from './bindings/ManualEvidence';
import type { CertificationRule } from './bindings/CertificationRule';
import type { PersonCertification } from './bindings/PersonCertification';
import type { CertificationInput } from './bindings/CertificationInput';
import type { UnitEntryInput } from './bindings/UnitEntryInput';
import type { DevelopmentGoal } from './bindings/DevelopmentGoal';
import type { GoalInput } from './bindings/GoalInput';
import type { ActivityInput } from './bindings/ActivityInput';
import type { Upcoming } from './bindings/Upcoming';
import type { KindInfo } from './bindings/KindInfo';
import type { ReportRequest } from './bindings/ReportRequest';
import type { RenderedReport } from './bindings/RenderedReport';

const ERROR_CODES: readonly ErrorCode[] = [
  'not_a_workspace',
  'damaged',
  'newer_version',
  'read_only',
  'locked',
  'not_found',
  'invalid_input',
  'duplicate',
  'no_workspace',
  'io',
  'internal',
];

/** Turns whatever a failed call rejected with into a CommandError the UI can show. */
export function toCommandError(e: unknown): CommandError {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const { code, message } = e as { code: unknown; message: unknown };
    if (ERROR_CODES.includes(code as ErrorCode) && typeof message === 'string') {
      return { code: code as ErrorCode, message };
    }
  }
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : 'Something went wrong.';
  return { code: 'internal', message };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toCommandError(e);
  }
}

// App and session
export const appInfo = () => call<AppInfo>('app_info');
export const sessionStart = () => call<StartState>('session_start');
export const recentList = () => call<RecentEntry[]>('recent_list');
export const recentRemove = (path: string) => call<RecentEntry[]>('recent_remove', { path });

// Workspaces
export const workspaceNew = (path: string) => call<WorkspaceInfo>('workspace_new', { path });
export const workspaceOpen = (path: string) => call<WorkspaceInfo>('workspace_open', { path });
export const workspaceOpenDemo = () => call<WorkspaceInfo>('workspace_open_demo');
export const workspaceSaveCopy = (path: string) => call<null>('workspace_save_copy', { path });
export const workspaceClose = () => call<null>('workspace_close');
export const workspaceInfo = () => call<WorkspaceInfo | null>('workspace_info');

// Projects
export const projectsList = () => call<Project[]>('projects_list');
export const projectCreate = (input: ProjectInput) => call<Project>('project_create', { input });
/** `manager` is a person's name (a new name adds that person); null clears it. */
export const projectManagerSet = (id: number, manager: string | null) =>
  call<Project>('project_manager_set', { id, manager });
export const projectUpdate = (id: number, input: ProjectInput) => call<Project>('project_update', { id, input });
export const projectDelete = (id: number) => call<null>('project_delete', { id });

// Board, people, items
export const boardGet = (project_id: number) => call<Board>('board_get', { project_id });
export const peopleList = () => call<Person[]>('people_list');
export const itemGet = (id: number) => call<WorkItem>('item_get', { id });
export const itemCreate = (project_id: number, status_id: number | null, input: WorkItemInput) =>
  call<WorkItem>('item_create', { project_id, status_id, input });
export const itemUpdate = (id: number, input: WorkItemInput) => call<WorkItem>('item_update', { id, input });
export const itemDelete = (id: number) => call<null>('item_delete', { id });
/** `index` is the position in the target column after the item left its old place. */
export const itemMove = (id: number, status_id: number, index: number) =>
  call<WorkItem>('item_move', { id, status_id, index });
/** Puts the item in an epic of its project (null: in none). Refused with `invalid_input` for a non-epic. */
export const itemEpicSet = (id: number, epic_id: number | null) => call<WorkItem>('item_epic_set', { id, epic_id });

// Columns (statuses)
export const statusAdd = (project_id: number, input: StatusInput) => call<Status>('status_add', { project_id, input });
export const statusUpdate = (id: number, input: StatusInput) => call<Status>('status_update', { id, input });
export const statusDelete = (id: number) => call<null>('status_delete', { id });

// Timeline: the computed schedule and dependencies
/** With a baseline, each task carries that baseline's dates too. */
export const scheduleGet = (project_id: number, baseline_id: number | null = null) =>
  call<ProjectSchedule>('schedule_get', { project_id, baseline_id });
export const baselinesList = (project_id: number) => call<Baseline[]>('baselines_list', { project_id });
/** Refused with `duplicate` (name taken) or `invalid_input` (already ten). */
export const baselineSave = (project_id: number, name: string) => call<Baseline>('baseline_save', { project_id, name });
export const baselineDelete = (id: number) => call<null>('baseline_delete', { id });
export const baselineVariance = (id: number) => call<TaskVariance[]>('baseline_variance', { id });
/** Refused with `invalid_input` (a loop, named) or `duplicate`. Returns the new link's id. */
export const dependencyAdd = (
  predecessor_id: number,
  successor_id: number,
  kind: DependencyKind,
  lag_minutes: number,
) => call<number>('dependency_add', { predecessor_id, successor_id, kind, lag_minutes });
export const dependencyRemove = (id: number) => call<null>('dependency_remove', { id });
/** Sets an item's WBS parent and scheduling fields (duration, constraint, progress). */
export const taskPlanSet = (item_id: number, input: TaskPlanInput) => call<null>('task_plan_set', { item_id, input });
/** Tab: under the task above at its level. Refused with `invalid_input` for the first task of a level. */
export const taskIndent = (item_id: number) => call<null>('task_indent', { item_id });
/** Shift+Tab: up one level; the tasks after it at its old level become its own (no row moves). */
export const taskOutdent = (item_id: number) => call<null>('task_outdent', { item_id });
/** A bar dragged: the task starts no earlier than `start` (YYYY-MM-DDTHH:MM:SS). Summaries are refused. */
export const taskMove = (item_id: number, start: string) => call<null>('task_move', { item_id, start });
/** A bar's end dragged: `finish` is YYYY-MM-DDTHH:MM:SS, or YYYY-MM-DD for the end of that day. */
export const taskFinishSet = (item_id: number, finish: string) => call<null>('task_finish_set', { item_id, finish });
/** The working calendar the project's schedule runs on (often shared: see `used_by`). */
export const calendarGet = (project_id: number) => call<WorkingCalendar>('calendar_get', { project_id });
/** Seven days, Monday first, each a list of [start, end] minutes after midnight. */
export const calendarWeekSet = (calendar_id: number, week: [number, number][][]) =>
  call<null>('calendar_week_set', { calendar_id, week });
/** Adds or replaces the exception on `exception.day`; no spans makes it a holiday. */
export const calendarExceptionSet = (calendar_id: number, exception: CalendarException) =>
  call<null>('calendar_exception_set', { calendar_id, exception });
export const calendarsList = () => call<CalendarName[]>('calendars_list');
/** A person as a resource: their calendar (null: each project's) and hourly rate in minor units. */
export const personResourceGet = (person_id: number) => call<PersonResource>('person_resource_get', { person_id });
export const personResourceSet = (person_id: number, calendar_id: number | null, cost_rate_minor: number) =>
  call<null>('person_resource_set', { person_id, calendar_id, cost_rate_minor });
export const calendarExceptionRemove = (calendar_id: number, day: string) =>
  call<null>('calendar_exception_remove', { calendar_id, day });

// Scrum: sprints, the product backlog, burndown and velocity
export const sprintsList = (project_id: number) => call<Sprint[]>('sprints_list', { project_id });
/** Refused with `duplicate` (name taken) or `invalid_input` (dates, capacity), message for the user. */
export const sprintCreate = (project_id: number, input: SprintInput) =>
  call<Sprint>('sprint_create', { project_id, input });
export const sprintUpdate = (id: number, input: SprintInput) => call<Sprint>('sprint_update', { id, input });
export const sprintNotesSet = (id: number, review: string, retro: string) =>
  call<Sprint>('sprint_notes_set', { id, review, retro });
/** Its items go back to the product backlog. */
export const sprintDelete = (id: number) => call<null>('sprint_delete', { id });
/** `sprint_id` null returns the item to the product backlog. */
export const sprintAssign = (item_id: number, sprint_id: number | null) =>
  call<null>('sprint_assign', { item_id, sprint_id });
/** Items in no sprint and not done, in rank order. */
export const backlogGet = (project_id: number) => call<WorkItem[]>('backlog_get', { project_id });
/** Moves an item to place `index` (0 = top) of the product backlog. */
export const backlogRank = (item_id: number, index: number) => call<null>('backlog_rank', { item_id, index });
export const sprintPlanGet = (id: number) => call<SprintPlan>('sprint_plan_get', { id });
export const sprintBurndown = (id: number) => call<Burndown>('sprint_burndown', { id });
export const sprintVelocity = (project_id: number) => call<VelocityPoint[]>('sprint_velocity', { project_id });

// Flow of work on a board
/** `from` and `to` are YYYY-MM-DD, both included. */
export const flowCumulative = (project_id: number, from: string, to: string) =>
  call<CumulativeFlow>('flow_cumulative', { project_id, from, to });
export const flowTimes = (project_id: number) => call<FlowTimes>('flow_times', { project_id });

// Undo / redo
export const historyState = () => call<HistoryState>('history_state');
export const historyUndo = () => call<Replayed | null>('history_undo');
export const historyRedo = () => call<Replayed | null>('history_redo');

// Start-up benchmark probe: the board is in the DOM and painted.
export const reportBoardPainted = () => call<null>('report_board_painted');

// Career skills: frameworks, a person's profile and assessments, evidence, certifications,
// development goals, the team's matrix and what is coming up.
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

// Reports: typeset PDFs of a project, the portfolio or a person.
/** Every kind of report, in display order, with what each needs (project, sprint, person, period). */
export const reportKinds = () => call<KindInfo[]>('report_kinds');
/** Typesets the whole PDF (seconds for a big plan) and keeps it under `token`; returns page 1 as SVG. */
export const reportRender = (request: ReportRequest) => call<RenderedReport>('report_render', { request });
/** Writes the PDF of render `token` to `path`. Refused with `not_found` unless it is the latest render. */
export const reportSave = (token: number, path: string) => call<null>('report_save', { token, path });
