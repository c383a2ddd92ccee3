// Plans in and out of other tools' formats, grouped by format.
import { call } from './index';
import type { ExportReport } from '../bindings/ExportReport';
import type { ImportFormat } from '../bindings/ImportFormat';
import type { ImportPreview } from '../bindings/ImportPreview';
import type { ImportResult } from '../bindings/ImportResult';
import type { WorkspaceImport } from '../bindings/WorkspaceImport';

// Imports from Trello, Jira and Microsoft Project, and the Microsoft Project export.

/** What importing `path` (from the open dialog) would create and not keep; writes nothing. */
export const interchangeImportPreview = (path: string, format: ImportFormat) =>
  call<ImportPreview>('interchange_import_preview', { path, format });
/** Imports `path` as a new project, one undoable edit. */
export const interchangeImportApply = (path: string, format: ImportFormat) =>
  call<ImportResult>('interchange_import_apply', { path, format });
/** Writes a project as Microsoft Project XML to `path` (from the save dialog). */
export const interchangeExportMspdi = (project_id: number, path: string) =>
  call<ExportReport>('interchange_export_mspdi', { project_id, path });

// Lossless JSON: the whole workspace.

/** Writes the open workspace, every row of every table, as JSON to `path`. */
export const workspaceExportJson = (path: string): Promise<ExportReport> => call('workspace_export_json', { path });

/** Makes the new workspace file `dest` from the JSON export `source` (refused if `dest` exists). */
export const workspaceImportJson = (source: string, dest: string): Promise<WorkspaceImport> =>
  call('workspace_import_json', { source, dest });
