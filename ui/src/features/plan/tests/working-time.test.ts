import { describe, expect, test } from 'vitest';
import {
  checkSpans,
  dayMinutes,
  formatHours,
  formatMinutes,
  formatSpans,
  parseSpans,
  parseTime,
  weekMinutes,
  STANDARD_DAY,
} from '../working-time';

describe('working time', () => {
  test('minutes after midnight ↔ HH:MM, up to the end of the day', () => {
    expect(formatMinutes(0)).toBe('00:00');
    expect(formatMinutes(480)).toBe('08:00');
    expect(formatMinutes(765)).toBe('12:45');
    expect(formatMinutes(1440)).toBe('24:00');
    expect(parseTime('08:00')).toBe(480);
    expect(parseTime(' 8:30 ')).toBe(510);
    expect(parseTime('24:00')).toBe(1440);
    for (const bad of ['24:01', '25:00', '08:60', '8', '8.30', '08:0', 'eight', '', '-1:00'])
      expect(parseTime(bad)).toBeNull();
  });

  test('a day’s spans print with an en dash and read back with any dash or separator', () => {
    expect(formatSpans(STANDARD_DAY)).toBe('08:00–12:00, 13:00–17:00');
    expect(formatSpans([])).toBe('');
    expect(parseSpans('08:00–12:00, 13:00–17:00')).toEqual({ spans: STANDARD_DAY, error: null });
    expect(parseSpans('8:00-12:00;13:00 — 17:00')).toEqual({ spans: STANDARD_DAY, error: null });
    expect(parseSpans('  ')).toEqual({ spans: [], error: null });
    expect(parseSpans('22:00–24:00')).toEqual({ spans: [[1320, 1440]], error: null });
    // Touching spans are allowed, as the backend allows them.
    expect(parseSpans('08:00–12:00, 12:00–13:00').spans).toEqual([
      [480, 720],
      [720, 780],
    ]);
  });

  test('bad text is refused with a message that names the span', () => {
    expect(parseSpans('8am–5pm').error).toMatch(/"8am–5pm" is not a span of time/);
    expect(parseSpans('08:00').error).toMatch(/HH:MM–HH:MM/);
    expect(parseSpans('08:00–25:00').error).toMatch(/"08:00–25:00" is not a span/);
    expect(parseSpans('12:00–08:00').error).toMatch(/12:00–08:00 ends before it starts/);
    expect(parseSpans('09:00–09:00').error).toMatch(/ends before it starts/);
    expect(parseSpans('08:00–13:00, 12:00–17:00').error).toMatch(/12:00–17:00 starts before .* without overlaps/);
    expect(parseSpans('13:00–17:00, 08:00–12:00').error).toMatch(/in order/);
    expect(checkSpans([[480, 1500]])).toMatch(/not within the day/);
    expect(checkSpans(STANDARD_DAY)).toBeNull();
  });

  test('hours per day and per week', () => {
    expect(dayMinutes(STANDARD_DAY)).toBe(480);
    expect(dayMinutes([])).toBe(0);
    expect(weekMinutes([STANDARD_DAY, STANDARD_DAY, STANDARD_DAY, STANDARD_DAY, STANDARD_DAY, [], []])).toBe(2400);
    expect(formatHours(2400)).toBe('40 h');
    expect(formatHours(450)).toBe('7 h 30 min');
    expect(formatHours(30)).toBe('30 min');
    expect(formatHours(0)).toBe('0 h');
  });
});
