// The lessons register the Lessons screen shows, loaded from the core and again after edits
// and undo.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { Lesson } from '../../lib/bindings/Lesson';

class LessonsState {
  items = $state.raw<Lesson[]>([]);
  loaded = $state(false);
  loadError = $state<string | null>(null);

  async load() {
    try {
      this.items = await api.lessonsList();
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

export const lessons = new LessonsState();
