// The Grid view's pure logic: its columns, and how a board's items are flattened, filtered,
// sorted and grouped into the rows the grid shows. Nothing here touches the DOM or the state.
import type { Board } from '../../lib/bindings/Board';
import type { ItemType } from '../../lib/bindings/ItemType';
import type { Priority } from '../../lib/bindings/Priority';
import type { Status } from '../../lib/bindings/Status';
import type { WorkItem } from '../../lib/bindings/WorkItem';
import type { WorkItemInput } from '../../lib/bindings/WorkItemInput';
import { ITEM_TYPES, PRIORITIES, itemType, priority } from '../../lib/shared/labels';
import { parseTags } from '../../lib/shared/format';

export type ColumnId =
  'title' | 'type' | 'status' | 'assignee' | 'priority' | 'estimate' | 'points' | 'due' | 'epic' | 'tags';

/** How a cell is edited: a text box (of some kind), a person's name, or a choice. */
export type Editor = 'text' | 'number' | 'date' | 'person' | 'select';

/** `min` is the width in px; a column with `grow` takes that share of any room left over. */
export type GridColumn = { id: ColumnId; label: string; editor: Editor; min: number; grow?: number; numeric?: boolean };

export const GRID_COLUMNS: readonly GridColumn[] = [
  { id: 'title', label: 'Title', editor: 'text', min: 240, grow: 3 },
  { id: 'type', label: 'Type', editor: 'select', min: 120 },
  { id: 'status', label: 'Status', editor: 'select', min: 140 },
  { id: 'assignee', label: 'Assignee', editor: 'person', min: 152 },
  { id: 'priority', label: 'Priority', editor: 'select', min: 112 },
  { id: 'estimate', label: 'Estimate (h)', editor: 'number', min: 104, numeric: true },
  { id: 'points', label: 'Points', editor: 'number', min: 72, numeric: true },
  { id: 'due', label: 'Due', editor: 'date', min: 120 },
  { id: 'epic', label: 'Epic', editor: 'select', min: 160, grow: 1.5 },
  { id: 'tags', label: 'Tags', editor: 'text', min: 160, grow: 2 },
];

/** The CSS grid-template-columns of the header and of every row. */
export const GRID_TEMPLATE = GRID_COLUMNS.map((c) => (c.grow ? `minmax(${c.min}px, ${c.grow}fr)` : `${c.min}px`)).join(
  ' ',
);
/** Below this width the grid scrolls sideways. */
export const GRID_MIN_WIDTH = GRID_COLUMNS.reduce((sum, c) => sum + c.min, 0);

/** Every row has this height, so the rows in view follow from the scroll position alone. */
export const ROW_HEIGHT = 32;
export const HEADER_HEIGHT = 32;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
export const OVERSCAN = 6;
/** Used until the scroll area has been measured (and in tests, where nothing has a size). */
export const FALLBACK_VIEWPORT = 720;

/** The index range [start, end) of rows to render for a scroll position. */
export function rowRange(count: number, scrollTop: number, viewport: number): [number, number] {
  const height = (viewport > 0 ? viewport : FALLBACK_VIEWPORT) - HEADER_HEIGHT;
  const first = Math.floor(scrollTop / ROW_HEIGHT);
  const last = Math.ceil((scrollTop + height) / ROW_HEIGHT);
  return [Math.max(0, first - OVERSCAN), Math.min(count, last + OVERSCAN)];
}

/** How many rows a PageUp/PageDown moves. */
export function pageRows(viewport: number): number {
  const height = (viewport > 0 ? viewport : FALLBACK_VIEWPORT) - HEADER_HEIGHT;
  return Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
}

/** An item as the grid shows it: with its column's status and its epic (if it has one). */
export type GridItem = { item: WorkItem; status: Status; column: number; epic: WorkItem | null };

export function flatten(board: Board): GridItem[] {
  const epics = new Map<number, WorkItem>();
  for (const c of board.columns) for (const item of c.items) if (item.item_type === 'epic') epics.set(item.id, item);
  const out: GridItem[] = [];
  board.columns.forEach((c, column) => {
    for (const item of c.items) {
      const epic = item.parent_id == null ? null : (epics.get(item.parent_id) ?? null);
      out.push({ item, status: c.status, column, epic });
    }
  });
  return out;
}

// ——— Sorting ———

export type SortDir = 'asc' | 'desc';
export type GridSort = { column: ColumnId; dir: SortDir } | null;

