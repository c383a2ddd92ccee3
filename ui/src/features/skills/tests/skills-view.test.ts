import { describe, expect, test } from 'vitest';
import type { Evidence } from '../../../lib/bindings/Evidence';
import type { PersonSkill } from '../../../lib/bindings/PersonSkill';
import type { SkillProfile } from '../../../lib/bindings/SkillProfile';
import {
  GAP_CHART,
  byDateDesc,
  evidenceSource,
  focusCounts,
  gapLayout,
  gapLines,
  groupByArea,
  levelLabel,
  radarPoint,
  radarPolygon,
  roleLevel,
  roleName,
  shortName,
  skillsToAdd,
  suggestionKey,
} from '../skills-view';
import { skillCatalog } from '../../../tests/fake-skills';

const catalog = skillCatalog();

function ps(
  skill_id: number,
  current: number | null,
  target: number | null,
  extra: Partial<PersonSkill> = {},
): PersonSkill {
  return {
    skill_id,
    self_level: current,
    manager_level: null,
    current,
    target,
    own_target: false,
    expected_now: null,
    gap: target == null ? 0 : target - (current ?? 0),
    evidence: 0,
    last_assessed: null,
    ...extra,
  };
}

function profile(skills: PersonSkill[]): SkillProfile {
  return { person_id: 1, name: 'Ana Silva', title: '', current_role_id: 101, target_role_id: 102, notes: '', skills };
}

function evidence(fields: Partial<Evidence>): Evidence {
  return {
    id: 1,
    skill_id: 11,
    skill: 'Planning and scheduling',
    rule: null,
    source_kind: null,
    source_id: null,
    project_id: null,
    title: 'x',
    detail: '',
    url: '',
    occurred_on: '2025-01-01',
    why: '',
    ...fields,
  };
}

describe('skills view helpers', () => {
  test('levelLabel names a level, and shows none or an unknown one plainly', () => {
    expect(levelLabel(catalog.level_names, 3)).toBe('3 Practitioner');
    expect(levelLabel(catalog.level_names, null)).toBe('—');
    expect(levelLabel([], 2)).toBe('2');
  });

  test('groupByArea keeps catalog order of areas and skills and leaves out empty areas', () => {
    const groups = groupByArea(catalog, profile([ps(31, 2, null), ps(12, 1, 4), ps(11, 2, 4)]));
    expect(groups.map((g) => g.area.name)).toEqual(['Ways of working', 'Service management (ITIL)']);
    expect(groups[0].lines.map((l) => l.skill.id)).toEqual([11, 12]);
    expect(groups[0].lines[1].person.target).toBe(4);
  });

  test('skillsToAdd lists the catalog skills not in the profile', () => {
    expect(skillsToAdd(catalog, profile([ps(11, 2, 4), ps(22, 1, null)])).map((s) => s.id)).toEqual([12, 13, 21, 31]);
  });

  test('roleLevel and roleName read the catalog roles', () => {
    expect(roleLevel(catalog, 102, 21)).toBe(4);
    expect(roleLevel(catalog, 102, 31)).toBeNull();
    expect(roleLevel(catalog, null, 11)).toBeNull();
    expect(roleName(catalog, 101)).toBe('IT Manager');
    expect(roleName(catalog, 999)).toBeNull();
  });

  test('gapLines: with a target only, largest gap first, focus first among equals, then catalog order', () => {
    const lines = gapLines(
      catalog,
      profile([ps(11, 4, 4), ps(12, 2, 4), ps(13, null, 2), ps(21, 2, 4), ps(22, 2, 4), ps(31, 3, null)]),
    );
    // 12 and 21 (focus) before 22 at gap 2, 13 (not focus) at gap 2 after them in catalog order.
    expect(lines.map((l) => [l.skill.id, l.person.gap])).toEqual([
      [12, 2],
      [21, 2],
      [13, 2],
      [22, 2],
      [11, 0],
    ]);
    expect(focusCounts(lines)).toEqual({ total: 3, below: 2 });
    expect(focusCounts([])).toEqual({ total: 0, below: 0 });
  });

  test('gapLayout puts a row per skill and maps levels 0 … 5 across the plot', () => {
    const lines = gapLines(catalog, profile([ps(11, 2, 4), ps(13, null, 3)]));
    const layout = gapLayout(lines, 700);
    expect(layout.left).toBe(GAP_CHART.label);
    expect(layout.right).toBe(700 - GAP_CHART.right);
    expect(layout.x(0)).toBe(layout.left);
    expect(layout.x(5)).toBe(layout.right);
    expect(layout.x(9)).toBe(layout.right);
    expect(layout.height).toBe(GAP_CHART.top + 2 * GAP_CHART.row + 4);
    const [first, second] = layout.bars;
    expect(first.skillId).toBe(13);
    expect(first.currentX).toBe(layout.left); // not assessed: no bar
    expect(first.targetX).toBe(layout.x(3));
    expect(second.y - first.y).toBe(GAP_CHART.row);
    // A narrow chart still keeps a plot to draw in.
    expect(gapLayout(lines, 100).right).toBe(GAP_CHART.label + 100);
  });

  test('radar points start straight up and go clockwise; values are clamped to 0 … 5', () => {
    expect(radarPoint(0, 4, 5, 100, 150, 150)).toEqual({ x: 150, y: 50 });
    expect(radarPoint(1, 4, 5, 100, 150, 150)).toEqual({ x: 250, y: 150 });
    expect(radarPoint(2, 4, 2.5, 100, 150, 150)).toEqual({ x: 150, y: 200 });
    expect(radarPoint(3, 4, 9, 100, 150, 150)).toEqual({ x: 50, y: 150 });
    expect(radarPolygon([5, 0, 5, 0], 100, 150, 150)).toBe('150,50 150,150 150,250 150,150');
  });

  test('shortName shortens long names for chart labels only when needed', () => {
    expect(shortName('Risk management')).toBe('Risk management');
    expect(shortName('Business acumen and strategic alignment', 20)).toBe('Business acumen and…');
  });

  test('evidenceSource: items open on the board, sprints and baselines in their views, manual evidence nowhere', () => {
    expect(evidenceSource(evidence({ source_kind: 'item', source_id: 7, project_id: 3 }))).toEqual({
      kind: 'item',
      projectId: 3,
      itemId: 7,
      label: 'Open work item',
    });
    expect(evidenceSource(evidence({ source_kind: 'project', source_id: 3, project_id: 3 }))).toMatchObject({
      kind: 'project',
      projectId: 3,
    });
    expect(evidenceSource(evidence({ source_kind: 'sprint', source_id: 9, project_id: 3 }))).toMatchObject({
      view: 'sprints',
    });
    expect(evidenceSource(evidence({ source_kind: 'baseline', source_id: 4, project_id: 3 }))).toMatchObject({
      view: 'timeline',
    });
    expect(evidenceSource(evidence({}))).toBeNull();
  });

  test('byDateDesc puts the newest first; suggestionKey names a suggestion by rule and source', () => {
    const list = [
      evidence({ id: 1, occurred_on: '2025-01-01' }),
      evidence({ id: 2, occurred_on: '2025-03-01' }),
      evidence({ id: 3, occurred_on: '2025-01-01' }),
    ];
    expect(byDateDesc(list).map((e) => e.id)).toEqual([2, 3, 1]);
    expect(list.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(suggestionKey(evidence({ rule: 'items-delivered', source_kind: 'item', source_id: 5 }))).toBe(
      'items-delivered:item:5',
    );
  });
});
