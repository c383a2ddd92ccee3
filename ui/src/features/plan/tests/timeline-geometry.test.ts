import { describe, expect, test } from 'vitest';
import type { ScheduledTask } from '../../../lib/bindings/ScheduledTask';
import {
  DAY,
  HEADER_HEIGHT,
  MILESTONE_HALF,
  OVERSCAN,
  PX_PER_DAY,
  ROW_HEIGHT,
  barEnds,
  formatDays,
  headerTiers,
  labelFits,
  linkPath,
  makeScale,
  nextStart,
  rowRange,
  shortDate,
  startOf,
  timeAt,
  toTime,
  weekendBands,
  within,
  xOf,
} from '../timeline-geometry';
import { depthOf, parentWbs, visibleRows } from '../timeline-outline';

const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);

describe('timeline dates', () => {
  test('schedule times are read without a zone, so every day is 24 hours', () => {
    expect(toTime('2026-03-02T08:00:00')).toBe(utc(2026, 3, 2, 8));
    expect(toTime('2026-03-02')).toBe(utc(2026, 3, 2));
    // Across the European daylight-saving change (29 March 2026) a day is still a day.
    expect(toTime('2026-03-30T08:00:00') - toTime('2026-03-29T08:00:00')).toBe(DAY);
    expect(Number.isNaN(toTime('soon'))).toBe(true);
  });

  test('weeks start on Monday; months, quarters and years on their first day', () => {
    const wed = utc(2026, 3, 4, 15);
    expect(startOf(wed, 'day')).toBe(utc(2026, 3, 4));
    expect(startOf(wed, 'week')).toBe(utc(2026, 3, 2));
    expect(startOf(utc(2026, 3, 8, 12), 'week')).toBe(utc(2026, 3, 2)); // a Sunday
    expect(startOf(wed, 'month')).toBe(utc(2026, 3, 1));
    expect(startOf(utc(2026, 8, 20), 'quarter')).toBe(utc(2026, 7, 1));
    expect(nextStart(wed, 'month')).toBe(utc(2026, 4, 1));
    expect(nextStart(utc(2026, 11, 5), 'quarter')).toBe(utc(2027, 1, 1));
    expect(nextStart(wed, 'year')).toBe(utc(2027, 1, 1));
  });

  test('dates in the grid are short; a late hour keeps its day', () => {
    expect(shortDate('2026-03-02T08:00:00')).toMatch(/^\S+ 2 \S+$/);
    expect(shortDate('2026-03-02T23:30:00')).toBe(shortDate('2026-03-02T08:00:00'));
    expect(shortDate('2026-03-02T08:00:00')).not.toBe(shortDate('2026-03-03T08:00:00'));
  });

  test('hours are shown as days of 8 hours, negative ones with a sign', () => {
    expect(formatDays(16)).toBe('2 d');
    expect(formatDays(4)).toBe('0.5 d');
    expect(formatDays(-12)).toBe('-1.5 d');
    expect(formatDays(-0.1)).toBe('0 d');
    expect(formatDays(0)).toBe('0 d');
  });
});

