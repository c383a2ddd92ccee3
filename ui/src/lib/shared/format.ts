// Display helpers: local dates and times, initials, relative times.
import { now as clockNow } from './clock';

/** Today's date as YYYY-MM-DD in local time (the format dates travel in). */
export function todayIso(now = clockNow()): string {
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}

/** A YYYY-MM-DD date as a local Date (not UTC midnight, which could show the day before). */
export function parseIsoDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const longDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "12 Mar" this year, "12 Mar 2027" otherwise. */
export function formatDue(iso: string, now = clockNow()): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return d.getFullYear() === now.getFullYear() ? shortDate.format(d) : longDate.format(d);
}

export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const d = parseIsoDate(iso);
  return d ? longDate.format(d) : iso;
}

export function formatDateTime(rfc3339: string): string {
  const d = new Date(rfc3339);
  return Number.isNaN(d.getTime()) ? rfc3339 : dateTime.format(d);
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "5 minutes ago", "yesterday", "3 weeks ago"; the exact local time goes in a tooltip. */
export function formatRelative(rfc3339: string, now = clockNow().getTime()): string {
  const t = new Date(rfc3339).getTime();
  if (Number.isNaN(t)) return rfc3339;
  const seconds = Math.round((t - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['minute', 60],
    ['hour', 3600],
    ['day', 86400],
    ['week', 604800],
    ['month', 2629800],
    ['year', 31557600],
  ];
  let unit: Intl.RelativeTimeFormatUnit = 'minute';
  let size = 60;
  for (const [u, s] of steps) {
    if (abs >= s * 0.9) {
      unit = u;
      size = s;
    }
  }
  return relative.format(Math.round(seconds / size), unit);
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = parts[0][0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1][0] ?? '') : '';
  return (first + last).toUpperCase();
}

export function isOverdue(due: string | null, done: boolean, now = clockNow()): boolean {
  return !!due && !done && due < todayIso(now);
}

/** "a, b ,c" → ["a", "b", "c"], without blanks or repeats. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    if (tag) seen.add(tag);
  }
  return [...seen];
}
