// A project's RAID log: risks (response actions become work items; a risk that occurred is
// raised as an issue), the issue log, assumptions and external dependencies. Every edit
// answers with the project's whole log.
import { call } from './index';
import type { AssumptionInput } from '../bindings/AssumptionInput';
import type { DependencyInput } from '../bindings/DependencyInput';
import type { IssueInput } from '../bindings/IssueInput';
import type { RaidLog } from '../bindings/RaidLog';
import type { RiskInput } from '../bindings/RiskInput';

type L = Promise<RaidLog>;

export const raidGet = (project_id: number): L => call('raid_get', { project_id });
export const riskAdd = (project_id: number, input: RiskInput): L => call('risk_add', { project_id, input });
export const riskUpdate = (id: number, input: RiskInput): L => call('risk_update', { id, input });
export const riskDelete = (id: number): L => call('risk_delete', { id });
/** A new work item of the project, assigned to the risk's owner and tagged "risk". */
export const riskActionAdd = (risk_id: number, title: string, due_date: string | null): L =>
  call('risk_action_add', { risk_id, title, due_date });
/** Unlinks an action; its work item stays on the board. */
export const riskActionRemove = (id: number): L => call('risk_action_remove', { id });
/** Marks the risk occurred and raises an issue linked to it, in one step. */
export const riskRaiseIssue = (id: number): L => call('risk_raise_issue', { id });
export const raidIssueAdd = (project_id: number, input: IssueInput): L => call('raid_issue_add', { project_id, input });
export const raidIssueUpdate = (id: number, input: IssueInput): L => call('raid_issue_update', { id, input });
export const raidIssueDelete = (id: number): L => call('raid_issue_delete', { id });
export const assumptionAdd = (project_id: number, input: AssumptionInput): L =>
  call('assumption_add', { project_id, input });
export const assumptionUpdate = (id: number, input: AssumptionInput): L => call('assumption_update', { id, input });
export const assumptionDelete = (id: number): L => call('assumption_delete', { id });
export const externalDependencyAdd = (project_id: number, input: DependencyInput): L =>
  call('external_dependency_add', { project_id, input });
export const externalDependencyUpdate = (id: number, input: DependencyInput): L =>
  call('external_dependency_update', { id, input });
export const externalDependencyDelete = (id: number): L => call('external_dependency_delete', { id });
