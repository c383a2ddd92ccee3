// The CSV and calendar actions of the command palette: import into the selected project,
// export its work items, and the calendar of the project or of the whole workspace.
import { registerAction } from '../search/actions';
import { session } from '../workspace/session.svelte';
import { workspace } from '../workspace/workspace.svelte';
import { csvImport, exportCalendar, exportGridCsv } from './csv-transfer.svelte';

let registered = false;

export function registerCsvActions() {
  if (registered) return;
  registered = true;
  const project = () => workspace.selected;
  const writable = () => !session.readOnly;
  registerAction({
    id: 'csv:import-items',
    label: 'Import work items from CSV…',
    group: 'Project',
    keywords: ['csv', 'spreadsheet', 'excel', 'import', 'tasks'],
    enabled: () => writable() && project() != null,
    run: () => csvImport.start(project()!.id, 'work_items'),
  });
  registerAction({
    id: 'csv:import-risks',
    label: 'Import risks from CSV…',
    group: 'Project',
    keywords: ['csv', 'spreadsheet', 'risk register', 'import'],
    enabled: () => writable() && project() != null,
    run: () => csvImport.start(project()!.id, 'risks'),
  });
  registerAction({
    id: 'csv:export-items',
    label: 'Export work items as CSV…',
    group: 'Project',
    keywords: ['csv', 'spreadsheet', 'excel', 'export'],
    enabled: () => project() != null,
    run: () => void exportGridCsv('work_items', project()!.id, project()!.name),
  });
  registerAction({
    id: 'ical:export-project',
    label: 'Export to calendar (.ics)…',
    group: 'Project',
    keywords: ['ical', 'ics', 'calendar', 'outlook', 'google', 'milestones', 'meetings'],
    enabled: () => project() != null,
    run: () => void exportCalendar(project()!.id, project()!.name),
  });
  registerAction({
    id: 'ical:export-workspace',
    label: 'Export every project to calendar (.ics)…',
    group: 'Workspace',
    keywords: ['ical', 'ics', 'calendar', 'all projects'],
    run: () => void exportCalendar(null, session.workspace?.name ?? 'Bridgeplan'),
  });
}
