import { describe, expect, test } from 'vitest';
import type { Board } from '../../../lib/bindings/Board';
import type { Status } from '../../../lib/bindings/Status';
import type { WorkItem } from '../../../lib/bindings/WorkItem';
import {
  NO_FILTER,
  cellValue,
  displayRows,
  filterItems,
  flatten,
  isFiltered,
  nextSort,
  pageRows,
  parseCell,
  rowRange,
  sortItems,
  type GridItem,
} from '../grid';

function status(id: number, name: string, position: number): Status {
  return { id, project_id: 1, name, category: position === 2 ? 'done' : 'todo', position, wip_limit: null };
}

let nextId = 1;
function item(fields: Partial<WorkItem> & { title: string }, statusId = 10): WorkItem {
  return {
    id: nextId++,
    project_id: 1,
    status_id: statusId,
    item_type: 'task',
    description: '',
    assignee: null,
    estimate_hours: null,
    story_points: null,
    priority: 'medium',
    tags: [],
    due_date: null,
    created_at: '2025-03-01T09:00:00Z',
    updated_at: '2025-03-01T09:00:00Z',
    parent_id: null,
    ...fields,
  };
}

/** Three columns; "Platform" is an epic, two items are in it. */
function sample(): { board: Board; rows: GridItem[] } {
  nextId = 1;
  const todo = status(10, 'To do', 0);
  const doing = status(11, 'Doing', 1);
  const done = status(12, 'Done', 2);
  const epic = item({ title: 'Platform', item_type: 'epic', priority: 'high' }, 10);
  const board: Board = {
    project: {
      id: 1,
      name: 'P',
      methodology: 'kanban',
      start_date: null,
      finish_date: null,
      description: '',
      item_count: 6,
      manager: null,
    },
    columns: [
      {
        status: todo,
        over_limit: false,
        items: [
          epic,
          item({
            title: 'item 10',
            assignee: 'Bo',
            due_date: '2025-05-01',
            estimate_hours: 8,
            priority: 'low',
            parent_id: epic.id,
            tags: ['api'],
          }),
          item({ title: 'Item 9', due_date: '2025-03-15', estimate_hours: 2.5, priority: 'highest' }),
        ],
      },
      {
        status: doing,
        over_limit: false,
        items: [
          item({ title: 'alpha', assignee: 'Ana', story_points: 3, priority: 'lowest', tags: ['ui', 'Login'] }, 11),
        ],
      },
      {
        status: done,
        over_limit: false,
        items: [
          item(
            {
              title: 'Beta',
              assignee: 'Ana',
              due_date: '2024-12-31',
              priority: 'high',
              parent_id: epic.id,
              item_type: 'bug',
            },
            12,
          ),
        ],
      },
    ],
  };
  return { board, rows: flatten(board) };
}

const titles = (rows: GridItem[]) => rows.map((r) => r.item.title);

describe('flatten', () => {
  test('lists the columns in board order with their status and the epic each item is in', () => {
    const { rows } = sample();
    expect(titles(rows)).toEqual(['Platform', 'item 10', 'Item 9', 'alpha', 'Beta']);
    expect(rows.map((r) => r.status.name)).toEqual(['To do', 'To do', 'To do', 'Doing', 'Done']);
    expect(rows.map((r) => r.epic?.title ?? null)).toEqual([null, 'Platform', null, null, 'Platform']);
  });

  test('a parent that is not an epic is no epic', () => {
    const { board } = sample();
    const parent = board.columns[1].items[0];
    board.columns[0].items[2] = { ...board.columns[0].items[2], parent_id: parent.id };
    expect(flatten(board)[2].epic).toBeNull();
  });
});

