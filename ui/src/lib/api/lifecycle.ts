// Lifecycle and governance: a project's phase, framework and checklists, phase moves, project
// types (templates) and the portfolio of all projects.
import { call } from './index';
import type { Framework } from '../bindings/Framework';
import type { LifecycleOverview } from '../bindings/LifecycleOverview';
import type { Phase } from '../bindings/Phase';
import type { PhaseMove } from '../bindings/PhaseMove';
import type { Portfolio } from '../bindings/Portfolio';
import type { Project } from '../bindings/Project';
import type { ProjectInput } from '../bindings/ProjectInput';
import type { ProjectTemplate } from '../bindings/ProjectTemplate';
import type { TemplateBody } from '../bindings/TemplateBody';

export const lifecycleOverview = (project_id: number) => call<LifecycleOverview>('lifecycle_overview', { project_id });
export const projectFrameworkSet = (project_id: number, framework: Framework) =>
  call<null>('project_framework_set', { project_id, framework });
/** Ticks a manual item; the backend records the operating system's user name and the time. */
export const checklistTickSet = (project_id: number, key: string, ticked: boolean) =>
  call<null>('checklist_tick_set', { project_id, key, ticked });
/** Moves to another phase; the open items of the phase left are recorded with who and when. */
export const phaseMove = (project_id: number, to: Phase) => call<PhaseMove>('phase_move', { project_id, to });
export const projectTemplatesList = () => call<ProjectTemplate[]>('project_templates_list');
/** Refused with `invalid_input` naming the bad field; nothing changes then. */
export const projectTemplateUpdate = (id: number, template: TemplateBody) =>
  call<ProjectTemplate>('project_template_update', { id, template });
export const projectTemplateDuplicate = (id: number) => call<ProjectTemplate>('project_template_duplicate', { id });
export const projectTemplateDelete = (id: number) => call<null>('project_template_delete', { id });
/** `path` from the open dialog; answers how many types were added (all or none). */
export const projectTemplatesImport = (path: string) => call<number>('project_templates_import', { path });
export const projectTemplatesExport = (path: string) => call<null>('project_templates_export', { path });
/** One undoable edit: the project with the type's framework, phase, tasks, links, risks and checklist. */
export const projectCreateFromTemplate = (template_id: number, input: ProjectInput) =>
  call<Project>('project_create_from_template', { template_id, input });
export const portfolioGet = () => call<Portfolio>('portfolio_get');
