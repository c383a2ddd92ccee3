import { describe, expect, test } from 'vitest';
import type { Board } from '../../../lib/bindings/Board';
import type { WorkItem } from '../../../lib/bindings/WorkItem';
import { dropIndex, epicsOf, groupLanes } from '../swimlanes';

let nextId = 1;
function item(title: string, fields: Partial<WorkItem> = {}): WorkItem {
  return {
    id: nextId++,
    project_id: 1,
    status_id: 1,
    item_type: 'task',
    title,
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

function boardOf(...columns: WorkItem[][]): Board {
  return {
    project: {
      id: 1,
      name: 'P',
      methodology: 'kanban',
      start_date: null,
      finish_date: null,
      description: '',
      item_count: 0,
      manager: null,
    },
    columns: columns.map((items, i) => ({
      status: { id: i + 1, project_id: 1, name: `S${i + 1}`, category: 'todo', position: i, wip_limit: null },
      items,
      over_limit: false,
    })),
  };
}

const titles = (items: WorkItem[]) => items.map((i) => i.title);

describe('swimlane grouping', () => {
  test('by assignee: people by name, then Unassigned last; cells follow the columns', () => {
    const a = item('a', { assignee: 'Zoe' });
    const b = item('b');
    const c = item('c', { assignee: 'ana' });
    const d = item('d', { assignee: 'Bo' });
    const e = item('e', { assignee: 'Zoe' });
    const { lanes, places } = groupLanes(boardOf([a, b, c], [d, e]), 'assignee');
    expect(lanes.map((l) => [l.key, l.name, l.count])).toEqual([
      ['person:ana', 'ana', 1],
      ['person:Bo', 'Bo', 1],
      ['person:Zoe', 'Zoe', 2],
      ['unassigned', 'Unassigned', 1],
    ]);
    const zoe = lanes[2];
    expect(zoe.cells.map(titles)).toEqual([['a'], ['e']]);
    expect(zoe.value).toBe('Zoe');
    expect(lanes[3].value).toBeNull();
    expect(places.get(e.id)).toEqual({ lane: 2, column: 1, index: 0 });
    expect(places.size).toBe(5);
  });

  test('by priority: highest first, only priorities that have items', () => {
    const board = boardOf(
      [item('low', { priority: 'low' }), item('top', { priority: 'highest' })],
      [item('mid'), item('high', { priority: 'high' }), item('low 2', { priority: 'low' })],
    );
    const { lanes } = groupLanes(board, 'priority');
    expect(lanes.map((l) => l.key)).toEqual(['priority:highest', 'priority:high', 'priority:medium', 'priority:low']);
    expect(lanes.map((l) => l.name)).toEqual(['Highest', 'High', 'Medium', 'Low']);
    expect(lanes[3].cells.map(titles)).toEqual([['low'], ['low 2']]);
    expect(lanes[3].tallest).toBe(1);
  });

  test('by epic: epics by title hold their items and themselves; No epic last; other parents do not count', () => {
    const web = item('Web', { item_type: 'epic' });
    const api = item('API', { item_type: 'epic' });
    const summary = item('Summary task');
    const login = item('Login', { parent_id: web.id });
    const token = item('Token', { parent_id: api.id });
    const child = item('Child of a summary', { parent_id: summary.id });
    const loose = item('Loose');
    const board = boardOf([login, loose, web], [token, api, summary, child]);
    const { lanes } = groupLanes(board, 'epic');
    expect(lanes.map((l) => [l.key, l.name, l.count])).toEqual([
      [`epic:${api.id}`, 'API', 2],
      [`epic:${web.id}`, 'Web', 2],
      ['no-epic', 'No epic', 3],
    ]);
    expect(lanes[1].cells.map(titles)).toEqual([['Login', 'Web'], []]);
    expect(lanes[2].cells.map(titles)).toEqual([['Loose'], ['Summary task', 'Child of a summary']]);
    expect(lanes[0].value).toBe(api.id);
    expect(lanes[2].value).toBeNull();
    expect(epicsOf(board).map((e) => e.title)).toEqual(['API', 'Web']);
  });

  test('an empty board has no lanes', () => {
    expect(groupLanes(boardOf([], []), 'assignee').lanes).toEqual([]);
  });

  test('a 10,000-item board groups in one pass', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => item(`i${i}`, { assignee: `P${i % 50}` }));
    const started = performance.now();
    const { lanes, places } = groupLanes(boardOf(items.slice(0, 5000), items.slice(5000)), 'assignee');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(lanes).toHaveLength(50);
    expect(places.size).toBe(10_000);
    expect(lanes[0].tallest).toBe(100);
  });
});

describe('dropIndex: a lane cell position as an index in the whole column', () => {
  const [a, x, b, y, c] = ['a', 'x', 'b', 'y', 'c'].map((t) => item(t));
  const column = [a, x, b, y, c];
  const cell = [a, b, c]; // the lane's cards; x and y are in other lanes

  test('from another column: before the card at the slot, after the last, or at the end when empty', () => {
    const other = item('o');
    expect(dropIndex(column, cell, 0, other.id)).toBe(0);
    expect(dropIndex(column, cell, 1, other.id)).toBe(2);
    expect(dropIndex(column, cell, 3, other.id)).toBe(5);
    expect(dropIndex(column, [], 0, other.id)).toBe(5);
  });

  test('within the cell the index counts after the card has left its place', () => {
    // a to between b and c: the column without a is [x, b, y, c]; just before c is 3.
    expect(dropIndex(column, cell, 2, a.id)).toBe(3);
    // a below c, the last: after c.
    expect(dropIndex(column, cell, 3, a.id)).toBe(4);
    // c to the top: before a.
    expect(dropIndex(column, cell, 0, c.id)).toBe(0);
    // Either gap beside b leaves it where it is.
    expect(dropIndex(column, cell, 1, b.id)).toBe(2);
    expect(dropIndex(column, cell, 2, b.id)).toBe(2);
  });
});
