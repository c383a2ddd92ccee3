// A link's lag as a person types it: "2d", "-1d" (a lead), "4h", "30m", "50%", "1w". Days and
// weeks are working days of 8 hours and weeks of 5 days, as Microsoft Project counts them; the
// engine counts the minutes on the successor's calendar. Pure, so it is tested alone; the backend
// checks the range again.

/** A year of working days either way (365 × 8 h), as the backend allows. */
export const MAX_LAG_MINUTES = 365 * 480;
export const MAX_LAG_PERCENT = 1000;

export type Lag = { lag_minutes: number; lag_percent: number | null };
export type ParsedLag = ({ error: null } & Lag) | { error: string };

const UNIT_MINUTES: Record<string, number> = { m: 1, min: 1, h: 60, d: 480, w: 2400 };

/** "2d" → 960 minutes; "50%" → 50 percent; "" or "0" → no lag; anything else → why not. */
export function parseLag(text: string): ParsedLag {
  const t = text.trim().toLowerCase().replace(',', '.').replace(/\s+/g, '');
  if (t === '' || t === '0') return { error: null, lag_minutes: 0, lag_percent: null };
  const m = /^([+-]?\d+(?:\.\d+)?)(%|m|min|h|d|w)?$/.exec(t);
  if (!m) {
    return {
      error: `"${text.trim()}" is not a lag: write it like 2d, 4h, 50% or -1d (a lead).`,
    };
  }
  const value = Number(m[1]);
  const unit = m[2] ?? 'd';
  if (unit === '%') {
    if (Math.abs(value) > MAX_LAG_PERCENT)
      return { error: `A lag in percent is between -${MAX_LAG_PERCENT}% and ${MAX_LAG_PERCENT}%.` };
    return { error: null, lag_minutes: 0, lag_percent: value };
  }
  const minutes = Math.round(value * UNIT_MINUTES[unit]);
  if (Math.abs(minutes) > MAX_LAG_MINUTES) return { error: 'A lag or lead is at most a year (365 working days).' };
  return { error: null, lag_minutes: minutes, lag_percent: null };
}

/** 960 → "2d"; -480 → "-1d"; 240 → "4h"; 90 → "90m"; percent 50 → "50%"; none → "0". */
export function formatLag(lag: Lag): string {
  if (lag.lag_percent != null) return `${Math.round(lag.lag_percent * 100) / 100}%`;
  const m = lag.lag_minutes;
  if (m === 0) return '0';
  if (m % 480 === 0) return `${m / 480}d`;
  if (m % 60 === 0) return `${m / 60}h`;
  if ((m * 10) % 480 === 0) return `${m / 480}d`;
  return `${m}m`;
}
