// Pure helpers of the budget screen: money in and out, the earned-value tiles and the S-curve's
// geometry. Money is integer minor units (cents) throughout; only display divides by 100.
import type { CostCategory } from '../../lib/bindings/CostCategory';
import type { EvmFigures } from '../../lib/bindings/EvmFigures';
import type { SCurvePoint } from '../../lib/bindings/SCurvePoint';
import { niceMax } from '../../lib/shared/chart';

export const CATEGORIES: { key: CostCategory; label: string }[] = [
  { key: 'staff', label: 'Staff' },
  { key: 'contractors', label: 'Contractors' },
  { key: 'hardware', label: 'Hardware' },
  { key: 'software', label: 'Software licences' },
  { key: 'cloud', label: 'Cloud' },
  { key: 'services', label: 'Services' },
  { key: 'other', label: 'Other' },
];

export const categoryLabel = (key: CostCategory) => CATEGORIES.find((c) => c.key === key)?.label ?? key;

/** The core refuses more than 10^13 minor units; the screen says so before sending. */
export const MAX_MINOR = 10_000_000_000_000;

/** "1,234.50" for 123450 (grouped, two decimals, minus sign for negatives). */
export function money(minor: number): string {
  const sign = minor < 0 ? '−' : '';
  const abs = Math.abs(minor);
  const major = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${major}.${String(abs % 100).padStart(2, '0')}`;
}

/** Money with an explicit sign, for variances: "+1,000.00", "−250.00". */
export const signedMoney = (minor: number) => (minor > 0 ? `+${money(minor)}` : money(minor));

/**
 * What was typed into a money field, in minor units: `null` for an empty field, or a message.
 * Accepts "1234", "1,234.5", "1234.56"; refuses negatives, more than two decimals and too much.
 */
export function parseMoney(text: string): { minor: number | null } | { error: string } {
  const t = text.trim().replace(/[\s,]/g, '');
  if (t === '') return { minor: null };
  if (t.startsWith('-') || t.startsWith('−')) return { error: 'An amount cannot be negative.' };
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(t);
  if (!m) return { error: `"${text.trim()}" is not an amount; type e.g. 1250 or 1,250.50.` };
  const minor = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(minor) || minor > MAX_MINOR) {
    return { error: 'That amount is larger than Bridgeplan accepts (at most 100,000,000,000.00).' };
  }
  return { minor };
}

/** The text a money field starts with: "1250.50", or empty. */
export const moneyInput = (minor: number | null | undefined) =>
  minor == null ? '' : `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

export type Tone = 'good' | 'bad' | 'neutral';

export type Tile = {
  key: string;
  /** The abbreviation managers know, and what it means in plain words. */
  abbr: string;
  label: string;
  formula: string;
  value: string;
  tone: Tone;
};

const ratio = (r: number | null, places: number) => (r == null ? '–' : r.toFixed(places));
const toneOfVariance = (v: number): Tone => (v > 0 ? 'good' : v < 0 ? 'bad' : 'neutral');
const toneOfIndex = (r: number | null): Tone => (r == null ? 'neutral' : r > 1 ? 'good' : r < 1 ? 'bad' : 'neutral');

/** The figure tiles in reading order: where we are, how we do, where we end up. */
export function tiles(f: EvmFigures): Tile[] {
  const orNone = (m: number | null) => (m == null ? '–' : money(m));
  return [
    {
      key: 'bac',
      abbr: 'BAC',
      label: 'Total budget',
      formula: 'Σ budgeted cost of every task',
      value: money(f.bac),
      tone: 'neutral',
    },
    {
      key: 'pv',
      abbr: 'PV',
      label: 'Planned to date',
      formula: 'Budget of the work scheduled by the status date',
      value: money(f.pv),
      tone: 'neutral',
    },
    {
      key: 'ev',
      abbr: 'EV',
      label: 'Earned to date',
      formula: 'Σ task budget × % complete',
      value: money(f.ev),
      tone: 'neutral',
    },
    {
      key: 'ac',
      abbr: 'AC',
      label: 'Spent to date',
      formula: 'Cost entries + logged time × rate',
      value: money(f.ac),
      tone: 'neutral',
    },
    {
      key: 'sv',
      abbr: 'SV',
      label: f.sv < 0 ? 'Behind schedule by' : 'Ahead of schedule by',
      formula: 'SV = EV − PV',
      value: signedMoney(f.sv),
      tone: toneOfVariance(f.sv),
    },
    {
      key: 'cv',
      abbr: 'CV',
      label: f.cv < 0 ? 'Over budget by' : 'Under budget by',
      formula: 'CV = EV − AC',
      value: signedMoney(f.cv),
      tone: toneOfVariance(f.cv),
    },
    {
      key: 'spi',
      abbr: 'SPI',
      label: 'Schedule efficiency',
      formula: 'SPI = EV / PV',
      value: ratio(f.spi, 2),
      tone: toneOfIndex(f.spi),
    },
    {
      key: 'cpi',
      abbr: 'CPI',
      label: 'Cost efficiency',
      formula: 'CPI = EV / AC',
      value: ratio(f.cpi, 2),
      tone: toneOfIndex(f.cpi),
    },
    {
      key: 'eac',
      abbr: 'EAC',
      label: 'Expected total cost',
      formula: 'EAC = BAC / CPI',
      value: orNone(f.eac),
      tone: f.eac == null ? 'neutral' : f.eac > f.bac ? 'bad' : 'good',
    },
    {
      key: 'etc',
      abbr: 'ETC',
      label: 'Still to spend',
      formula: 'ETC = EAC − AC',
      value: orNone(f.etc),
      tone: 'neutral',
    },
    {
      key: 'vac',
      abbr: 'VAC',
      label: 'Expected over or under budget',
      formula: 'VAC = BAC − EAC',
      value: f.vac == null ? '–' : signedMoney(f.vac),
      tone: f.vac == null ? 'neutral' : toneOfVariance(f.vac),
    },
    {
      key: 'tcpi',
      abbr: 'TCPI',
      label: 'Efficiency needed to finish on budget',
      formula: 'TCPI = (BAC − EV) / (BAC − AC)',
      value: ratio(f.tcpi, 2),
      tone: f.tcpi == null ? 'neutral' : f.tcpi > 1 ? 'bad' : 'good',
    },
  ];
}

export type CurveGeometry = {
  /** The axis top, in major units (the axis labels are whole currency units). */
  max: number;
  xs: number[];
  /** The y of a value in major units. */
  y: (major: number) => number;
  /** SVG polyline points of each series, '' when it has fewer than two points. */
  pv: string;
  ev: string;
  ac: string;
  forecast: string;
};

/** Positions of the S-curve's points in a box. */
export function curveGeometry(
  points: SCurvePoint[],
  box: { width: number; height: number; left: number; right: number; top: number; bottom: number },
): CurveGeometry {
  const values = points.flatMap((p) => [p.pv, p.ev ?? 0, p.ac ?? 0, p.forecast ?? 0].map((m) => m / 100));
  const max = niceMax(Math.max(1, ...values));
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const t0 = points.length ? Date.parse(points[0].date) : 0;
  const t1 = points.length ? Date.parse(points[points.length - 1].date) : 1;
  const span = Math.max(1, t1 - t0);
  const xs = points.map((p) => box.left + ((Date.parse(p.date) - t0) / span) * plotW);
  const y = (v: number) => box.top + plotH - (v / max) * plotH;
  const line = (pick: (p: SCurvePoint) => number | null) => {
    const pts = points
      .map((p, i) => [xs[i], pick(p)] as const)
      .filter(([, v]) => v != null)
      .map(([x, v]) => `${x.toFixed(1)},${y((v as number) / 100).toFixed(1)}`);
    return pts.length >= 2 ? pts.join(' ') : '';
  };
  return {
    max,
    xs,
    y,
    pv: line((p) => p.pv),
    ev: line((p) => p.ev),
    ac: line((p) => p.ac),
    forecast: line((p) => p.forecast),
  };
}

/** The months of a grid as column headings ("Mar 2026"). */
export function monthLabel(period: string): string {
  const [y, m] = period.split('-').map(Number);
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${names[m - 1] ?? '?'} ${y}`;
}
