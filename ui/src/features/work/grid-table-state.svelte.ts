// The logic of GridTable.svelte: the rows shown (filtered, sorted, grouped, virtualised), the
// one focused cell, what a key or click on a cell does, the one in-place editor and its saves,
// and the inline new item. DOM work (focusing elements) goes through the hooks the component
// gives, so that this module decides and the component only wires events to it.
import { tick } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import type { Board } from '../../lib/bindings/Board';
import { board, inputOf } from './board-state.svelte';
import type { GridView } from './grid-state.svelte';
import { session } from '../workspace/session.svelte';
import { toasts } from '../../lib/shared/toasts-state.svelte';
import { findItem } from './board-ops';
import { ITEM_TYPES, PRIORITIES } from '../../lib/shared/labels';
import {
  GRID_COLUMNS,
  cellValue,
  displayRows,
  filterItems,
  flatten,
  isFiltered,
  itemKey,
  nextSort,
  pageRows,
  parseCell,
  rowRange,
  sortItems,
  type ColumnId,
  type GridItem,
  type Move,
} from './grid';

const LAST_COL = GRID_COLUMNS.length - 1;
/** Single keys that keep their meaning on a cell instead of starting to type in it. */
const RESERVED = new Set(['n', 'o', '/', 'v', '?']);

/** The one open cell editor; it keeps the typed text until saved or cancelled. */
export type Editing = { id: number; col: number; text: string; saving: boolean; error: string | null };

/** The keys of a key press that decide what it does. */
export type KeyPress = { key: string; ctrlKey: boolean; metaKey: boolean };

/** What the state asks of the component's DOM. */
export type GridTableHooks = {
  /** Focuses the element of the current cell (and scrolls it into view). */
  focusCurrent(): void;
  focusFilter(): void;
  focusNewTitle(): void;
};

const failureKey = (id: number, col: number) => `${id}:${GRID_COLUMNS[col].id}`;
const count = new Intl.NumberFormat();

export class GridTableState {
  #props: () => { data: Board; view: GridView };
  #hooks: GridTableHooks;
  /** Focus moves and saves can finish after the grid has gone (another view, another project). */
  alive = true;

  constructor(props: () => { data: Board; view: GridView }, hooks: GridTableHooks) {
    this.#props = props;
    this.#hooks = hooks;
  }

  get data() {
    return this.#props().data;
  }
  get view() {
    return this.#props().view;
  }

  // ——— Rows ———

  editable = $derived(!session.readOnly);
  all = $derived(flatten(this.data));
  byId = $derived(new Map(this.all.map((r) => [r.item.id, r])));
  filtering = $derived(isFiltered(this.view.filter));
  filtered = $derived(filterItems(this.all, this.view.filter));
  sorted = $derived(sortItems(this.filtered, this.view.sort));
  rows = $derived(displayRows(this.sorted, this.view.groupBy, this.view.collapsed));
  indexOf = $derived(new Map(this.rows.map((r, i) => [r.key, i])));
  statuses = $derived(this.data.columns.map((c) => c.status));
  epics = $derived(
    this.all
      .filter((r) => r.item.item_type === 'epic')
      .map((r) => r.item)
      .sort((a, b) => a.title.localeCompare(b.title)),
  );
  /** Everyone known, and any name on an item not (yet) in the people list. */
  people = $derived.by(() => {
    const names = new Set(board.people.map((p) => p.name));
    for (const r of this.all) if (r.item.assignee) names.add(r.item.assignee);
    return [...names].sort((a, b) => a.localeCompare(b));
  });

  countText = $derived(
    this.filtering
      ? `${count.format(this.filtered.length)} of ${count.format(this.all.length)} items`
      : `${count.format(this.all.length)} ${this.all.length === 1 ? 'item' : 'items'}`,
  );

  // ——— Focus: one cell of the grid is in the Tab order ———

  /** The focused cell as a row index (-1: the header row) and a column; its row may be gone. */
  current = $derived.by(() => {
    const f = this.view.focus;
    const col = f?.col ?? 0;
    if (f?.row === 'header') return { index: -1, col };
    const at = f ? this.indexOf.get(f.row) : undefined;
    return { index: at ?? (this.rows.length > 0 ? 0 : -1), col };
  });

