// Native open/save dialogs, filtered to workspace files (and PDF for reports). The backend
// shows them and adds the filter's extension when a save dialog leaves it out.
import { pathOpen, pathSave } from '../api/paths';
import type { DialogOptions } from '../bindings/DialogOptions';

/** The open dialog: the chosen file, or null when cancelled. */
export const chooseFile = (options: DialogOptions) => pathOpen(options);
/** The save dialog: the chosen file, or null when cancelled. */
export const chooseSaveFile = (options: DialogOptions) => pathSave(options);

const filters = [{ name: 'Bridgeplan workspace', extensions: ['bridgeplan'] }];

export function pickWorkspaceToOpen(): Promise<string | null> {
  return chooseFile({ filters, title: 'Open workspace' });
}

export function pickNewWorkspacePath(defaultPath = 'Untitled.bridgeplan'): Promise<string | null> {
  return chooseSaveFile({ defaultPath, filters, title: 'New workspace' });
}

export function pickCopyPath(defaultPath: string): Promise<string | null> {
  return chooseSaveFile({ defaultPath, filters, title: 'Save a copy as' });
}

const pdfFilters = [{ name: 'PDF document', extensions: ['pdf'] }];

/** Where to save a report; `defaultName` is the file name the backend suggests. */
export function pickReportPath(defaultName: string): Promise<string | null> {
  return chooseSaveFile({ defaultPath: defaultName, filters: pdfFilters, title: 'Save report as' });
}