/** A header click: ascending, then descending, then unsorted. */
export function nextSort(sort: GridSort, column: ColumnId): GridSort {
  if (sort?.column !== column) return { column, dir: 'asc' };
  return sort.dir === 'asc' ? { column, dir: 'desc' } : null;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const TYPE_RANK = new Map(ITEM_TYPES.map((t, i) => [t.value, i]));
/** Highest first: ascending priority reads from the most to the least urgent. */
const PRIORITY_RANK = new Map(PRIORITIES.map((p, i) => [p.value, i]));

type Key = string | number | null;

/** What a column sorts by; null is "empty", which sorts last in either direction. */
function sortKey(row: GridItem, column: ColumnId): Key {
  const { item } = row;
  switch (column) {
    case 'title':
      return item.title;
    case 'type':
      return TYPE_RANK.get(item.item_type) ?? 0;
    case 'status':
      return row.column;
    case 'assignee':
      return item.assignee || null;
    case 'priority':
      return PRIORITY_RANK.get(item.priority) ?? 0;
    case 'estimate':
      return item.estimate_hours;
    case 'points':
      return item.story_points;
    case 'due':
      return item.due_date || null;
    case 'epic':
      return row.epic?.title ?? null;
    case 'tags':
      return item.tags.length ? item.tags.join(', ') : null;
  }
}

function compareKeys(a: Key, b: Key, column: ColumnId): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // YYYY-MM-DD dates are chronological as plain text; names want the locale's order.
  if (column === 'due') return a! < b! ? -1 : a! > b! ? 1 : 0;
  return collator.compare(String(a), String(b));
}

/** Sorted by one column, stably (ties keep the board's order); empty values always last. */
export function sortItems(items: readonly GridItem[], sort: GridSort): GridItem[] {
  if (!sort) return items.slice();
  const sign = sort.dir === 'asc' ? 1 : -1;
  // Keys are computed once per item, not once per comparison.
  const keyed = items.map((row, index) => ({ row, index, key: sortKey(row, sort.column) }));
  keyed.sort((a, b) => {
    if (a.key == null || b.key == null) {
      if (a.key == null && b.key == null) return a.index - b.index;
      return a.key == null ? 1 : -1;
    }
    return sign * compareKeys(a.key, b.key, sort.column) || a.index - b.index;
  });
  return keyed.map((k) => k.row);
}

// ——— Filtering ———

/** Null is "any". An assignee of '' is "unassigned". */
export type GridFilter = {
  text: string;
  status: number | null;
  assignee: string | null;
  priority: Priority | null;
  type: ItemType | null;
};

export const NO_FILTER: Readonly<GridFilter> = { text: '', status: null, assignee: null, priority: null, type: null };

export function isFiltered(f: GridFilter): boolean {
  return f.text.trim() !== '' || f.status != null || f.assignee != null || f.priority != null || f.type != null;
}

/** The items that pass every filter; the text matches the title, a tag or the assignee. */
export function filterItems(items: readonly GridItem[], f: GridFilter): GridItem[] {
  if (!isFiltered(f)) return items.slice();
  const text = f.text.trim().toLocaleLowerCase();
  return items.filter(({ item }) => {
    if (f.status != null && item.status_id !== f.status) return false;
    if (f.assignee != null && (item.assignee ?? '') !== f.assignee) return false;
    if (f.priority != null && item.priority !== f.priority) return false;
    if (f.type != null && item.item_type !== f.type) return false;
    if (!text) return true;
    return (
      item.title.toLocaleLowerCase().includes(text) ||
      (item.assignee?.toLocaleLowerCase().includes(text) ?? false) ||
      item.tags.some((t) => t.toLocaleLowerCase().includes(text))
    );
  });
}

// ——— Grouping ———

export type GroupBy = 'none' | 'status' | 'assignee' | 'priority' | 'type' | 'epic';

export const GROUP_BY: readonly { value: GroupBy; label: string }[] = [
  { value: 'none', label: 'No grouping' },
  { value: 'status', label: 'Status' },
  { value: 'assignee', label: 'Assignee' },
  { value: 'priority', label: 'Priority' },
  { value: 'type', label: 'Type' },
  { value: 'epic', label: 'Epic' },
];