  /** Bound to the scroller. */
  scrollTop = $state(0);
  viewportHeight = $state(0);

  editor = $state<Editing | null>(null);
  /** Refused edits whose editor was left: "ID:column" → the text typed and why it was refused. */
  failures = new SvelteMap<string, { text: string; message: string }>();

  // Virtualisation: the rows in view plus overscan, and the focused and edited rows wherever
  // they are (focus and typed text must never vanish with a scroll).
  range = $derived(rowRange(this.rows.length, this.scrollTop, this.viewportHeight));
  editorIndex = $derived(this.editor ? (this.indexOf.get(itemKey(this.editor.id)) ?? -1) : -1);
  rendered = $derived.by(() => {
    const [from, to] = this.range;
    const out: number[] = [];
    for (let i = from; i < to; i++) out.push(i);
    for (const extra of [this.current.index, this.editorIndex]) {
      if (extra >= 0 && (extra < from || extra >= to) && !out.includes(extra)) out.push(extra);
    }
    return out;
  });

  focusCurrent() {
    if (this.alive) this.#hooks.focusCurrent();
  }

  async go(index: number, col: number) {
    const i = Math.max(-1, Math.min(index, this.rows.length - 1));
    const c = Math.max(0, Math.min(col, LAST_COL));
    this.view.focus = { row: i < 0 ? 'header' : this.rows[i].key, col: c };
    await tick();
    this.focusCurrent();
  }

  async goToRow(key: string, col: number) {
    this.view.focus = { row: key, col };
    await tick();
    this.focusCurrent();
  }

  /** Focus went to a cell (col null: a group row, which keeps the column). */
  focusedAt(index: number, col: number | null) {
    const view = this.view;
    const row = index < 0 ? 'header' : this.rows[index]?.key;
    const c = col ?? this.current.col;
    if (row && (view.focus?.row !== row || view.focus.col !== c)) view.focus = { row, col: c };
  }

  // ——— Keys and clicks ———

  /** A key on a cell; false when it is not one of ours (it goes on to the window). */
  cellKey(e: KeyPress, index: number, col: number): boolean {
    const { rows, view } = this;
    const mod = e.ctrlKey || e.metaKey;
    const target = index >= 0 ? rows[index] : null;
    const group = target?.kind === 'group' ? target : null;
    const item = target?.kind === 'item' ? target.row : null;
    const page = pageRows(this.viewportHeight);
    switch (e.key) {
      case 'ArrowDown':
        void this.go(index + 1, col);
        return true;
      case 'ArrowUp':
        void this.go(index - 1, col);
        return true;
      case 'ArrowLeft':
        if (group) view.toggleGroup(group.group, true);
        else void this.go(index, col - 1);
        return true;
      case 'ArrowRight':
        if (group) view.toggleGroup(group.group, false);
        else void this.go(index, col + 1);
        return true;
      case 'Home':
        void (mod ? this.go(0, col) : this.go(index, 0));
        return true;
      case 'End':
        void (mod ? this.go(rows.length - 1, col) : this.go(index, LAST_COL));
        return true;
      case 'PageDown':
        void this.go(index + page, col);
        return true;
      case 'PageUp':
        void this.go(Math.max(index < 0 ? -1 : 0, index - page), col);
        return true;
    }
    if (mod) return false;
    // Space sorts, folds or opens a choice; on a text cell it is typed like any character (below).
    const choice = GRID_COLUMNS[col].editor === 'select';
    if (e.key === 'F2' || e.key === 'Enter' || (e.key === ' ' && (!item || choice))) {
      if (index < 0 && e.key !== 'F2') this.sortBy(GRID_COLUMNS[col].id);
      else if (group && e.key !== 'F2') view.toggleGroup(group.group);
      else if (item) this.startEdit(item, col);
      return true;
    }
    if (e.key === 'o' && item) {
      this.openDetail(item.item.id);
      return true;
    }
    if (e.key === 'n' && this.editable) {
      void this.startCompose();
      return true;
    }
    if (e.key === '/') {
      this.#hooks.focusFilter();
      return true;
    }
    // Typing on a text cell starts editing it with what was typed, as in a spreadsheet.
    const typing = e.key.length === 1 && !RESERVED.has(e.key);
    if (typing && item && this.editable && GRID_COLUMNS[col].editor !== 'select') {
      this.startEdit(item, col, e.key);
      return true;
    }
    return false;
  }

