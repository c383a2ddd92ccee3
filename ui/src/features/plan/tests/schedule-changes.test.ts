import { describe, expect, test } from 'vitest';
import type { ScheduleChanges } from '../../../lib/bindings/ScheduleChanges';
import { standardBackend } from '../../../tests/fake-backend';
import { applyChanges, scheduleAfter } from '../schedule-changes';

function plan() {
  const fake = standardBackend();
  fake.addPlan('Office move', [
    { wbs: '1', name: 'Survey', start: '2026-03-02', finish: '2026-03-03' },
    { wbs: '2', name: 'Pack', start: '2026-03-04', finish: '2026-03-05' },
    { wbs: '3', name: 'Move', start: '2026-03-06', finish: '2026-03-06' },
  ]);
  fake.link('Survey', 'Pack');
  fake.link('Pack', 'Move');
  return fake;
}

describe('schedule changes', () => {
  test('changed rows replace the held ones in place; links are removed, changed and added by id', () => {
    const fake = plan();
    const held = structuredClone(fake.schedule(fake.projects.at(-1)!.id));
    const frozen = structuredClone(held);
    const pack = { ...held.tasks[1], early_start: '2026-03-05T08:00:00', start: '2026-03-05T08:00:00' };
    const [first, second] = held.links;
    const changes: ScheduleChanges = {
      start: held.start,
      finish: '2026-03-09T17:00:00',
      tasks: [{ position: 1, task: pack }],
      links_set: [
        { ...second, kind: 'ss' },
        { ...first, id: 9999, predecessor_id: held.tasks[0].item_id, successor_id: held.tasks[2].item_id },
      ],
      links_removed: [first.id],
    };
    const next = applyChanges(held, changes);
    expect(next.tasks.map((t) => t.name)).toEqual(['Survey', 'Pack', 'Move']);
    expect(next.tasks[1]).toBe(pack);
    expect(next.tasks[0]).toBe(held.tasks[0]);
    expect(next.finish).toBe('2026-03-09T17:00:00');
    expect(next.links.map((l) => [l.id, l.kind])).toEqual([
      [second.id, 'ss'],
      [9999, 'fs'],
    ]);
    // The held schedule is left as it was (the view may still be drawing it).
    expect(held).toEqual(frozen);
  });

  test('a whole schedule replaces the held one; changes without one to apply them to give none', () => {
    const fake = plan();
    const schedule = fake.schedule(fake.projects.at(-1)!.id);
    const nothing: ScheduleChanges = {
      start: schedule.start,
      finish: schedule.finish,
      tasks: [],
      links_set: [],
      links_removed: [],
    };
    expect(scheduleAfter(null, { revision: 1, schedule, changes: null })).toBe(schedule);
    expect(scheduleAfter(null, { revision: 2, schedule: null, changes: nothing })).toBeNull();
    expect(scheduleAfter(schedule, { revision: 2, schedule: null, changes: nothing })?.tasks).toBe(schedule.tasks);
  });
});
