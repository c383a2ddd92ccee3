// Small helpers shared by the hand-drawn SVG charts (burndown, velocity, cumulative flow).
import { formatDue } from './format';

/** Room around a chart's plot for the axis labels. */
export const PAD = { left: 40, right: 16, top: 12, bottom: 28 };

/** A round top for a value axis (1, 2, 5 × 10ⁿ), so its ticks are whole, readable numbers. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (m * step >= value) return m * step;
  return 10 * step;
}

/** Six evenly spaced ticks from 0 to `max` (every fifth of it). */
export function ticks(max: number): number[] {
  // niceMax gives 1, 2 or 5 × 10^k, so fifths are round numbers too (10, 20 … for 50).
  return [0, 1, 2, 3, 4, 5].map((i) => Math.round(((max * i) / 5) * 100) / 100);
}

/** The indices of the day labels to draw: at most `most`, evenly spread, always the first. */
export function labelIndices(count: number, most = 7): number[] {
  const every = Math.max(1, Math.ceil(count / most));
  const out: number[] = [];
  for (let i = 0; i < count; i += every) out.push(i);
  return out;
}

/** A day's axis label ("12 Mar"). */
export const dayLabel = (iso: string) => formatDue(iso);
