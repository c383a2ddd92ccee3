import { describe, expect, test } from 'vitest';
import { DRAG_THRESHOLD, finishDay, isDrag, keyEdit, movedDates, movedStart, resizedFinish } from '../timeline-drag';
import {
  PX_PER_DAY,
  addWorkdays,
  isWorkday,
  isoDateTime,
  isoDay,
  makeScale,
  shortDay,
  toTime,
  workdayOnOrBefore,
  workdaysBetween,
  type Zoom,
} from '../timeline-geometry';

// March 2026: Monday 2, Friday 6, Monday 9, Friday 13, Monday 16.
const at = (iso: string) => toTime(iso);
const day = (iso: string) => toTime(iso.slice(0, 10));
const scaleOf = (zoom: Zoom) => makeScale(zoom, at('2026-03-02T08:00'), at('2026-03-31T17:00'));
/** Pixels for `days` calendar days at a zoom. */
const px = (zoom: Zoom, days: number) => days * PX_PER_DAY[zoom];

describe('working days', () => {
  test('weekends are skipped forwards and backwards', () => {
    expect(isWorkday(at('2026-03-06T12:00'))).toBe(true);
    expect(isWorkday(at('2026-03-07T12:00'))).toBe(false);
    expect(isoDay(addWorkdays(at('2026-03-06T08:00'), 1))).toBe('2026-03-09');
    expect(isoDay(addWorkdays(at('2026-03-09T08:00'), -1))).toBe('2026-03-06');
    expect(isoDay(addWorkdays(at('2026-03-02T08:00'), 10))).toBe('2026-03-16');
    // A weekend day counts as the Monday after it.
    expect(isoDay(addWorkdays(day('2026-03-07'), 0))).toBe('2026-03-09');
    expect(isoDay(addWorkdays(day('2026-03-08'), -1))).toBe('2026-03-06');
    expect(isoDay(workdayOnOrBefore(day('2026-03-08')))).toBe('2026-03-06');
    expect(workdaysBetween(day('2026-03-05'), day('2026-03-10'))).toBe(3);
    expect(workdaysBetween(day('2026-03-10'), day('2026-03-05'))).toBe(-3);
    // Far from 1970, on both sides of it.
    expect(isoDay(addWorkdays(day('1969-12-31'), 2))).toBe('1970-01-02');
    expect(isoDay(addWorkdays(day('2030-01-04'), 1))).toBe('2030-01-07');
  });

  test('dates go to the backend without a zone', () => {
    expect(isoDateTime(at('2026-03-09T08:00'))).toBe('2026-03-09T08:00:00');
    expect(isoDay(at('2026-03-09T17:00'))).toBe('2026-03-09');
    expect(shortDay(at('2026-03-09T08:00'))).toMatch(/9/);
    expect(isoDay(finishDay(at('2026-03-06T17:00')))).toBe('2026-03-06');
    expect(isoDay(finishDay(day('2026-03-07')))).toBe('2026-03-06'); // midnight ends the day before
  });
});

