import { describe, expect, test } from 'vitest';
import {
  addDays,
  categoryRows,
  eligibilityGroups,
  fmt,
  goalPercent,
  groupUpcoming,
  progressGeometry,
  toggleMet,
} from '../career';
import type { CategoryProgress } from '../../../lib/bindings/CategoryProgress';
import type { Upcoming } from '../../../lib/bindings/Upcoming';
import { certificationRules } from '../../../tests/fake-career';

const [pmp, itil] = certificationRules();

describe('eligibility', () => {
  test('required items stand alone; a group of alternatives is met by any one of them', () => {
    expect(eligibilityGroups(pmp, [])).toEqual([
      { group: null, items: [pmp.eligibility[0]], met: false },
      { group: 'experience', items: [pmp.eligibility[1], pmp.eligibility[2]], met: false },
    ]);
    const met = eligibilityGroups(pmp, ['diploma-60']);
    expect(met.map((g) => g.met)).toEqual([false, true]);
    expect(eligibilityGroups(pmp, ['education-35', 'degree-36']).every((g) => g.met)).toBe(true);
    expect(eligibilityGroups(itil, [])).toEqual([]);
  });

  test('ticking and unticking keeps the rule order and no repeats', () => {
    expect(toggleMet(pmp, ['diploma-60'], 'education-35', true)).toEqual(['education-35', 'diploma-60']);
    expect(toggleMet(pmp, ['education-35', 'diploma-60'], 'education-35', true)).toEqual([
      'education-35',
      'diploma-60',
    ]);
    expect(toggleMet(pmp, ['education-35', 'diploma-60'], 'education-35', false)).toEqual(['diploma-60']);
  });
});

describe('continuing-education categories', () => {
  const progress = (
    key: string,
    earned: number,
    min: number | null,
    max: number | null,
    still = 0,
  ): CategoryProgress => ({
    key,
    name: key,
    earned,
    min,
    max,
    still_needed: still,
  });

  test('categories within another come right under it, one level in', () => {
    const rows = categoryRows(pmp.renewal!.categories, [
      progress('giving-back', 10, null, 25),
      progress('power-skills', 2, 8, null, 6),
      progress('education', 20, 35, null, 15),
      progress('ways-of-working', 8, 8, null),
    ]);
    expect(rows.map((r) => [r.progress.key, r.depth])).toEqual([
      ['education', 0],
      ['ways-of-working', 1],
      ['power-skills', 1],
      ['giving-back', 0],
    ]);
    expect(rows.map((r) => r.label)).toEqual([
      '20 of at least 35',
      '8 of at least 8',
      '2 of at least 8',
      '10 (at most 25 count)',
    ]);
    expect(rows.map((r) => r.percent)).toEqual([57, 100, 25, 40]);
  });

  test('a category the rule does not know still shows, last', () => {
    const rows = categoryRows([], [progress('legacy', 3, null, null)]);
    expect(rows).toEqual([{ progress: progress('legacy', 3, null, null), depth: 0, percent: 100, label: '3' }]);
  });

  test('units read as short numbers', () => {
    expect([fmt(3), fmt(2.5), fmt(0.25), fmt(10 / 3)]).toEqual(['3', '2.5', '0.25', '3.33']);
  });
});

describe('goals and progress', () => {
  test('goal progress is current over target, unassessed as 0, within 0–100', () => {
    expect(goalPercent(2, 4)).toBe(50);
    expect(goalPercent(null, 3)).toBe(0);
    expect(goalPercent(5, 3)).toBe(100);
  });

  test('the chart spreads dates evenly and puts levels 0–5 bottom to top', () => {
    const box = { width: 300, height: 120, left: 40, right: 60, top: 10, bottom: 10 };
    const g = progressGeometry(
      [
        { date: '2026-01-01', average_level: 0, average_target: 5, skills_met: 0 },
        { date: '2026-02-01', average_level: 2.5, average_target: 5, skills_met: 1 },
        { date: '2026-03-01', average_level: 5, average_target: 5, skills_met: 3 },
      ],
      box,
    );
    expect(g.xs).toEqual([40, 140, 240]);
    expect([g.y(0), g.y(2.5), g.y(5), g.y(7)]).toEqual([110, 60, 10, 10]);
    expect(g.level).toBe('40,110 140,60 240,10');
    expect(g.target).toBe('40,10 140,10 240,10');
    // One point sits in the middle of the plot.
    expect(
      progressGeometry([{ date: '2026-01-01', average_level: 1, average_target: 2, skills_met: 0 }], box).xs,
    ).toEqual([140]);
  });
});

describe('upcoming groups', () => {
  const entry = (date: string, overdue = false, title = date): Upcoming => ({
    kind: 'goal',
    person_id: 1,
    person: 'Ana Silva',
    title,
    detail: '',
    date,
    overdue,
  });

  test('overdue, the next 14 days (today included) and later, each soonest first; empty groups left out', () => {
    const today = '2026-03-10';
    const groups = groupUpcoming(
      [
        entry('2026-04-20'),
        entry('2026-03-24'),
        entry('2026-03-25'),
        entry('2026-03-01', true),
        entry('2026-03-10'),
        entry('2026-02-01', true),
      ],
      today,
    );
    expect(groups.map((g) => [g.label, g.items.map((i) => i.date)])).toEqual([
      ['Overdue', ['2026-02-01', '2026-03-01']],
      ['Next 14 days', ['2026-03-10', '2026-03-24']],
      ['Later', ['2026-03-25', '2026-04-20']],
    ]);
    expect(groupUpcoming([entry('2026-05-01')], today).map((g) => g.key)).toEqual(['later']);
    expect(groupUpcoming([], today)).toEqual([]);
  });

  test('dates move across months and years', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
