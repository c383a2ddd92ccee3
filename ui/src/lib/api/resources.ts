// Resources: people as resources, equipment, assignments to tasks, utilisation and levelling.
import { call } from './index';
import type { Assignment } from '../bindings/Assignment';
import type { AssignmentInput } from '../bindings/AssignmentInput';
import type { Equipment } from '../bindings/Equipment';
import type { EquipmentInput } from '../bindings/EquipmentInput';
import type { LevellingPreview } from '../bindings/LevellingPreview';
import type { ResourcePerson } from '../bindings/ResourcePerson';
import type { ResourcePersonInput } from '../bindings/ResourcePersonInput';
import type { Utilisation } from '../bindings/Utilisation';

export const resourcePeopleList = () => call<ResourcePerson[]>('resource_people_list');
export const resourcePersonUpdate = (person_id: number, input: ResourcePersonInput) =>
  call<ResourcePerson>('resource_person_update', { person_id, input });
export const equipmentList = () => call<Equipment[]>('equipment_list');
export const equipmentAdd = (input: EquipmentInput) => call<Equipment>('equipment_add', { input });
export const equipmentUpdate = (id: number, input: EquipmentInput) =>
  call<Equipment>('equipment_update', { id, input });
export const equipmentDelete = (id: number) => call<null>('equipment_delete', { id });
export const assignmentsList = (item_id: number) => call<Assignment[]>('assignments_list', { item_id });
export const assignmentAdd = (item_id: number, input: AssignmentInput) =>
  call<Assignment>('assignment_add', { item_id, input });
export const assignmentRemove = (id: number) => call<null>('assignment_remove', { id });
/** `from`: YYYY-MM-DD, its week first; project null: every planned project. */
export const utilisationGet = (project_id: number | null, from: string, weeks: number) =>
  call<Utilisation>('utilisation_get', { project_id, from, weeks });
export const levellingPreview = (project_id: number, allow_finish_move: boolean) =>
  call<LevellingPreview>('levelling_preview', { project_id, allow_finish_move });
export const levellingApply = (project_id: number, allow_finish_move: boolean) =>
  call<LevellingPreview>('levelling_apply', { project_id, allow_finish_move });
export const levellingClear = (project_id: number) => call<number>('levelling_clear', { project_id });
