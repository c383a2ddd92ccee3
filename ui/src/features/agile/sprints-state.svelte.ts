// The Sprints view of a Scrum project: its sprints, the product backlog, the selected sprint's
// plan and burndown, and the velocity of the finished sprints. Every edit is sent through the
// queue and then everything is fetched again: the backend works out ranks, points and states.
import * as api from '../../lib/api';
import { reportPainted } from '../../lib/shared/paint-probe';
import { toCommandError } from '../../lib/api';
import type { Burndown } from '../../lib/bindings/Burndown';
import type { CommandError } from '../../lib/bindings/CommandError';
import type { Sprint } from '../../lib/bindings/Sprint';
import type { SprintInput } from '../../lib/bindings/SprintInput';
import type { SprintPlan } from '../../lib/bindings/SprintPlan';
import type { VelocityPoint } from '../../lib/bindings/VelocityPoint';
import type { WorkItem } from '../../lib/bindings/WorkItem';
import { enqueue } from '../../lib/shared/queue.svelte';
import { session } from '../workspace/session.svelte';
import { toasts } from '../../lib/shared/toasts-state.svelte';
import { workspace } from '../workspace/workspace.svelte';

/** The sprint to show when none is chosen: the active one, else the next planned, else the last. */
function defaultSprint(sprints: Sprint[]): number | null {
  const pick =
    sprints.find((s) => s.state === 'active') ?? sprints.find((s) => s.state === 'planned') ?? sprints.at(-1);
  return pick?.id ?? null;
}

class SprintsState {
  sprints = $state.raw<Sprint[]>([]);
  backlog = $state.raw<WorkItem[]>([]);
  velocity = $state.raw<VelocityPoint[]>([]);
  selectedId = $state<number | null>(null);
  plan = $state.raw<SprintPlan | null>(null);
  burndown = $state.raw<Burndown | null>(null);
  loaded = $state(false);
  loadError = $state<string | null>(null);
  /** The backlog row in the Tab order (roving focus). */
  focusedId = $state<number | null>(null);

  #projectId: number | null = null;
  #token = 0;

  get projectId() {
    return this.#projectId;
  }

  get editable() {
    return !session.readOnly;
  }

  async load(projectId: number) {
    if (projectId !== this.#projectId) {
      this.reset();
      this.#projectId = projectId;
    }
    await this.reload();
  }

  /** Fetches everything again (after an edit, or an undo). A newer fetch wins over an older one. */
  async reload() {
    const projectId = this.#projectId;
    if (projectId == null) return;
    const token = ++this.#token;
    try {
      const [sprints, backlog, velocity] = await Promise.all([
        api.sprintsList(projectId),
        api.backlogGet(projectId),
        api.sprintVelocity(projectId),
      ]);
      if (token !== this.#token) return;
      this.sprints = sprints;
      this.backlog = backlog;
      this.velocity = velocity;
      if (!sprints.some((s) => s.id === this.selectedId)) this.selectedId = defaultSprint(sprints);
      await this.#fetchSprint(token);
      this.loadError = null;
    } catch (e) {
      if (token !== this.#token) return;
      const message = toCommandError(e).message;
      if (this.loaded) toasts.error(message);
      else this.loadError = message;
    }
    if (token === this.#token) {
      if (!this.loaded && workspace.view === 'sprints') void reportPainted();
      this.loaded = true;
    }
  }

  async #fetchSprint(token: number) {
    const id = this.selectedId;
    if (id == null) {
      this.plan = null;
      this.burndown = null;
      return;
    }
    const [plan, burndown] = await Promise.all([api.sprintPlanGet(id), api.sprintBurndown(id)]);
    if (token !== this.#token) return;
    this.plan = plan;
    this.burndown = burndown;
  }

  async select(id: number) {
    this.selectedId = id;
    const token = ++this.#token;
    try {
      await this.#fetchSprint(token);
    } catch (e) {
      if (token === this.#token) toasts.error(toCommandError(e).message);
    }
  }

  /** Runs one edit; a refusal is shown as a toast. Returns whether it went through. */
  async #edit(fn: () => Promise<unknown>): Promise<boolean> {
    if (!this.editable) return false;
    try {
      await enqueue(fn);
    } catch (e) {
      toasts.error(toCommandError(e).message);
      await this.reload();
      return false;
    }
    workspace.afterEdit();
    await this.reload();
    return true;
  }

  /** Moves a backlog item to place `index`; the list changes at once, the fetch confirms it. */
  rank(itemId: number, index: number) {
    const from = this.backlog.findIndex((i) => i.id === itemId);
    if (from < 0 || index < 0 || index >= this.backlog.length || index === from) return;
    const list = [...this.backlog];
    const [item] = list.splice(from, 1);
    list.splice(index, 0, item);
    this.backlog = list;
    return this.#edit(() => api.backlogRank(itemId, index));
  }

  /** Puts an item in a sprint, or back in the backlog with null. */
  assign(itemId: number, sprintId: number | null) {
    return this.#edit(() => api.sprintAssign(itemId, sprintId));
  }

  /** Creates (id null) or edits a sprint. A refusal is returned for the form to show. */
  async saveSprint(id: number | null, input: SprintInput): Promise<CommandError | null> {
    let saved: Sprint;
    try {
      saved = await enqueue(() =>
        id == null ? api.sprintCreate(this.#projectId!, input) : api.sprintUpdate(id, input),
      );
    } catch (e) {
      return toCommandError(e);
    }
    workspace.afterEdit();
    this.selectedId = saved.id;
    await this.reload();
    return null;
  }

  /**
   * Deletes a sprint; the backend returns its items to the product backlog. A toast names it
   * and offers `undo`; a refusal is returned for the form to show.
   */
  async deleteSprint(id: number, undo: () => void): Promise<CommandError | null> {
    if (!this.editable) return { code: 'read_only', message: 'This workspace is read-only.' };
    const name = this.sprints.find((s) => s.id === id)?.name ?? '';
    try {
      await enqueue(() => api.sprintDelete(id));
    } catch (e) {
      return toCommandError(e);
    }
    workspace.afterEdit();
    toasts.show(`Deleted sprint "${name}"`, { action: { label: 'Undo', run: undo } });
    await this.reload();
    return null;
  }

  /** Saves the selected sprint's review and retrospective notes (unchanged notes are not sent). */
  saveNotes(review: string, retro: string) {
    const sprint = this.plan?.sprint;
    if (!this.plan || !sprint || (sprint.review_notes === review && sprint.retro_notes === retro)) return;
    // Taken as saved at once, so a blur before the fetch returns does not send them again.
    this.plan = { ...this.plan, sprint: { ...sprint, review_notes: review, retro_notes: retro } };
    return this.#edit(() => api.sprintNotesSet(sprint.id, review, retro));
  }

  reset() {
    this.#token++;
    this.#projectId = null;
    this.sprints = [];
    this.backlog = [];
    this.velocity = [];
    this.selectedId = null;
    this.plan = null;
    this.burndown = null;
    this.loaded = false;
    this.loadError = null;
    this.focusedId = null;
  }
}

export const sprints = new SprintsState();
