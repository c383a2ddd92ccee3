// Date and pixel math of the timeline (Gantt chart). Pure functions, so they can be tested
// without a DOM.
//
// Schedule times are local date-times without a zone ("2026-03-02T08:00:00"). They are read
// as if they were UTC: then every day is exactly 24 hours long (no daylight-saving jumps) and
// the UTC getters give back the local calendar date the backend meant.
import type { DependencyKind } from '../../lib/bindings/DependencyKind';
import type { ScheduledTask } from '../../lib/bindings/ScheduledTask';
import { now as clockNow } from '../../lib/shared/clock';

export type Zoom = 'day' | 'week' | 'month' | 'quarter';
/** From the most detailed to the widest. */
export const ZOOMS: readonly Zoom[] = ['day', 'week', 'month', 'quarter'];
export const ZOOM_LABELS: Record<Zoom, string> = { day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter' };

/** Pixels per calendar day: a day column fits "Mon 12", a week "30 Mar", a month "Sep". */
export const PX_PER_DAY: Record<Zoom, number> = { day: 56, week: 16, month: 4, quarter: 1.5 };

export const ROW_HEIGHT = 32;
/** The time header: two tiers of 24 px. */
export const HEADER_HEIGHT = 48;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
export const OVERSCAN = 6;
/** Used until the scroll area has been measured (and in tests, where nothing has a size). */
export const FALLBACK_VIEWPORT = 720;
/** The outline grid left of the chart: its default width and the range its splitter allows. */
export const OUTLINE_WIDTH = 500;
export const OUTLINE_MIN = 320;
export const OUTLINE_MAX = 800;
/** Half the width of a milestone's diamond. */
export const MILESTONE_HALF = 7;

export const DAY = 86_400_000;

/** "2026-03-02T08:00:00" (or "2026-03-02") as milliseconds on the zone-less time line. */
export function toTime(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!m) return NaN;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
}

/** The local wall-clock time now, on the same time line as toTime. */
export function nowTime(now = clockNow()): number {
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes());
}

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The start of the day, week (Monday), month, quarter or year that `t` falls in. */
export function startOf(t: number, unit: Unit): number {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = Date.UTC(y, m, d.getUTCDate());
  switch (unit) {
    case 'day':
      return day;
    case 'week':
      return day - ((d.getUTCDay() + 6) % 7) * DAY;
    case 'month':
      return Date.UTC(y, m, 1);
    case 'quarter':
      return Date.UTC(y, m - (m % 3), 1);
    case 'year':
      return Date.UTC(y, 0, 1);
  }
}

/** The start of the unit after the one `t` falls in. */
export function nextStart(t: number, unit: Unit): number {
  const s = startOf(t, unit);
  const d = new Date(s);
  switch (unit) {
    case 'day':
      return s + DAY;
    case 'week':
      return s + 7 * DAY;
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    case 'quarter':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 1);
    case 'year':
      return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  }
}

/** The header's [top, bottom] units at each zoom; the chart starts and ends on bottom units. */
const TIERS: Record<Zoom, [Unit, Unit]> = {
  day: ['month', 'day'],
  week: ['month', 'week'],
  month: ['year', 'month'],
  quarter: ['year', 'quarter'],
};

export type Scale = { zoom: Zoom; origin: number; end: number; pxPerDay: number; width: number };

/**
 * The horizontal scale for a plan running from `start` to `finish`: one whole bottom unit of
 * margin on each side, and at least `minWidth` pixels wide so the chart fills its area.
 */
export function makeScale(zoom: Zoom, start: number, finish: number, minWidth = 0): Scale {
  const unit = TIERS[zoom][1];
  const pxPerDay = PX_PER_DAY[zoom];
  const origin = startOf(startOf(start, unit) - 1, unit);
  let end = nextStart(nextStart(finish, unit), unit);
  const wanted = origin + (minWidth / pxPerDay) * DAY;
  while (end < wanted) end = nextStart(end, unit);
  return { zoom, origin, end, pxPerDay, width: ((end - origin) / DAY) * pxPerDay };
}

export function xOf(scale: Scale, t: number): number {
  return ((t - scale.origin) / DAY) * scale.pxPerDay;
}

export function timeAt(scale: Scale, x: number): number {
  return scale.origin + (x / scale.pxPerDay) * DAY;
}