describe('sorting', () => {
  test('a header cycles ascending, descending, none', () => {
    expect(nextSort(null, 'due')).toEqual({ column: 'due', dir: 'asc' });
    expect(nextSort({ column: 'due', dir: 'asc' }, 'due')).toEqual({ column: 'due', dir: 'desc' });
    expect(nextSort({ column: 'due', dir: 'desc' }, 'due')).toBeNull();
    expect(nextSort({ column: 'due', dir: 'desc' }, 'title')).toEqual({ column: 'title', dir: 'asc' });
  });

  test('dates are chronological and the empty ones last in either direction', () => {
    const { rows } = sample();
    expect(titles(sortItems(rows, { column: 'due', dir: 'asc' }))).toEqual([
      'Beta',
      'Item 9',
      'item 10',
      'Platform',
      'alpha',
    ]);
    expect(titles(sortItems(rows, { column: 'due', dir: 'desc' }))).toEqual([
      'item 10',
      'Item 9',
      'Beta',
      'Platform',
      'alpha',
    ]);
  });

  test('priority sorts by rank, highest first when ascending', () => {
    const { rows } = sample();
    expect(titles(sortItems(rows, { column: 'priority', dir: 'asc' }))).toEqual([
      'Item 9',
      'Platform',
      'Beta',
      'item 10',
      'alpha',
    ]);
    expect(titles(sortItems(rows, { column: 'priority', dir: 'desc' }))).toEqual([
      'alpha',
      'item 10',
      'Platform',
      'Beta',
      'Item 9',
    ]);
  });

  test('numbers sort numerically, text naturally and without regard to case', () => {
    const { rows } = sample();
    expect(titles(sortItems(rows, { column: 'estimate', dir: 'asc' }))).toEqual([
      'Item 9',
      'item 10',
      'Platform',
      'alpha',
      'Beta',
    ]);
    expect(titles(sortItems(rows, { column: 'title', dir: 'asc' }))).toEqual([
      'alpha',
      'Beta',
      'Item 9',
      'item 10',
      'Platform',
    ]);
  });

  test('ties keep the board order (stable), also descending', () => {
    const { rows } = sample();
    expect(titles(sortItems(rows, { column: 'assignee', dir: 'asc' }))).toEqual([
      'alpha',
      'Beta',
      'item 10',
      'Platform',
      'Item 9',
    ]);
    expect(titles(sortItems(rows, { column: 'assignee', dir: 'desc' }))).toEqual([
      'item 10',
      'alpha',
      'Beta',
      'Platform',
      'Item 9',
    ]);
    expect(titles(sortItems(rows, { column: 'status', dir: 'desc' }))).toEqual([
      'Beta',
      'alpha',
      'Platform',
      'item 10',
      'Item 9',
    ]);
  });

  test('no sort keeps the board order and does not touch the input', () => {
    const { rows } = sample();
    const copy = rows.slice();
    const out = sortItems(rows, null);
    expect(out).toEqual(copy);
    sortItems(rows, { column: 'title', dir: 'desc' });
    expect(rows).toEqual(copy);
  });
});

describe('filtering', () => {
  test('the text matches title, tags and assignee, ignoring case', () => {
    const { rows } = sample();
    expect(titles(filterItems(rows, { ...NO_FILTER, text: 'ITEM' }))).toEqual(['item 10', 'Item 9']);
    expect(titles(filterItems(rows, { ...NO_FILTER, text: 'login' }))).toEqual(['alpha']);
    expect(titles(filterItems(rows, { ...NO_FILTER, text: ' ana ' }))).toEqual(['alpha', 'Beta']);
    expect(filterItems(rows, { ...NO_FILTER, text: 'nothing like it' })).toEqual([]);
  });

  test('quick filters combine; an assignee of "" is the unassigned', () => {
    const { rows } = sample();
    expect(titles(filterItems(rows, { ...NO_FILTER, assignee: '' }))).toEqual(['Platform', 'Item 9']);
    expect(titles(filterItems(rows, { ...NO_FILTER, assignee: 'Ana', priority: 'high' }))).toEqual(['Beta']);
    expect(titles(filterItems(rows, { ...NO_FILTER, status: 10, type: 'task' }))).toEqual(['item 10', 'Item 9']);
  });

  test('isFiltered ignores blank text', () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, text: '   ' })).toBe(false);
    expect(isFiltered({ ...NO_FILTER, status: 3 })).toBe(true);
  });
});

