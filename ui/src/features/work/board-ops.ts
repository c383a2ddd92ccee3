// Pure changes to a Board, applied locally so the board answers at once; the backend's copy
// is fetched afterwards and replaces it. Each returns a new Board (the old one is untouched).
import type { Board } from '../../lib/bindings/Board';
import type { BoardColumn } from '../../lib/bindings/BoardColumn';
import type { Status } from '../../lib/bindings/Status';
import type { WorkItem } from '../../lib/bindings/WorkItem';

export type Found = { column: number; index: number; item: WorkItem };

export function findItem(board: Board | null, id: number): Found | null {
  if (!board) return null;
  for (let c = 0; c < board.columns.length; c++) {
    const index = board.columns[c].items.findIndex((i) => i.id === id);
    if (index >= 0) return { column: c, index, item: board.columns[c].items[index] };
  }
  return null;
}

export function columnIndex(board: Board | null, statusId: number): number {
  return board ? board.columns.findIndex((c) => c.status.id === statusId) : -1;
}

function withItems(column: BoardColumn, items: WorkItem[], status = column.status): BoardColumn {
  const limit = status.wip_limit;
  return { status, items, over_limit: limit != null && items.length > limit };
}

/** Moves an item; `index` is its place in the target column after it left its old place. */
export function moveItem(board: Board, id: number, statusId: number, index: number): Board {
  const from = findItem(board, id);
  const to = columnIndex(board, statusId);
  if (!from || to < 0) return board;
  const columns = board.columns.slice();
  const source = columns[from.column].items.slice();
  source.splice(from.index, 1);
  columns[from.column] = withItems(columns[from.column], source);
  const target = to === from.column ? source : columns[to].items.slice();
  const at = Math.max(0, Math.min(index, target.length));
  target.splice(at, 0, { ...from.item, status_id: statusId });
  columns[to] = withItems(columns[to], target);
  return { ...board, columns };
}

export function addItem(board: Board, item: WorkItem): Board {
  const to = columnIndex(board, item.status_id);
  if (to < 0 || findItem(board, item.id)) return board;
  const columns = board.columns.slice();
  columns[to] = withItems(columns[to], [...columns[to].items, item]);
  return { ...board, columns };
}

/**
 * Puts the backend's copy of an item on the board. With `keepPlace` the card stays where the
 * board has it: a later move may already be shown while this result comes back.
 */
export function replaceItem(board: Board, item: WorkItem, { keepPlace = false } = {}): Board {
  const at = findItem(board, item.id);
  if (!at) return board;
  if (keepPlace) item = { ...item, status_id: at.item.status_id };
  if (item.status_id !== at.item.status_id) {
    const moved = moveItem(board, item.id, item.status_id, Number.MAX_SAFE_INTEGER);
    return replaceItem(moved, item);
  }
  const columns = board.columns.slice();
  const items = columns[at.column].items.slice();
  items[at.index] = item;
  columns[at.column] = withItems(columns[at.column], items);
  return { ...board, columns };
}

export function removeItem(board: Board, id: number): Board {
  const at = findItem(board, id);
  if (!at) return board;
  const columns = board.columns.slice();
  columns[at.column] = withItems(
    columns[at.column],
    columns[at.column].items.filter((i) => i.id !== id),
  );
  return { ...board, columns };
}

export function addColumn(board: Board, status: Status): Board {
  if (columnIndex(board, status.id) >= 0) return board;
  return { ...board, columns: [...board.columns, withItems({ status, items: [], over_limit: false }, [])] };
}

export function replaceStatus(board: Board, status: Status): Board {
  const at = columnIndex(board, status.id);
  if (at < 0) return board;
  const columns = board.columns.slice();
  columns[at] = withItems(columns[at], columns[at].items, status);
  return { ...board, columns };
}

export function removeColumn(board: Board, statusId: number): Board {
  return { ...board, columns: board.columns.filter((c) => c.status.id !== statusId) };
}
