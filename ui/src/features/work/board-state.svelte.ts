// The board of the selected project, the people list, which card is focused / selected,
// and every item and column edit. Edits change the local board at once (the board must
// answer a key press immediately, also with 10,000 items) and then take what the backend
// returned. Only where the backend decides the place (a new item) or an edit failed is the
// whole board fetched again — on a 10,000-item board that costs more than the edit.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { Board } from '../../lib/bindings/Board';
import type { CommandError } from '../../lib/bindings/CommandError';
import type { Person } from '../../lib/bindings/Person';
import type { StatusInput } from '../../lib/bindings/StatusInput';
import type { WorkItem } from '../../lib/bindings/WorkItem';
import type { WorkItemInput } from '../../lib/bindings/WorkItemInput';
import * as ops from './board-ops';
import { reportPainted } from '../../lib/shared/paint-probe';
import type { LaneBy } from './swimlanes';
import { enqueue } from '../../lib/shared/queue.svelte';
import { session } from '../workspace/session.svelte';
import { toasts } from '../../lib/shared/toasts-state.svelte';
import { workspace } from '../workspace/workspace.svelte';

/** The input that changes nothing: every field of the item as it is. */
export function inputOf(item: WorkItem): WorkItemInput {
  return {
    item_type: item.item_type,
    title: item.title,
    description: item.description,
    assignee: item.assignee,
    estimate_hours: item.estimate_hours,
    story_points: item.story_points,
    priority: item.priority,
    tags: [...item.tags],
    due_date: item.due_date,
  };
}

function newItemInput(title: string, due_date: string | null): WorkItemInput {
  // Nulls let the core choose its defaults (type task, priority medium).
  return {
    item_type: null,
    title,
    description: '',
    assignee: null,
    estimate_hours: null,
    story_points: null,
    priority: null,
    tags: [],
    due_date,
  };
}

class BoardState {
  board = $state.raw<Board | null>(null);
  loading = $state(false);
  loadError = $state<string | null>(null);
  people = $state.raw<Person[]>([]);
  selectedItemId = $state<number | null>(null);
  focusedItemId = $state<number | null>(null);
  /** The column whose inline "new item" input is open. */
  composingIn = $state<number | null>(null);
  /** The swimlane grouping chosen per project, kept for this session. */
  lanesBy = $state<Record<number, LaneBy>>({});
  /** Collapsed swimlanes per project and grouping ("12:person:Ana Silva"), kept for this session. */
  collapsedLanes = $state<Record<string, true>>({});

  selectedItem = $derived(
    this.selectedItemId == null ? null : (ops.findItem(this.board, this.selectedItemId)?.item ?? null),
  );

  #projectId: number | null = null;
  #loadToken = 0;
  /** Bumped by each local change, so a fetched board older than it is not applied. */
  #generation = 0;
  #refreshQueued = false;

  get projectId() {
    return this.#projectId;
  }

  get editable() {
    return !session.readOnly && this.board != null;
  }

