// A task's working calendar as the schedule sends it, and the arithmetic a dragged bar needs
// on it: which days work, where a day's working time starts and ends, and a duration of work
// counted forward. It mirrors the backend's calendar (schedule/calendar.rs) so that the bar
// drawn while dragging is where the schedule puts it. Times are on the zone-less time line of
// timeline-geometry.ts (milliseconds, UTC standing for local wall-clock time).
import type { ProjectSchedule } from '../../lib/bindings/ProjectSchedule';
import type { ScheduleCalendar } from '../../lib/bindings/ScheduleCalendar';
import type { ScheduledTask } from '../../lib/bindings/ScheduledTask';
import { DAY, startOf, toTime } from './timeline-geometry';

const MINUTE = 60_000;

export type WorkCalendar = {
  /** Monday first: [start, end] minutes after midnight. */
  week: [number, number][][];
  /** Days (start-of-day times) whose working time differs from the week's; [] is a day off. */
  exceptions: Map<number, [number, number][]>;
};

export function workCalendar(c: Pick<ScheduleCalendar, 'week' | 'exceptions'>): WorkCalendar {
  return {
    week: c.week as [number, number][][],
    exceptions: new Map(c.exceptions.map((e) => [toTime(e.day), e.spans as [number, number][]])),
  };
}

/** The calendar `task` works on in `schedule`, or null when the schedule sends none. */
export function calendarOf(schedule: ProjectSchedule | null, task: ScheduledTask): WorkCalendar | null {
  const c = schedule?.calendars?.[task.plan?.calendar ?? -1];
  return c ? workCalendar(c) : null;
}

function spansOn(cal: WorkCalendar, day: number): [number, number][] {
  return cal.exceptions.get(day) ?? cal.week[(new Date(day).getUTCDay() + 6) % 7] ?? [];
}

export function isWorkingDay(cal: WorkCalendar, t: number): boolean {
  return spansOn(cal, startOf(t, 'day')).length > 0;
}

/** The working day `n` working days after the day of `t` (before it when negative); a day off
 * counts as the next working day, so `n` = 0 gives that. Gives up after ten years of days off. */
export function addWorkingDays(cal: WorkCalendar, t: number, n: number): number {
  let day = startOf(t, 'day');
  for (let guard = 0; !isWorkingDay(cal, day) && guard < 3660; guard++) day += DAY;
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n), guard = 0; left > 0 && guard < 3660; guard++) {
    day += step * DAY;
    if (isWorkingDay(cal, day)) left--;
  }
  return day;
}

/** The day of `t`, or the last working day before it when it is a day off. */
export function workingDayOnOrBefore(cal: WorkCalendar, t: number): number {
  let day = startOf(t, 'day');
  for (let guard = 0; !isWorkingDay(cal, day) && guard < 3660; guard++) day -= DAY;
  return day;
}

/** Working days from the day of `a` to the day of `b` (negative when `b` comes first). */
export function workingDaysBetween(cal: WorkCalendar, a: number, b: number): number {
  const [from, to, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let n = 0;
  for (let day = startOf(from, 'day'); day < startOf(to, 'day'); day += DAY) if (isWorkingDay(cal, day)) n++;
  return sign * n;
}

/** The first moment at or after `t` from which work can go on (the backend's `next_start`). */
export function nextStart(cal: WorkCalendar, t: number): number {
  let day = startOf(t, 'day');
  let inDay = (t - day) / MINUTE;
  for (let guard = 0; guard < 3660; guard++) {
    for (const [s, e] of spansOn(cal, day)) if (inDay < e) return day + Math.max(inDay, s) * MINUTE;
    day += DAY;
    inDay = 0;
  }
  return t;
}

/** The last moment at or before `t` up to which work can have gone on (the backend's `prev_end`). */
export function prevEnd(cal: WorkCalendar, t: number): number {
  let day = startOf(t, 'day');
  let inDay = (t - day) / MINUTE;
  if (inDay === 0) {
    day -= DAY;
    inDay = 1440;
  }
  for (let guard = 0; guard < 3660; guard++) {
    const spans = spansOn(cal, day);
    for (let i = spans.length - 1; i >= 0; i--) {
      const [s, e] = spans[i];
      if (inDay > s) return day + Math.min(inDay, e) * MINUTE;
    }
    day -= DAY;
    inDay = 1440;
  }
  return t;
}

/** Working minutes from `a` to `b` (0 when `b` is not after `a`). */
export function workBetween(cal: WorkCalendar, a: number, b: number): number {
  let total = 0;
  for (let day = startOf(a, 'day'); day < b; day += DAY) {
    for (const [s, e] of spansOn(cal, day)) {
      const from = Math.max(day + s * MINUTE, a);
      const to = Math.min(day + e * MINUTE, b);
      if (to > from) total += (to - from) / MINUTE;
    }
  }
  return total;
}

/** The moment `work` working minutes after `t`: the end of a span when the work runs out there. */
export function addWork(cal: WorkCalendar, t: number, work: number): number {
  if (work <= 0) return t;
  let day = startOf(t, 'day');
  let inDay = (t - day) / MINUTE;
  for (let guard = 0; guard < 36_600; guard++) {
    for (const [s, e] of spansOn(cal, day)) {
      if (inDay >= e) continue;
      const from = Math.max(inDay, s);
      if (work <= e - from) return day + (from + work) * MINUTE;
      work -= e - from;
      inDay = e;
    }
    day += DAY;
    inDay = 0;
  }
  return t;
}