describe('timeline scale', () => {
  const start = toTime('2026-03-04T08:00:00'); // a Wednesday
  const finish = toTime('2026-04-10T17:00:00'); // a Friday

  test('starts one whole unit before the plan and ends at least a unit after it', () => {
    const week = makeScale('week', start, finish);
    expect(week.origin).toBe(utc(2026, 2, 23)); // the Monday before the plan's week
    expect(week.end).toBe(utc(2026, 4, 20));
    expect(week.width).toBe(((week.end - week.origin) / DAY) * PX_PER_DAY.week);
    const month = makeScale('month', start, finish);
    expect(month.origin).toBe(utc(2026, 2, 1));
    expect(month.end).toBe(utc(2026, 6, 1));
  });

  test('is at least as wide as asked, ending on a whole unit', () => {
    const scale = makeScale('week', start, finish, 5000);
    expect(scale.width).toBeGreaterThanOrEqual(5000);
    expect(startOf(scale.end, 'week')).toBe(scale.end);
  });

  test('maps times to pixels and back', () => {
    const scale = makeScale('day', start, finish);
    expect(xOf(scale, scale.origin)).toBe(0);
    expect(xOf(scale, scale.origin + DAY)).toBe(PX_PER_DAY.day);
    expect(timeAt(scale, xOf(scale, start))).toBe(start);
  });

  test('the header has two tiers of touching cells: months over weeks at week zoom', () => {
    const scale = makeScale('week', start, finish);
    const { top, bottom } = headerTiers(scale);
    expect(top.map((c) => c.label)).toEqual(
      [2, 3, 4].map((m) =>
        new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(2026, m, 1)),
      ),
    );
    expect(top[0].x).toBe(0); // February begins before the chart: its cell is cut at the edge
    expect(bottom).toHaveLength(8);
    expect(bottom.every((c) => c.width === 7 * PX_PER_DAY.week)).toBe(true);
    for (let i = 1; i < bottom.length; i++) expect(bottom[i].x).toBe(bottom[i - 1].x + bottom[i - 1].width);
    expect(bottom[0].label).toMatch(/^23 \S+$/);
  });

  test('quarter zoom labels quarters under years', () => {
    const { top, bottom } = headerTiers(makeScale('quarter', start, finish));
    expect(bottom.map((c) => c.label)).toEqual(['Q4', 'Q1', 'Q2', 'Q3']);
    expect(top.map((c) => c.label)).toEqual(['2025', '2026']);
  });

  test('weekends are shaded at day and week zoom only', () => {
    const scale = makeScale('week', start, finish);
    const bands = weekendBands(scale);
    expect(bands).toHaveLength(8);
    expect(bands[0]).toEqual({ key: utc(2026, 2, 28), x: 5 * PX_PER_DAY.week, width: 2 * PX_PER_DAY.week });
    expect(weekendBands(makeScale('month', start, finish))).toEqual([]);
  });

  test('only the spans reaching into the visible band are kept', () => {
    const spans = [0, 100, 200, 300].map((x) => ({ key: x, x, width: 100 }));
    expect(within(spans, 150, 250).map((s) => s.x)).toEqual([100, 200]);
  });
});

describe('timeline rows and bars', () => {
  test('renders the rows in view below the header, plus overscan, within the list', () => {
    const visible = Math.ceil((720 - HEADER_HEIGHT) / ROW_HEIGHT);
    expect(rowRange(10_000, 0, 720)).toEqual([0, visible + OVERSCAN]);
    expect(rowRange(10_000, 100 * ROW_HEIGHT, 720)).toEqual([100 - OVERSCAN, 100 + visible + OVERSCAN]);
    expect(rowRange(10, 0, 720)).toEqual([0, 10]);
    expect(rowRange(10_000, 0, 0)).toEqual(rowRange(10_000, 0, 720)); // not measured yet
  });

  const task = (over: Partial<ScheduledTask>): ScheduledTask => ({
    item_id: 1,
    name: 'Pack',
    wbs: '1',
    summary: false,
    milestone: false,
    start: '2026-03-02T08:00:00',
    finish: '2026-03-04T17:00:00',
    early_start: '2026-03-02T08:00:00',
    early_finish: '2026-03-04T17:00:00',
    late_start: '2026-03-02T08:00:00',
    late_finish: '2026-03-04T17:00:00',
    duration_minutes: 1440,
    total_float_hours: 0,
    free_float_hours: 0,
    critical: false,
    percent_complete: 0,
    baseline_start: null,
    baseline_finish: null,
    resource: null,
    work_hours: 0,
    cost_minor: 0,
    plan: { constraint_type: 'asap', constraint_date: null, actual_start: null, actual_finish: null, calendar: 0 },
    ...over,
  });

  test('a bar runs from early start to early finish; a milestone is a diamond around its date', () => {
    const scale = makeScale('day', toTime('2026-03-02'), toTime('2026-03-31'));
    const bar = barEnds(scale, task({}));
    expect(bar.start).toBe(xOf(scale, toTime('2026-03-02T08:00:00')));
    expect(bar.finish - bar.start).toBeCloseTo((2 + 9 / 24) * PX_PER_DAY.day);
    const at = xOf(scale, toTime('2026-03-06T17:00:00'));
    const diamond = barEnds(
      scale,
      task({ milestone: true, early_start: '2026-03-06T17:00:00', early_finish: '2026-03-06T17:00:00' }),
    );
    expect(diamond).toEqual({ start: at - MILESTONE_HALF, finish: at + MILESTONE_HALF });
    const instant = barEnds(scale, task({ early_finish: '2026-03-02T08:00:00' }));
    expect(instant.finish - instant.start).toBe(2);
  });

  test('a name goes inside its bar only when it fits', () => {
    expect(labelFits('Pack', 100)).toBe(true);
    expect(labelFits('Update the address book', 100)).toBe(false);
  });
});

