// My day: work due today or overdue, blocked work, today's meetings, risks due for review and
// communications due across all projects, for everyone or one person (remembered). Goals,
// exams and renewals come from the Upcoming list beside it (skills/upcoming.svelte.ts).
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { MyDay } from '../../lib/bindings/MyDay';

const PERSON_KEY = 'bridgeplan.myDayPerson';

function rememberedPerson(): number | null {
  const stored = localStorage.getItem(PERSON_KEY);
  const n = stored ? Number(stored) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}

class MyDayState {
  day = $state.raw<MyDay | null>(null);
  loaded = $state(false);
  loadError = $state<string | null>(null);
  /** The person shown, or null for everyone. */
  person = $state<number | null>(rememberedPerson());
  /** Entries from the projects (not the goals), for the sidebar's badge. */
  count = $derived(
    this.day
      ? this.day.due.length +
          this.day.blocked.length +
          this.day.meetings.length +
          this.day.risks.length +
          this.day.communications.length
      : 0,
  );
  overdue = $derived(this.day ? this.day.due.filter((i) => i.days_overdue > 0).length : 0);

  async load() {
    try {
      this.day = await api.myDay(this.person);
      this.loadError = null;
    } catch (e) {
      const error = toCommandError(e);
      if (error.code === 'not_found' && this.person != null) {
        // The remembered person is gone: show everyone instead.
        this.setPerson(null);
        return;
      }
      this.loadError = error.message;
    }
    this.loaded = true;
  }

  setPerson(person: number | null) {
    this.person = person;
    if (person == null) localStorage.removeItem(PERSON_KEY);
    else localStorage.setItem(PERSON_KEY, String(person));
    void this.load();
  }

  reset() {
    this.day = null;
    this.loaded = false;
    this.loadError = null;
    this.person = rememberedPerson();
  }
}

export const myDay = new MyDayState();
