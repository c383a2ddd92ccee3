// The Calendar view of the selected project: month or week, the focused day (which decides the
// period shown), both remembered per project while the user switches views; the schedule of
// plan-driven projects; and dragging an entry to another day with the pointer.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { Project } from '../../lib/bindings/Project';
import type { ProjectSchedule } from '../../lib/bindings/ProjectSchedule';
import type { CalendarEntry } from './calendar-view';
import { todayIso } from '../../lib/shared/format';
import { PointerDrag } from '../../lib/shared/pointer-drag';
import { session } from '../workspace/session.svelte';

export type CalendarMode = 'month' | 'week';

/** Only these methodologies have a computed schedule. */
export const hasSchedule = (project: Project) =>
  project.methodology === 'waterfall' || project.methodology === 'hybrid';

class CalendarViewState {
  mode = $state<CalendarMode>('month');
  focusedDay = $state(todayIso());
  schedule = $state.raw<ProjectSchedule | null>(null);
  scheduleError = $state<string | null>(null);

  #projectId: number | null = null;
  #token = 0;
  /** Mode and focused day per project (and workspace file: ids repeat across files). */
  #memory = new Map<string, { mode: CalendarMode; focusedDay: string }>();

  get projectId() {
    return this.#projectId;
  }

  #key(id: number) {
    return `${session.workspace?.path ?? ''}#${id}`;
  }

  /** Shows a project: where the user left it, or today's month the first time. */
  show(project: Project) {
    if (project.id !== this.#projectId) {
      this.#projectId = project.id;
      const kept = this.#memory.get(this.#key(project.id));
      this.mode = kept?.mode ?? 'month';
      this.focusedDay = kept?.focusedDay ?? todayIso();
      this.schedule = null;
      this.scheduleError = null;
      this.#token++;
    }
    if (hasSchedule(project)) void this.reload();
    else {
      this.#token++;
      this.schedule = null;
      this.scheduleError = null;
    }
  }

  #remember() {
    if (this.#projectId != null)
      this.#memory.set(this.#key(this.#projectId), { mode: this.mode, focusedDay: this.focusedDay });
  }

  setMode(mode: CalendarMode) {
    this.mode = mode;
    this.#remember();
  }

  focus(day: string) {
    this.focusedDay = day;
    this.#remember();
  }

  /** Fetches the schedule again; a newer fetch wins over an older one. */
  async reload() {
    const id = this.#projectId;
    if (id == null) return;
    const token = ++this.#token;
    try {
      const schedule = await api.scheduleGet(id);
      if (token !== this.#token) return;
      this.schedule = schedule;
      this.scheduleError = null;
    } catch (e) {
      if (token === this.#token) this.scheduleError = toCommandError(e).message;
    }
  }

  reset() {
    this.#token++;
    this.#projectId = null;
    this.#memory.clear();
    this.mode = 'month';
    this.focusedDay = todayIso();
    this.schedule = null;
    this.scheduleError = null;
    calendarDrag.reset();
  }
}

type Drop = (entry: CalendarEntry, day: string) => void;

/**
 * Dragging an entry to another day (pointer-drag.ts). The day under the pointer is the
 * target; entries let the pointer through meanwhile.
 */
class CalendarDragState {
  entry = $state.raw<CalendarEntry | null>(null);
  x = $state(0);
  y = $state(0);
  targetDay = $state<string | null>(null);

  #press: { entry: CalendarEntry; onDrop: Drop } | null = null;
  #pointer = new PointerDrag({
    threshold: 5,
    begin: () => {
      this.entry = this.#press!.entry;
      document.body.classList.add('dragging');
    },
    move: (e) => this.#track(e),
    release: (e) => {
      if (!this.entry) return;
      this.#track(e);
      const day = this.targetDay;
      if (day && day !== this.entry.start) this.#press!.onDrop(this.entry, day);
    },
    end: () => this.#end(),
  });

  pointerDown(e: PointerEvent, entry: CalendarEntry, onDrop: Drop) {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    this.#press = { entry, onDrop };
    this.#pointer.press(e);
  }

  /** A drag ends with a click on the entry it started from; that click is not a click. */
  takeClick(): boolean {
    return this.#pointer.takeClick();
  }

  #track(e: PointerEvent) {
    this.x = e.clientX;
    this.y = e.clientY;
    const day = document.elementFromPoint(this.x, this.y)?.closest<HTMLElement>('[data-testid="calendar-day"]');
    this.targetDay = day?.dataset.date ?? null;
  }

  #end() {
    document.body.classList.remove('dragging');
    this.#press = null;
    this.entry = null;
    this.targetDay = null;
  }

  reset() {
    this.#pointer.reset();
    this.#end();
  }
}

export const calendarDrag = new CalendarDragState();
export const calendarView = new CalendarViewState();
