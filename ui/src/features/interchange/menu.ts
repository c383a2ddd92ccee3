// The workspace menu's import and export entries: "Import…" (hidden when read-only) and, on a
// project with a timeline, "Export to MS Project XML…".
import { session } from '../workspace/session.svelte';
import { workspace } from '../workspace/workspace.svelte';
import { exportsToMspdi, imports } from './imports.svelte';

export function interchangeMenuItems(): { label: string; testid: string; run: () => void }[] {
  const items: { label: string; testid: string; run: () => void }[] = [];
  if (!session.readOnly) {
    items.push({ label: 'Import…', testid: 'menu-import', run: () => void imports.importWithDialog() });
  }
  const project = workspace.projects.find((p) => p.id === workspace.selectedId);
  if (project && exportsToMspdi(project)) {
    items.push({
      label: 'Export to MS Project XML…',
      testid: 'menu-export-mspdi',
      run: () => void imports.exportMspdiWithDialog(project),
    });
  }
  return items;
}
