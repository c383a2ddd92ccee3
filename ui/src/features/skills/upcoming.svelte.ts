// What is coming up for the people of the workspace: development goals, booked exams and
// certification renewals due within the next weeks, or overdue. The sidebar shows how many;
// the Upcoming screen lists them.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { Upcoming } from '../../lib/bindings/Upcoming';

/** How far ahead the list looks. */
export const UPCOMING_DAYS = 60;

class UpcomingState {
  items = $state.raw<Upcoming[]>([]);
  loaded = $state(false);
  loadError = $state<string | null>(null);
  due = $derived(this.items.length);
  overdue = $derived(this.items.filter((u) => u.overdue).length);

  async load() {
    try {
      this.items = await api.upcomingList(UPCOMING_DAYS);
      this.loadError = null;
    } catch (e) {
      this.loadError = toCommandError(e).message;
    }
    this.loaded = true;
  }

  reset() {
    this.items = [];
    this.loaded = false;
    this.loadError = null;
  }
}

export const upcoming = new UpcomingState();
