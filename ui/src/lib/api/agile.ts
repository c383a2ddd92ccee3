// Scrum (sprints, the product backlog, burndown and velocity) and the flow of work on a board.
import { call } from './index';
import type { Burndown } from '../bindings/Burndown';
import type { CumulativeFlow } from '../bindings/CumulativeFlow';
import type { FlowTimes } from '../bindings/FlowTimes';
import type { Sprint } from '../bindings/Sprint';
import type { SprintInput } from '../bindings/SprintInput';
import type { SprintPlan } from '../bindings/SprintPlan';
import type { VelocityPoint } from '../bindings/VelocityPoint';
import type { WorkItem } from '../bindings/WorkItem';

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
/** `from` and `to` are YYYY-MM-DD, both included. */
export const flowCumulative = (project_id: number, from: string, to: string) =>
  call<CumulativeFlow>('flow_cumulative', { project_id, from, to });
export const flowTimes = (project_id: number) => call<FlowTimes>('flow_times', { project_id });
