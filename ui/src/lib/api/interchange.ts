// Plans in and out of other formats: the whole workspace as lossless JSON (more formats later).
import { call } from './index';
import type { ExportReport } from '../bindings/ExportReport';
import type { WorkspaceImport } from '../bindings/WorkspaceImport';

/** Writes the open workspace, every row of every table, as JSON to `path`. */
export const workspaceExportJson = (path: string): Promise<ExportReport> => call('workspace_export_json', { path });

/** Makes the new workspace file `dest` from the JSON export `source` (refused if `dest` exists). */
export const workspaceImportJson = (source: string, dest: string): Promise<WorkspaceImport> =>
  call('workspace_import_json', { source, dest });
