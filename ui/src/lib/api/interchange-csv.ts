// CSV import (work items or risks into a project, through a column mapping) and export of a
// grid; the calendar (.ics) export of milestones, meetings and due dates.
import { call } from './index';
import type { CsvGrid } from '../bindings/CsvGrid';
import type { CsvImportPreview } from '../bindings/CsvImportPreview';
import type { CsvKind } from '../bindings/CsvKind';
import type { CsvSheet } from '../bindings/CsvSheet';
import type { ExportReport } from '../bindings/ExportReport';

/** Per column of the file, the field it fills (a `CsvField` key) or null for nothing. */
export type CsvMapping = (string | null)[];

/** Reads the file: columns, first rows, and the mapping to preselect (remembered or guessed). */
export const csvInspect = (path: string, kind: CsvKind) => call<CsvSheet>('csv_inspect', { path, kind });
/** What the import would create, with each bad row named. Writes nothing. */
export const csvImportPreview = (path: string, projectId: number, kind: CsvKind, mapping: CsvMapping) =>
  call<CsvImportPreview>('csv_import_preview', { path, project_id: projectId, kind, mapping });
/** Imports in one undoable edit; refused while rows have problems unless `skipBadRows`. */
export const csvImport = (path: string, projectId: number, kind: CsvKind, mapping: CsvMapping, skipBadRows: boolean) =>
  call<CsvImportPreview>('csv_import', { path, project_id: projectId, kind, mapping, skip_bad_rows: skipBadRows });
/** Writes one grid as CSV to `path`, whole or not at all. */
export const csvExport = (path: string, grid: CsvGrid, projectId: number | null) =>
  call<ExportReport>('csv_export', { path, grid, project_id: projectId });
/** Writes the calendar of one project (or of every project, with null) to `path`. */
export const icalExport = (path: string, projectId: number | null) =>
  call<ExportReport>('ical_export', { path, project_id: projectId });
