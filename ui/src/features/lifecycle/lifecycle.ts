// Lifecycle labels and the portfolio's pure logic: phase order, framework names, sorting,
// money.
import type { Framework } from '../../lib/bindings/Framework';
import type { Phase } from '../../lib/bindings/Phase';
import type { PortfolioRow } from '../../lib/bindings/PortfolioRow';
import type { Rag } from '../../lib/bindings/Rag';

export const PHASES: { value: Phase; label: string; letter: string }[] = [
  { value: 'initiate', label: 'Initiate', letter: 'I' },
  { value: 'plan', label: 'Plan', letter: 'P' },
  { value: 'execute', label: 'Execute', letter: 'E' },
  { value: 'monitor', label: 'Monitor', letter: 'M' },
  { value: 'close', label: 'Close', letter: 'C' },
];

export const FRAMEWORKS: { value: Framework; label: string }[] = [
  { value: 'pmbok', label: 'PMBOK' },
  { value: 'prince2', label: 'PRINCE2' },
  { value: 'agile', label: 'Agile / Scrum' },
  { value: 'itil', label: 'ITIL change' },
];

export const phaseLabel = (p: Phase) => PHASES.find((x) => x.value === p)?.label ?? p;
export const frameworkLabel = (f: Framework) => FRAMEWORKS.find((x) => x.value === f)?.label ?? f;

export function nextPhase(p: Phase): Phase | null {
  const i = PHASES.findIndex((x) => x.value === p);
  return PHASES[i + 1]?.value ?? null;
}

export function previousPhase(p: Phase): Phase | null {
  const i = PHASES.findIndex((x) => x.value === p);
  return i > 0 ? PHASES[i - 1].value : null;
}

export const RAG_LABELS: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };

/** Whole units unless there are cents: "€412,000". */
export function money(minor: number, currency: string): string {
  const cents = minor % 100 !== 0;
  try {
    return new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency,
      minimumFractionDigits: cents ? 2 : 0,
      maximumFractionDigits: cents ? 2 : 0,
    }).format(minor / 100);
  } catch {
    return `${currency} ${(minor / 100).toFixed(cents ? 2 : 0)}`;
  }
}

export type SortKey =
  'name' | 'methodology' | 'phase' | 'health' | 'start' | 'finish' | 'budget' | 'actual' | 'forecast' | 'owner';

const RAG_ORDER: Record<Rag, number> = { green: 0, amber: 1, red: 2 };

function sortValue(row: PortfolioRow, key: SortKey): string | number | null {
  switch (key) {
    case 'name':
      return row.name.toLowerCase();
    case 'methodology':
      return row.methodology;
    case 'phase':
      return PHASES.findIndex((p) => p.value === row.phase);
    case 'health':
      return RAG_ORDER[row.health.rag];
    case 'start':
      return row.start;
    case 'finish':
      return row.finish;
    case 'budget':
      return row.budget_minor;
    case 'actual':
      return row.actual_minor;
    case 'forecast':
      return row.forecast_minor;
    case 'owner':
      return row.owner?.toLowerCase() ?? null;
  }
}

/** Sorted by one column; empty values last whichever the direction, then by name. */
export function sortRows(rows: PortfolioRow[], key: SortKey, ascending: boolean): PortfolioRow[] {
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x == null && y == null) return a.name.localeCompare(b.name);
    if (x == null) return 1;
    if (y == null) return -1;
    const c = x < y ? -1 : x > y ? 1 : 0;
    return c === 0 ? a.name.localeCompare(b.name) : ascending ? c : -c;
  });
}