describe('link paths', () => {
  test('finish-to-start with room: out, down, in, with the arrowhead at the start', () => {
    const { line, head } = linkPath('fs', { x: 100, y: 16 }, { x: 200, y: 48 });
    expect(line).toBe('M100 16H110V48H194');
    expect(head).toBe('M200 48L194 44L194 52Z');
  });

  test('finish-to-start to a task starting earlier: turns between the rows and comes back', () => {
    const { line } = linkPath('fs', { x: 200, y: 16 }, { x: 150, y: 80 });
    expect(line).toBe('M200 16H210V32H134V80H144');
    // Upwards, the turn is between the rows above.
    expect(linkPath('fs', { x: 200, y: 80 }, { x: 150, y: 16 }).line).toBe('M200 80H210V64H134V16H144');
  });

  test('finish-to-finish and start-to-start run beyond both ends; arrows point the way they enter', () => {
    const ff = linkPath('ff', { x: 200, y: 16 }, { x: 300, y: 48 });
    expect(ff.line).toBe('M200 16H310V48H306');
    expect(ff.head).toBe('M300 48L306 44L306 52Z');
    expect(linkPath('ss', { x: 200, y: 16 }, { x: 150, y: 48 }).line).toBe('M200 16H140V48H144');
  });

  test('start-to-finish goes left out of the predecessor and into the successor from the right', () => {
    expect(linkPath('sf', { x: 300, y: 16 }, { x: 200, y: 48 }).line).toBe('M300 16H290V48H206');
    expect(linkPath('sf', { x: 300, y: 16 }, { x: 310, y: 48 }).line).toBe('M300 16H290V32H326V48H316');
  });
});

describe('timeline outline', () => {
  test('depth and parent come from the WBS code', () => {
    expect(depthOf('1')).toBe(0);
    expect(depthOf('1.2.3')).toBe(2);
    expect(parentWbs('1.2.3')).toBe('1.2');
    expect(parentWbs('4')).toBeNull();
  });

  const t = (item_id: number, wbs: string, summary = false) => ({ item_id, wbs, summary }) as ScheduledTask;
  const tasks = [
    t(1, '1', true),
    t(2, '1.1', true),
    t(3, '1.1.1'),
    t(4, '1.2'),
    t(5, '2', true),
    t(6, '2.1'),
    t(7, '3'),
  ];
  const ids = (collapsed: number[]) => visibleRows(tasks, new Set(collapsed)).map((r) => r.task.item_id);

  test('a folded summary hides everything under it, and only that', () => {
    expect(ids([])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(visibleRows(tasks, new Set()).map((r) => r.depth)).toEqual([0, 1, 2, 1, 0, 1, 0]);
    expect(ids([2])).toEqual([1, 2, 4, 5, 6, 7]);
    expect(ids([1])).toEqual([1, 5, 6, 7]);
    expect(ids([1, 2, 5])).toEqual([1, 5, 7]);
    expect(ids([3, 7])).toEqual([1, 2, 3, 4, 5, 6, 7]); // not summaries: nothing to fold
  });
});
