// The timeline of the selected project: the schedule the backend computed, what the timeline
// keeps while the user switches views (zoom, folded summaries, focused row), and the two edits
// it makes (adding and removing a dependency). A dependency can move every date after it and
// the backend does the scheduling, so after an edit the schedule is fetched again rather than
// patched here.
import * as api from '../api';
import { toCommandError } from '../api';
import type { ProjectSchedule } from '../bindings/ProjectSchedule';
import { reportPainted } from '../paint-probe';
import { OUTLINE_WIDTH, type Zoom } from '../timeline-geometry';
import { enqueue } from './queue.svelte';
import { session } from './session.svelte';
import { toasts } from './toasts.svelte';
import { workspace } from './workspace.svelte';

class TimelineState {
  schedule = $state.raw<ProjectSchedule | null>(null);
  loading = $state(false);
  loadError = $state<string | null>(null);
  zoom = $state<Zoom>('week');
  /** The summary tasks folded away (item ids). */
  collapsed = $state.raw<ReadonlySet<number>>(new Set());
  focusedId = $state<number | null>(null);
  /** The outline grid's width, as the splitter left it. */
  outlineWidth = $state(OUTLINE_WIDTH);

  #projectId: number | null = null;
  #token = 0;
  #reloading: Promise<void> | null = null;

  get projectId() {
    return this.#projectId;
  }

  get editable() {
    return !session.readOnly && this.schedule != null;
  }

  /** Shows a project's schedule. Showing the same project again keeps its rows on screen. */
  async load(projectId: number) {
    if (projectId !== this.#projectId) {
      this.#projectId = projectId;
      this.schedule = null;
      this.collapsed = new Set();
      this.focusedId = null;
    }
    this.loading = true;
    this.loadError = null;
    await this.#fetch();
  }

  /**
   * Fetches the schedule again (after an undo, or an edit in the detail panel). Calls in the
   * same turn of the event loop share one fetch: an undo asks twice (the history hook, and
   * the board it reloads).
   */
  reload(): Promise<void> {
    this.#reloading ??= new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
      this.#reloading = null;
      return this.#fetch();
    });
    return this.#reloading;
  }

  async #fetch() {
    const id = this.#projectId;
    if (id == null) return;
    const token = ++this.#token;
    try {
      const schedule = await api.scheduleGet(id);
      if (token !== this.#token) return;
      const first = this.schedule == null;
      this.schedule = schedule;
      this.loadError = null;
      if (first && workspace.view === 'timeline') void reportPainted();
    } catch (e) {
      if (token !== this.#token) return;
      const message = toCommandError(e).message;
      // With a schedule on screen a failed refresh is a notice; without one it is the view.
      if (this.schedule) toasts.error(message);
      else this.loadError = message;
    } finally {
      if (token === this.#token) this.loading = false;
    }
  }

  setCollapsed(id: number, folded: boolean) {
    if (this.collapsed.has(id) === folded) return;
    const next = new Set(this.collapsed);
    if (folded) next.add(id);
    else next.delete(id);
    this.collapsed = next;
  }

  #name(id: number): string {
    return this.schedule?.tasks.find((t) => t.item_id === id)?.name ?? 'a task';
  }

  /** Makes `to` depend on `from` (finish-to-start, no lag). A refusal is shown as it is. */
  async addLink(from: number, to: number, undo: () => void): Promise<boolean> {
    if (!this.editable) return false;
    try {
      await enqueue(() => api.dependencyAdd(from, to, 'fs', 0));
    } catch (e) {
      toasts.error(toCommandError(e).message);
      return false;
    }
    workspace.afterEdit();
    toasts.show(`Linked ${this.#name(from)} → ${this.#name(to)}`, { action: { label: 'Undo', run: undo } });
    await this.#fetch();
    return true;
  }

  async removeLink(id: number, undo: () => void): Promise<boolean> {
    const link = this.schedule?.links.find((l) => l.id === id);
    if (!this.editable || !link) return false;
    try {
      await enqueue(() => api.dependencyRemove(id));
    } catch (e) {
      toasts.error(toCommandError(e).message);
      return false;
    }
    // The arrow goes at once; the dates it held are recomputed by the fetch below.
    if (this.schedule) this.schedule = { ...this.schedule, links: this.schedule.links.filter((l) => l.id !== id) };
    workspace.afterEdit();
    const label = `${this.#name(link.predecessor_id)} → ${this.#name(link.successor_id)}`;
    toasts.show(`Removed the link ${label}`, { action: { label: 'Undo', run: undo } });
    await this.#fetch();
    return true;
  }

  reset() {
    this.#token++;
    this.#projectId = null;
    this.schedule = null;
    this.loading = false;
    this.loadError = null;
    this.zoom = 'week';
    this.collapsed = new Set();
    this.focusedId = null;
    this.outlineWidth = OUTLINE_WIDTH;
  }
}

export const timeline = new TimelineState();