export type Span = { key: number; x: number; width: number };
export type HeaderCell = Span & { label: string };

const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });
const monthShort = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

function label(t: number, unit: Unit): string {
  const d = new Date(t);
  switch (unit) {
    case 'day':
      return `${weekday.format(d)} ${d.getUTCDate()}`;
    case 'week':
      return `${d.getUTCDate()} ${monthShort.format(d)}`;
    case 'month':
      return monthShort.format(d);
    case 'quarter':
      return `Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    case 'year':
      return String(d.getUTCFullYear());
  }
}

function tier(scale: Scale, unit: Unit, top: boolean): HeaderCell[] {
  const cells: HeaderCell[] = [];
  for (let t = startOf(scale.origin, unit); t < scale.end; t = nextStart(t, unit)) {
    const x = Math.max(0, xOf(scale, t));
    const right = Math.min(scale.width, xOf(scale, nextStart(t, unit)));
    // A month on the top tier (day and week zoom) has room for "March 2026".
    const text = top && unit === 'month' ? monthYear.format(new Date(t)) : label(t, unit);
    cells.push({ key: t, x, width: right - x, label: text });
  }
  return cells;
}

/** The two tiers of the time header (month over day, month over week, year over month…). */
export function headerTiers(scale: Scale): { top: HeaderCell[]; bottom: HeaderCell[] } {
  const [top, bottom] = TIERS[scale.zoom];
  return { top: tier(scale, top, true), bottom: tier(scale, bottom, false) };
}

/** Saturday-and-Sunday bands, shaded at day and week zoom (too thin to see beyond). */
export function weekendBands(scale: Scale): Span[] {
  if (scale.zoom !== 'day' && scale.zoom !== 'week') return [];
  const bands: Span[] = [];
  for (let sat = startOf(scale.origin, 'week') + 5 * DAY; sat < scale.end; sat += 7 * DAY) {
    const x = Math.max(0, xOf(scale, sat));
    const right = Math.min(scale.width, xOf(scale, sat + 2 * DAY));
    if (right > x) bands.push({ key: sat, x, width: right - x });
  }
  return bands;
}

/** The spans that reach into [left, right]: only those are put in the DOM. */
export function within<T extends Span>(spans: T[], left: number, right: number): T[] {
  return spans.filter((s) => s.x + s.width >= left && s.x <= right);
}

/** The row range [start, end) to render; the rows start below the sticky time header. */
export function rowRange(count: number, scrollTop: number, viewport: number): [number, number] {
  const height = (viewport > 0 ? viewport : FALLBACK_VIEWPORT) - HEADER_HEIGHT;
  const first = Math.floor(scrollTop / ROW_HEIGHT);
  const last = Math.ceil((scrollTop + height) / ROW_HEIGHT);
  return [Math.max(0, first - OVERSCAN), Math.min(count, last + OVERSCAN)];
}

/**
 * Where a task is drawn: its bar from early start to early finish (at least 2 px, so a short
 * task stays visible), or for a milestone the two tips of its diamond.
 */
export function barEnds(scale: Scale, task: ScheduledTask): { start: number; finish: number } {
  const start = xOf(scale, toTime(task.early_start));
  if (task.milestone) return { start: start - MILESTONE_HALF, finish: start + MILESTONE_HALF };
  return { start, finish: Math.max(xOf(scale, toTime(task.early_finish)), start + 2) };
}

/** The vertical middle of a row, in the chart body's coordinates. */
export function rowMiddle(index: number): number {
  return index * ROW_HEIGHT + ROW_HEIGHT / 2;
}

/** "Mon 2 Mar": the grid's short date. */
export function shortDate(iso: string): string {
  const t = toTime(iso);
  return Number.isNaN(t) ? iso : shortDay(t);
}

/** "Monday, 2 March 2026": for tooltips and screen readers. */
export function longDateOf(iso: string): string {
  const t = toTime(iso);
  return Number.isNaN(t) ? iso : longDate.format(new Date(t));
}

/** Working hours as days of 8 hours (durations, float): "2 d", "0.5 d", "-1.5 d". */
export function formatDays(hours: number): string {
  const days = Math.round((hours / 8) * 10) / 10;
  return `${Object.is(days, -0) ? 0 : days} d`;
}

/**
 * Whether a task name fits inside its bar. Text is not measured (that would cost a layout per
 * row); 7 px per character is a little more than the average at 12 px, so a name that is said
 * to fit does.
 */
export function labelFits(name: string, barWidth: number): boolean {
  return barWidth >= name.length * 7 + 16;
}

export type Point = { x: number; y: number };

const STUB = 10; // px a link runs straight out of a bar before it turns
const HEAD = 6; // arrowhead length

/**
 * The orthogonal path of a dependency arrow from the predecessor's end (its finish for fs/ff,
 * its start for ss/sf) to the successor's end (its start for fs/ss, its finish for ff/sf),
 * and its arrowhead. The line stops at the arrowhead's base so it never pokes through the tip.
 */
export function linkPath(kind: DependencyKind, from: Point, to: Point): { line: string; head: string } {
  const out = kind[0] === 'f' ? 1 : -1; // leaves the predecessor rightwards from a finish
  const dir = kind[1] === 's' ? 1 : -1; // reaches a successor's start moving right
  const end = to.x - dir * HEAD;
  let line: string;
  if (out !== dir) {
    // Out of one side and into the opposite-facing side: one vertical run beyond both ends.
    const x = out > 0 ? Math.max(from.x, to.x) + STUB : Math.min(from.x, to.x) - STUB;
    line = `M${from.x} ${from.y}H${x}V${to.y}H${end}`;
  } else if (dir * (to.x - from.x) >= 2 * STUB) {
    // Room for the turn between the two ends.
    const x = from.x + out * STUB;
    line = `M${from.x} ${from.y}H${x}V${to.y}H${end}`;
  } else {
    // The successor's end lies behind: go down (or up) between the rows, back, then in.
    const mid = from.y + (to.y >= from.y ? ROW_HEIGHT / 2 : -ROW_HEIGHT / 2);
    line = `M${from.x} ${from.y}H${from.x + out * STUB}V${mid}H${to.x - dir * (STUB + HEAD)}V${to.y}H${end}`;
  }
  const head = `M${to.x} ${to.y}L${end} ${to.y - 4}L${end} ${to.y + 4}Z`;
  return { line, head };
}

// ——— Working days, for dragged bars (the standard week: Monday to Friday, 08:00–17:00) ———

export const HOUR = 3_600_000;
/** When the working day starts and ends: a moved task starts at 08:00, a finish day ends at 17:00. */
export const WORKDAY_START = 8 * HOUR;
export const WORKDAY_END = 17 * HOUR;

/** 5 January 1970, a Monday: working days are counted from it. */
const MONDAY_ZERO = 4 * DAY;

/** How many working days lie between the Monday zero and `day`; a weekend counts as the Monday after it. */
function workdayIndex(day: number): number {
  const days = Math.floor((day - MONDAY_ZERO) / DAY);
  const weeks = Math.floor(days / 7);
  return weeks * 5 + Math.min(days - weeks * 7, 5);
}

export function isWorkday(t: number): boolean {
  const weekday = new Date(t).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The working day `n` working days after the day `t` falls in (before it when negative). A
 * weekend day counts as the Monday after it, so `addWorkdays(saturday, 0)` is that Monday.
 */
export function addWorkdays(t: number, n: number): number {
  const index = workdayIndex(startOf(t, 'day')) + n;
  const weeks = Math.floor(index / 5);
  return MONDAY_ZERO + (weeks * 7 + index - weeks * 5) * DAY;
}

/** Working days from the day of `a` to the day of `b` (negative when `b` comes first). */
export function workdaysBetween(a: number, b: number): number {
  return workdayIndex(startOf(b, 'day')) - workdayIndex(startOf(a, 'day'));
}

/** The day `t` falls in, or the Friday before it when that is a weekend day. */
export function workdayOnOrBefore(t: number): number {
  return isWorkday(t) ? startOf(t, 'day') : addWorkdays(t, -1);
}

/** "2026-03-02": the day of `t`, as the backend reads dates. */
export function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** "2026-03-02T08:00:00": `t` as a zone-less local date-time. */
export function isoDateTime(t: number): string {
  return new Date(t).toISOString().slice(0, 19);
}

/** "Mon 2 Mar": shortDate for a time already on the time line. */
export function shortDay(t: number): string {
  const d = new Date(t);
  return `${weekday.format(d)} ${d.getUTCDate()} ${monthShort.format(d)}`;
}