  async load(projectId: number) {
    const token = ++this.#loadToken;
    this.#projectId = projectId;
    this.board = null;
    this.loading = true;
    this.loadError = null;
    this.selectedItemId = null;
    this.focusedItemId = null;
    this.composingIn = null;
    try {
      const board = await api.boardGet(projectId);
      if (token !== this.#loadToken) return;
      this.board = board;
      this.#generation++;
      // The views drawn from the board report their first paint (the start-up benchmark waits on it).
      if (['board', 'grid', 'calendar'].includes(workspace.view)) void reportPainted();
    } catch (e) {
      if (token === this.#loadToken) this.loadError = toCommandError(e).message;
    } finally {
      if (token === this.#loadToken) this.loading = false;
    }
  }

  async loadPeople() {
    try {
      this.people = await api.peopleList();
    } catch {
      // The assignee field still works without suggestions.
    }
  }

  /** Fetches the board again now (after undo/redo), keeping focus and selection. */
  async reload() {
    const id = this.#projectId;
    if (id == null) return;
    try {
      const board = await api.boardGet(id);
      if (id !== this.#projectId) return;
      this.board = board;
      this.#generation++;
      if (this.selectedItemId != null && !ops.findItem(board, this.selectedItemId)) this.selectedItemId = null;
    } catch (e) {
      toasts.error(toCommandError(e).message);
    }
  }

  #patch(change: (b: Board) => Board) {
    if (!this.board) return;
    this.board = change(this.board);
    this.#generation++;
  }

  /** After the queue has run everything before it, fetch the backend's board once. */
  #scheduleRefresh() {
    if (this.#refreshQueued) return;
    this.#refreshQueued = true;
    void enqueue(async () => {
      this.#refreshQueued = false;
      const id = this.#projectId;
      const generation = this.#generation;
      if (id == null) return;
      const board = await api.boardGet(id);
      if (id === this.#projectId && generation === this.#generation) this.board = board;
    }).catch(() => undefined);
  }

  #edited({ refresh = false } = {}) {
    workspace.afterEdit();
    if (refresh) this.#scheduleRefresh();
  }

  #failed(e: unknown) {
    toasts.error(toCommandError(e).message);
    this.#scheduleRefresh();
  }

  /** Adds an item at the end of a column, due on `dueDate` if given (one edit, one undo step). */
  async createItem(statusId: number, title: string, dueDate: string | null = null): Promise<CommandError | WorkItem> {
    const projectId = this.#projectId;
    if (!this.editable || projectId == null) return { code: 'read_only', message: 'This workspace is read-only.' };
    try {
      const item = await enqueue(() => api.itemCreate(projectId, statusId, newItemInput(title, dueDate)));
      this.#patch((b) => ops.addItem(b, item));
      this.#edited({ refresh: true });
      return item;
    } catch (e) {
      return toCommandError(e);
    }
  }

  async moveItem(id: number, statusId: number, index: number) {
    if (!this.editable) return;
    this.#patch((b) => ops.moveItem(b, id, statusId, index));
    try {
      const item = await enqueue(() => api.itemMove(id, statusId, index));
      this.#patch((b) => ops.replaceItem(b, item, { keepPlace: true }));
      this.#edited();
    } catch (e) {
      this.#failed(e);
    }
  }

  /** Saves one changed field; on failure returns the error for that field. */
  async updateItem(id: number, input: WorkItemInput): Promise<CommandError | null> {
    if (!this.editable) return { code: 'read_only', message: 'This workspace is read-only.' };
    const before = ops.findItem(this.board, id)?.item;
    try {
      const item = await enqueue(() => api.itemUpdate(id, input));
      this.#patch((b) => ops.replaceItem(b, item, { keepPlace: true }));
      this.#edited();
      if (item.assignee && item.assignee !== before?.assignee && !this.people.some((p) => p.name === item.assignee)) {
        void this.loadPeople();
      }
      return null;
    } catch (e) {
      return toCommandError(e);
    }
  }

  /** Puts an item in an epic of the project (null: in none); on failure returns the error. */
  async setEpic(id: number, epicId: number | null): Promise<CommandError | null> {
    if (!this.editable) return { code: 'read_only', message: 'This workspace is read-only.' };
    try {
      const item = await enqueue(() => api.itemEpicSet(id, epicId));
      this.#patch((b) => ops.replaceItem(b, item, { keepPlace: true }));
      this.#edited();
      return null;
    } catch (e) {
      return toCommandError(e);
    }
  }

  async deleteItem(id: number, undo: () => void) {
    if (!this.editable) return;
    const item = ops.findItem(this.board, id)?.item;
    try {
      await enqueue(() => api.itemDelete(id));
    } catch (e) {
      this.#failed(e);
      return;
    }
    this.#patch((b) => ops.removeItem(b, id));
    if (this.selectedItemId === id) this.selectedItemId = null;
    if (this.focusedItemId === id) this.focusedItemId = null;
    this.#edited();
    toasts.show(`Deleted "${item?.title ?? ''}"`, { action: { label: 'Undo', run: undo } });
  }

  async addColumn(input: StatusInput): Promise<CommandError | null> {
    const projectId = this.#projectId;
    if (!this.editable || projectId == null) return null;
    try {
      const status = await enqueue(() => api.statusAdd(projectId, input));
      this.#patch((b) => ops.addColumn(b, status));
      this.#edited();
      return null;
    } catch (e) {
      return toCommandError(e);
    }
  }

  async updateColumn(id: number, input: StatusInput): Promise<CommandError | null> {
    if (!this.editable) return null;
    try {
      const status = await enqueue(() => api.statusUpdate(id, input));
      this.#patch((b) => ops.replaceStatus(b, status));
      this.#edited();
      return null;
    } catch (e) {
      return toCommandError(e);
    }
  }

  async deleteColumn(id: number): Promise<CommandError | null> {
    if (!this.editable) return null;
    try {
      await enqueue(() => api.statusDelete(id));
      this.#patch((b) => ops.removeColumn(b, id));
      this.#edited();
      return null;
    } catch (e) {
      return toCommandError(e);
    }
  }

  reset() {
    this.#loadToken++;
    this.#projectId = null;
    this.#refreshQueued = false;
    this.board = null;
    this.loading = false;
    this.loadError = null;
    this.people = [];
    this.selectedItemId = null;
    this.focusedItemId = null;
    this.composingIn = null;
    this.lanesBy = {};
    this.collapsedLanes = {};
  }
}

export const board = new BoardState();
