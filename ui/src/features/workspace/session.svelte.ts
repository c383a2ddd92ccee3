// Which workspace is open (if any), the recent list, and the errors of opening one.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { AppInfo } from '../../lib/bindings/AppInfo';
import type { CommandError } from '../../lib/bindings/CommandError';
import type { RecentEntry } from '../../lib/bindings/RecentEntry';
import type { WorkspaceInfo } from '../../lib/bindings/WorkspaceInfo';
import { setToday } from '../../lib/shared/clock';
import { startupMarks } from '../../lib/shared/startup-marks';
import { afterPaint } from '../../lib/shared/paint-probe';
import { pickCopyPath, pickNewWorkspacePath, pickWorkspaceToOpen } from '../../lib/shared/dialogs';
import { toasts } from '../../lib/shared/toasts-state.svelte';

class Session {
  /** session_start has answered: until then the window shows nothing but the background. */
  started = $state(false);
  workspace = $state<WorkspaceInfo | null>(null);
  /** The last failure to open or create a workspace, shown verbatim in the error banner. */
  error = $state<CommandError | null>(null);
  recent = $state<RecentEntry[]>([]);
  recentLoaded = $state(false);
  appInfo = $state<AppInfo | null>(null);
  busy = $state(false);

  get readOnly(): boolean {
    return this.workspace?.read_only != null;
  }

  async start() {
    try {
      const state = await api.sessionStart();
      startupMarks.firstIpc ??= Date.now();
      performance.mark('session_answered');
      setToday(state.today);
      this.workspace = state.workspace;
      this.error = state.error;
    } catch (e) {
      this.error = toCommandError(e);
    }
    this.started = true;
    if (!this.workspace) await this.loadRecent();
    // Only the About box and the start screen show it: after the first view's own queries.
    void afterPaint(this.workspace ? 1500 : 0).then(() =>
      api
        .appInfo()
        .then((info) => (this.appInfo = info))
        .catch(() => undefined),
    );
  }

  async loadRecent() {
    try {
      this.recent = await api.recentList();
    } catch (e) {
      toasts.error(toCommandError(e).message);
    }
    this.recentLoaded = true;
  }

  async removeRecent(path: string) {
    try {
      this.recent = await api.recentRemove(path);
    } catch (e) {
      toasts.error(toCommandError(e).message);
    }
  }

  /** Opens or creates a workspace; the current one stays open if that fails. */
  async #switchTo(open: () => Promise<WorkspaceInfo>) {
    this.busy = true;
    try {
      const info = await open();
      this.error = null;
      this.workspace = info;
    } catch (e) {
      this.error = toCommandError(e);
      if (!this.workspace) await this.loadRecent();
    } finally {
      this.busy = false;
    }
  }

  openPath(path: string) {
    return this.#switchTo(() => api.workspaceOpen(path));
  }

  openDemo() {
    return this.#switchTo(() => api.workspaceOpenDemo());
  }

  async openWithDialog() {
    const path = await this.#pick(pickWorkspaceToOpen);
    if (path) await this.openPath(path);
  }

  async newWithDialog() {
    const path = await this.#pick(pickNewWorkspacePath);
    if (path) await this.#switchTo(() => api.workspaceNew(path));
  }

  async saveCopyWithDialog() {
    const name = this.workspace?.name ?? 'Workspace';
    const path = await this.#pick(() => pickCopyPath(`${name} (copy).bridgeplan`));
    if (!path) return;
    try {
      await api.workspaceSaveCopy(path);
      toasts.show(`Saved a copy as ${path.split(/[\\/]/).pop()}. You are still working in ${name}.`);
    } catch (e) {
      toasts.error(toCommandError(e).message);
    }
  }

  async close() {
    try {
      await api.workspaceClose();
    } catch (e) {
      toasts.error(toCommandError(e).message);
      return;
    }
    this.workspace = null;
    this.error = null;
    await this.loadRecent();
  }

  async #pick(pick: () => Promise<string | null>): Promise<string | null> {
    try {
      return await pick();
    } catch (e) {
      toasts.error(`The file dialog could not be shown: ${toCommandError(e).message}`);
      return null;
    }
  }

  dismissError() {
    this.error = null;
  }

  reset() {
    this.started = false;
    this.workspace = null;
    this.error = null;
    this.recent = [];
    this.recentLoaded = false;
    this.appInfo = null;
    this.busy = false;
  }
}

export const session = new Session();
