// The timeline of the selected project: the schedule the backend computed, what the timeline
// keeps while the user switches views (zoom, folded summaries, focused row), and the edits it
// makes (adding and removing a dependency; moving a task, setting its finish, indenting and
// outdenting it). An edit can move every date after it and the backend does the scheduling,
// so after an edit the schedule is fetched again, as the rows and links that changed.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { Baseline } from '../../lib/bindings/Baseline';
import type { CommandError } from '../../lib/bindings/CommandError';
import type { LinkInput } from '../../lib/bindings/LinkInput';
import type { ProjectSchedule } from '../../lib/bindings/ProjectSchedule';
import type { ScheduledTask } from '../../lib/bindings/ScheduledTask';
import { reportPainted } from '../../lib/shared/paint-probe';
import { scheduleAfter } from './schedule-changes';
import { editedDates, finishDay, moveStartOf, type Dates, type TaskEdit } from './timeline-drag';
import { calendarOf } from './task-calendar';
import { formatLag } from './lag';
import { LINK_KINDS } from './plan-labels';
import { OUTLINE_WIDTH, formatDays, isoDateTime, isoDay, shortDate, toTime, type Zoom } from './timeline-geometry';
import { parentWbs } from './timeline-outline';
import { enqueue } from '../../lib/shared/queue.svelte';
import { session } from '../workspace/session.svelte';
import { toasts } from '../../lib/shared/toasts-state.svelte';
import { workspace } from '../workspace/workspace.svelte';

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
  /** The baseline the chart compares with (null: none), and the project's saved baselines. */
  baselineId = $state<number | null>(null);
  baselines = $state.raw<Baseline[]>([]);
  /** How much later (negative: earlier) each task finishes than the compared baseline, in working hours. */
  slips = $state.raw<ReadonlyMap<number, number>>(new Map());
  /** The baseline chosen in each project, kept for the session. */
  #comparedIn = new Map<number, number>();

  #projectId: number | null = null;
  /** The revision of the backend's answer `schedule` holds, so the next fetch gets its changes. */
  #revision: number | null = null;
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
      this.baselineId = this.#comparedIn.get(projectId) ?? null;
      this.baselines = [];
      this.slips = new Map();
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
      const baselineId = await this.#stillCompared(id);
      if (token !== this.#token) return;
      const held = this.schedule?.project_id === id ? this.schedule : null;
      const [answer, variance] = await Promise.all([
        api.scheduleRefresh(id, baselineId, held ? this.#revision : null),
        baselineId == null ? [] : api.baselineVariance(baselineId),
      ]);
      if (token !== this.#token) return;
      const first = this.schedule == null;
      this.schedule = scheduleAfter(held, answer);
      this.#revision = this.schedule ? answer.revision : null;
      this.slips = new Map(
        variance.filter((v) => v.finish_variance_hours !== 0).map((v) => [v.item_id, v.finish_variance_hours]),
      );
      this.loadError = null;
      if (first && workspace.view === 'timeline') {
        // The benchmark may then want edits timed; that code loads only then.
        void reportPainted().then(async (timeEdits) => {
          if (timeEdits) await (await import('./edit-bench')).timeEdits();
        });
      }
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

  /** Changes a link's type and lag. Returns the refusal's message, or null once saved. */
  async setLink(id: number, input: LinkInput, undo: () => void): Promise<string | null> {
    const link = this.schedule?.links.find((l) => l.id === id);
    if (!this.editable || !link) return null;
    try {
      await enqueue(() => api.dependencySet(id, input));
    } catch (e) {
      return toCommandError(e).message;
    }
    workspace.afterEdit();
    const kind = LINK_KINDS.find((k) => k.kind === input.kind)?.short ?? input.kind;
    toasts.show(
      `${this.#name(link.predecessor_id)} → ${this.#name(link.successor_id)} is now ${kind} ${formatLag(input)}`,
      {
        action: { label: 'Undo', run: undo },
      },
    );
    await this.#fetch();
    return null;
  }

  /** The dates that edits still on their way will give a task, so quick key presses add up. */
  #ahead = new Map<number, { dates: Dates; count: number }>();

  /** A task's dates as drawn, or as the edits sent for it will leave them. */
  datesOf(task: ScheduledTask): Dates {
    return (
      this.#ahead.get(task.item_id)?.dates ?? { start: toTime(task.early_start), finish: toTime(task.early_finish) }
    );
  }

  /**
   * Moves a task to start on a day, sets the day it finishes, or indents or outdents it. Returns
   * what to announce (the new dates, or why nothing was sent), or null when the backend refused
   * (its message is shown as a toast).
   */
  async editTask(task: ScheduledTask, edit: TaskEdit): Promise<string | null> {
    if (!this.editable) return null;
    const id = task.item_id;
    let request: () => Promise<null>;
    let ahead: Dates | null = null;
    if (edit.kind === 'indent') request = () => api.taskIndent(id);
    else if (edit.kind === 'outdent') request = () => api.taskOutdent(id);
    else {
      // Refused here rather than by the backend, so no key press is wasted on a round trip.
      if (task.summary) return `${task.name} is a summary: its dates come from its tasks. Move those instead.`;
      const before = this.datesOf(task);
      if (edit.kind === 'finish') {
        if (task.milestone) return `${task.name} is a milestone and has no length. Alt+← and Alt+→ move it.`;
        if (edit.day === finishDay(before.finish)) return `${task.name} already finishes on the day it starts.`;
      }
      const day = edit.day;
      const cal = calendarOf(this.schedule, task);
      request =
        edit.kind === 'move'
          ? () => api.taskMove(id, isoDateTime(moveStartOf(day, cal)))
          : () => api.taskFinishSet(id, isoDay(day));
      ahead = editedDates(before, edit, cal);
      this.#ahead.set(id, { dates: ahead, count: (this.#ahead.get(id)?.count ?? 0) + 1 });
    }
    try {
      await enqueue(request);
    } catch (e) {
      this.#ahead.delete(id);
      toasts.error(toCommandError(e).message);
      return null;
    }
    workspace.afterEdit();
    await this.reload();
    // Only now do the fetched dates include this edit; later ones may still be on their way.
    const pending = this.#ahead.get(id);
    if (ahead && pending && --pending.count === 0) this.#ahead.delete(id);
    const now = this.schedule?.tasks.find((t) => t.item_id === id);
    if (!now) return null;
    if (edit.kind === 'indent' || edit.kind === 'outdent') {
      this.#reveal(now.wbs);
      return `${edit.kind === 'indent' ? 'Indented' : 'Outdented'} ${now.name}: it is now ${now.wbs}.`;
    }
    if (edit.kind === 'finish') {
      return `${now.name} now finishes ${shortDate(now.early_finish)} (${formatDays(now.duration_minutes / 60)}).`;
    }
    return now.milestone
      ? `${now.name} is now on ${shortDate(now.early_start)}.`
      : `${now.name} now starts ${shortDate(now.early_start)} and finishes ${shortDate(now.early_finish)}.`;
  }

  /** Unfolds the summaries above a WBS code, so a task indented under a folded one stays in view. */
  #reveal(wbs: string) {
    const above = new Set<string>();
    for (let up = parentWbs(wbs); up != null; up = parentWbs(up)) above.add(up);
    for (const t of this.schedule?.tasks ?? []) if (above.has(t.wbs)) this.setCollapsed(t.item_id, false);
  }

  reset() {
    this.#token++;
    this.#ahead.clear();
    this.#projectId = null;
    this.schedule = null;
    this.loading = false;
    this.loadError = null;
    this.zoom = 'week';
    this.collapsed = new Set();
    this.focusedId = null;
    this.outlineWidth = OUTLINE_WIDTH;
    this.baselineId = null;
    this.baselines = [];
    this.slips = new Map();
    this.#comparedIn.clear();
  }

  // ——— Baselines ———

  /** The compared baseline, or null when an undo has taken it away (then none is compared). */
  async #stillCompared(projectId: number): Promise<number | null> {
    const id = this.baselineId;
    if (id == null) return null;
    const baselines = await api.baselinesList(projectId);
    if (projectId !== this.#projectId) return null;
    this.baselines = baselines;
    if (baselines.some((b) => b.id === id)) return id;
    this.#setCompared(null);
    return null;
  }

  #setCompared(id: number | null) {
    this.baselineId = id;
    if (this.#projectId == null) return;
    if (id == null) this.#comparedIn.delete(this.#projectId);
    else this.#comparedIn.set(this.#projectId, id);
  }

  /** Compares the chart with a baseline (null: none); the rows stay on screen while it loads. */
  async compareWith(id: number | null) {
    if (id === this.baselineId) return;
    this.#setCompared(id);
    this.loading = true;
    await this.#fetch();
  }

  async loadBaselines() {
    const id = this.#projectId;
    if (id == null) return;
    try {
      const baselines = await api.baselinesList(id);
      if (id === this.#projectId) this.baselines = baselines;
    } catch (e) {
      toasts.error(toCommandError(e).message);
    }
  }

  /** Saves the current schedule under `name`; a refusal (a taken name, the limit) is returned. */
  async saveBaseline(name: string): Promise<CommandError | null> {
    const id = this.#projectId;
    if (id == null || session.readOnly) return null;
    try {
      await enqueue(() => api.baselineSave(id, name));
    } catch (e) {
      return toCommandError(e);
    }
    workspace.afterEdit();
    await this.loadBaselines();
    return null;
  }

  /** Deletes at once; the toast offers Undo. Deleting the compared baseline compares with none. */
  async deleteBaseline(id: number, undo: () => void): Promise<CommandError | null> {
    const baseline = this.baselines.find((b) => b.id === id);
    if (!baseline || session.readOnly) return null;
    try {
      await enqueue(() => api.baselineDelete(id));
    } catch (e) {
      return toCommandError(e);
    }
    workspace.afterEdit();
    toasts.show(`Deleted baseline "${baseline.name}"`, { action: { label: 'Undo', run: undo } });
    this.baselines = this.baselines.filter((b) => b.id !== id);
    if (id === this.baselineId) await this.compareWith(null);
    await this.loadBaselines();
    return null;
  }
}

export const timeline = new TimelineState();
