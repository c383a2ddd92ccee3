// Launching the app again on a file (a double click on a .bridgeplan file, `bridgeplan FILE`)
// while it runs hands the file to this window: the backend sends its path, and it opens here.
import { listen } from '@tauri-apps/api/event';

/** The event the backend sends; its payload is the file's path. */
export const OPEN_FILE_EVENT = 'open-file';

/** Calls `open` with each file a later launch named. */
export async function listenForLaunchedFiles(open: (path: string) => void): Promise<() => void> {
  try {
    return await listen<string>(OPEN_FILE_EVENT, (event) => open(event.payload));
  } catch {
    // No backend to listen to (the UI in a plain browser): nothing to do.
    return () => {};
  }
}
