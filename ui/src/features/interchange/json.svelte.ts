// Lossless JSON from the app: "Export workspace as JSON…" (a save dialog) and "Import workspace
// from JSON…" (an open dialog for the export, a save dialog for the new workspace, then it opens).
import { chooseFile, chooseSaveFile } from '../../lib/shared/dialogs';
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { CreateCount } from '../../lib/bindings/CreateCount';
import { toasts } from '../../lib/shared/toasts-state.svelte';
import { session } from '../workspace/session.svelte';

const jsonFilters = [{ name: 'Bridgeplan workspace JSON', extensions: ['json'] }];
const workspaceFilters = [{ name: 'Bridgeplan workspace', extensions: ['bridgeplan'] }];

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** "4 projects, 120 work items": the first counts of a report, for a toast. */
export function summary(counts: CreateCount[], max = 3): string {
  const named = counts.filter((c) => !c.what.startsWith('rows in all'));
  return named
    .slice(0, max)
    .map((c) => `${c.count.toLocaleString('en')} ${c.what}`)
    .join(', ');
}

async function pick<T>(dialog: () => Promise<T>): Promise<T | null> {
  try {
    return await dialog();
  } catch (e) {
    toasts.error(`The file dialog could not be shown: ${toCommandError(e).message}`);
    return null;
  }
}

class JsonInterchange {
  busy = $state(false);

  async exportWithDialog() {
    const name = session.workspace?.name ?? 'Workspace';
    const path = await pick(() =>
      chooseSaveFile({ defaultPath: `${name}.json`, filters: jsonFilters, title: 'Export workspace as JSON' }),
    );
    if (!path) return;
    this.busy = true;
    try {
      const report = await api.workspaceExportJson(path);
      const counts = summary(report.written);
      toasts.show(`Exported ${name} to ${fileName(path)}${counts ? `: ${counts}` : ''}.`);
    } catch (e) {
      toasts.error(toCommandError(e).message);
    } finally {
      this.busy = false;
    }
  }

  async importWithDialog() {
    const source = await pick(() => chooseFile({ filters: jsonFilters, title: 'Import workspace from JSON' }));
    if (!source) return;
    const base = fileName(source).replace(/\.json$/i, '') || 'Imported';
    const dest = await pick(() =>
      chooseSaveFile({
        defaultPath: `${base}.bridgeplan`,
        filters: workspaceFilters,
        title: 'Save the imported workspace as',
      }),
    );
    if (!dest) return;
    this.busy = true;
    try {
      const made = await api.workspaceImportJson(source, dest);
      await session.openPath(made.path);
      const counts = summary(made.preview.creates);
      const upgraded = made.from_schema < made.schema ? ' It was upgraded from an older Bridgeplan.' : '';
      toasts.show(`Imported ${made.name} into ${fileName(dest)}${counts ? `: ${counts}` : ''}.${upgraded}`);
    } catch (e) {
      toasts.error(toCommandError(e).message);
    } finally {
      this.busy = false;
    }
  }
}

export const jsonInterchange = new JsonInterchange();
