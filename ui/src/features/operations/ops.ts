// Pure helpers of the Operations screen: durations, percentages, SLA wording, the sparkline's
// geometry and the form's date-time values.
import type { Rag } from '../../lib/bindings/Rag';
import type { SlaState } from '../../lib/bindings/SlaState';
import type { MonthAvailability } from '../../lib/bindings/MonthAvailability';

export const RAG_TEXT: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };
export const SEVERITIES = [1, 2, 3, 4] as const;
export const SEVERITY_TEXT: Record<number, string> = { 1: 'P1 critical', 2: 'P2 high', 3: 'P3 medium', 4: 'P4 low' };

/** 15 min, 4 h, 3 d 2 h. */
export function formatMinutes(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts: string[] = [];
  if (d) parts.push(`${d} d`);
  if (h) parts.push(`${h} h`);
  if (m || !parts.length) parts.push(`${m} min`);
  return parts.join(' ');
}

export function formatPct(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined ? '—' : `${v.toFixed(digits)} %`;
}

export function isBreach(s: SlaState): boolean {
  return s === 'breached' || s === 'breaching_now';
}

/** How one target reads in the incidents table. */
export function slaText(state: SlaState, taken: number, target: number): string {
  switch (state) {
    case 'met':
      return `${formatMinutes(taken)} (target ${formatMinutes(target)})`;
    case 'breached':
      return `${formatMinutes(taken)}, over ${formatMinutes(target)}`;
    case 'open':
      return `${formatMinutes(taken)} so far of ${formatMinutes(target)}`;
    case 'breaching_now':
      return `${formatMinutes(taken)} so far, over ${formatMinutes(target)}`;
  }
}

/** The figure a month is judged by: measured when recorded, else from outages. */
export const judged = (m: MonthAvailability) => m.measured ?? m.computed;

/** Points of a sparkline `w`×`h` over the months, scaled from (target − 2 × allowance) to 100. */
export function sparkline(months: MonthAvailability[], target: number, w: number, h: number) {
  const floor = Math.max(0, target - 2 * (100 - target)) - 0.1;
  const y = (v: number) => h - ((Math.min(100, Math.max(floor, v)) - floor) / (100 - floor)) * h;
  const step = months.length > 1 ? w / (months.length - 1) : 0;
  const points = months
    .map((m, i) => ({ x: i * step, v: judged(m), month: m.month }))
    .filter((p): p is { x: number; v: number; month: string } => p.v !== null)
    .map((p) => ({ x: p.x, y: y(p.v), below: p.v < target, month: p.month, v: p.v }));
  return { points, targetY: y(target) };
}

/** `YYYY-MM-DDTHH:MM` (what datetime-local inputs hold) as people read it. */
export const showTime = (t: string | null) => (t ? t.replace('T', ' ') : '—');

export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });
}

/** A date as a datetime-local value, to the minute, in local time. */
export function toLocalInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
