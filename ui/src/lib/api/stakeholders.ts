// A project's stakeholders: the register and power/interest grid, the communication plan and
// the RACI matrix. Every edit answers with everything the Stakeholders tab shows.
import { call } from './index';
import type { CommunicationInput } from '../bindings/CommunicationInput';
import type { ProjectStakeholders } from '../bindings/ProjectStakeholders';
import type { RaciParty } from '../bindings/RaciParty';
import type { RaciRole } from '../bindings/RaciRole';
import type { RaciTarget } from '../bindings/RaciTarget';
import type { StakeholderInput } from '../bindings/StakeholderInput';

type P = Promise<ProjectStakeholders>;

export const stakeholdersGet = (project_id: number): P => call('stakeholders_get', { project_id });
export const stakeholderAdd = (project_id: number, input: StakeholderInput): P =>
  call('stakeholder_add', { project_id, input });
export const stakeholderUpdate = (id: number, input: StakeholderInput): P => call('stakeholder_update', { id, input });
/** Places a stakeholder on the grid (power and interest, 1–10) in one undoable edit. */
export const stakeholderMove = (id: number, power: number, interest: number): P =>
  call('stakeholder_move', { id, power, interest });
export const stakeholderDelete = (id: number): P => call('stakeholder_delete', { id });
export const communicationAdd = (project_id: number, input: CommunicationInput): P =>
  call('communication_add', { project_id, input });
export const communicationUpdate = (id: number, input: CommunicationInput): P =>
  call('communication_update', { id, input });
/** Records that the communication went out today. */
export const communicationMarkSent = (id: number): P => call('communication_mark_sent', { id });
export const communicationDelete = (id: number): P => call('communication_delete', { id });
/** Sets a RACI cell (role null clears it); a second Accountable in a row is refused. */
export const raciSet = (project_id: number, target: RaciTarget, party: RaciParty, role: RaciRole | null): P =>
  call('raci_set', { project_id, target, party, role });
/** Moves the row's A to `party` in one undoable step. */
export const raciMakeAccountable = (project_id: number, target: RaciTarget, party: RaciParty): P =>
  call('raci_make_accountable', { project_id, target, party });
