// The Scope tab's state: the project's scope as the core last answered it, and edits that
// each answer with the whole scope again. Edits run in the app's edit queue, in order.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { ProjectScope } from '../../lib/bindings/ProjectScope';
import { enqueue } from '../../lib/shared/queue.svelte';
import { undo } from '../../lib/shared/history';
import { toasts } from '../../lib/shared/toasts-state.svelte';
import { workspace } from '../workspace/workspace.svelte';

class ScopeState {
  data = $state<ProjectScope | null>(null);
  error = $state<string | null>(null);
  /** The change request open in the side panel. */
  selectedChange = $state<number | null>(null);
  #projectId: number | null = null;

  async load(projectId: number) {
    if (this.#projectId !== projectId) {
      this.#projectId = projectId;
      this.data = null;
      this.selectedChange = null;
    }
    try {
      const data = await api.scopeGet(projectId);
      if (this.#projectId === projectId) {
        this.data = data;
        this.error = null;
      }
    } catch (e) {
      this.error = toCommandError(e).message;
    }
  }

  /**
   * Runs an edit; its answer becomes the scope shown. `undoToast` names a step worth an undo
   * button (deletes, applying a change). Returns the refusal's message, or null.
   */
  async edit(fn: () => Promise<ProjectScope>, undoToast?: string): Promise<string | null> {
    try {
      this.data = await enqueue(fn);
      this.error = null;
      workspace.afterEdit();
      if (undoToast) toasts.show(undoToast, { action: { label: 'Undo', run: () => void undo() } });
      return null;
    } catch (e) {
      const message = toCommandError(e).message;
      toasts.error(message);
      return message;
    }
  }

  reset() {
    this.data = null;
    this.error = null;
    this.selectedChange = null;
    this.#projectId = null;
  }
}

export const scope = new ScopeState();
