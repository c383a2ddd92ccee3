// Editing a task's dates in the timeline, by dragging its bar (or its end) or by keys: the
// pointer's travel, or an arrow key, becomes a new start day or finish day. Drags snap to what
// the zoom lets the eye tell apart and never land on a weekend. Pure functions over the
// zone-less time line of timeline-geometry.ts, so they are tested without a DOM.
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
export function movedStart(scale: Scale, start: number, dx: number): number {
  const t = start + travel(scale, dx);
  if (scale.zoom === 'quarter') return nearestMonday(t, WORKDAY_START);
  return addWorkdays(nearestDay(t, WORKDAY_START), 0);
}

/**
 * The day a bar whose end is dragged `dx` px finishes on: the nearest day (a weekend gives the
 * Friday before), at quarter zoom the nearest Friday; never before the day the task starts.
 */
export function resizedFinish(scale: Scale, dates: Dates, dx: number): number {
  const t = dates.finish + travel(scale, dx);
  const day =
    scale.zoom === 'quarter'
      ? nearestMonday(t - 4 * DAY, WORKDAY_END) + 4 * DAY
      : workdayOnOrBefore(nearestDay(t, WORKDAY_END));
  return Math.max(day, startOf(dates.start, 'day'));
}

/**
 * Where a bar moved to start on `day` is drawn until the backend has rescheduled it: from 08:00
 * that day, as many working days long as before.
 */
export function movedDates(dates: Dates, day: number): Dates {
  const shift = workdaysBetween(dates.start, day);
  const end = finishDay(dates.finish);
  return { start: day + WORKDAY_START, finish: addWorkdays(end, shift) + (dates.finish - end) };
}

/** Where a bar whose end was dragged to `day` is drawn until the backend has rescheduled it. */
export function resizedDates(dates: Dates, day: number): Dates {
  return { start: dates.start, finish: day + WORKDAY_END };
}

/** The dates an edit leaves a task with, as far as the timeline can tell before the backend says. */
export function editedDates(dates: Dates, edit: DateEdit): Dates {
  return edit.kind === 'move' ? movedDates(dates, edit.day) : resizedDates(dates, edit.day);
}

/**
 * The edit a key asks for on a task's row, or null: Tab / Shift+Tab indent and outdent;
 * Alt+← / Alt+→ start it a working day earlier or later; with Shift they move its finish
 * instead (never before the day it starts).
 */
export function keyEdit(e: Pick<KeyboardEvent, 'key' | 'altKey' | 'shiftKey'>, dates: Dates): TaskEdit | null {
  if (e.key === 'Tab') return e.altKey ? null : { kind: e.shiftKey ? 'outdent' : 'indent' };
  const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
  if (!e.altKey || step === 0) return null;
  if (!e.shiftKey) return { kind: 'move', day: addWorkdays(dates.start, step) };
  return { kind: 'finish', day: Math.max(addWorkdays(finishDay(dates.finish), step), startOf(dates.start, 'day')) };
}
