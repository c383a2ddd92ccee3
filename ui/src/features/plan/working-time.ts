// Working time as the calendar editor shows it: minutes after midnight as "08:00", a day's
// spans as "08:00–12:00, 13:00–17:00", and hours per day and week. Pure, so it is tested alone.
// The rules mirror the backend's (start < end ≤ 24:00, in order, no overlap), so a typing slip
// is caught before anything is sent; the backend still has the last word.

/** [start, end] in minutes after midnight. */
export type Span = [number, number];

export const MINUTES_PER_DAY = 1440;
/** Monday first, as the backend sends the week. */
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
/** A day's working time when none is known: 8 hours with a lunch hour. */
export const STANDARD_DAY: Span[] = [
  [480, 720],
  [780, 1020],
];

/** 480 → "08:00"; 1440 → "24:00" (the end of the day). */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** "08:00" or "8:00" → 480; "24:00" is the end of the day; anything else → null. */
export function parseTime(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

/** [[480, 720], [780, 1020]] → "08:00–12:00, 13:00–17:00"; no spans → "". */
export function formatSpans(spans: readonly (readonly [number, number])[]): string {
  return spans.map(([s, e]) => `${formatMinutes(s)}–${formatMinutes(e)}`).join(', ');
}

/** Why these spans cannot be a day's working time, or null when they can. */
export function checkSpans(spans: readonly (readonly [number, number])[]): string | null {
  let previousEnd = 0;
  for (const [start, end] of spans) {
    const text = `${formatMinutes(start)}–${formatMinutes(end)}`;
    if (start < 0 || end > MINUTES_PER_DAY) return `${text} is not within the day (00:00 to 24:00).`;
    if (start >= end) return `${text} ends before it starts: the second time must be later.`;
    if (start < previousEnd)
      return `${text} starts before the span before it ends: list the spans in order, without overlaps.`;
    previousEnd = end;
  }
  return null;
}

export type Parsed = { spans: Span[]; error: null } | { spans: null; error: string };

/**
 * "08:00–12:00, 13:00–17:00" → its spans. The dash may be -, – or —, and the spans may be
 * separated by commas or semicolons. Blank text is a day without working time.
 */
export function parseSpans(text: string): Parsed {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const spans: Span[] = [];
  for (const part of parts) {
    const m = /^(\S+)\s*[-–—]\s*(\S+)$/.exec(part);
    const start = m ? parseTime(m[1]) : null;
    const end = m ? parseTime(m[2]) : null;
    if (start == null || end == null) {
      return { spans: null, error: `"${part}" is not a span of time: write it as HH:MM–HH:MM, e.g. 08:00–12:00.` };
    }
    spans.push([start, end]);
  }
  const error = checkSpans(spans);
  return error ? { spans: null, error } : { spans, error: null };
}

export function dayMinutes(spans: readonly (readonly [number, number])[]): number {
  return spans.reduce((sum, [s, e]) => sum + (e - s), 0);
}

export function weekMinutes(week: readonly (readonly (readonly [number, number])[])[]): number {
  return week.reduce((sum, day) => sum + dayMinutes(day), 0);
}

/** 480 → "8 h"; 450 → "7 h 30 min"; 30 → "30 min"; 0 → "0 h". */
export function formatHours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (m === 0) return `${h} h`;
  return h === 0 ? `${m} min` : `${h} h ${m} min`;
}