/** The group an item falls in; groups are ordered by `rank`, then by `label`. */
export function groupOf(row: GridItem, by: Exclude<GroupBy, 'none'>): { key: string; label: string; rank: number } {
  const { item } = row;
  switch (by) {
    case 'status':
      return { key: `status:${row.status.id}`, label: row.status.name, rank: row.column };
    case 'assignee':
      // Named people alphabetically, the unassigned after them.
      return item.assignee
        ? { key: `assignee:${item.assignee}`, label: item.assignee, rank: 0 }
        : { key: 'assignee:', label: 'Unassigned', rank: 1 };
    case 'priority':
      return {
        key: `priority:${item.priority}`,
        label: priority(item.priority).label,
        rank: PRIORITY_RANK.get(item.priority) ?? 0,
      };
    case 'type':
      return {
        key: `type:${item.item_type}`,
        label: itemType(item.item_type).label,
        rank: TYPE_RANK.get(item.item_type) ?? 0,
      };
    case 'epic':
      return row.epic
        ? { key: `epic:${row.epic.id}`, label: row.epic.title, rank: 0 }
        : { key: 'epic:', label: 'No epic', rank: 1 };
  }
}

/** `group` is the key folding remembers; `key` is the row's (unique among items' too). */
export type GroupRow = { kind: 'group'; key: string; group: string; label: string; count: number; collapsed: boolean };
export type ItemRow = { kind: 'item'; key: string; row: GridItem };
export type DisplayRow = GroupRow | ItemRow;

export const itemKey = (id: number) => `item:${id}`;

/**
 * The rows the grid shows: the items (already filtered and sorted) as they are, or under a
 * header row per non-empty group, the items of a collapsed group left out. Items keep their
 * order inside a group.
 */
export function displayRows(items: readonly GridItem[], by: GroupBy, collapsed: ReadonlySet<string>): DisplayRow[] {
  if (by === 'none') return items.map((row) => ({ kind: 'item', key: itemKey(row.item.id), row }));
  const groups = new Map<string, { key: string; label: string; rank: number; rows: GridItem[] }>();
  for (const row of items) {
    const g = groupOf(row, by);
    const found = groups.get(g.key);
    if (found) found.rows.push(row);
    else groups.set(g.key, { ...g, rows: [row] });
  }
  const ordered = [...groups.values()].sort((a, b) => a.rank - b.rank || collator.compare(a.label, b.label));
  const out: DisplayRow[] = [];
  for (const g of ordered) {
    const folded = collapsed.has(g.key);
    out.push({
      kind: 'group',
      key: `group:${g.key}`,
      group: g.key,
      label: g.label,
      count: g.rows.length,
      collapsed: folded,
    });
    if (!folded) for (const row of g.rows) out.push({ kind: 'item', key: itemKey(row.item.id), row });
  }
  return out;
}

// ——— Cells: their text and their edits ———

/** Where focus goes after an edit is saved: Enter moves down, Tab right, Shift+Tab left; leaving the cell, nowhere. */
export type Move = 'down' | 'right' | 'left' | 'none';

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export function formatNumber(n: number | null): string {
  return n == null ? '' : numberFormat.format(n);
}

/**
 * The value an editor starts from: the text of a text cell, or the chosen option's value of a
 * choice (a status or epic id, '' for no epic).
 */
export function cellValue(row: GridItem, column: ColumnId): string {
  const { item } = row;
  switch (column) {
    case 'title':
      return item.title;
    case 'type':
      return item.item_type;
    case 'status':
      return String(item.status_id);
    case 'assignee':
      return item.assignee ?? '';
    case 'priority':
      return item.priority;
    case 'estimate':
      return item.estimate_hours?.toString() ?? '';
    case 'points':
      return item.story_points?.toString() ?? '';
    case 'due':
      return item.due_date ?? '';
    case 'epic':
      return row.epic ? String(row.epic.id) : '';
    case 'tags':
      return item.tags.join(', ');
  }
}

function parseNumber(text: string, what: string): number | null | { error: string } {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : { error: `Enter ${what} as a number, such as 4 or 2.5 — or leave it empty.` };
}

/**
 * The one field an edited cell changes, as part of an item input; `error` when the text cannot
 * be sent at all. Dates go to the core as typed: it names an impossible one. Status and epic
 * are not fields of the input (they have their own commands).
 */
export function parseCell(
  column: Exclude<ColumnId, 'status' | 'epic'>,
  text: string,
): Partial<WorkItemInput> | { error: string } {
  switch (column) {
    case 'title':
      return { title: text.trim() };
    case 'type':
      return { item_type: text as ItemType };
    case 'assignee':
      return { assignee: text.trim() || null };
    case 'priority':
      return { priority: text as Priority };
    case 'estimate': {
      const n = parseNumber(text, 'the estimate in hours');
      return n != null && typeof n === 'object' ? n : { estimate_hours: n };
    }
    case 'points': {
      const n = parseNumber(text, 'the story points');
      return n != null && typeof n === 'object' ? n : { story_points: n };
    }
    case 'due':
      return { due_date: text.trim() || null };
    case 'tags':
      return { tags: parseTags(text) };
  }
}
