// What the Certifications, Development and Upcoming screens show, worked out from the
// backend's data: eligibility per group of alternatives, the continuing-education categories
// as nested rows, goal progress, the progress chart's geometry and the Upcoming groups. Pure
// functions, so they are tested without rendering.
import type { ActivityInput } from '../../lib/bindings/ActivityInput';
import type { ActivityKind } from '../../lib/bindings/ActivityKind';
import type { CategoryProgress } from '../../lib/bindings/CategoryProgress';
import type { CertificationInput } from '../../lib/bindings/CertificationInput';
import type { CertificationRule } from '../../lib/bindings/CertificationRule';
import type { CertificationStatus } from '../../lib/bindings/CertificationStatus';
import type { DevelopmentGoal } from '../../lib/bindings/DevelopmentGoal';
import type { EligibilityItem } from '../../lib/bindings/EligibilityItem';
import type { GoalInput } from '../../lib/bindings/GoalInput';
import type { LearningActivity } from '../../lib/bindings/LearningActivity';
import type { PersonCertification } from '../../lib/bindings/PersonCertification';
import type { ProgressPoint } from '../../lib/bindings/ProgressPoint';
import type { UnitCategory } from '../../lib/bindings/UnitCategory';
import type { Upcoming } from '../../lib/bindings/Upcoming';
import type { UpcomingKind } from '../../lib/bindings/UpcomingKind';

export const STATUS_LABELS: Record<CertificationStatus, string> = {
  planned: 'Planned',
  studying: 'Studying',
  exam_booked: 'Exam booked',
  passed: 'Passed',
  failed: 'Failed',
  expired: 'Expired',
};
export const STATUSES = Object.keys(STATUS_LABELS) as CertificationStatus[];

export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  course: 'Course',
  book: 'Book',
  mentoring: 'Mentoring',
  stretch: 'Stretch assignment',
  other: 'Other',
};
export const ACTIVITY_KINDS = Object.keys(ACTIVITY_LABELS) as ActivityKind[];

export const UPCOMING_LABELS: Record<UpcomingKind, string> = { goal: 'Goal', exam: 'Exam', renewal: 'Renewal' };

/** The input that changes nothing: what the certification has saved now. */
export function certificationInput(c: PersonCertification): CertificationInput {
  return {
    status: c.status,
    exam_date: c.exam_date,
    result: c.result,
    earned_on: c.earned_on,
    eligibility_met: [...c.eligibility_met],
    notes: c.notes,
  };
}

export function goalInput(g: DevelopmentGoal): GoalInput {
  return { skill_id: g.skill_id, target_level: g.target_level, due_date: g.due_date, done_on: g.done_on };
}

export function activityInput(a: LearningActivity): ActivityInput {
  return { kind: a.kind, title: a.title, item_id: a.item_id, hours: a.hours, done_on: a.done_on };
}

/** The met keys with one item ticked or unticked, in the rule's order. */
export function toggleMet(rule: CertificationRule, met: string[], key: string, on: boolean): string[] {
  const next = new Set(met);
  if (on) next.add(key);
  else next.delete(key);
  return rule.eligibility.map((i) => i.key).filter((k) => next.has(k));
}

export type EligibilityGroup = {
  /** null: the items are each required; else the group's name, its items alternatives. */
  group: string | null;
  items: EligibilityItem[];
  met: boolean;
};

/**
 * The rule's eligibility as the checklist shows it, in the rule's order: each required item on
 * its own, the alternatives of a group together where the group first appears. A required item
 * is met when ticked, a group when one of its items is.
 */
export function eligibilityGroups(rule: CertificationRule, met: string[]): EligibilityGroup[] {
  const ticked = new Set(met);
  const out: EligibilityGroup[] = [];
  const groups = new Map<string, EligibilityGroup>();
  for (const item of rule.eligibility) {
    if (item.group == null) {
      out.push({ group: null, items: [item], met: ticked.has(item.key) });
      continue;
    }
    let g = groups.get(item.group);
    if (!g) {
      g = { group: item.group, items: [], met: false };
      groups.set(item.group, g);
      out.push(g);
    }
    g.items.push(item);
    g.met ||= ticked.has(item.key);
  }
  return out;
}

