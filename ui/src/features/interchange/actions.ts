// The command palette's import and export entries (registered by builtin-actions).
import { registerActions } from '../search/actions';
import { session } from '../workspace/session.svelte';
import { workspace } from '../workspace/workspace.svelte';
import { exportsToMspdi, imports } from './imports.svelte';

let registered = false;

export function registerInterchangeActions() {
  if (registered) return;
  registered = true;
  registerActions(() => {
    const project = workspace.projects.find((p) => p.id === workspace.selectedId);
    const writable = !session.readOnly && !!session.workspace;
    const list = [
      {
        id: 'interchange:import',
        label: 'Import…',
        group: 'Workspace',
        keywords: ['trello', 'jira', 'ms project', 'microsoft project', 'csv', 'json', 'xml', 'file'],
        run: () => imports.importWithDialog(),
        enabled: () => writable,
      },
      {
        id: 'interchange:import-trello',
        label: 'Import Trello board…',
        group: 'Workspace',
        keywords: ['json', 'kanban'],
        run: () => imports.importWithDialog('trello'),
        enabled: () => writable,
      },
      {
        id: 'interchange:import-jira',
        label: 'Import Jira CSV…',
        group: 'Workspace',
        keywords: ['csv', 'scrum', 'sprints'],
        run: () => imports.importWithDialog('jira'),
        enabled: () => writable,
      },
      {
        id: 'interchange:import-mspdi',
        label: 'Import MS Project XML…',
        group: 'Workspace',
        keywords: ['microsoft project', 'mspdi', 'xml', 'plan'],
        run: () => imports.importWithDialog('mspdi'),
        enabled: () => writable,
      },
    ];
    if (project && exportsToMspdi(project)) {
      list.push({
        id: 'interchange:export-mspdi',
        label: 'Export to MS Project XML…',
        group: 'Project',
        keywords: ['microsoft project', 'mspdi', 'xml'],
        run: () => imports.exportMspdiWithDialog(project),
        enabled: () => true,
      });
    }
    return list;
  });
}
