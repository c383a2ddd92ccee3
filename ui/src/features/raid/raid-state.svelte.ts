// The RAID tab's state: the project's log as the core last answered it, the section shown,
// the heat-map cell that filters the register, and what the side panel edits. Edits run in
// the app's edit queue and each answers with the whole log again.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { RaidLog } from '../../lib/bindings/RaidLog';
import { enqueue } from '../../lib/shared/queue.svelte';
import { undo } from '../../lib/shared/history';
import { toasts } from '../../lib/shared/toasts-state.svelte';
import { workspace } from '../workspace/workspace.svelte';

export type RaidSection = 'risks' | 'issues' | 'assumptions' | 'dependencies';
export type HeatMode = 'inherent' | 'residual';
/** The row the side panel edits: an existing row's id, or 'new' for one being added. */
export type Selection = number | 'new' | null;

class RaidState {
  data = $state<RaidLog | null>(null);
  error = $state<string | null>(null);
  section = $state<RaidSection>('risks');
  mode = $state<HeatMode>('inherent');
  /** The heat-map cell the register is filtered to. */
  cell = $state<{ probability: number; impact: number } | null>(null);
  selected = $state<Selection>(null);
  #projectId: number | null = null;

  async load(projectId: number) {
    if (this.#projectId !== projectId) {
      this.#projectId = projectId;
      this.data = null;
      this.selected = null;
      this.cell = null;
    }
    try {
      const data = await api.raidGet(projectId);
      if (this.#projectId === projectId) {
        this.data = data;
        this.error = null;
      }
    } catch (e) {
      this.error = toCommandError(e).message;
    }
  }

  /** Clicking the filtered cell again clears the filter. */
  toggleCell(probability: number, impact: number) {
    this.cell = this.cell?.probability === probability && this.cell.impact === impact ? null : { probability, impact };
  }

  show(section: RaidSection) {
    this.section = section;
    this.selected = null;
  }

  /**
   * Runs an edit; its answer becomes the log shown. `undoToast` names a step worth an undo
   * button (deletes). Returns the refusal's message, or null.
   */
  async edit(fn: () => Promise<RaidLog>, undoToast?: string): Promise<string | null> {
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
    this.section = 'risks';
    this.mode = 'inherent';
    this.cell = null;
    this.selected = null;
    this.#projectId = null;
  }
}

export const raid = new RaidState();
