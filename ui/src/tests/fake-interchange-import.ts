// Imports and the Microsoft Project export in the fake backend. A path ending in .json previews
// as a Trello board, .csv as a Jira export, .xml as Microsoft Project; a path containing "bad"
// is refused as the core refuses a file that is not of its format. Importing adds a project
// with the preview's columns and items as one undoable step.
import type { ExportReport } from '../lib/bindings/ExportReport';
import type { ImportFormat } from '../lib/bindings/ImportFormat';
import type { ImportPreview } from '../lib/bindings/ImportPreview';
import type { FakeBackend } from './fake-backend';

const NAMES: Record<ImportFormat, string> = {
  trello: 'Trello board',
  jira: 'Jira CSV',
  mspdi: 'Microsoft Project XML',
};

export class FakeInterchangeImport {
  /** The board a Trello path previews as (a test may change it). */
  project = 'Simple Project Board';
  exports: { project_id: number; path: string }[] = [];

  constructor(fake: FakeBackend) {
    const preview = (path: string, format: ImportFormat): ImportPreview => {
      if (path.includes('bad'))
        throw {
          code: 'invalid_input',
          message: 'This file is not JSON, so it is not a Trello board export. Nothing was imported.',
        };
      const name = format === 'trello' ? this.project : (path.split('/').pop() ?? path).replace(/\.\w+$/, '');
      if (fake.projects.some((p) => p.name.toLowerCase() === name.toLowerCase()))
        throw {
          code: 'duplicate',
          message: `A project named "${name}" already exists in this workspace. Rename or delete it first, then import again. Nothing was imported.`,
        };
      return {
        format: NAMES[format],
        project: name,
        creates: [
          { what: 'project', count: 1 },
          { what: 'columns', count: 2 },
          { what: 'work items', count: 3 },
        ],
        not_kept: ['5 attachments (files and links on cards).', '4 comments.'],
        skipped: ['1 archived card skipped.'],
      };
    };
    fake
      .answer('interchange_import_preview', (a) => preview(a.path as string, a.format as ImportFormat))
      .answer('interchange_import_apply', (a) => {
        const p = preview(a.path as string, a.format as ImportFormat);
        return fake.edit(
          `Import "${p.project}"`,
          () => null,
          () => undefined,
          () => {
            const project = fake.addProject(p.project, [
              ['To do', null, 'todo'],
              ['Done', null, 'done'],
            ]);
            fake.addItems('To do', ['First card', 'Second card'], project.id);
            fake.addItems('Done', ['Third card'], project.id);
            project.item_count = 3;
            return { project: { ...project }, preview: p };
          },
        );
      })
      .answer('interchange_export_mspdi', (a): ExportReport => {
        this.exports.push({ project_id: a.project_id as number, path: a.path as string });
        return {
          format: 'Microsoft Project XML',
          written: [
            { what: 'tasks', count: 4 },
            { what: 'dependencies', count: 3 },
          ],
          not_kept: ['Story points of 2 tasks (Microsoft Project has no field for them).'],
        };
      });
  }
}