describe('grouping', () => {
  test('by assignee: names alphabetically, the unassigned last, items in their sorted order', () => {
    const { rows } = sample();
    const out = displayRows(sortItems(rows, { column: 'title', dir: 'asc' }), 'assignee', new Set());
    expect(out.map((r) => (r.kind === 'group' ? `[${r.label} ${r.count}]` : r.row.item.title))).toEqual([
      '[Ana 2]',
      'alpha',
      'Beta',
      '[Bo 1]',
      'item 10',
      '[Unassigned 2]',
      'Item 9',
      'Platform',
    ]);
  });

  test('by priority in rank order, by status in board order, by epic with no epic last', () => {
    const { rows } = sample();
    const labels = (by: 'priority' | 'status' | 'epic') =>
      displayRows(rows, by, new Set()).flatMap((r) => (r.kind === 'group' ? [r.label] : []));
    expect(labels('priority')).toEqual(['Highest', 'High', 'Low', 'Lowest']);
    expect(labels('status')).toEqual(['To do', 'Doing', 'Done']);
    expect(labels('epic')).toEqual(['Platform', 'No epic']);
  });

  test('a collapsed group keeps its header and count but not its rows', () => {
    const { rows } = sample();
    const out = displayRows(rows, 'type', new Set(['type:task']));
    const task = out.find((r) => r.kind === 'group' && r.group === 'type:task');
    expect(task).toMatchObject({ collapsed: true, count: 3, label: 'Task' });
    expect(out.filter((r) => r.kind === 'item').map((r) => (r.kind === 'item' ? r.row.item.title : ''))).toEqual([
      'Beta',
      'Platform',
    ]);
  });

  test('no grouping gives one row per item, keyed by id', () => {
    const { rows } = sample();
    const out = displayRows(rows, 'none', new Set());
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ kind: 'item', key: `item:${rows[0].item.id}` });
  });
});

describe('cells', () => {
  test('the editor starts from the saved value', () => {
    const { rows } = sample();
    expect(cellValue(rows[1], 'tags')).toBe('api');
    expect(cellValue(rows[1], 'epic')).toBe(String(rows[0].item.id));
    expect(cellValue(rows[2], 'estimate')).toBe('2.5');
    expect(cellValue(rows[2], 'points')).toBe('');
    expect(cellValue(rows[3], 'status')).toBe('11');
    expect(cellValue(rows[2], 'assignee')).toBe('');
  });

  test('typed text becomes the one changed field; a number that is none is refused here', () => {
    expect(parseCell('title', '  New title ')).toEqual({ title: 'New title' });
    expect(parseCell('estimate', '2,5')).toEqual({ estimate_hours: 2.5 });
    expect(parseCell('points', '')).toEqual({ story_points: null });
    expect(parseCell('points', 'lots')).toEqual({ error: expect.stringContaining('story points as a number') });
    expect(parseCell('tags', 'a, b ,a,')).toEqual({ tags: ['a', 'b'] });
    expect(parseCell('assignee', '  ')).toEqual({ assignee: null });
    // The core names an impossible date; the grid sends it as typed.
    expect(parseCell('due', '2025-02-30')).toEqual({ due_date: '2025-02-30' });
    expect(parseCell('due', '')).toEqual({ due_date: null });
  });
});

describe('virtualisation', () => {
  test('only the rows near the viewport are rendered', () => {
    expect(rowRange(10_000, 0, 352)).toEqual([0, 16]);
    const [start, end] = rowRange(10_000, 32 * 5000, 352);
    expect(start).toBe(4994);
    expect(end - start).toBeLessThan(30);
    expect(rowRange(3, 0, 0)).toEqual([0, 3]);
    expect(pageRows(352)).toBe(9);
  });
});
