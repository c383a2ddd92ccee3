// The budget screen's state: earned value and its S-curve as of a date, the budget grid, budget
// against actual, and the cost entries of the selected project. Edits go through the edit queue
// and end with an Undo toast, as elsewhere.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { BudgetCell } from '../../lib/bindings/BudgetCell';
import type { BudgetGrid } from '../../lib/bindings/BudgetGrid';
import type { CostEntry } from '../../lib/bindings/CostEntry';
import type { CostEntryInput } from '../../lib/bindings/CostEntryInput';
import type { CostSummary } from '../../lib/bindings/CostSummary';
import type { SCurve } from '../../lib/bindings/SCurve';
import { todayIso } from '../../lib/shared/format';
import { enqueue } from '../../lib/shared/queue.svelte';
import { toasts } from '../../lib/shared/toasts-state.svelte';
import { session } from '../workspace/session.svelte';
import { workspace } from '../workspace/workspace.svelte';

class BudgetState {
  projectId = $state<number | null>(null);
  asOf = $state(todayIso());
  curve = $state<SCurve | null>(null);
  grid = $state<BudgetGrid | null>(null);
  summary = $state<CostSummary | null>(null);
  entries = $state<CostEntry[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);
  /** A failed earned-value question (a bad date) shows beside the date, not over the screen. */
  asOfError = $state<string | null>(null);
  /** What the toasts' Undo runs; the view sets it (the history module imports this state). */
  undo: () => void = () => undefined;

  reset() {
    this.projectId = null;
    this.asOf = todayIso();
    this.curve = null;
    this.grid = null;
    this.summary = null;
    this.entries = [];
    this.loading = false;
    this.error = null;
    this.asOfError = null;
  }

  async load(projectId: number) {
    if (this.projectId !== projectId) {
      this.projectId = projectId;
      this.curve = null;
      this.grid = null;
      this.asOf = todayIso();
    }
    this.loading = true;
    await this.reload();
    this.loading = false;
  }

  async reload() {
    const id = this.projectId;
    if (id == null) return;
    try {
      const [grid, entries] = await Promise.all([api.budgetGridGet(id), api.costEntriesList(id)]);
      if (id !== this.projectId) return;
      this.grid = grid;
      this.entries = entries;
      const from = grid.periods[0] ?? null;
      const to = grid.periods[grid.periods.length - 1] ?? null;
      this.summary = await api.costSummaryGet(id, from, to);
      this.error = null;
    } catch (e) {
      this.error = toCommandError(e).message;
    }
    await this.loadEarnedValue();
  }

  async loadEarnedValue() {
    const id = this.projectId;
    if (id == null) return;
    try {
      const curve = await api.earnedValueGet(id, this.asOf);
      if (id !== this.projectId) return;
      this.curve = curve;
      this.asOfError = null;
    } catch (e) {
      this.asOfError = toCommandError(e).message;
    }
  }

  async setAsOf(day: string) {
    this.asOf = day;
    await this.loadEarnedValue();
  }

  async #edit<T>(run: () => Promise<T>, message: string): Promise<string | null> {
    if (session.readOnly || this.projectId == null) return null;
    try {
      await enqueue(run);
    } catch (e) {
      return toCommandError(e).message;
    }
    workspace.afterEdit();
    toasts.show(message, { action: { label: 'Undo', run: () => this.undo() } });
    await this.reload();
    return null;
  }

  /** Sets cells in one step (one Undo); `amount_minor: null` clears a cell. */
  setCells(cells: BudgetCell[], message: string) {
    const id = this.projectId!;
    return this.#edit(() => api.budgetCellsSet(id, cells), message);
  }

  addEntry(input: CostEntryInput) {
    const id = this.projectId!;
    return this.#edit(() => api.costEntryAdd(id, input), `Added a cost of ${input.day}`);
  }

  updateEntry(id: number, input: CostEntryInput) {
    return this.#edit(() => api.costEntryUpdate(id, input), `Changed the cost of ${input.day}`);
  }

  deleteEntry(entry: CostEntry) {
    return this.#edit(() => api.costEntryDelete(entry.id), `Deleted the cost of ${entry.day}`);
  }
}

export const budget = new BudgetState();
