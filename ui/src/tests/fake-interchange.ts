// Interchange in the fake backend: a JSON export answers with the counts of the fake's
// projects and items; an import refuses a path a test marks as taken, as the core does.
import type { ExportReport } from '../lib/bindings/ExportReport';
import type { WorkspaceImport } from '../lib/bindings/WorkspaceImport';
import type { FakeBackend } from './fake-backend';

const NOTES = [
  'The undo history is not included: Bridgeplan keeps it only while a workspace is open, never in the file.',
  'The search index is not included: it is derived from the rows, and the import rebuilds it.',
];

export class FakeInterchange {
  /** Files that exist: an import into one is refused. */
  existing = new Set<string>();
  /** The schema of the document an import reads. */
  fromSchema = 12;

  constructor(fake: FakeBackend) {
    const items = () => [...fake.columns.values()].reduce((n, list) => n + list.length, 0);
    fake
      .answer('workspace_export_json', (): ExportReport => {
        this.existing.add('export');
        return {
          format: 'Bridgeplan workspace JSON',
          written: [
            { what: 'projects', count: fake.projects.length },
            { what: 'work items', count: items() },
            { what: 'rows in all, in 60 tables', count: 500 },
          ],
          not_kept: NOTES,
        };
      })
      .answer('workspace_import_json', (a): WorkspaceImport => {
        const dest = a.dest as string;
        if (this.existing.has(dest))
          throw {
            code: 'duplicate',
            message: `${dest} already exists. An import makes a new workspace: choose a name no file has yet. Nothing was created.`,
          };
        return {
          path: dest,
          name: 'Northwind Logistics IT',
          from_schema: this.fromSchema,
          schema: 12,
          preview: {
            format: 'Bridgeplan workspace JSON',
            project: 'Northwind Logistics IT',
            creates: [
              { what: 'projects', count: 4 },
              { what: 'work items', count: 96 },
              { what: 'rows in all, in 60 tables', count: 1200 },
            ],
            not_kept: NOTES,
            skipped: [],
          },
        };
      });
  }
}
