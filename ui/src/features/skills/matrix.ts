// The team skills matrix without the DOM: the colour scale of levels, the skills that depend on
// one person, which columns show (grouped by area), and moving between cells by key.
import type { MatrixPerson } from '../../lib/bindings/MatrixPerson';
import type { Skill } from '../../lib/bindings/Skill';
import type { SkillArea } from '../../lib/bindings/SkillArea';
import type { SkillCatalog } from '../../lib/bindings/SkillCatalog';
import type { SkillsMatrix } from '../../lib/bindings/SkillsMatrix';

/** A person at this level or above can carry a skill on their own (the core's rule for `thin`). */
export const THIN_LEVEL = 3;

/**
 * How much of the accent each level 1 … 5 mixes into the surface. One hue, lightness moving
 * one way in both themes, so the scale also reads in grey; the number is always shown too.
 */
export const LEVEL_MIX = [15, 32, 50, 85, 100] as const;

/** The inline style of a cell at `level`; none for a skill not assessed. */
export function levelStyle(level: number | null): string {
  if (level == null || level < 1 || level > 5) return '';
  const mix = LEVEL_MIX[level - 1];
  // From level 4 the background is dark in the light theme (light in the dark one): the accent's
  // own text colour keeps the number at 4.5:1 contrast or more.
  const text = level >= 4 ? 'var(--on-accent)' : 'var(--text)';
  return `background: color-mix(in srgb, var(--accent) ${mix}%, var(--surface)); color: ${text}`;
}

/** "3 Practitioner", or what an empty cell means. */
export function levelText(level: number | null, levelNames: string[]): string {
  if (level == null) return 'Not assessed';
  const name = levelNames[level - 1];
  return name ? `${level} ${name}` : String(level);
}

export type ColumnGroup = { area: SkillArea; skills: Skill[] };

/**
 * The columns to show under their area headers, areas in catalogue order; within an area the
 * matrix's own order. `onlyThin` keeps the skills that depend on one person.
 */
export function columnGroups(catalog: SkillCatalog, matrix: SkillsMatrix, onlyThin = false): ColumnGroup[] {
  const thin = new Set(matrix.thin);
  const byId = new Map(catalog.skills.map((s) => [s.id, s]));
  const shown = matrix.skill_ids
    .filter((id) => !onlyThin || thin.has(id))
    .map((id) => byId.get(id))
    .filter((s): s is Skill => s != null);
  return catalog.areas
    .map((area) => ({ area, skills: shown.filter((s) => s.area_id === area.id) }))
    .filter((g) => g.skills.length > 0);
}

/** Reads levels by skill id rather than by the matrix's column position. */
export function levelLookup(matrix: SkillsMatrix): (personIndex: number, skillId: number) => number | null {
  const column = new Map(matrix.skill_ids.map((id, i) => [id, i]));
  return (p, skillId) => {
    const c = column.get(skillId);
    return c == null ? null : (matrix.levels[p]?.[c] ?? null);
  };
}

export type ThinSkill = { skill_id: number; holder: MatrixPerson | null };

/** Each thin skill with the one person who carries it (null: nobody at level 3 yet). */
export function thinSkills(matrix: SkillsMatrix): ThinSkill[] {
  const level = levelLookup(matrix);
  return matrix.thin.map((skill_id) => {
    const at = matrix.people.findIndex((_, p) => (level(p, skill_id) ?? 0) >= THIN_LEVEL);
    return { skill_id, holder: at >= 0 ? matrix.people[at] : null };
  });
}

const SUMMARY_NAMES = 6;

function list(names: string[]): string {
  const shown = names.slice(0, SUMMARY_NAMES).join(', ');
  const more = names.length - SUMMARY_NAMES;
  return more > 0 ? `${shown} and ${more} more` : shown;
}

const skillsWord = (n: number) => (n === 1 ? '1 skill' : `${n} skills`);

/**
 * "3 skills depend on one person: Budgeting (Dana Whitfield), …" and, apart, the skills nobody
 * carries yet. Empty when no skill is thin.
 */
export function thinSummary(thin: ThinSkill[], skillName: (id: number) => string): string {
  const held = thin.filter((t) => t.holder);
  const nobody = thin.filter((t) => !t.holder);
  const parts: string[] = [];
  if (held.length > 0) {
    const verb = held.length === 1 ? 'depends' : 'depend';
    parts.push(
      `${skillsWord(held.length)} ${verb} on one person: ${list(held.map((t) => `${skillName(t.skill_id)} (${t.holder!.name})`))}.`,
    );
  }
  if (nobody.length > 0) {
    const verb = nobody.length === 1 ? 'has' : 'have';
    parts.push(
      `${skillsWord(nobody.length)} ${verb} nobody at level ${THIN_LEVEL} or above: ${list(nobody.map((t) => skillName(t.skill_id)))}.`,
    );
  }
  return parts.join(' ');
}

/** A cell of the grid: row 0 holds the skill headers, column 0 the people. */
export type Cell = { row: number; col: number };

/**
 * Where a key moves the focus in a grid of `rows` × `cols` cells (headers included): arrows one
 * step, Home/End to the row's ends, Ctrl+Home/End to the grid's corners. Null: not a move key.
 */
export function moveCell(at: Cell, key: string, ctrl: boolean, rows: number, cols: number): Cell | null {
  const clamp = (row: number, col: number) => ({
    row: Math.max(0, Math.min(rows - 1, row)),
    col: Math.max(0, Math.min(cols - 1, col)),
  });
  switch (key) {
    case 'ArrowRight':
      return clamp(at.row, at.col + 1);
    case 'ArrowLeft':
      return clamp(at.row, at.col - 1);
    case 'ArrowDown':
      return clamp(at.row + 1, at.col);
    case 'ArrowUp':
      return clamp(at.row - 1, at.col);
    case 'Home':
      return ctrl ? clamp(0, 0) : clamp(at.row, 0);
    case 'End':
      return ctrl ? clamp(rows - 1, cols - 1) : clamp(at.row, cols - 1);
    default:
      return null;
  }
}
