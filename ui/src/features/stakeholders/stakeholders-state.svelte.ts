// The Stakeholders tab's state: the project's register, plan and RACI as the core last answered
// them, and edits that each answer with all of it again, run in the app's edit queue in order.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { CommandError } from '../../lib/bindings/CommandError';
import type { ProjectStakeholders } from '../../lib/bindings/ProjectStakeholders';
import { enqueue } from '../../lib/shared/queue.svelte';
import { undo } from '../../lib/shared/history';
import { toasts } from '../../lib/shared/toasts-state.svelte';
import { workspace } from '../workspace/workspace.svelte';

export type Section = 'register' | 'communications' | 'raci';

class StakeholdersState {
  data = $state<ProjectStakeholders | null>(null);
  error = $state<string | null>(null);
  section = $state<Section>('register');
  #projectId: number | null = null;

  async load(projectId: number) {
    if (this.#projectId !== projectId) {
      this.#projectId = projectId;
      this.data = null;
      this.error = null;
    }
    try {
      const data = await api.stakeholdersGet(projectId);
      if (this.#projectId === projectId) {
        this.data = data;
        this.error = null;
      }
    } catch (e) {
      if (this.#projectId === projectId) this.error = toCommandError(e).message;
    }
  }

  /**
   * Runs an edit; its answer becomes what the tab shows. `undoToast` names a step worth an undo
   * button. Returns the refusal, or null. `quiet` leaves showing the refusal to the caller.
   */
  async edit(
    fn: () => Promise<ProjectStakeholders>,
    options: { undoToast?: string; quiet?: boolean } = {},
  ): Promise<CommandError | null> {
    try {
      this.data = await enqueue(fn);
      this.error = null;
      workspace.afterEdit();
      if (options.undoToast) toasts.show(options.undoToast, { action: { label: 'Undo', run: () => void undo() } });
      return null;
    } catch (e) {
      const error = toCommandError(e);
      if (!options.quiet) toasts.error(error.message);
      return error;
    }
  }

  reset() {
    this.data = null;
    this.error = null;
    this.section = 'register';
    this.#projectId = null;
  }
}

export const stakeholders = new StakeholdersState();

export const ATTITUDES = ['unaware', 'resistant', 'neutral', 'supportive', 'leading'] as const;
export const attitudeLabel = (a: string) => a[0].toUpperCase() + a.slice(1);
export const QUADRANT_LABELS: Record<string, string> = {
  manage_closely: 'Manage closely',
  keep_satisfied: 'Keep satisfied',
  keep_informed: 'Keep informed',
  monitor: 'Monitor',
};
export const FREQUENCIES = [
  ['daily', 'Daily'],
  ['weekly', 'Weekly'],
  ['fortnightly', 'Fortnightly'],
  ['monthly', 'Monthly'],
  ['quarterly', 'Quarterly'],
  ['per_phase', 'Per phase'],
  ['ad_hoc', 'Ad hoc'],
] as const;