describe('dragging a bar', () => {
  test('a press that moves less than the threshold is a click', () => {
    expect(DRAG_THRESHOLD).toBe(4);
    expect(isDrag(0)).toBe(false);
    expect(isDrag(3)).toBe(false);
    expect(isDrag(-3.9)).toBe(false);
    expect(isDrag(4)).toBe(true);
    expect(isDrag(-12)).toBe(true);
  });

  test('day zoom moves by whole working days, and a weekend gives the Monday after', () => {
    const scale = scaleOf('day');
    const wed = at('2026-03-04T08:00');
    const start = (dx: number) => isoDay(movedStart(scale, wed, dx));
    expect(start(px('day', 0.4))).toBe('2026-03-04');
    expect(start(px('day', 0.6))).toBe('2026-03-05');
    expect(start(px('day', 2))).toBe('2026-03-06');
    expect(start(px('day', 3))).toBe('2026-03-09'); // Saturday
    expect(start(px('day', 4))).toBe('2026-03-09'); // Sunday
    expect(start(px('day', 5))).toBe('2026-03-09');
    expect(start(-px('day', 2))).toBe('2026-03-02');
    expect(start(-px('day', 5))).toBe('2026-02-27');
  });

  test('week and month zoom move by days; quarter zoom by weeks, to the nearest Monday', () => {
    const wed = at('2026-03-04T08:00');
    expect(isoDay(movedStart(scaleOf('week'), wed, px('week', 1)))).toBe('2026-03-05');
    expect(isoDay(movedStart(scaleOf('week'), wed, px('week', 7)))).toBe('2026-03-11');
    expect(isoDay(movedStart(scaleOf('week'), wed, px('week', 3)))).toBe('2026-03-09');
    expect(isoDay(movedStart(scaleOf('month'), wed, px('month', 7)))).toBe('2026-03-11');
    expect(isoDay(movedStart(scaleOf('month'), wed, -px('month', 1)))).toBe('2026-03-03');
    const quarter = scaleOf('quarter');
    expect(isoDay(movedStart(quarter, wed, px('quarter', 7)))).toBe('2026-03-09'); // Wed 11 is nearer Mon 9
    expect(isoDay(movedStart(quarter, wed, px('quarter', 9)))).toBe('2026-03-16'); // Fri 13 is nearer Mon 16
    expect(isoDay(movedStart(quarter, wed, -px('quarter', 3)))).toBe('2026-03-02');
  });

  test('dragging the end sets the finish day, on a working day, never before the start', () => {
    const dates = { start: at('2026-03-04T08:00'), finish: at('2026-03-06T17:00') };
    const finish = (zoom: Zoom, days: number) => isoDay(resizedFinish(scaleOf(zoom), dates, px(zoom, days)));
    expect(finish('day', 1)).toBe('2026-03-06'); // Saturday: the Friday before
    expect(finish('day', 3)).toBe('2026-03-09');
    expect(finish('day', -1)).toBe('2026-03-05');
    expect(finish('day', -2)).toBe('2026-03-04');
    expect(finish('day', -9)).toBe('2026-03-04');
    expect(finish('week', 3)).toBe('2026-03-09');
    expect(finish('month', 5)).toBe('2026-03-11');
    expect(finish('quarter', 7)).toBe('2026-03-13');
    expect(finish('quarter', 2)).toBe('2026-03-06');
    expect(finish('quarter', -30)).toBe('2026-03-04');
  });

  test('while a move is saved, the bar keeps its length in working days', () => {
    const moved = movedDates({ start: at('2026-03-05T08:00'), finish: at('2026-03-06T17:00') }, day('2026-03-06'));
    expect(isoDateTime(moved.start)).toBe('2026-03-06T08:00:00');
    expect(isoDateTime(moved.finish)).toBe('2026-03-09T17:00:00');
    const milestone = movedDates({ start: at('2026-03-13T08:00'), finish: at('2026-03-13T08:00') }, day('2026-03-16'));
    expect(isoDateTime(milestone.start)).toBe('2026-03-16T08:00:00');
    expect(isoDateTime(milestone.finish)).toBe('2026-03-16T08:00:00');
  });
});

describe('keys on a row', () => {
  const dates = { start: at('2026-03-06T08:00'), finish: at('2026-03-09T17:00') }; // Friday to Monday
  const key = (key: string, altKey = false, shiftKey = false) => keyEdit({ key, altKey, shiftKey }, dates);
  const dayOf = (edit: ReturnType<typeof key>) => (edit && 'day' in edit ? isoDay(edit.day) : null);

  test('Alt+← / Alt+→ move the start a working day; with Shift they move the finish', () => {
    expect(key('ArrowRight', true)).toMatchObject({ kind: 'move' });
    expect(dayOf(key('ArrowRight', true))).toBe('2026-03-09');
    expect(dayOf(key('ArrowLeft', true))).toBe('2026-03-05');
    expect(key('ArrowRight', true, true)).toMatchObject({ kind: 'finish' });
    expect(dayOf(key('ArrowRight', true, true))).toBe('2026-03-10');
    expect(dayOf(key('ArrowLeft', true, true))).toBe('2026-03-06');
    // Never before the day it starts.
    const oneDay = { start: at('2026-03-06T08:00'), finish: at('2026-03-06T17:00') };
    const shorter = keyEdit({ key: 'ArrowLeft', altKey: true, shiftKey: true }, oneDay);
    expect(shorter && 'day' in shorter ? isoDay(shorter.day) : null).toBe('2026-03-06');
  });

  test('Tab indents, Shift+Tab outdents; other keys are not edits', () => {
    expect(key('Tab')).toEqual({ kind: 'indent' });
    expect(key('Tab', false, true)).toEqual({ kind: 'outdent' });
    expect(key('Tab', true)).toBeNull();
    expect(key('ArrowRight')).toBeNull();
    expect(key('ArrowUp', true)).toBeNull();
  });
});
