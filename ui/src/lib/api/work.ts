// Projects, their boards (statuses as columns) and work items.
import { call } from './index';
import type { Board } from '../bindings/Board';
import type { Project } from '../bindings/Project';
import type { ProjectInput } from '../bindings/ProjectInput';
import type { Status } from '../bindings/Status';
import type { StatusInput } from '../bindings/StatusInput';
import type { WorkItem } from '../bindings/WorkItem';
import type { WorkItemInput } from '../bindings/WorkItemInput';

export const projectsList = () => call<Project[]>('projects_list');
export const projectCreate = (input: ProjectInput) => call<Project>('project_create', { input });
/** `manager` is a person's name (a new name adds that person); null clears it. */
export const projectManagerSet = (id: number, manager: string | null) =>
  call<Project>('project_manager_set', { id, manager });
export const projectUpdate = (id: number, input: ProjectInput) => call<Project>('project_update', { id, input });
export const projectDelete = (id: number) => call<null>('project_delete', { id });
export const boardGet = (project_id: number) => call<Board>('board_get', { project_id });
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
export const statusAdd = (project_id: number, input: StatusInput) => call<Status>('status_add', { project_id, input });
export const statusUpdate = (id: number, input: StatusInput) => call<Status>('status_update', { id, input });
export const statusDelete = (id: number) => call<null>('status_delete', { id });
