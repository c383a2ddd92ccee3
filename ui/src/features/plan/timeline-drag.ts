// Editing a task's dates in the timeline, by dragging its bar (or its end) or by keys: the
// pointer's travel, or an arrow key, becomes a new start day or finish day. Drags snap to what
// the zoom lets the eye tell apart and land on a working day of the task's own calendar (a
// contractor's four-day week, a company holiday), as the backend schedules it; without a
// calendar, Monday to Friday. Pure functions over the zone-less time line of
// timeline-geometry.ts, so they are tested without a DOM.
import {
  DAY,
  WORKDAY_END,
  WORKDAY_START,
  addWorkdays,
  startOf,
  workdayOnOrBefore,
  workdaysBetween,
  type Scale,
} from './timeline-geometry';
import {
  addWork,
  addWorkingDays,
  nextStart,
  prevEnd,
  workBetween,
  workingDayOnOrBefore,
  type WorkCalendar,
} from './task-calendar';

/** Sideways pointer travel (px) below which a press and release is a click, not a drag. */
export const DRAG_THRESHOLD = 4;

/** A bar's start and finish, as times. */
export type Dates = { start: number; finish: number };
/** A new start day (the bar moved) or finish day (its end dragged), as the start of that day. */
export type DateEdit = { kind: 'move'; day: number } | { kind: 'finish'; day: number };
export type TaskEdit = DateEdit | { kind: 'indent' } | { kind: 'outdent' };

export function isDrag(dx: number): boolean {
  return Math.abs(dx) >= DRAG_THRESHOLD;
}

/** The day a task finishes on: a finish at 17:00 (or at the midnight after) ends that day. */
export function finishDay(finish: number): number {
  return startOf(finish - 1, 'day');
}

/** The day whose working-day time `at` (08:00 for a start, 17:00 for a finish) is nearest to `t`. */
function nearestDay(t: number, at: number): number {
  return startOf(t - at + DAY / 2, 'day');
}

/** The Monday whose time `at` is nearest to `t`. */
function nearestMonday(t: number, at: number): number {
  return startOf(t - at + 3.5 * DAY, 'week');
}

const travel = (scale: Scale, dx: number) => (dx / scale.pxPerDay) * DAY;

/**
 * The day a bar dragged `dx` px starts on: the nearest day (a weekend gives the Monday after),
 * or at quarter zoom, where a day is a pixel and a half, the nearest Monday.
 */
export function movedStart(scale: Scale, start: number, dx: number, cal?: WorkCalendar | null): number {
  const t = start + travel(scale, dx);
  const day = scale.zoom === 'quarter' ? nearestMonday(t, WORKDAY_START) : nearestDay(t, WORKDAY_START);
  if (cal) return addWorkingDays(cal, day, 0);
  return scale.zoom === 'quarter' ? day : addWorkdays(day, 0);
}

/**
 * The day a bar whose end is dragged `dx` px finishes on: the nearest day (a weekend gives the
 * Friday before), at quarter zoom the nearest Friday; never before the day the task starts.
 */
export function resizedFinish(scale: Scale, dates: Dates, dx: number, cal?: WorkCalendar | null): number {
  const t = dates.finish + travel(scale, dx);
  const near =
    scale.zoom === 'quarter' ? nearestMonday(t - 4 * DAY, WORKDAY_END) + 4 * DAY : nearestDay(t, WORKDAY_END);
  const day = cal ? workingDayOnOrBefore(cal, near) : scale.zoom === 'quarter' ? near : workdayOnOrBefore(near);
  return Math.max(day, startOf(dates.start, 'day'));
}

/**
 * Where a bar moved to start on `day` is drawn until the backend has rescheduled it: from 08:00
 * that day, as many working days long as before.
 */
export function movedDates(dates: Dates, day: number, cal?: WorkCalendar | null): Dates {
  if (cal) {
    // The same working time from the first working moment of that day, as the backend does.
    const start = nextStart(cal, day);
    return { start, finish: addWork(cal, start, workBetween(cal, dates.start, dates.finish)) };
  }
  const shift = workdaysBetween(dates.start, day);
  const end = finishDay(dates.finish);
  return { start: day + WORKDAY_START, finish: addWorkdays(end, shift) + (dates.finish - end) };
}

/** Where a bar whose end was dragged to `day` is drawn until the backend has rescheduled it. */
export function resizedDates(dates: Dates, day: number, cal?: WorkCalendar | null): Dates {
  if (cal) return { start: dates.start, finish: Math.max(dates.start, prevEnd(cal, day + DAY)) };
  return { start: dates.start, finish: day + WORKDAY_END };
}

/** The dates an edit leaves a task with, as far as the timeline can tell before the backend says. */
export function editedDates(dates: Dates, edit: DateEdit, cal?: WorkCalendar | null): Dates {
  return edit.kind === 'move' ? movedDates(dates, edit.day, cal) : resizedDates(dates, edit.day, cal);
}

/** The moment a move to `day` asks the backend for: the first working time of that day. */
export function moveStartOf(day: number, cal?: WorkCalendar | null): number {
  return cal ? nextStart(cal, day) : day + WORKDAY_START;
}

/**
 * The edit a key asks for on a task's row, or null: Tab / Shift+Tab indent and outdent;
 * Alt+← / Alt+→ start it a working day earlier or later; with Shift they move its finish
 * instead (never before the day it starts).
 */
export function keyEdit(
  e: Pick<KeyboardEvent, 'key' | 'altKey' | 'shiftKey'>,
  dates: Dates,
  cal?: WorkCalendar | null,
): TaskEdit | null {
  const add = (t: number, n: number) => (cal ? addWorkingDays(cal, t, n) : addWorkdays(t, n));
  if (e.key === 'Tab') return e.altKey ? null : { kind: e.shiftKey ? 'outdent' : 'indent' };
  const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
  if (!e.altKey || step === 0) return null;
  if (!e.shiftKey) return { kind: 'move', day: add(dates.start, step) };
  return { kind: 'finish', day: Math.max(add(finishDay(dates.finish), step), startOf(dates.start, 'day')) };
}
