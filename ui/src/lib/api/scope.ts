// A project's scope: objectives, deliverables, in/out-of-scope statements and change requests.
// Every edit answers with the project's whole scope.
import { call } from './index';
import type { ChangeInput } from '../bindings/ChangeInput';
import type { DecisionInput } from '../bindings/DecisionInput';
import type { DeliverableInput } from '../bindings/DeliverableInput';
import type { PlanAction } from '../bindings/PlanAction';
import type { PlannedAction } from '../bindings/PlannedAction';
import type { ProjectScope } from '../bindings/ProjectScope';

type S = Promise<ProjectScope>;

export const scopeGet = (project_id: number): S => call('scope_get', { project_id });
export const objectiveAdd = (project_id: number, text: string): S => call('objective_add', { project_id, text });
export const objectiveUpdate = (id: number, text: string): S => call('objective_update', { id, text });
/** Puts the objective at `index` (0 = first). */
export const objectiveMove = (id: number, index: number): S => call('objective_move', { id, index });
export const objectiveDelete = (id: number): S => call('objective_delete', { id });
export const deliverableAdd = (project_id: number, input: DeliverableInput): S =>
  call('deliverable_add', { project_id, input });
export const deliverableUpdate = (id: number, input: DeliverableInput): S => call('deliverable_update', { id, input });
export const deliverableDelete = (id: number): S => call('deliverable_delete', { id });
export const scopeStatementAdd = (project_id: number, in_scope: boolean, text: string): S =>
  call('scope_statement_add', { project_id, in_scope, text });
export const scopeStatementUpdate = (id: number, text: string): S => call('scope_statement_update', { id, text });
/** Moves a statement to the in-scope (true) or out-of-scope list. */
export const scopeStatementMove = (id: number, in_scope: boolean): S => call('scope_statement_move', { id, in_scope });
export const scopeStatementDelete = (id: number): S => call('scope_statement_delete', { id });
export const changeAdd = (project_id: number, input: ChangeInput): S => call('change_add', { project_id, input });
export const changeUpdate = (id: number, input: ChangeInput): S => call('change_update', { id, input });
export const changeDecide = (id: number, input: DecisionInput): S => call('change_decide', { id, input });
export const changeDelete = (id: number): S => call('change_delete', { id });
/** What applying the actions would do, without doing it. */
export const changePreview = (id: number, actions: PlanAction[]) =>
  call<PlannedAction[]>('change_preview', { id, actions });
/** Applies an approved change's actions to the plan in one undoable step. */
export const changeApply = (id: number, actions: PlanAction[]): S => call('change_apply', { id, actions });
