// The Flow view of a board: the cumulative flow of the last 60 days and the lead and cycle
// times of the items done. Read-only; fetched again after an undo or redo.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { CumulativeFlow } from '../../lib/bindings/CumulativeFlow';
import type { FlowTimes } from '../../lib/bindings/FlowTimes';
import { todayIso } from '../../lib/shared/format';
import { reportPainted } from '../../lib/shared/paint-probe';
import { workspace } from '../workspace/workspace.svelte';

export const FLOW_DAYS = 60;

/** YYYY-MM-DD `days` calendar days before `iso`. */
function daysBefore(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return todayIso(new Date(y, m - 1, d - days));
}

class FlowState {
  cumulative = $state.raw<CumulativeFlow | null>(null);
  times = $state.raw<FlowTimes | null>(null);
  loadError = $state<string | null>(null);

  #projectId: number | null = null;
  #token = 0;

  get projectId() {
    return this.#projectId;
  }

  async load(projectId: number) {
    if (projectId !== this.#projectId) {
      this.reset();
      this.#projectId = projectId;
    }
    await this.reload();
  }

  async reload() {
    const id = this.#projectId;
    if (id == null) return;
    const token = ++this.#token;
    const to = todayIso();
    try {
      const [cumulative, times] = await Promise.all([
        api.flowCumulative(id, daysBefore(to, FLOW_DAYS - 1), to),
        api.flowTimes(id),
      ]);
      if (token !== this.#token) return;
      const first = this.cumulative == null;
      this.cumulative = cumulative;
      this.times = times;
      this.loadError = null;
      if (first && workspace.view === 'flow') void reportPainted();
    } catch (e) {
      if (token === this.#token) this.loadError = toCommandError(e).message;
    }
  }

  reset() {
    this.#token++;
    this.#projectId = null;
    this.cumulative = null;
    this.times = null;
    this.loadError = null;
  }
}

export const flow = new FlowState();
