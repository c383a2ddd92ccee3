// Imports from Trello, Jira and Microsoft Project, and the Microsoft Project export, from the
// app: the file is chosen in the native dialog, the preview shown in ImportDialog, and only
// "Import" writes (one undoable step); the new project then opens.
import { chooseFile, chooseSaveFile } from '../../lib/shared/dialogs';
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { CommandError } from '../../lib/bindings/CommandError';
import type { ExportReport } from '../../lib/bindings/ExportReport';
import type { ImportFormat } from '../../lib/bindings/ImportFormat';
import type { ImportPreview } from '../../lib/bindings/ImportPreview';
import type { Project } from '../../lib/bindings/Project';
import { enqueue } from '../../lib/shared/queue.svelte';
import { toasts } from '../../lib/shared/toasts-state.svelte';
import { workspace } from '../workspace/workspace.svelte';

export const FORMATS: Record<ImportFormat, { label: string; name: string; extensions: string[] }> = {
  trello: { label: 'Trello board', name: 'Trello board (JSON)', extensions: ['json'] },
  jira: { label: 'Jira CSV', name: 'Jira export (CSV)', extensions: ['csv'] },
  mspdi: { label: 'Microsoft Project XML', name: 'Microsoft Project XML', extensions: ['xml'] },
};

/** The format a file's extension says: .json Trello, .csv Jira, .xml Microsoft Project. */
export function formatOf(path: string): ImportFormat | null {
  const ext = path.toLowerCase().split('.').pop() ?? '';
  const found = (Object.keys(FORMATS) as ImportFormat[]).find((f) => FORMATS[f].extensions.includes(ext));
  return found ?? null;
}

export const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** Projects Microsoft Project can take: the ones with a timeline. */
export const exportsToMspdi = (p: Project | null | undefined) =>
  !!p && (p.methodology === 'waterfall' || p.methodology === 'hybrid');

class Imports {
  /** The dialog: closed, a preview to confirm, or an export's report. */
  mode = $state<'closed' | 'preview' | 'report'>('closed');
  path = $state<string | null>(null);
  format = $state<ImportFormat | null>(null);
  preview = $state<ImportPreview | null>(null);
  report = $state<ExportReport | null>(null);
  error = $state<CommandError | null>(null);
  busy = $state(false);

  /** "Import…": the open dialog (filtered to `only`, or to every format), then the preview. */
  async importWithDialog(only?: ImportFormat) {
    const formats = only ? [only] : (Object.keys(FORMATS) as ImportFormat[]);
    const filters = [
      ...(only ? [] : [{ name: 'Trello, Jira or Microsoft Project', extensions: ['json', 'csv', 'xml'] }]),
      ...formats.map((f) => ({ name: FORMATS[f].name, extensions: FORMATS[f].extensions })),
    ];
    let chosen: string | string[] | null;
    try {
      chosen = await chooseFile({ filters, title: 'Import a plan' });
    } catch (e) {
      toasts.error(`The file dialog could not be shown: ${toCommandError(e).message}`);
      return;
    }
    if (typeof chosen !== 'string') return;
    await this.showPreview(chosen, only ?? formatOf(chosen));
  }

  /** Reads `path` and shows what it would create; nothing is written. */
  async showPreview(path: string, format: ImportFormat | null) {
    this.mode = 'preview';
    this.path = path;
    this.preview = null;
    this.report = null;
    this.error = null;
    this.format = format;
    if (!format) {
      this.error = {
        code: 'invalid_input',
        message: `Bridgeplan imports Trello boards (.json), Jira exports (.csv) and Microsoft Project XML (.xml); "${fileName(path)}" is none of these.`,
      };
      return;
    }
    this.busy = true;
    try {
      this.preview = await api.interchangeImportPreview(path, format);
    } catch (e) {
      this.error = toCommandError(e);
    } finally {
      this.busy = false;
    }
  }

  /** "Import": writes the preview's project (one undo step) and opens it. */
  async confirm() {
    const { path, format } = this;
    if (!path || !format || !this.preview || this.busy) return;
    this.busy = true;
    try {
      const result = await enqueue(() => api.interchangeImportApply(path, format));
      await workspace.loadProjects();
      workspace.select(result.project.id);
      workspace.afterEdit();
      toasts.show(`Imported "${result.project.name}"`);
      this.close();
    } catch (e) {
      this.error = toCommandError(e);
    } finally {
      this.busy = false;
    }
  }

  /** "Export to MS Project XML…": the save dialog, the file, then the report of what was not kept. */
  async exportMspdiWithDialog(project: Project) {
    let chosen: string | null;
    try {
      chosen = await chooseSaveFile({
        defaultPath: `${project.name}.xml`,
        filters: [{ name: FORMATS.mspdi.name, extensions: ['xml'] }],
        title: 'Export to Microsoft Project XML',
      });
    } catch (e) {
      toasts.error(`The file dialog could not be shown: ${toCommandError(e).message}`);
      return;
    }
    if (!chosen) return;
    await this.exportTo(project, chosen);
  }

  async exportTo(project: Project, path: string) {
    this.busy = true;
    this.error = null;
    this.preview = null;
    this.path = path;
    this.mode = 'report';
    try {
      this.report = await api.interchangeExportMspdi(project.id, path);
    } catch (e) {
      this.error = toCommandError(e);
    } finally {
      this.busy = false;
    }
  }

  close() {
    this.mode = 'closed';
    this.preview = null;
    this.report = null;
    this.error = null;
    this.path = null;
    this.format = null;
  }
}

export const imports = new Imports();