  /** A click on a cell: its open button opens the item, a header sorts, a group row folds. */
  click(index: number, col: number | null, onOpen: boolean) {
    const row = index >= 0 ? this.rows[index] : null;
    if (onOpen && row?.kind === 'item') this.openDetail(row.row.item.id);
    else if (index < 0 && col != null) this.sortBy(GRID_COLUMNS[col].id);
    else if (row?.kind === 'group') this.view.toggleGroup(row.group);
  }

  /** A double click on an item's cell edits it. */
  dblClick(index: number, col: number | null) {
    const row = index >= 0 ? this.rows[index] : null;
    if (col != null && row?.kind === 'item') this.startEdit(row.row, col);
  }

  /** A key in the filter box; true when it was handled. */
  filterKey(key: string): boolean {
    const view = this.view;
    // Esc empties the box first; on an empty box it is the window's (closing the panel).
    if (key === 'Escape' && view.filter.text) {
      view.filter.text = '';
      return true;
    }
    if (key === 'ArrowDown' || key === 'Enter') {
      void this.go(Math.max(0, this.current.index), this.current.col);
      return true;
    }
    return false;
  }

  openDetail(id: number) {
    board.selectedItemId = id;
    board.focusedItemId = id;
  }

  // ——— Sorting ———

  /** Said by the live region: the rows were reordered. */
  announcement = $state('');

  sortBy(column: ColumnId) {
    const sort = nextSort(this.view.sort, column);
    this.view.sort = sort;
    const label = GRID_COLUMNS.find((c) => c.id === column)?.label ?? '';
    this.announcement = sort
      ? `Sorted by ${label}, ${sort.dir === 'asc' ? 'ascending' : 'descending'}.`
      : 'Not sorted.';
  }

  ariaSort(column: ColumnId) {
    const sort = this.view.sort;
    if (sort?.column !== column) return undefined;
    return sort.dir === 'asc' ? 'ascending' : 'descending';
  }

  // ——— Filters ———

  assigneeValue = $derived.by(() => {
    const a = this.view.filter.assignee;
    return a == null ? 'any' : a === '' ? 'none' : `p:${a}`;
  });

  setAssigneeFilter(value: string) {
    this.view.filter.assignee = value === 'any' ? null : value === 'none' ? '' : value.slice(2);
  }

  // ——— Editing a cell ———

  startEdit(row: GridItem, col: number, typed?: string) {
    if (!this.editable) return;
    this.#park();
    const key = failureKey(row.item.id, col);
    const failed = this.failures.get(key);
    this.failures.delete(key);
    this.editor = {
      id: row.item.id,
      col,
      text: typed ?? failed?.text ?? cellValue(row, GRID_COLUMNS[col].id),
      saving: false,
      error: typed == null ? (failed?.message ?? null) : null,
    };
  }

