// Native open/save dialogs, filtered to workspace files (and PDF for reports).
import { open, save } from '@tauri-apps/plugin-dialog';

const filters = [{ name: 'Bridgeplan workspace', extensions: ['bridgeplan'] }];

/** Some platforms' save dialogs do not add the extension the filter names. */
function withExtension(path: string): string {
  return path.toLowerCase().endsWith('.bridgeplan') ? path : `${path}.bridgeplan`;
}

export async function pickWorkspaceToOpen(): Promise<string | null> {
  const path = await open({ multiple: false, directory: false, filters, title: 'Open workspace' });
  return typeof path === 'string' ? path : null;
}

export async function pickNewWorkspacePath(defaultPath = 'Untitled.bridgeplan'): Promise<string | null> {
  const path = await save({ defaultPath, filters, title: 'New workspace' });
  return path ? withExtension(path) : null;
}

export async function pickCopyPath(defaultPath: string): Promise<string | null> {
  const path = await save({ defaultPath, filters, title: 'Save a copy as' });
  return path ? withExtension(path) : null;
}

const pdfFilters = [{ name: 'PDF document', extensions: ['pdf'] }];

/** Where to save a report; `defaultName` is the file name the backend suggests. */
export async function pickReportPath(defaultName: string): Promise<string | null> {
  const path = await save({ defaultPath: defaultName, filters: pdfFilters, title: 'Save report as' });
  if (!path) return null;
  return path.toLowerCase().endsWith('.pdf') ? path : `${path}.pdf`;
}
