import { describe, expect, test } from 'vitest';
import { MAX_LAG_MINUTES, formatLag, parseLag } from '../lag';

describe('a lag as typed', () => {
  test('days, hours, minutes and weeks are working time; a minus is a lead; % is of the predecessor', () => {
    expect(parseLag('2d')).toEqual({ error: null, lag_minutes: 960, lag_percent: null });
    expect(parseLag(' -1d ')).toEqual({ error: null, lag_minutes: -480, lag_percent: null });
    expect(parseLag('4h')).toEqual({ error: null, lag_minutes: 240, lag_percent: null });
    expect(parseLag('90m')).toEqual({ error: null, lag_minutes: 90, lag_percent: null });
    expect(parseLag('1w')).toEqual({ error: null, lag_minutes: 2400, lag_percent: null });
    expect(parseLag('1,5d')).toEqual({ error: null, lag_minutes: 720, lag_percent: null });
    expect(parseLag('2 D')).toEqual({ error: null, lag_minutes: 960, lag_percent: null });
    expect(parseLag('3')).toEqual({ error: null, lag_minutes: 1440, lag_percent: null }); // days by default
    expect(parseLag('50%')).toEqual({ error: null, lag_minutes: 0, lag_percent: 50 });
    expect(parseLag('-25 %')).toEqual({ error: null, lag_minutes: 0, lag_percent: -25 });
    expect(parseLag('')).toEqual({ error: null, lag_minutes: 0, lag_percent: null });
    expect(parseLag('0')).toEqual({ error: null, lag_minutes: 0, lag_percent: null });
  });

  test('anything else, or beyond a year, says how to write it', () => {
    expect(parseLag('two days').error).toContain('2d, 4h, 50%');
    expect(parseLag('2x').error).toContain('not a lag');
    expect(parseLag('366d').error).toContain('a year');
    expect(parseLag('-366d').error).toContain('a year');
    expect(parseLag('365d').error).toBeNull();
    expect(MAX_LAG_MINUTES).toBe(365 * 480);
    expect(parseLag('2000%').error).toContain('percent');
  });

  test('a stored lag reads back the way it is typed', () => {
    expect(formatLag({ lag_minutes: 960, lag_percent: null })).toBe('2d');
    expect(formatLag({ lag_minutes: -480, lag_percent: null })).toBe('-1d');
    expect(formatLag({ lag_minutes: 240, lag_percent: null })).toBe('4h');
    expect(formatLag({ lag_minutes: 720, lag_percent: null })).toBe('12h');
    expect(formatLag({ lag_minutes: 90, lag_percent: null })).toBe('90m');
    expect(formatLag({ lag_minutes: 0, lag_percent: null })).toBe('0');
    expect(formatLag({ lag_minutes: 0, lag_percent: 50 })).toBe('50%');
    for (const text of ['2d', '-1d', '4h', '12h', '90m', '50%']) {
      const lag = parseLag(text);
      if (lag.error != null) throw new Error(lag.error);
      expect(formatLag(lag)).toBe(text);
    }
  });
});
