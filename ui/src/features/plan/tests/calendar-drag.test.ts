import { describe, expect, test } from 'vitest';
import { keyEdit, movedDates, movedStart, moveStartOf, resizedDates, resizedFinish } from '../timeline-drag';
import {
  addWork,
  addWorkingDays,
  calendarOf,
  nextStart,
  prevEnd,
  workBetween,
  workCalendar,
  workingDayOnOrBefore,
  workingDaysBetween,
} from '../task-calendar';
import { PX_PER_DAY, isoDateTime, isoDay, makeScale, toTime } from '../timeline-geometry';

// March 2026: Monday 2, Thursday 5, Friday 6, Monday 9, Wednesday 11 (the company holiday).
const DAY: [number, number][] = [
  [480, 720],
  [780, 1020],
];
/** The demo's contractor: Monday to Thursday. */
const fourDays = workCalendar({ week: [DAY, DAY, DAY, DAY, [], [], []], exceptions: [] });
/** Monday to Friday with a company day off on Wednesday 11 March. */
const withHoliday = workCalendar({
  week: [DAY, DAY, DAY, DAY, DAY, [], []],
  exceptions: [{ day: '2026-03-11', spans: [] }],
});
const at = (iso: string) => toTime(iso);
const day = (iso: string) => toTime(iso.slice(0, 10));
const scale = makeScale('week', at('2026-03-02T08:00'), at('2026-03-31T17:00'));
const px = (days: number) => days * PX_PER_DAY.week;

describe('a task calendar', () => {
  test('working days skip the contractor’s Fridays and the holiday', () => {
    expect(isoDay(addWorkingDays(fourDays, day('2026-03-05'), 1))).toBe('2026-03-09');
    expect(isoDay(addWorkingDays(fourDays, day('2026-03-06'), 0))).toBe('2026-03-09');
    expect(isoDay(addWorkingDays(fourDays, day('2026-03-09'), -1))).toBe('2026-03-05');
    expect(isoDay(workingDayOnOrBefore(fourDays, day('2026-03-08')))).toBe('2026-03-05');
    expect(workingDaysBetween(fourDays, day('2026-03-02'), day('2026-03-09'))).toBe(4);
    expect(isoDay(addWorkingDays(withHoliday, day('2026-03-10'), 1))).toBe('2026-03-12');
    expect(workingDaysBetween(withHoliday, day('2026-03-09'), day('2026-03-16'))).toBe(4);
  });

  test('work is counted like the backend: a start at the next span, a finish at the end of one', () => {
    expect(isoDateTime(nextStart(fourDays, day('2026-03-06')))).toBe('2026-03-09T08:00:00');
    expect(isoDateTime(nextStart(withHoliday, at('2026-03-10T17:00')))).toBe('2026-03-12T08:00:00');
    expect(isoDateTime(nextStart(withHoliday, at('2026-03-10T12:00')))).toBe('2026-03-10T13:00:00');
    expect(isoDateTime(prevEnd(withHoliday, day('2026-03-12')))).toBe('2026-03-10T17:00:00');
    expect(isoDateTime(addWork(fourDays, at('2026-03-05T08:00'), 960))).toBe('2026-03-09T17:00:00');
    expect(isoDateTime(addWork(withHoliday, at('2026-03-10T08:00'), 960))).toBe('2026-03-12T17:00:00');
    expect(workBetween(fourDays, at('2026-03-05T08:00'), at('2026-03-09T17:00'))).toBe(960);
  });

  test('a schedule gives each task its calendar; none without calendars', () => {
    const task = { plan: { calendar: 1 } } as never;
    const schedule = {
      calendars: [
        { name: 'Standard', week: [DAY, DAY, DAY, DAY, DAY, [], []], exceptions: [] },
        { name: 'Four-day week', week: [DAY, DAY, DAY, DAY, [], [], []], exceptions: [] },
      ],
    } as never;
    expect(calendarOf(schedule, task)?.week[4]).toEqual([]);
    expect(calendarOf(null, task)).toBeNull();
  });
});

describe('dragging on the task’s calendar', () => {
  test('a bar dropped on the contractor’s Friday starts on Monday and keeps its working days', () => {
    // Two days, Wednesday 4 to Thursday 5 March.
    const dates = { start: at('2026-03-04T08:00'), finish: at('2026-03-05T17:00') };
    const moved = movedStart(scale, dates.start, px(2), fourDays);
    expect(isoDay(moved)).toBe('2026-03-09');
    // Without the calendar, Friday would have been a working day.
    expect(isoDay(movedStart(scale, dates.start, px(2)))).toBe('2026-03-06');
    // One day later: Thursday, then the weekend and Friday off, Monday.
    const to = movedDates(dates, day('2026-03-05'), fourDays);
    expect([isoDateTime(to.start), isoDateTime(to.finish)]).toEqual(['2026-03-05T08:00:00', '2026-03-09T17:00:00']);
    // What is sent: the first working moment of the day, where the backend puts the start.
    expect(isoDateTime(moveStartOf(moved, fourDays))).toBe('2026-03-09T08:00:00');
  });

  test('a bar across the holiday is a day longer on the chart, and one dropped on it starts after', () => {
    const dates = { start: at('2026-03-09T08:00'), finish: at('2026-03-10T17:00') };
    const to = movedDates(dates, day('2026-03-10'), withHoliday);
    expect([isoDateTime(to.start), isoDateTime(to.finish)]).toEqual(['2026-03-10T08:00:00', '2026-03-12T17:00:00']);
    expect(isoDay(movedStart(scale, dates.start, px(2), withHoliday))).toBe('2026-03-12');
  });

  test('an end dropped on a day off finishes on the working day before', () => {
    const dates = { start: at('2026-03-09T08:00'), finish: at('2026-03-09T17:00') };
    const finish = resizedFinish(scale, dates, px(2), withHoliday);
    expect(isoDay(finish)).toBe('2026-03-10');
    expect(isoDateTime(resizedDates(dates, finish, withHoliday).finish)).toBe('2026-03-10T17:00:00');
    const fri = resizedFinish(
      scale,
      { start: at('2026-03-02T08:00'), finish: at('2026-03-05T17:00') },
      px(1),
      fourDays,
    );
    expect(isoDay(fri)).toBe('2026-03-05');
  });

  test('Alt+arrows step over the days the task does not work', () => {
    const dates = { start: at('2026-03-05T08:00'), finish: at('2026-03-05T17:00') };
    const alt = { altKey: true, shiftKey: false };
    expect(keyEdit({ ...alt, key: 'ArrowRight' }, dates, fourDays)).toEqual({ kind: 'move', day: day('2026-03-09') });
    expect(keyEdit({ ...alt, key: 'ArrowRight' }, dates)).toEqual({ kind: 'move', day: day('2026-03-06') });
    const tue = { start: at('2026-03-10T08:00'), finish: at('2026-03-10T17:00') };
    expect(keyEdit({ ...alt, shiftKey: true, key: 'ArrowRight' }, tue, withHoliday)).toEqual({
      kind: 'finish',
      day: day('2026-03-12'),
    });
  });
});
