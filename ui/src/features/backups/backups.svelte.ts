// The backups dialog's state: open or not, the list (newest first, as the backend gives it), the
// automatic backups' interval, and the actions "Back up now" and "Open as copy".
import { chooseSaveFile } from '../../lib/shared/dialogs';
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { BackupInfo } from '../../lib/bindings/BackupInfo';
import type { BackupSettings } from '../../lib/bindings/BackupSettings';
import { toasts } from '../../lib/shared/toasts-state.svelte';
import { session } from '../workspace/session.svelte';
import { copyName } from './backups';
import { workspace } from '../workspace/workspace.svelte';

/** Where to write the restored copy: the native save dialog. */
function pickRestorePath(defaultPath: string): Promise<string | null> {
  return chooseSaveFile({
    defaultPath,
    filters: [{ name: 'Bridgeplan workspace', extensions: ['bridgeplan'] }],
    title: 'Open the backup as a copy',
  });
}

class Backups {
  open = $state(false);
  loading = $state(false);
  list = $state<BackupInfo[]>([]);
  settings = $state<BackupSettings | null>(null);
  /** Why the list could not be read (shown in the dialog). */
  error = $state<string | null>(null);
  /** A backup or a restore is running: its buttons wait. */
  busy = $state(false);

  async show() {
    this.open = true;
    await this.load();
  }

  close() {
    this.open = false;
  }

  async load() {
    this.loading = true;
    this.error = null;
    try {
      const [list, settings] = await Promise.all([api.backupsList(), api.backupSettings()]);
      this.list = list;
      this.settings = settings;
    } catch (e) {
      this.error = toCommandError(e).message;
    } finally {
      this.loading = false;
    }
  }

  async backUpNow() {
    this.busy = true;
    try {
      const made = await api.backupNow();
      toasts.show(`Backed up as ${made.file_name}.`);
      if (this.open) await this.load();
    } catch (e) {
      toasts.error(toCommandError(e).message);
    } finally {
      this.busy = false;
    }
  }

  /** Asks where to put the copy, restores the backup there and opens the copy. */
  async openAsCopy(backup: BackupInfo) {
    const name = session.workspace?.name ?? 'Workspace';
    let path: string | null;
    try {
      path = await pickRestorePath(copyName(name, backup.taken_at));
    } catch (e) {
      toasts.error(`The file dialog could not be shown: ${toCommandError(e).message}`);
      return;
    }
    if (!path) return;
    this.busy = true;
    try {
      const info = await api.backupRestore(backup.path, path);
      this.open = false;
      session.error = null;
      session.workspace = info;
      toasts.show(`Opened the backup as ${path.split(/[\\/]/).pop()}. ${name} itself is unchanged.`);
    } catch (e) {
      toasts.error(toCommandError(e).message);
    } finally {
      this.busy = false;
    }
  }

  async setInterval(minutes: number) {
    try {
      this.settings = await api.backupSettingsSet(minutes);
      workspace.afterEdit();
    } catch (e) {
      toasts.error(toCommandError(e).message);
    }
  }

  reset() {
    this.open = false;
    this.loading = false;
    this.list = [];
    this.settings = null;
    this.error = null;
    this.busy = false;
  }
}

export const backups = new Backups();