export type CategoryRow = {
  progress: CategoryProgress;
  /** 1 for a category within another (shown indented under it). */
  depth: number;
  /** How far to the minimum (or, with none, the maximum), 0–100. */
  percent: number;
  /** "20 of at least 35", "10 (at most 25 count)". */
  label: string;
};

/**
 * The continuing-education categories as rows: each top category followed by the categories
 * within it, so they show indented under it. Categories the rule does not know come last.
 */
export function categoryRows(categories: UnitCategory[], progress: CategoryProgress[]): CategoryRow[] {
  const byKey = new Map(progress.map((p) => [p.key, p]));
  const row = (p: CategoryProgress, depth: number): CategoryRow => {
    const goal = p.min ?? p.max;
    const percent = goal ? Math.min(100, Math.round((p.earned / goal) * 100)) : p.earned > 0 ? 100 : 0;
    const parts = [p.min != null ? `${fmt(p.earned)} of at least ${fmt(p.min)}` : fmt(p.earned)];
    if (p.max != null) parts.push(`(at most ${fmt(p.max)} count)`);
    return { progress: p, depth, percent, label: parts.join(' ') };
  };
  const known = new Set(categories.map((c) => c.key));
  const out: CategoryRow[] = [];
  const seen = new Set<string>();
  const add = (key: string, depth: number) => {
    const p = byKey.get(key);
    if (!p || seen.has(key)) return;
    seen.add(key);
    out.push(row(p, depth));
    for (const child of categories.filter((c) => c.within === key)) add(child.key, depth + 1);
  };
  for (const c of categories) if (c.within == null || !known.has(c.within)) add(c.key, 0);
  for (const p of progress) if (!seen.has(p.key)) add(p.key, 0);
  return out;
}

/** A short number: at most two decimals, none when whole (quarter units exist: 0.25 PDU). */
export function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** How far the current level is towards the target, 0–100 (no assessment counts as 0). */
export function goalPercent(current: number | null, target: number): number {
  if (target <= 0) return 100;
  return Math.max(0, Math.min(100, Math.round(((current ?? 0) / target) * 100)));
}

export type ChartBox = { width: number; height: number; left: number; right: number; top: number; bottom: number };
export type ProgressGeometry = {
  /** x of each point, in order. */
  xs: number[];
  /** y of a level (0–`max`). */
  y: (level: number) => number;
  max: number;
  level: string;
  target: string;
};

/** The progress chart's points: dates spread evenly left to right, levels 0–5 bottom to top. */
export function progressGeometry(points: ProgressPoint[], box: ChartBox, max = 5): ProgressGeometry {
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const n = points.length;
  const xs = points.map((_, i) => box.left + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1)));
  const y = (v: number) => box.top + (1 - Math.max(0, Math.min(max, v)) / max) * plotH;
  const line = (pick: (p: ProgressPoint) => number) => points.map((p, i) => `${xs[i]},${y(pick(p))}`).join(' ');
  return { xs, y, max, level: line((p) => p.average_level), target: line((p) => p.average_target) };
}

export type UpcomingGroup = { key: 'overdue' | 'soon' | 'later'; label: string; items: Upcoming[] };

/** YYYY-MM-DD plus `days` calendar days. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Overdue, the next 14 days and later, each soonest first; empty groups left out. */
export function groupUpcoming(items: Upcoming[], today: string): UpcomingGroup[] {
  const soon = addDays(today, 14);
  const groups: UpcomingGroup[] = [
    { key: 'overdue', label: 'Overdue', items: [] },
    { key: 'soon', label: 'Next 14 days', items: [] },
    { key: 'later', label: 'Later', items: [] },
  ];
  const sorted = [...items].sort((a, b) => a.date.localeCompare(b.date));
  for (const u of sorted) {
    const at = u.overdue || u.date < today ? 0 : u.date <= soon ? 1 : 2;
    groups[at].items.push(u);
  }
  return groups.filter((g) => g.items.length > 0);
}
