// Time tracking: entries logged on items, the start/stop timer, the weekly timesheet and an
// item's actuals (actual work, remaining work, actual cost).
import { call } from './index';
import type { ItemActuals } from '../bindings/ItemActuals';
import type { RunningTimer } from '../bindings/RunningTimer';
import type { TimeEntry } from '../bindings/TimeEntry';
import type { TimeEntryInput } from '../bindings/TimeEntryInput';
import type { TimerStart } from '../bindings/TimerStart';
import type { TimerStop } from '../bindings/TimerStop';
import type { Timesheet } from '../bindings/Timesheet';

export const timeEntriesList = (item_id: number) => call<TimeEntry[]>('time_entries_list', { item_id });
/** `input.duration` as typed: "1.5", "1:30", "90m". */
export const timeLog = (input: TimeEntryInput) => call<TimeEntry>('time_log', { input });
export const timeEntryUpdate = (id: number, input: TimeEntryInput) =>
  call<TimeEntry>('time_entry_update', { id, input });
export const timeEntryDelete = (id: number) => call<null>('time_entry_delete', { id });
export const itemActualsGet = (item_id: number) => call<ItemActuals>('item_actuals_get', { item_id });
/** `hours` null: remaining work is the estimate less the time logged. */
export const remainingHoursSet = (item_id: number, hours: number | null) =>
  call<ItemActuals>('remaining_hours_set', { item_id, hours });
export const timersList = () => call<RunningTimer[]>('timers_list');
export const timerStart = (person_id: number, item_id: number) =>
  call<TimerStart>('timer_start', { person_id, item_id });
/** `minutes`: the user's correction of a long timer (0 discards); null logs the elapsed time. */
export const timerStop = (person_id: number, minutes: number | null) =>
  call<TimerStop>('timer_stop', { person_id, minutes });
/** The week containing `day` (YYYY-MM-DD). */
export const timesheetGet = (person_id: number, day: string) => call<Timesheet>('timesheet_get', { person_id, day });
/** Sets the day's total for the item to `text` ("1.5", "1:30"; empty clears). */
export const timesheetCellSet = (person_id: number, item_id: number, day: string, text: string) =>
  call<Timesheet>('timesheet_cell_set', { person_id, item_id, day, text });
