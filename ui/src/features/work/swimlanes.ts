// Grouping a board into horizontal swimlanes (by assignee, priority or epic). Pure: the board
// computes it once per board change, in one pass over the items, and looks cards up in the
// `places` map instead of searching the lanes.
import type { Board } from '../../lib/bindings/Board';
import type { Priority } from '../../lib/bindings/Priority';
import type { WorkItem } from '../../lib/bindings/WorkItem';
import { PRIORITIES } from '../../lib/shared/labels';

export type LaneBy = 'none' | 'assignee' | 'priority' | 'epic';

export const LANE_BY: { value: LaneBy; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'assignee', label: 'Assignee' },
  { value: 'priority', label: 'Priority' },
  { value: 'epic', label: 'Epic' },
];

export type Lane = {
  /** Stable across board changes: "person:Ana Silva", "unassigned", "priority:high", "epic:12", "no-epic". */
  key: string;
  name: string;
  /** What a card moved into the lane gets: an assignee (null: none), a priority, an epic id (null: none). */
  value: string | number | null;
  /** The lane's cards per board column, in board order. */
  cells: WorkItem[][];
  count: number;
  /** The most cards in one of its cells. */
  tallest: number;
};

/** Where a card is: lane, column and place in that lane's cell. */
export type Place = { lane: number; column: number; index: number };

export type Lanes = { lanes: Lane[]; places: Map<number, Place> };

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The epic an item belongs to: itself when it is one, else its parent when that is an epic. */
export function epicOf(item: WorkItem, byId: Map<number, WorkItem>): WorkItem | null {
  if (item.item_type === 'epic') return item;
  const parent = item.parent_id == null ? undefined : byId.get(item.parent_id);
  return parent?.item_type === 'epic' ? parent : null;
}

/** The epics on a board, by title. */
export function epicsOf(board: Board | null): WorkItem[] {
  if (!board) return [];
  const epics = board.columns.flatMap((c) => c.items.filter((i) => i.item_type === 'epic'));
  return epics.sort((a, b) => collator.compare(a.title, b.title) || a.id - b.id);
}

type Key = { key: string; name: string; value: Lane['value']; order: number | string; last: boolean };

/** One Key per distinct value, so a 10,000-item board builds a handful of them, not 10,000. */
function memo<T>(make: (raw: T) => Key): (raw: T) => Key {
  const cache = new Map<T, Key>();
  return (raw) => {
    let key = cache.get(raw);
    if (!key) cache.set(raw, (key = make(raw)));
    return key;
  };
}

function keyFn(by: Exclude<LaneBy, 'none'>, board: Board): (item: WorkItem) => Key {
  if (by === 'assignee') {
    const of = memo((name: string | null): Key =>
      name
        ? { key: `person:${name}`, name, value: name, order: name, last: false }
        : { key: 'unassigned', name: 'Unassigned', value: null, order: '', last: true },
    );
    return (item) => of(item.assignee);
  }
  if (by === 'priority') {
    const of = memo((p: Priority): Key => {
      const at = PRIORITIES.findIndex((x) => x.value === p);
      return { key: `priority:${p}`, name: PRIORITIES[at]?.label ?? p, value: p, order: at, last: false };
    });
    return (item) => of(item.priority);
  }
  const byId = new Map<number, WorkItem>();
  for (const column of board.columns) for (const item of column.items) byId.set(item.id, item);
  const of = memo((epic: WorkItem | null): Key =>
    epic
      ? { key: `epic:${epic.id}`, name: epic.title, value: epic.id, order: epic.title, last: false }
      : { key: 'no-epic', name: 'No epic', value: null, order: '', last: true },
  );
  return (item) => of(epicOf(item, byId));
}

function compare(a: Key, b: Key): number {
  if (a.last !== b.last) return a.last ? 1 : -1;
  if (typeof a.order === 'number' && typeof b.order === 'number') return a.order - b.order;
  return collator.compare(String(a.order), String(b.order)) || collator.compare(String(a.value), String(b.value));
}

/**
 * The board's non-empty lanes, in order: people by name then "Unassigned"; priorities highest
 * first; epics by title then "No epic". Linear in the number of items.
 */
export function groupLanes(board: Board, by: Exclude<LaneBy, 'none'>): Lanes {
  const keyOf = keyFn(by, board);
  const found = new Map<string, { key: Key; lane: Lane }>();
  const width = board.columns.length;
  board.columns.forEach((column, c) => {
    for (const item of column.items) {
      const key = keyOf(item);
      let entry = found.get(key.key);
      if (!entry) {
        const cells = Array.from({ length: width }, (): WorkItem[] => []);
        entry = { key, lane: { key: key.key, name: key.name, value: key.value, cells, count: 0, tallest: 0 } };
        found.set(key.key, entry);
      }
      entry.lane.cells[c].push(item);
      entry.lane.count++;
    }
  });
  const lanes = [...found.values()].sort((a, b) => compare(a.key, b.key)).map((e) => e.lane);
  const places = new Map<number, Place>();
  lanes.forEach((lane, l) => {
    lane.cells.forEach((cell, c) => {
      lane.tallest = Math.max(lane.tallest, cell.length);
      cell.forEach((item, index) => places.set(item.id, { lane: l, column: c, index }));
    });
  });
  return { lanes, places };
}

/**
 * The index in the whole column (counted after the card has left its old place, as the backend
 * counts it) for dropping card `id` at gap `slot` of a lane's cell: just before the lane's card
 * at that gap, else just after its last card. The slot is counted in the cell as shown, so it
 * includes the card itself when the card is already in that cell.
 */
export function dropIndex(column: WorkItem[], cell: WorkItem[], slot: number, id: number): number {
  const own = cell.findIndex((i) => i.id === id);
  // Either gap next to the card leaves it where it is (also among other lanes' cards).
  if (own >= 0 && (slot === own || slot === own + 1)) return column.indexOf(cell[own]);
  const others = own < 0 ? cell : cell.filter((i) => i.id !== id);
  const at = own >= 0 && slot > own ? slot - 1 : slot;
  const rest = column.filter((i) => i.id !== id);
  if (others.length === 0) return rest.length;
  if (at < others.length) return rest.indexOf(others[Math.max(0, at)]);
  return rest.indexOf(others[others.length - 1]) + 1;
}
