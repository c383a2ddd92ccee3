import { describe, expect, test } from 'vitest';
import type { Board } from '../../../lib/bindings/Board';
import type { ScheduledTask } from '../../../lib/bindings/ScheduledTask';
import type { WorkItem } from '../../../lib/bindings/WorkItem';
import {
  addDays,
  addMonths,
  buildIndex,
  dayLabel,
  dayNumber,
  entriesOn,
  hiddenPerDay,
  isoWeek,
  lanesFor,
  layoutWeek,
  listRange,
  monthGrid,
  monthTitle,
  startOfWeek,
  taskDays,
  weekDays,
  weekTitle,
  weekday,
} from '../calendar-view';

const span = (start: string, end: string) => ({ start, startDay: dayNumber(start), endDay: dayNumber(end) });

describe('calendar dates', () => {
  test('a month starting on a Sunday begins its grid on the Monday before and has six weeks', () => {
    // 1 March 2026 is a Sunday; 31 March a Tuesday.
    const weeks = monthGrid('2026-03-17');
    expect(weeks).toHaveLength(6);
    expect(weeks[0]).toEqual([
      '2026-02-23',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
    ]);
    expect(weeks[5][0]).toBe('2026-03-30');
    expect(weeks[5][6]).toBe('2026-04-05');
    expect(weeks.every((w) => w.length === 7 && weekday(w[0]) === 0)).toBe(true);
  });

  test('a month ending on a Monday takes one day of its last week', () => {
    // August 2026: Saturday 1 to Monday 31.
    const weeks = monthGrid('2026-08-01');
    expect(weeks).toHaveLength(6);
    expect(weeks[0][0]).toBe('2026-07-27');
    expect(weeks.at(-1)).toEqual([
      '2026-08-31',
      '2026-09-01',
      '2026-09-02',
      '2026-09-03',
      '2026-09-04',
      '2026-09-05',
      '2026-09-06',
    ]);
    // June 2026 starts on a Monday and ends on a Tuesday: five weeks, nothing before the 1st.
    const june = monthGrid('2026-06-30');
    expect(june).toHaveLength(5);
    expect(june[0][0]).toBe('2026-06-01');
  });

  test('February: 29 days in leap years, 28 otherwise, and a four-week grid when it fits exactly', () => {
    expect(
      monthGrid('2024-02-10')
        .flat()
        .filter((d) => d.startsWith('2024-02')),
    ).toHaveLength(29);
    expect(
      monthGrid('2023-02-10')
        .flat()
        .filter((d) => d.startsWith('2023-02')),
    ).toHaveLength(28);
    expect(
      monthGrid('2000-02-01')
        .flat()
        .filter((d) => d.startsWith('2000-02')),
    ).toHaveLength(29);
    expect(
      monthGrid('2100-02-01')
        .flat()
        .filter((d) => d.startsWith('2100-02')),
    ).toHaveLength(28);
    // February 2021: Monday 1 to Sunday 28.
    expect(monthGrid('2021-02-14')).toHaveLength(4);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
  });

  test('ISO week numbers belong to the year of their Thursday', () => {
    expect(isoWeek('2026-03-05')).toEqual({ year: 2026, week: 10 });
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 });
    expect(isoWeek('2025-12-29')).toEqual({ year: 2026, week: 1 });
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
  });

  test('weeks start on Monday, across daylight-saving changes', () => {
    expect(startOfWeek('2026-03-29')).toBe('2026-03-23');
    expect(startOfWeek('2026-03-30')).toBe('2026-03-30');
    expect(weekDays('2026-10-25')).toEqual([
      '2026-10-19',
      '2026-10-20',
      '2026-10-21',
      '2026-10-22',
      '2026-10-23',
      '2026-10-24',
      '2026-10-25',
    ]);
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });

  test('titles and day names', () => {
    expect(monthTitle('2026-03-05')).toBe('March 2026');
    expect(weekTitle('2026-03-05')).toBe('Week 10 · 2–8 Mar 2026');
    expect(weekTitle('2026-02-26')).toBe('Week 9 · 23 Feb – 1 Mar 2026');
    expect(weekTitle('2025-12-31')).toBe('Week 1 · 29 Dec 2025 – 4 Jan 2026');
    expect(dayLabel('2026-03-03')).toBe('Tuesday 3 March 2026');
  });

  test('a task finishing at midnight ends the day before', () => {
    const task = { start: '2026-03-02T08:00:00', finish: '2026-03-05T00:00:00' } as ScheduledTask;
    expect(taskDays(task)).toEqual({ start: '2026-03-02', end: '2026-03-04' });
    expect(taskDays({ ...task, finish: '2026-03-05T17:00:00' })).toEqual({ start: '2026-03-02', end: '2026-03-05' });
  });
});

