// CSV and calendar transfers: the import dialog's state (the file, the mapping being edited,
// the latest preview) and the exports, each through the native file dialog. The core does
// every check; this only carries the user's choices and shows what it answered.
import { chooseFile, chooseSaveFile } from '../../lib/shared/dialogs';
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { CsvGrid } from '../../lib/bindings/CsvGrid';
import type { CsvImportPreview } from '../../lib/bindings/CsvImportPreview';
import type { CsvKind } from '../../lib/bindings/CsvKind';
import type { CsvSheet } from '../../lib/bindings/CsvSheet';
import type { ExportReport } from '../../lib/bindings/ExportReport';
import { enqueue } from '../../lib/shared/queue.svelte';
import { undo } from '../../lib/shared/history';
import { toasts } from '../../lib/shared/toasts-state.svelte';
import { board } from '../work/board-state.svelte';
import { raid } from '../raid/raid-state.svelte';
import { workspace } from '../workspace/workspace.svelte';

const csvFilters = [{ name: 'CSV file', extensions: ['csv', 'tsv', 'txt'] }];

export const KIND_LABELS: Record<CsvKind, string> = { work_items: 'work items', risks: 'risks' };

/** The grids' names as their export buttons and file names use them. */
export const GRID_LABELS: Record<CsvGrid, string> = {
  work_items: 'Work items',
  risks: 'Risks',
  issues: 'Issues',
  assumptions: 'Assumptions',
  dependencies: 'Dependencies',
  stakeholders: 'Stakeholders',
  deliverables: 'Deliverables',
  budget_lines: 'Budget',
  cost_entries: 'Costs',
  meetings: 'Meetings',
  lessons: 'Lessons',
  incidents: 'Incidents',
};

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 work items, 1 person" from the core's counts. */
export function describeCounts(counts: { what: string; count: number }[]): string {
  return counts.map((c) => `${c.count} ${c.count === 1 && c.what === 'people' ? 'person' : c.what}`).join(', ');
}

/** A safe file name from a project's or grid's name. */
export function fileNameFor(...parts: string[]): string {
  return parts
    .filter(Boolean)
    .join(' ')
    .replace(/[\\/:*?"<>|]+/g, '-')
    .trim();
}

class CsvImportState {
  path = $state<string | null>(null);
  projectId = $state<number | null>(null);
  kind = $state<CsvKind>('work_items');
  sheet = $state<CsvSheet | null>(null);
  mapping = $state<(string | null)[]>([]);
  preview = $state<CsvImportPreview | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  skipBadRows = $state(false);
  #previewSeq = 0;

  get open() {
    return this.sheet != null;
  }

  get fileName() {
    return this.path?.split(/[\\/]/).pop() ?? '';
  }

  /** Asks for a file, reads it and opens the mapping step. A refused file is a toast. */
  async start(projectId: number, kind: CsvKind) {
    let path: string | null = null;
    try {
      const chosen = await chooseFile({
        filters: csvFilters,
        title: `Import ${KIND_LABELS[kind]} from CSV`,
      });
      path = chosen;
    } catch (e) {
      toasts.error(`The file dialog could not be shown: ${toCommandError(e).message}`);
      return;
    }
    if (!path) return;
    try {
      const sheet = await api.csvInspect(path, kind);
      this.path = path;
      this.projectId = projectId;
      this.kind = kind;
      this.mapping = [...sheet.mapping];
      this.skipBadRows = false;
      this.error = null;
      this.preview = null;
      this.sheet = sheet;
      await this.refreshPreview();
    } catch (e) {
      toasts.error(toCommandError(e).message);
    }
  }

  setColumn(index: number, key: string | null) {
    this.mapping = this.mapping.map((m, i) => (i === index ? key : m));
    void this.refreshPreview();
  }

  /** Asks the core what the import would do with the mapping as it is now. */
  async refreshPreview() {
    if (!this.path || this.projectId == null) return;
    const seq = ++this.#previewSeq;
    try {
      const preview = await api.csvImportPreview(this.path, this.projectId, this.kind, [...this.mapping]);
      if (seq !== this.#previewSeq) return;
      this.preview = preview;
      this.error = null;
    } catch (e) {
      if (seq !== this.#previewSeq) return;
      this.preview = null;
      this.error = toCommandError(e).message;
    }
  }

  get canImport() {
    const p = this.preview;
    return !this.busy && p != null && p.good_rows > 0 && (p.problem_rows === 0 || this.skipBadRows);
  }

  async apply() {
    if (!this.canImport || !this.path || this.projectId == null) return;
    this.busy = true;
    const projectId = this.projectId;
    const kind = this.kind;
    try {
      const done = await enqueue(() => api.csvImport(this.path!, projectId, kind, [...this.mapping], this.skipBadRows));
      this.close();
      workspace.afterEdit();
      const made = describeCounts(done.preview.creates);
      const skipped = done.problem_rows > 0 ? `; ${count(done.problem_rows, 'row')} skipped` : '';
      toasts.show(`Imported ${made}${skipped}`, { action: { label: 'Undo', run: () => void undo() } });
      if (kind === 'work_items') await board.reload();
      else await raid.load(projectId);
    } catch (e) {
      this.error = toCommandError(e).message;
    } finally {
      this.busy = false;
    }
  }

  close() {
    this.sheet = null;
    this.preview = null;
    this.path = null;
    this.error = null;
  }

  reset() {
    this.close();
    this.busy = false;
    this.#previewSeq = 0;
  }
}

export const csvImport = new CsvImportState();

async function pickSavePath(defaultPath: string, ext: string, name: string, title: string): Promise<string | null> {
  try {
    return await chooseSaveFile({ defaultPath, filters: [{ name, extensions: [ext] }], title });
  } catch (e) {
    toasts.error(`The file dialog could not be shown: ${toCommandError(e).message}`);
    return null;
  }
}

function reportToast(report: ExportReport, path: string) {
  const file = path.split(/[\\/]/).pop() ?? path;
  const what = report.written.length ? describeCounts(report.written) : 'nothing to write';
  toasts.show(`Exported ${what} to ${file}`);
}

/** Writes one grid as CSV, after asking where. Returns the report (null when cancelled or refused). */
export async function exportGridCsv(grid: CsvGrid, projectId: number | null, projectName = '') {
  const path = await pickSavePath(
    `${fileNameFor(projectName, GRID_LABELS[grid])}.csv`,
    'csv',
    'CSV file',
    `Export ${GRID_LABELS[grid].toLowerCase()} as CSV`,
  );
  if (!path) return null;
  try {
    const report = await api.csvExport(path, grid, projectId);
    reportToast(report, path);
    return report;
  } catch (e) {
    toasts.error(toCommandError(e).message);
    return null;
  }
}

/** Writes the calendar of a project (or of the workspace, with null), after asking where. */
export async function exportCalendar(projectId: number | null, name: string) {
  const path = await pickSavePath(`${fileNameFor(name)}.ics`, 'ics', 'iCalendar file', 'Export to calendar');
  if (!path) return null;
  try {
    const report = await api.icalExport(path, projectId);
    reportToast(report, path);
    return report;
  } catch (e) {
    toasts.error(toCommandError(e).message);
    return null;
  }
}
