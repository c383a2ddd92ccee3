import { describe, expect, test } from 'vitest';
import type { SkillsMatrix } from '../../../lib/bindings/SkillsMatrix';
import {
  columnGroups,
  levelLookup,
  levelStyle,
  levelText,
  moveCell,
  thinSkills,
  thinSummary,
  LEVEL_MIX,
} from '../matrix';
import { skillCatalog } from '../../../tests/fake-skills';

const NAMES = ['Aware', 'Working', 'Practitioner', 'Advanced', 'Expert'];

function matrix(over: Partial<SkillsMatrix> = {}): SkillsMatrix {
  return {
    people: [
      { id: 1, name: 'Ana Silva', title: 'Security engineer', role: 'IT Manager' },
      { id: 2, name: 'Dana Whitfield', title: 'Infrastructure lead', role: null },
    ],
    // Deliberately not in catalogue order: the columns follow the areas.
    skill_ids: [31, 12, 11, 22],
    levels: [
      [null, 2, 4, 3],
      [5, 4, 3, null],
    ],
    thin: [31, 12, 22],
    ...over,
  };
}

describe('level colour scale', () => {
  test('one accent, deeper with each level; no colour for a skill not assessed', () => {
    expect([...LEVEL_MIX]).toEqual([...LEVEL_MIX].sort((a, b) => a - b));
    expect(levelStyle(1)).toBe('background: color-mix(in srgb, var(--accent) 15%, var(--surface)); color: var(--text)');
    expect(levelStyle(5)).toBe(
      'background: color-mix(in srgb, var(--accent) 100%, var(--surface)); color: var(--on-accent)',
    );
    expect(levelStyle(4)).toContain('var(--on-accent)');
    expect(levelStyle(3)).toContain('color: var(--text)');
    expect(levelStyle(null)).toBe('');
    expect(levelStyle(0)).toBe('');
  });

  test('levels are named with their number', () => {
    expect(levelText(3, NAMES)).toBe('3 Practitioner');
    expect(levelText(null, NAMES)).toBe('Not assessed');
    expect(levelText(4, [])).toBe('4');
  });
});

describe('columns', () => {
  test('grouped under their areas in catalogue order, empty areas left out', () => {
    const groups = columnGroups(skillCatalog(), matrix());
    expect(groups.map((g) => [g.area.name, g.skills.map((s) => s.id)])).toEqual([
      ['Ways of working', [12, 11]],
      ['Power skills', [22]],
      ['Service management (ITIL)', [31]],
    ]);
  });

  test('"only thin" keeps the skills that depend on one person', () => {
    const groups = columnGroups(skillCatalog(), matrix(), true);
    expect(groups.flatMap((g) => g.skills.map((s) => s.id))).toEqual([12, 22, 31]);
  });

  test('levels are read by skill id, whatever the column order', () => {
    const level = levelLookup(matrix());
    expect(level(0, 11)).toBe(4);
    expect(level(1, 31)).toBe(5);
    expect(level(1, 22)).toBeNull();
    expect(level(0, 99)).toBeNull();
  });
});

describe('thin skills', () => {
  test('each with the one person at level 3 or above, or nobody', () => {
    expect(thinSkills(matrix())).toEqual([
      { skill_id: 31, holder: expect.objectContaining({ name: 'Dana Whitfield' }) },
      { skill_id: 12, holder: expect.objectContaining({ name: 'Dana Whitfield' }) },
      { skill_id: 22, holder: expect.objectContaining({ name: 'Ana Silva' }) },
    ]);
    expect(
      thinSkills(
        matrix({
          levels: [
            [null, 2, 4, 2],
            [5, 1, 3, null],
          ],
        }),
      )[2].holder,
    ).toBeNull();
  });

  test('the summary names skill and person, and the skills nobody carries apart', () => {
    const name = (id: number) => skillCatalog().skills.find((s) => s.id === id)!.name;
    expect(thinSummary(thinSkills(matrix()), name)).toBe(
      '3 skills depend on one person: IT service management (Dana Whitfield), Risk management (Dana Whitfield), ' +
        'Communication (Ana Silva).',
    );
    const one = thinSummary(
      [
        { skill_id: 22, holder: null },
        { skill_id: 12, holder: matrix().people[0] },
      ],
      name,
    );
    expect(one).toBe(
      '1 skill depends on one person: Risk management (Ana Silva). 1 skill has nobody at level 3 or above: Communication.',
    );
    expect(thinSummary([], name)).toBe('');
  });

  test('a long list is cut after six names', () => {
    const thin = Array.from({ length: 9 }, (_, i) => ({ skill_id: i, holder: null }));
    expect(thinSummary(thin, (id) => `S${id}`)).toBe(
      '9 skills have nobody at level 3 or above: S0, S1, S2, S3, S4, S5 and 3 more.',
    );
  });
});

describe('moving between cells', () => {
  const at = { row: 2, col: 3 };
  test('arrows step and stop at the edges', () => {
    expect(moveCell(at, 'ArrowRight', false, 4, 5)).toEqual({ row: 2, col: 4 });
    expect(moveCell({ row: 2, col: 4 }, 'ArrowRight', false, 4, 5)).toEqual({ row: 2, col: 4 });
    expect(moveCell(at, 'ArrowLeft', false, 4, 5)).toEqual({ row: 2, col: 2 });
    expect(moveCell(at, 'ArrowUp', false, 4, 5)).toEqual({ row: 1, col: 3 });
    expect(moveCell({ row: 0, col: 3 }, 'ArrowUp', false, 4, 5)).toEqual({ row: 0, col: 3 });
    expect(moveCell(at, 'ArrowDown', false, 4, 5)).toEqual({ row: 3, col: 3 });
  });

  test('Home and End go to the row’s ends, with Ctrl to the grid’s corners', () => {
    expect(moveCell(at, 'Home', false, 4, 5)).toEqual({ row: 2, col: 0 });
    expect(moveCell(at, 'End', false, 4, 5)).toEqual({ row: 2, col: 4 });
    expect(moveCell(at, 'Home', true, 4, 5)).toEqual({ row: 0, col: 0 });
    expect(moveCell(at, 'End', true, 4, 5)).toEqual({ row: 3, col: 4 });
    expect(moveCell(at, 'a', false, 4, 5)).toBeNull();
  });
});
