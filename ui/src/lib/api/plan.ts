// The timeline: the computed schedule, dependencies, task plans, working calendars and baselines.
import { call } from './index';
import type { Baseline } from '../bindings/Baseline';
import type { CalendarException } from '../bindings/CalendarException';
import type { CalendarName } from '../bindings/CalendarName';
import type { DependencyKind } from '../bindings/DependencyKind';
import type { LinkInput } from '../bindings/LinkInput';
import type { ProjectSchedule } from '../bindings/ProjectSchedule';
import type { ScheduleRefresh } from '../bindings/ScheduleRefresh';
import type { TaskScheduleInput } from '../bindings/TaskScheduleInput';
import type { TaskVariance } from '../bindings/TaskVariance';
import type { WorkingCalendar } from '../bindings/WorkingCalendar';

/** With a baseline, each task carries that baseline's dates too. */
export const scheduleGet = (project_id: number, baseline_id: number | null = null) =>
  call<ProjectSchedule>('schedule_get', { project_id, baseline_id });
/**
 * The timeline's fetch: the changes since the answer whose `revision` it holds, or the whole
 * schedule (a first fetch, another baseline, rows added, removed or reordered).
 */
export const scheduleRefresh = (project_id: number, baseline_id: number | null, held: number | null) =>
  call<ScheduleRefresh>('schedule_refresh', { project_id, baseline_id, held });
export const baselinesList = (project_id: number) => call<Baseline[]>('baselines_list', { project_id });
/** Refused with `duplicate` (name taken) or `invalid_input` (already ten). */
export const baselineSave = (project_id: number, name: string) => call<Baseline>('baseline_save', { project_id, name });
export const baselineDelete = (id: number) => call<null>('baseline_delete', { id });
export const baselineVariance = (id: number) => call<TaskVariance[]>('baseline_variance', { id });
/** Refused with `invalid_input` (a loop, named) or `duplicate`. Returns the new link's id. */
export const dependencyAdd = (
  predecessor_id: number,
  successor_id: number,
  kind: DependencyKind,
  lag_minutes: number,
) => call<number>('dependency_add', { predecessor_id, successor_id, kind, lag_minutes });
export const dependencyRemove = (id: number) => call<null>('dependency_remove', { id });
/**
 * Changes a link's type and lag (working minutes, or `lag_percent` of the predecessor's duration;
 * negative: a lead). Refused with `invalid_input` beyond a year, or for a loop (named).
 */
export const dependencySet = (id: number, input: LinkInput) => call<null>('dependency_set', { id, input });
/**
 * Sets a task's constraint, percent complete and actual dates at once. A day alone (YYYY-MM-DD)
 * is the start or end of its working time on the task's calendar; an actual finish makes it 100 %.
 */
export const taskPlanSet = (item_id: number, input: TaskScheduleInput) =>
  call<null>('task_plan_set', { item_id, input });
/** Tab: under the task above at its level. Refused with `invalid_input` for the first task of a level. */
export const taskIndent = (item_id: number) => call<null>('task_indent', { item_id });
/** Shift+Tab: up one level; the tasks after it at its old level become its own (no row moves). */
export const taskOutdent = (item_id: number) => call<null>('task_outdent', { item_id });
/** A bar dragged: the task starts no earlier than `start` (YYYY-MM-DDTHH:MM:SS). Summaries are refused. */
export const taskMove = (item_id: number, start: string) => call<null>('task_move', { item_id, start });
/** A bar's end dragged: `finish` is YYYY-MM-DDTHH:MM:SS, or YYYY-MM-DD for the end of that day. */
export const taskFinishSet = (item_id: number, finish: string) => call<null>('task_finish_set', { item_id, finish });
/** The working calendar the project's schedule runs on (often shared: see `used_by`). */
export const calendarGet = (project_id: number) => call<WorkingCalendar>('calendar_get', { project_id });
/** Seven days, Monday first, each a list of [start, end] minutes after midnight. */
export const calendarWeekSet = (calendar_id: number, week: [number, number][][]) =>
  call<null>('calendar_week_set', { calendar_id, week });
/** Adds or replaces the exception on `exception.day`; no spans makes it a holiday. */
export const calendarExceptionSet = (calendar_id: number, exception: CalendarException) =>
  call<null>('calendar_exception_set', { calendar_id, exception });
export const calendarsList = () => call<CalendarName[]>('calendars_list');
export const calendarExceptionRemove = (calendar_id: number, day: string) =>
  call<null>('calendar_exception_remove', { calendar_id, day });
