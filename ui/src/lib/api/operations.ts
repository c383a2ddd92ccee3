// IT operations: services with SLA targets, monthly availability and satisfaction, incidents
// and the projects that change them; the dashboard of service health beside project health.
// Every edit of a service answers with its whole detail.
import { call } from './index';
import type { IncidentInput } from '../bindings/IncidentInput';
import type { OperationsDashboard } from '../bindings/OperationsDashboard';
import type { ProjectServices } from '../bindings/ProjectServices';
import type { ServiceDetail } from '../bindings/ServiceDetail';
import type { ServiceInput } from '../bindings/ServiceInput';

type D = Promise<ServiceDetail>;

export const operationsDashboard = () => call<OperationsDashboard>('operations_dashboard');
/** The services a project changes, with their health, and the incidents it caused. */
export const operationsForProject = (project_id: number) =>
  call<ProjectServices>('operations_for_project', { project_id });
export const serviceGet = (id: number): D => call('service_get', { id });
export const serviceAdd = (input: ServiceInput): D => call('service_add', { input });
export const serviceUpdate = (id: number, input: ServiceInput): D => call('service_update', { id, input });
export const serviceDelete = (id: number) => call<null>('service_delete', { id });
export const slaTargetSet = (
  service_id: number,
  severity: number,
  response_minutes: number,
  resolution_minutes: number,
): D => call('sla_target_set', { service_id, severity, response_minutes, resolution_minutes });
/** `availability` null removes the month's figure. */
export const availabilitySet = (service_id: number, month: string, availability: number | null): D =>
  call('availability_set', { service_id, month, availability });
/** `score` null removes the month's score. */
export const satisfactionSet = (service_id: number, month: string, score: number | null, responses: number): D =>
  call('satisfaction_set', { service_id, month, score, responses });
export const incidentAdd = (service_id: number, input: IncidentInput): D => call('incident_add', { service_id, input });
export const incidentUpdate = (id: number, input: IncidentInput): D => call('incident_update', { id, input });
export const incidentDelete = (id: number): D => call('incident_delete', { id });
export const serviceProjectLink = (service_id: number, project_id: number, note: string): D =>
  call('service_project_link', { service_id, project_id, note });
/** Removes a link by its own id. */
export const serviceProjectUnlink = (id: number): D => call('service_project_unlink', { id });