  /** Another cell is about to be edited: a refused edit still open keeps its text aside. */
  #park() {
    const ed = this.editor;
    if (ed && ed.error != null && !ed.saving)
      this.failures.set(failureKey(ed.id, ed.col), { text: ed.text, message: ed.error });
    this.editor = null;
  }

  /** The cell Enter or Tab goes to from an edited one: item rows only, wrapping at the row's ends. */
  #neighbour(ed: Editing, move: Move): { row: string; col: number } | null {
    const rows = this.rows;
    const index = this.indexOf.get(itemKey(ed.id));
    if (index == null || move === 'none') return null;
    const itemRow = (from: number, step: number) => {
      for (let i = from + step; i >= 0 && i < rows.length; i += step) if (rows[i].kind === 'item') return rows[i].key;
      return null;
    };
    const here = rows[index].key;
    if (move === 'down') return { row: itemRow(index, 1) ?? here, col: ed.col };
    if (move === 'right') {
      if (ed.col < LAST_COL) return { row: here, col: ed.col + 1 };
      const next = itemRow(index, 1);
      return next ? { row: next, col: 0 } : { row: here, col: LAST_COL };
    }
    if (ed.col > 0) return { row: here, col: ed.col - 1 };
    const previous = itemRow(index, -1);
    return previous ? { row: previous, col: LAST_COL } : { row: here, col: 0 };
  }

  /** Saves the edited cell; on success closes the editor and moves on, else shows why. */
  commit = async (move: Move) => {
    const ed = this.editor;
    if (!ed || ed.saving || !this.alive) return;
    const row = this.byId.get(ed.id);
    const column = GRID_COLUMNS[ed.col];
    const key = failureKey(ed.id, ed.col);
    // Decided before saving: the save may re-sort the rows.
    const next = this.#neighbour(ed, move);
    if (row && ed.text !== cellValue(row, column.id)) {
      ed.saving = true;
      ed.error = null;
      const message = await this.#save(row, column.id, ed.text);
      ed.saving = false;
      if (message) {
        if (this.editor === ed) ed.error = message;
        else this.failures.set(key, { text: ed.text, message });
        return;
      }
    }
    this.failures.delete(key);
    if (this.editor !== ed) return;
    this.editor = null;
    if (next) {
      await this.goToRow(next.row, next.col);
      return;
    }
    // A choice picked with the pointer: the select is gone, so focus goes back to its cell.
    await tick();
    const active = document.activeElement;
    if (!active || active === document.body) this.focusCurrent();
  };

  cancel = async () => {
    const ed = this.editor;
    if (!ed) return;
    this.failures.delete(failureKey(ed.id, ed.col));
    this.editor = null;
    await tick();
    this.focusCurrent();
  };

  /** Sends one changed cell through the board state; returns the message of a refusal. */
  async #save(row: GridItem, column: ColumnId, text: string): Promise<string | null> {
    const id = row.item.id;
    if (column === 'status') {
      const target = this.data.columns.find((c) => String(c.status.id) === text);
      if (!target) return 'That status no longer exists.';
      await board.moveItem(id, target.status.id, target.items.length);
      return null;
    }
    if (column === 'epic') return (await board.setEpic(id, text ? Number(text) : null))?.message ?? null;
    const change = parseCell(column, text);
    if ('error' in change) return change.error;
    // The item as it is now: another of its cells may have been saved since the row was drawn.
    const item = findItem(board.board, id)?.item ?? row.item;
    return (await board.updateItem(id, { ...inputOf(item), ...change }))?.message ?? null;
  }

  optionsFor(column: ColumnId, row: GridItem): { value: string; label: string }[] {
    switch (column) {
      case 'type':
        return ITEM_TYPES.map((t) => ({ value: t.value, label: t.label }));
      case 'status':
        return this.statuses.map((s) => ({ value: String(s.id), label: s.name }));
      case 'priority':
        return PRIORITIES.map((p) => ({ value: p.value, label: p.label }));
      case 'epic':
        return [
          { value: '', label: 'No epic' },
          ...this.epics.filter((e) => e.id !== row.item.id).map((e) => ({ value: String(e.id), label: e.title })),
        ];
      default:
        return [];
    }
  }

  // ——— A new item, titled inline ———

  firstStatus = $derived(this.data.columns[0]?.status ?? null);
  composing = $state(false);
  newTitle = $state('');
  newError = $state<string | null>(null);
  creating = $state(false);

  startCompose = async () => {
    if (!this.editable || !this.firstStatus) return;
    this.composing = true;
    await tick();
    this.#hooks.focusNewTitle();
  };

  stopCompose = () => {
    this.composing = false;
    this.newTitle = '';
    this.newError = null;
  };

  async create() {
    const title = this.newTitle.trim();
    const status = this.firstStatus;
    if (!title || this.creating || !status) return;
    this.creating = true;
    const result = await board.createItem(status.id, title);
    this.creating = false;
    if ('code' in result) {
      this.newError = result.message;
      await tick();
      this.#hooks.focusNewTitle();
      return;
    }
    this.stopCompose();
    await tick();
    if (this.indexOf.has(itemKey(result.id))) await this.goToRow(itemKey(result.id), 0);
    else toasts.show(`Added "${result.title}". The filters hide it.`);
  }

  async cancelCompose() {
    this.stopCompose();
    await tick();
    this.focusCurrent();
  }
}
