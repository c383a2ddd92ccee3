// My day in the fake backend: a test fills `day` (the core's queries and rules are tested in
// Rust); the person filter keeps the entries whose person matches, as the core does.
import type { MyDay } from '../lib/bindings/MyDay';
import type { FakeBackend } from './fake-backend';

export function emptyDay(today: string): MyDay {
  return { today, person_id: null, due: [], blocked: [], meetings: [], risks: [], communications: [], goals: [] };
}

export class FakeMyDay {
  day: MyDay;
  /** Person id → name, to filter by. */
  names = new Map<number, string>();
  /** Meeting id → the people attending. */
  attendees = new Map<number, number[]>();

  constructor(fake: FakeBackend, today: string) {
    this.day = emptyDay(today);
    fake.answer('my_day', (a) => {
      const person = (a.person_id as number | null) ?? null;
      const day = structuredClone(this.day);
      if (person == null) return day;
      const name = this.names.get(person);
      if (name === undefined) throw { code: 'not_found', message: 'That person no longer exists.' };
      return {
        ...day,
        person_id: person,
        due: day.due.filter((i) => i.assignee === name),
        blocked: day.blocked.filter((i) => i.assignee === name),
        meetings: day.meetings.filter((m) => this.attendees.get(m.id)?.includes(person)),
        risks: day.risks.filter((r) => r.owner === name),
        communications: day.communications.filter((c) => c.owner === name),
        goals: day.goals.filter((g) => g.person_id === person),
      };
    });
  }
}