describe('calendar layout', () => {
  const monday = dayNumber('2026-03-02');

  test('overlapping spans take separate lanes; a lane is reused once free', () => {
    const a = span('2026-03-02', '2026-03-04'); // Mon–Wed
    const b = span('2026-03-03', '2026-03-05'); // Tue–Thu
    const c = span('2026-03-05', '2026-03-05'); // Thu
    const d = span('2026-03-06', '2026-03-06'); // Fri
    const layout = layoutWeek(monday, [c, b, a, d]);
    const laneOf = (x: object) => layout.placed.find((p) => p.entry === x)!.lane;
    expect(laneOf(a)).toBe(0);
    expect(laneOf(b)).toBe(1);
    expect(laneOf(c)).toBe(0);
    expect(laneOf(d)).toBe(0);
    expect(layout.lanes).toBe(2);
    expect(layout.perDay).toEqual([1, 2, 2, 2, 1, 0, 0]);
  });

  test('on the same day the longer span goes first; spans are clipped to the week and flagged', () => {
    const long = span('2026-02-26', '2026-03-10');
    const short = span('2026-03-02', '2026-03-02');
    const layout = layoutWeek(monday, [short, long]);
    expect(layout.placed.map((p) => [p.entry, p.lane, p.from, p.to, p.before, p.after])).toEqual([
      [long, 0, 0, 6, true, true],
      [short, 1, 0, 0, false, false],
    ]);
    expect(layoutWeek(monday, [span('2026-03-09', '2026-03-09')]).placed).toEqual([]);
  });

  test('entries past the lanes shown are counted per day, and a day lists all its entries', () => {
    const items = Array.from({ length: 5 }, () => span('2026-03-04', '2026-03-04'));
    const layout = layoutWeek(monday, [span('2026-03-03', '2026-03-05'), ...items]);
    expect(hiddenPerDay(layout, 3)).toEqual([0, 0, 3, 0, 0, 0, 0]);
    expect(entriesOn(layout, 2)).toHaveLength(6);
    expect(entriesOn(layout, 3)).toHaveLength(1);
  });

  test('lanes fit the row height; list rows render only near the viewport', () => {
    expect(lanesFor(0, 3)).toBe(3);
    expect(lanesFor(120, 3)).toBe(3);
    expect(lanesFor(40, 3)).toBe(1);
    expect(listRange(10_000, 0, 280)).toEqual([0, 14]);
    expect(listRange(10_000, 28_000, 280)).toEqual([996, 1014]);
  });
});

describe('calendar index', () => {
  function item(id: number, title: string, due: string | null): WorkItem {
    return {
      id,
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
      due_date: due,
      created_at: '',
      updated_at: '',
      parent_id: null,
    };
  }
  /** Only what the calendar reads of a scheduled task. */
  function task(id: number, start: string, finish: string, fields: Partial<ScheduledTask> = {}): ScheduledTask {
    return {
      item_id: id,
      start,
      finish,
      summary: false,
      milestone: false,
      critical: false,
      ...fields,
    } as ScheduledTask;
  }
  const board: Board = {
    project: {
      id: 1,
      name: 'P',
      methodology: 'waterfall',
      start_date: null,
      finish_date: null,
      description: '',
      item_count: 4,
      manager: null,
    },
    columns: [
      {
        status: { id: 1, project_id: 1, name: 'To do', category: 'todo', position: 0, wip_limit: null },
        items: [
          item(1, 'Due only', '2026-03-03'),
          item(2, 'Task with due', '2026-03-12'),
          item(3, 'No date', null),
          item(4, 'Summary', null),
        ],
        over_limit: false,
      },
      {
        status: { id: 2, project_id: 1, name: 'Done', category: 'done', position: 1, wip_limit: null },
        items: [item(5, 'Finished late', '2026-02-01')],
        over_limit: false,
      },
    ],
  };
  const tasks = [
    task(4, '2026-03-02T08:00:00', '2026-03-20T17:00:00', { summary: true }),
    task(2, '2026-03-06T08:00:00', '2026-03-10T17:00:00', { critical: true }),
  ];

  test('items on their due dates, tasks as spans with their due dates as markers, the rest undated', () => {
    const index = buildIndex(board, tasks, '2026-03-05');
    expect(index.itemCount).toBe(5);
    expect(index.undated.map((e) => e.title)).toEqual(['No date', 'Summary']);
    const week10 = index.byWeek.get(dayNumber('2026-03-02'))!.map((e) => e.key);
    const week11 = index.byWeek.get(dayNumber('2026-03-09'))!.map((e) => e.key);
    expect(week10).toEqual(['item:1', 'task:2']);
    expect(week11).toEqual(['task:2', 'due:2']);
    expect(index.byKey.get('task:2')).toMatchObject({
      start: '2026-03-06',
      end: '2026-03-10',
      critical: true,
      due: '2026-03-12',
    });
    expect(index.byKey.get('item:1')!.overdue).toBe(true);
    // Done items are never overdue.
    expect(index.byKey.get('item:5')!.overdue).toBe(false);
  });

  test('a due date being saved shows at once', () => {
    const index = buildIndex(
      board,
      [],
      '2026-03-01',
      new Map([
        [3, '2026-03-20'],
        [1, null],
      ]),
    );
    expect(index.byKey.get('item:3')!.start).toBe('2026-03-20');
    expect(index.undated.map((e) => e.id)).toEqual([1, 4]);
  });
});
