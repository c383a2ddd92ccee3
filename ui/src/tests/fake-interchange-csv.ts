// CSV import/export and the calendar export in the fake backend. A test puts a "file" at a
// path (`files.set(path, {headers, rows})`); inspect guesses a field per header by its name
// and gives back a mapping remembered by an earlier import of the same headers; the preview
// names rows whose status is not a column of the board; the import adds the items to the
// board in one undoable step; exports record what they would write in `written`.
import type { CsvField } from '../lib/bindings/CsvField';
import type { CsvImportPreview } from '../lib/bindings/CsvImportPreview';
import type { CsvKind } from '../lib/bindings/CsvKind';
import type { CsvSheet } from '../lib/bindings/CsvSheet';
import type { ExportReport } from '../lib/bindings/ExportReport';
import type { FakeBackend } from './fake-backend';

export type FakeCsvFile = { headers: string[]; rows: string[][] };

const FIELDS: Record<CsvKind, CsvField[]> = {
  work_items: [
    { key: 'title', label: 'Title', required: true },
    { key: 'description', label: 'Description', required: false },
    { key: 'status', label: 'Status (board column)', required: false },
    { key: 'assignee', label: 'Assignee', required: false },
    { key: 'due_date', label: 'Due date', required: false },
  ],
  risks: [
    { key: 'title', label: 'Title', required: true },
    { key: 'probability', label: 'Probability (1–5)', required: false },
    { key: 'impact', label: 'Impact (1–5)', required: false },
  ],
};

export class FakeInterchangeCsv {
  files = new Map<string, FakeCsvFile>();
  remembered = new Map<string, (string | null)[]>();
  written: { path: string; what: string; project_id: number | null }[] = [];

  constructor(fake: FakeBackend) {
    const file = (path: unknown) => {
      const f = this.files.get(path as string);
      if (!f) throw { code: 'io', message: `Could not read ${path}: no such file.` };
      if (f.rows.length === 0)
        throw {
          code: 'invalid_input',
          message: 'The file has a header row but no rows under it, so there is nothing to import.',
        };
      return f;
    };
    const key = (kind: CsvKind, f: FakeCsvFile) => `${kind}:${f.headers.map((h) => h.toLowerCase()).join('|')}`;
    const plan = (a: Record<string, unknown>): CsvImportPreview => {
      const f = file(a.path);
      const mapping = a.mapping as (string | null)[];
      const title = mapping.indexOf('title');
      if (title < 0)
        throw {
          code: 'invalid_input',
          message: 'No column is mapped to Title; every row needs one, so map the column that names them.',
        };
      const project = fake.projects.find((p) => p.id === a.project_id)!;
      const statusCol = mapping.indexOf('status');
      const names = fake.statuses.filter((s) => s.project_id === project.id).map((s) => s.name);
      const problems: string[] = [];
      f.rows.forEach((row, i) => {
        if (!row[title]?.trim()) problems.push(`Row ${i + 2}: the title is empty`);
        const status = statusCol >= 0 ? row[statusCol]?.trim() : '';
        if (status && !names.some((n) => n.toLowerCase() === status.toLowerCase()))
          problems.push(`Row ${i + 2}: status "${status}" is not a column of this board (${names.join(', ')})`);
      });
      const bad = new Set(problems.map((p) => p.split(':')[0])).size;
      const good = f.rows.length - bad;
      const notKept = f.headers
        .map((h, i) => [h, i] as const)
        .filter(([, i]) => mapping[i] == null && f.rows.some((r) => r[i]?.trim()))
        .map(([h]) => `The "${h}" column is mapped to nothing: its values are not imported.`);
      const what = (a.kind as CsvKind) === 'risks' ? 'risks' : 'work items';
      return {
        preview: {
          format: `CSV (${what})`,
          project: project.name,
          creates: good > 0 ? [{ what, count: good }] : [],
          not_kept: notKept,
          skipped: bad > 0 ? [`${bad} rows with problems (listed below) left out if you choose to skip them.`] : [],
        },
        problems,
        problem_rows: bad,
        good_rows: good,
      };
    };
    fake
      .answer('csv_inspect', (a): CsvSheet => {
        const f = file(a.path);
        const kind = a.kind as CsvKind;
        const fields = FIELDS[kind];
        const remembered = this.remembered.get(key(kind, f));
        const guess = f.headers.map(
          (h) =>
            fields.find((x) => x.key === h.toLowerCase() || x.label.toLowerCase() === h.toLowerCase())?.key ?? null,
        );
        return {
          kind,
          delimiter: ',',
          headers: f.headers,
          sample: f.rows.slice(0, 5),
          row_count: f.rows.length,
          mapping: remembered ?? guess,
          remembered: remembered != null,
          fields,
        };
      })
      .answer('csv_import_preview', plan)
      .answer('csv_import', (a) => {
        const preview = plan(a);
        if (preview.problem_rows > 0 && !a.skip_bad_rows)
          throw {
            code: 'invalid_input',
            message: `${preview.problem_rows} rows of the file cannot be imported (${preview.problems[0]}). Fix the file, or choose to skip those rows. Nothing was imported.`,
          };
        const f = file(a.path);
        const mapping = a.mapping as (string | null)[];
        const projectId = a.project_id as number;
        const k = key(a.kind as CsvKind, f);
        const before = this.remembered.get(k);
        return fake.edit(
          `Import ${preview.good_rows} ${a.kind === 'risks' ? 'risks' : 'work items'} from CSV into ${preview.preview.project}`,
          () => (this.remembered.has(k) ? [...this.remembered.get(k)!] : before),
          (s) => (s ? this.remembered.set(k, s) : this.remembered.delete(k)),
          () => {
            if (a.kind === 'work_items') {
              const first = fake.statuses.find((s) => s.project_id === projectId)!;
              const title = mapping.indexOf('title');
              const statusCol = mapping.indexOf('status');
              const bad = new Set(preview.problems.map((p) => Number(p.split(':')[0].slice(4))));
              f.rows.forEach((row, i) => {
                if (bad.has(i + 2)) return;
                const named = statusCol >= 0 ? row[statusCol]?.trim().toLowerCase() : '';
                const status =
                  fake.statuses.find((s) => s.project_id === projectId && s.name.toLowerCase() === named) ?? first;
                fake.addItems(status.name, [row[title].trim()], projectId);
              });
            }
            this.remembered.set(k, [...mapping]);
            return preview;
          },
        );
      })
      .answer('csv_export', (a): ExportReport => {
        this.written.push({
          path: a.path as string,
          what: a.grid as string,
          project_id: a.project_id as number | null,
        });
        return { format: 'CSV', written: [{ what: String(a.grid).replace('_', ' '), count: 3 }], not_kept: [] };
      })
      .answer('ical_export', (a): ExportReport => {
        this.written.push({ path: a.path as string, what: 'ics', project_id: a.project_id as number | null });
        return { format: 'iCalendar', written: [{ what: 'milestones', count: 2 }], not_kept: [] };
      });
  }
}
