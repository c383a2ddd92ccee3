// Date maths and layout for the Calendar view. Dates travel as YYYY-MM-DD; arithmetic runs on
// whole day numbers in UTC, so no daylight-saving hour can shift a date. Weeks start on Monday
// (ISO 8601). Everything here is pure, so the view's derived values stay cheap to test.
import type { Board } from '../../lib/bindings/Board';
import type { ScheduledTask } from '../../lib/bindings/ScheduledTask';
import type { Status } from '../../lib/bindings/Status';
import type { StatusCategory } from '../../lib/bindings/StatusCategory';
import type { WorkItem } from '../../lib/bindings/WorkItem';

const DAY_MS = 86_400_000;

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const WEEKDAYS_SHORT = WEEKDAYS.map((d) => d.slice(0, 3));

const pad = (n: number) => String(n).padStart(2, '0');

/** Days since 1970-01-01; NaN for text that is not a date. Arithmetic only: it runs per item. */
export function dayNumber(iso: string): number {
  if (iso.length < 10 || iso[4] !== '-' || iso[7] !== '-') return NaN;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (!(y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return NaN;
  // Days from the civil date (H. Hinnant's algorithm), with years starting in March.
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayOfDay(day: number): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((day + 3) % 7) + 7) % 7;
}

export function weekday(iso: string): number {
  return weekdayOfDay(dayNumber(iso));
}

export function startOfWeek(iso: string): string {
  return addDays(iso, -weekday(iso));
}

/** `month` is 1–12. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const parts = (iso: string) => [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];

/** The same day `months` months later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** The seven days, Monday first, of the week holding `iso`. */
export function weekDays(iso: string): string[] {
  const monday = dayNumber(startOfWeek(iso));
  return Array.from({ length: 7 }, (_, i) => isoOfDay(monday + i));
}

/** The weeks (Monday to Sunday) that hold a day of the month of `iso`: four to six of them. */
export function monthGrid(iso: string): string[][] {
  const [y, m] = parts(iso);
  const last = `${y}-${pad(m)}-${pad(daysInMonth(y, m))}`;
  const weeks: string[][] = [];
  for (let monday = startOfWeek(`${y}-${pad(m)}-01`); monday <= last; monday = addDays(monday, 7)) {
    weeks.push(weekDays(monday));
  }
  return weeks;
}

export const sameMonth = (a: string, b: string) => a.slice(0, 7) === b.slice(0, 7);

/** ISO 8601 week: the week belongs to the year of its Thursday. */
export function isoWeek(iso: string): { year: number; week: number } {
  const thursday = addDays(startOfWeek(iso), 3);
  const year = Number(thursday.slice(0, 4));
  return { year, week: Math.floor((dayNumber(thursday) - dayNumber(`${year}-01-01`)) / 7) + 1 };
}

/** "March 2026" */
export function monthTitle(iso: string): string {
  const [y, m] = parts(iso);
  return `${MONTHS[m - 1]} ${y}`;
}

/** "3 Mar", or "3 Mar 2026" with the year. */
export function shortDay(iso: string, withYear = false): string {
  const [y, m, d] = parts(iso);
  return `${d} ${MONTHS[m - 1].slice(0, 3)}${withYear ? ` ${y}` : ''}`;
}

/** "Week 10 · 2–8 Mar 2026", "Week 9 · 23 Feb – 1 Mar 2026", "Week 1 · 29 Dec 2025 – 4 Jan 2026". */
export function weekTitle(iso: string): string {
  const days = weekDays(iso);
  const [first, last] = [days[0], days[6]];
  let range: string;
  if (sameMonth(first, last)) range = `${Number(first.slice(8))}–${shortDay(last, true)}`;
  else if (first.slice(0, 4) === last.slice(0, 4)) range = `${shortDay(first)} – ${shortDay(last, true)}`;
  else range = `${shortDay(first, true)} – ${shortDay(last, true)}`;
  return `Week ${isoWeek(iso).week} · ${range}`;
}

/** "Tuesday 3 March 2026" */
export function dayLabel(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${WEEKDAYS[weekday(iso)]} ${d} ${MONTHS[m - 1]} ${y}`;
}

// ——— What the calendar shows ———

/**
 * item: a work item on its due date; task / milestone: a scheduled task from start to finish;
 * due: the due date of an item that shows as a task (its marker).
 */
export type EntryKind = 'item' | 'task' | 'milestone' | 'due';

export type CalendarEntry = {
  /** Unique in the calendar: kind and item id. */
  key: string;
  id: number;
  kind: EntryKind;
  title: string;
  /** Both days included (YYYY-MM-DD, and as day numbers); empty / NaN for an undated item. */
  start: string;
  end: string;
  startDay: number;
  endDay: number;
  category: StatusCategory;
  status: string;
  due: string | null;
  overdue: boolean;
  critical: boolean;
};

export type CalendarIndex = {
  /** Dated entries by the day number of each Monday whose week they touch. */
  byWeek: Map<number, CalendarEntry[]>;
  /** Items shown on no day: no due date and no scheduled task. */
  undated: CalendarEntry[];
  byKey: Map<string, CalendarEntry>;
  /** How many work items the board holds. */
  itemCount: number;
};

/** The last day a task works on: a finish at midnight ends the day before. */
export function taskDays(task: ScheduledTask): { start: string; end: string } {
  const start = task.start.slice(0, 10);
  let end = task.finish.slice(0, 10);
  if (task.finish.slice(11, 19) === '00:00:00' && end > start) end = addDays(end, -1);
  return { start, end: end < start ? start : end };
}

export const entryKey = (kind: EntryKind, id: number) => `${kind}:${id}`;

// One object shape for every entry (built per item, 10,000 times on a large board).
function makeEntry(
  item: WorkItem,
  kind: EntryKind,
  start: string,
  end: string,
  status: Status,
  due: string | null,
  critical: boolean,
  today: string,
): CalendarEntry {
  return {
    key: entryKey(kind, item.id),
    id: item.id,
    kind,
    title: item.title,
    start,
    end,
    startDay: dayNumber(start),
    endDay: dayNumber(end),
    category: status.category,
    status: status.name,
    due,
    overdue: due != null && status.category !== 'done' && due < today,
    critical,
  };
}

/**
 * Everything the calendar shows, built once per board (or schedule) change: items on their due
 * dates, non-summary tasks as spans with their items' due dates as markers, and the rest
 * undated. `dueOverrides` are due dates being saved, shown before the backend confirms them.
 */
export function buildIndex(
  board: Board | null,
  tasks: readonly ScheduledTask[],
  today: string,
  dueOverrides: ReadonlyMap<number, string | null> = new Map(),
): CalendarIndex {
  const taskOf = new Map<number, ScheduledTask>();
  for (const t of tasks) if (!t.summary) taskOf.set(t.item_id, t);
  const byWeek = new Map<number, CalendarEntry[]>();
  const byKey = new Map<string, CalendarEntry>();
  const undated: CalendarEntry[] = [];
  let itemCount = 0;

  const add = (entry: CalendarEntry) => {
    byKey.set(entry.key, entry);
    if (Number.isNaN(entry.startDay) || Number.isNaN(entry.endDay)) {
      undated.push(entry);
      return;
    }
    for (let monday = entry.startDay - weekdayOfDay(entry.startDay); monday <= entry.endDay; monday += 7) {
      const list = byWeek.get(monday);
      if (list) list.push(entry);
      else byWeek.set(monday, [entry]);
    }
  };

  for (const column of board?.columns ?? []) {
    for (const item of column.items) {
      itemCount++;
      const due = dueOverrides.has(item.id) ? (dueOverrides.get(item.id) ?? null) : item.due_date;
      const task = taskOf.get(item.id);
      if (task) {
        const { start, end } = taskDays(task);
        add(
          makeEntry(item, task.milestone ? 'milestone' : 'task', start, end, column.status, due, task.critical, today),
        );
      }
      if (due != null) add(makeEntry(item, task ? 'due' : 'item', due, due, column.status, due, false, today));
      else if (!task) add(makeEntry(item, 'item', '', '', column.status, null, false, today));
    }
  }
  return { byWeek, undated, byKey, itemCount };
}

export type Placed<T> = {
  entry: T;
  lane: number;
  /** Columns (0 = Monday) of the week the entry covers. */
  from: number;
  to: number;
  /** It goes on before this week / after it. */
  before: boolean;
  after: boolean;
};

export type WeekLayout<T> = {
  placed: Placed<T>[];
  lanes: number;
  /** Entries touching each day, Monday first. */
  perDay: number[];
};

/**
 * Puts a week's entries into lanes so none overlap: earlier first, longer first on the same
 * day, each in the first lane free over all its days.
 */
export function layoutWeek<T extends { startDay: number; endDay: number }>(
  monday: number,
  entries: readonly T[],
): WeekLayout<T> {
  const sunday = monday + 6;
  const spans = entries
    .filter((e) => e.startDay <= sunday && e.endDay >= monday)
    .map((entry) => ({
      entry,
      from: Math.max(entry.startDay, monday) - monday,
      to: Math.min(entry.endDay, sunday) - monday,
    }));
  spans.sort((a, b) => a.from - b.from || b.to - a.to);
  const laneEnds: number[] = [];
  const perDay = [0, 0, 0, 0, 0, 0, 0];
  const placed = spans.map(({ entry, from, to }) => {
    let lane = laneEnds.findIndex((end) => end < from);
    if (lane < 0) lane = laneEnds.push(to) - 1;
    else laneEnds[lane] = to;
    for (let c = from; c <= to; c++) perDay[c]++;
    return { entry, lane, from, to, before: entry.startDay < monday, after: entry.endDay > sunday };
  });
  return { placed, lanes: laneEnds.length, perDay };
}

/** Per day of the week, how many entries sit in lanes at or past `shown` (for "+N more"). */
export function hiddenPerDay<T>(layout: WeekLayout<T>, shown: number): number[] {
  const hidden = [0, 0, 0, 0, 0, 0, 0];
  for (const p of layout.placed) {
    if (p.lane < shown) continue;
    for (let c = p.from; c <= p.to; c++) hidden[c]++;
  }
  return hidden;
}

/** A day's entries in lane order: what its "+N more" list shows. */
export function entriesOn<T>(layout: WeekLayout<T>, column: number): T[] {
  return layout.placed
    .filter((p) => p.from <= column && p.to >= column)
    .sort((a, b) => a.lane - b.lane)
    .map((p) => p.entry);
}

// ——— Geometry (px) ———

/** The day number row at the top of a day cell. */
export const DAY_HEAD = 26;
/** One lane of entries in a week row. */
export const LANE_HEIGHT = 22;
/** The "+N more" line under the lanes. */
export const MORE_HEIGHT = 20;
/** A row of the undated tray and of a day's list. */
export const LIST_ROW = 28;

/** How many lanes fit in a week row `height` px tall (the fallback before it is measured). */
export function lanesFor(height: number, fallback: number): number {
  if (!(height > 0)) return fallback;
  return Math.max(1, Math.floor((height - DAY_HEAD - MORE_HEIGHT - 4) / LANE_HEIGHT));
}

/** The index range [start, end) of list rows to render for a scroll position (with overscan). */
export function listRange(count: number, scrollTop: number, viewport: number): [number, number] {
  const height = viewport > 0 ? viewport : 600;
  const first = Math.floor(scrollTop / LIST_ROW) - 4;
  const last = Math.ceil((scrollTop + height) / LIST_ROW) + 4;
  return [Math.max(0, first), Math.min(count, last)];
}
