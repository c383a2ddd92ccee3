// Dropping a .bridgeplan file on the window opens it (the webview reports dropped files).
import { getCurrentWebview } from '@tauri-apps/api/webview';

/** The first workspace file among dropped paths, if any. */
export function workspaceFromDrop(paths: string[]): string | null {
  return paths.find((p) => p.toLowerCase().endsWith('.bridgeplan')) ?? null;
}

/** Calls `open` with a dropped workspace, or `refuse` when other files were dropped. */
export async function listenForDroppedWorkspaces(
  open: (path: string) => void,
  refuse: (message: string) => void,
): Promise<() => void> {
  try {
    return await getCurrentWebview().onDragDropEvent((event) => {
      if (event.payload.type !== 'drop' || event.payload.paths.length === 0) return;
      const file = workspaceFromDrop(event.payload.paths);
      if (file) open(file);
      else refuse('Only Bridgeplan workspaces (.bridgeplan files) can be opened by dropping them here.');
    });
  } catch {
    // No webview to listen to (e.g. the UI running in a plain browser): nothing to do.
    return () => {};
  }
}
