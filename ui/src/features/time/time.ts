// Pure helpers of time tracking: durations as the user reads them and weeks of dates.

/** 90 → "1:30", as the core formats durations. */
export function formatMinutes(minutes: number): string {
  const m = Math.abs(Math.round(minutes));
  return `${minutes < 0 ? '-' : ''}${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

/** A cell's text: empty for nothing logged. */
export function cellText(minutes: number): string {
  return minutes ? formatMinutes(minutes) : '';
}

/** Hours with at most two decimals, e.g. 8.5 → "8.5 h". */
export function formatHours(hours: number | null): string {
  return hours == null ? '—' : `${Math.round(hours * 100) / 100} h`;
}

/** YYYY-MM-DD plus `days` calendar days. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The Monday of the week `iso` falls in. */
export function mondayOf(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(iso, -weekday);
}

/** Minor units as money, e.g. 12941 EUR → "€129.41". */
export function formatMoney(minor: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

/** Whole minutes from an RFC 3339 instant to `now`. */
export function minutesSince(rfc3339: string, now: number): number {
  return Math.max(0, Math.round((now - Date.parse(rfc3339)) / 60_000));
}

/** "1:30", "1.5" or "90m" typed for a correction, as minutes; null when not a duration. */
export function parseMinutes(text: string): number | null {
  const t = text.trim().replace(',', '.');
  let m = /^(\d+):([0-5]\d)$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  m = /^(\d+)\s*m(in)?$/.exec(t);
  if (m) return Number(m[1]);
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 60);
  return null;
}
