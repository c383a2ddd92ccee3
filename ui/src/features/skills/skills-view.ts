// What the person page of People & Skills shows, worked out from the catalog and a profile:
// skills grouped by area, the gap report's order and counts, chart geometry, and where a piece
// of evidence leads. Pure functions, so they are tested without rendering.
import type { Evidence } from '../../lib/bindings/Evidence';
import type { PersonSkill } from '../../lib/bindings/PersonSkill';
import type { Skill } from '../../lib/bindings/Skill';
import type { SkillArea } from '../../lib/bindings/SkillArea';
import type { SkillCatalog } from '../../lib/bindings/SkillCatalog';
import type { SkillProfile } from '../../lib/bindings/SkillProfile';

export const LEVELS = [1, 2, 3, 4, 5] as const;
export const MAX_LEVEL = 5;

/** A skill of the catalog with the person's levels in it. */
export type SkillLine = { skill: Skill; person: PersonSkill };
export type AreaGroup = { area: SkillArea; lines: SkillLine[] };

/** "3 Practitioner"; a level outside the names (or none) as it is. */
export function levelLabel(levelNames: string[], level: number | null): string {
  if (level == null) return '—';
  const name = levelNames[level - 1];
  return name ? `${level} ${name}` : String(level);
}

/** The profile's skills under their areas, both in catalog order; areas without any left out. */
export function groupByArea(catalog: SkillCatalog, profile: SkillProfile): AreaGroup[] {
  const mine = new Map(profile.skills.map((p) => [p.skill_id, p]));
  return catalog.areas
    .map((area) => ({
      area,
      lines: catalog.skills
        .filter((s) => s.area_id === area.id && mine.has(s.id))
        .map((skill) => ({ skill, person: mine.get(skill.id)! })),
    }))
    .filter((g) => g.lines.length > 0);
}

/** Catalog skills the profile does not list yet, the choices of "Add skill". */
export function skillsToAdd(catalog: SkillCatalog, profile: SkillProfile): Skill[] {
  const mine = new Set(profile.skills.map((p) => p.skill_id));
  return catalog.skills.filter((s) => !mine.has(s.id));
}

/** The level the target role expects in a skill (what applies when there is no own target). */
export function roleLevel(catalog: SkillCatalog, roleId: number | null, skillId: number): number | null {
  if (roleId == null) return null;
  return catalog.roles.find((r) => r.id === roleId)?.skills.find((s) => s.skill_id === skillId)?.level ?? null;
}

export function roleName(catalog: SkillCatalog, roleId: number | null): string | null {
  return roleId == null ? null : (catalog.roles.find((r) => r.id === roleId)?.name ?? null);
}

/**
 * The gap report's rows: skills with a target, the largest gap first; among equal gaps the
 * PM focus skills first (they matter most for the move), then catalog order.
 */
export function gapLines(catalog: SkillCatalog, profile: SkillProfile): SkillLine[] {
  const order = new Map(catalog.skills.map((s, i) => [s.id, i]));
  const byId = new Map(catalog.skills.map((s) => [s.id, s]));
  return profile.skills
    .filter((p) => p.target != null && byId.has(p.skill_id))
    .map((person) => ({ skill: byId.get(person.skill_id)!, person }))
    .sort(
      (a, b) =>
        b.person.gap - a.person.gap ||
        Number(b.skill.focus) - Number(a.skill.focus) ||
        order.get(a.skill.id)! - order.get(b.skill.id)!,
    );
}

/** How the focus skills with a target stand: how many, and how many are still below it. */
export function focusCounts(lines: SkillLine[]): { total: number; below: number } {
  const focus = lines.filter((l) => l.skill.focus);
  return { total: focus.length, below: focus.filter((l) => l.person.gap > 0).length };
}

/** Geometry of the gap bar chart: one row per skill, levels 0 … 5 across. */
export const GAP_CHART = { label: 200, right: 112, row: 30, top: 22, bar: 12 } as const;

export type GapBar = {
  skillId: number;
  /** The middle of the row. */
  y: number;
  /** The end of the filled bar (the current level). */
  currentX: number;
  /** Where the target's tick stands. */
  targetX: number;
};

export type GapLayout = { height: number; left: number; right: number; x: (level: number) => number; bars: GapBar[] };

export function gapLayout(lines: SkillLine[], width: number): GapLayout {
  const left = GAP_CHART.label;
  const right = Math.max(left + 100, width - GAP_CHART.right);
  const x = (level: number) => left + (Math.max(0, Math.min(MAX_LEVEL, level)) / MAX_LEVEL) * (right - left);
  return {
    height: GAP_CHART.top + lines.length * GAP_CHART.row + 4,
    left,
    right,
    x,
    bars: lines.map((l, i) => ({
      skillId: l.skill.id,
      y: GAP_CHART.top + i * GAP_CHART.row + GAP_CHART.row / 2,
      currentX: x(l.person.current ?? 0),
      targetX: x(l.person.target ?? 0),
    })),
  };
}

/** A skill name short enough for a chart's label column (the full name goes in its tooltip). */
export function shortName(name: string, max = 28): string {
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`;
}

/** A point of a radar chart: axis `i` of `n` (the first straight up, then clockwise) at `value`. */
export function radarPoint(i: number, n: number, value: number, radius: number, cx: number, cy: number) {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  const r = (Math.max(0, Math.min(MAX_LEVEL, value)) / MAX_LEVEL) * radius;
  return { x: round(cx + r * Math.cos(angle)), y: round(cy + r * Math.sin(angle)) };
}

/** The `points` of a radar polygon through one value per axis. */
export function radarPolygon(values: number[], radius: number, cx: number, cy: number): string {
  return values
    .map((v, i) => radarPoint(i, values.length, v, radius, cx, cy))
    .map((p) => `${p.x},${p.y}`)
    .join(' ');
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Where a piece of evidence leads in the workspace, if anywhere. */
export type EvidenceSource =
  | { kind: 'item'; projectId: number; itemId: number; label: string }
  | { kind: 'project'; projectId: number; view?: 'sprints' | 'timeline'; label: string };

export function evidenceSource(e: Evidence): EvidenceSource | null {
  if (e.project_id == null || e.source_kind == null) return null;
  switch (e.source_kind) {
    case 'item':
      return e.source_id == null
        ? null
        : { kind: 'item', projectId: e.project_id, itemId: e.source_id, label: 'Open work item' };
    case 'project':
      return { kind: 'project', projectId: e.project_id, label: 'Open project' };
    case 'sprint':
      return { kind: 'project', projectId: e.project_id, view: 'sprints', label: 'Open sprints' };
    case 'baseline':
      return { kind: 'project', projectId: e.project_id, view: 'timeline', label: 'Open timeline' };
  }
}

/** What kind of work a suggestion comes from, in words. */
export const SOURCE_NAMES: Record<NonNullable<Evidence['source_kind']>, string> = {
  project: 'a project',
  item: 'a work item',
  sprint: 'a sprint',
  baseline: 'a baseline',
};

/** Evidence newest first (ties: the later added first). */
export function byDateDesc(list: Evidence[]): Evidence[] {
  return [...list].sort((a, b) => b.occurred_on.localeCompare(a.occurred_on) || (b.id ?? 0) - (a.id ?? 0));
}

/** A suggestion's identity: the rule and the source it found. */
export const suggestionKey = (e: Evidence) => `${e.rule}:${e.source_kind}:${e.source_id}`;

/** Runs one edit of the page (queued, then the profile and panels reload); the refusal's message, or null. */
export type SkillEdit = (run: () => Promise<unknown>) => Promise<string | null>;
