// The logic of one CalendarView.svelte on screen: the weeks shown and their layout, the
// focused day, what a key does, due dates changed by dragging or Alt+arrows (shown at once,
// before the backend answers), a day's full list and the new item due on a day. What is kept
// for the session (mode, focused day, schedule, the drag) is calendar-view.svelte.ts; the
// layout itself is calendar-view.ts. The DOM is reached only through the element getters the
// component gives.
import { tick } from 'svelte';
import type { Project } from '../../lib/bindings/Project';
import { board, inputOf } from './board-state.svelte';
import { calendarDrag, calendarView, hasSchedule } from './calendar-view.svelte';
import { session } from '../workspace/session.svelte';
import { findItem } from './board-ops';
import { todayIso } from '../../lib/shared/format';
import {
  DAY_HEAD,
  LANE_HEIGHT,
  MORE_HEIGHT,
  addDays,
  addMonths,
  buildIndex,
  dayLabel,
  dayNumber,
  entriesOn,
  lanesFor,
  layoutWeek,
  monthGrid,
  monthTitle,
  startOfWeek,
  weekDays,
  weekTitle,
  weekday,
  type CalendarEntry,
} from './calendar-view';

/** The smallest height of a week row, by mode. */
export const MIN_ROW = { month: DAY_HEAD + 2 * LANE_HEIGHT + MORE_HEIGHT + 6, week: 240 };

/** The elements the view needs: a day's cell and an entry on the calendar grid. */
export type CalendarElements = {
  cellEl(day: string): HTMLElement | null;
  entryEl(key: string): HTMLElement | null;
};

/** The keys of a key press that decide what it does. */
export type KeyPress = { key: string; altKey: boolean };

export class CalendarScreen {
  #props: () => { project: Project };
  #el: CalendarElements;
  readonly today = todayIso();

  constructor(props: () => { project: Project }, elements: CalendarElements) {
    this.#props = props;
    this.#el = elements;
  }

  get project() {
    return this.#props().project;
  }

  editable = $derived(!session.readOnly && board.board != null);
  data = $derived(board.board?.project.id === this.project.id ? board.board : null);
  schedule = $derived(
    hasSchedule(this.project) && calendarView.schedule?.project_id === this.project.id ? calendarView.schedule : null,
  );

  /** Due dates on their way to the backend, shown at once (a held Alt+→ must not lose presses). */
  #overrides = $state.raw<ReadonlyMap<number, string | null>>(new Map());
  #overrideTokens = new Map<number, number>();
  #nextToken = 0;

  // Indexed once per board, schedule or pending change; the cells only look up their week.
  index = $derived(buildIndex(this.data, this.schedule?.tasks ?? [], this.today, this.#overrides));

  mode = $derived(calendarView.mode);
  focusedDay = $derived(calendarView.focusedDay);
  // The period shown, as a key: moving the focused day within it changes nothing else.
  period = $derived(this.mode === 'month' ? this.focusedDay.slice(0, 7) : startOfWeek(this.focusedDay));
  weeks = $derived(this.mode === 'month' ? monthGrid(`${this.period}-01`) : [weekDays(this.period)]);
  title = $derived(this.mode === 'month' ? monthTitle(`${this.period}-01`) : weekTitle(this.period));
  layouts = $derived(
    this.weeks.map((days) => {
      const monday = dayNumber(days[0]);
      return layoutWeek(monday, this.index.byWeek.get(monday) ?? []);
    }),
  );

  // As many lanes as the rows have room for; the rest of a day sits behind "+N more".
  /** Bound to the rows' height. */
  rowsHeight = $state(0);
  lanes = $derived(
    lanesFor(
      this.rowsHeight > 0 ? Math.max(MIN_ROW[this.mode], this.rowsHeight / this.weeks.length) : 0,
      this.mode === 'month' ? 3 : 12,
    ),
  );

  error = $state<string | null>(null);
  announcement = $state('');

  /** Moves the focused day (and with it the period shown); keyboard focus follows when asked. */
  async goTo(day: string, focusCell = true) {
    calendarView.focus(day);
    if (!focusCell) return;
    await tick();
    this.#el.cellEl(day)?.focus();
  }

  /** The day a period back (-1) or on (1) from the focused one. */
  step(direction: number) {
    return this.mode === 'month' ? addMonths(this.focusedDay, direction) : addDays(this.focusedDay, 7 * direction);
  }

  /** Whatever gets focus in a day makes it the focused day: one day is in the Tab order. */
  focusedIn(date: string | undefined) {
    if (date && date !== calendarView.focusedDay) calendarView.focus(date);
  }

  // ——— Opening an entry, and focus when the detail panel closes ———

  /** The entry whose detail panel is open, to give focus back to when it closes. */
  #openedKey: string | null = null;

  open = (entry: CalendarEntry) => {
    this.#openedKey = entry.key;
    this.dayList = null;
    board.selectedItemId = entry.id;
  };

  /** The detail panel closed: focus goes back to the entry it was opened from (or its day). */
  detailClosed() {
    if (this.#openedKey == null) return;
    const key = this.#openedKey;
    this.#openedKey = null;
    void tick().then(() => {
      const active = document.activeElement;
      if (active && active !== document.body) return;
      (this.#el.entryEl(key) ?? this.#el.cellEl(calendarView.focusedDay))?.focus();
    });
  }

  // ——— Changing due dates ———

  async setDue(entry: CalendarEntry, day: string) {
    const item = findItem(board.board, entry.id)?.item;
    if (!this.editable || !item) return;
    const token = ++this.#nextToken;
    this.#overrideTokens.set(item.id, token);
    this.#overrides = new Map(this.#overrides).set(item.id, day);
    this.error = null;
    const failed = await board.updateItem(item.id, { ...inputOf(item), due_date: day });
    if (this.#overrideTokens.get(item.id) === token) {
      this.#overrideTokens.delete(item.id);
      const next = new Map(this.#overrides);
      next.delete(item.id);
      this.#overrides = next;
    }
    if (failed) {
      this.error = failed.message;
      this.announcement = `Could not move ${item.title}: ${failed.message}`;
    } else {
      this.announcement = `${item.title} is now due ${dayLabel(day)}.`;
    }
  }

  /** Alt+arrows: the due date `days` days later (earlier when negative); focus goes along. */
  async moveBy(entry: CalendarEntry, days: number) {
    if (!this.editable) {
      this.announcement = 'This workspace is read-only.';
      return;
    }
    if (entry.kind === 'task' || entry.kind === 'milestone') {
      this.announcement = 'Scheduled tasks move on the timeline.';
      return;
    }
    if (!entry.due) return;
    const day = addDays(entry.due, days);
    this.dayList = null;
    void this.setDue(entry, day);
    calendarView.focus(day);
    await tick();
    (this.#el.entryEl(entry.key) ?? this.#el.cellEl(day))?.focus();
  }

  entryDown = (e: PointerEvent, entry: CalendarEntry) => {
    if (this.editable) calendarDrag.pointerDown(e, entry, (dragged, day) => void this.setDue(dragged, day));
  };

  /** The click that ends a drag is not a click: it only gives the dragged entry focus. */
  entryClick = (entry: CalendarEntry) => {
    if (calendarDrag.takeClick()) this.#el.entryEl(entry.key)?.focus();
  };

  // ——— A day's full list ("+N more", or Enter on a day) ———

  dayList = $state<{ day: string; left: number; top: number } | null>(null);
  dayListEntries = $derived.by(() => {
    if (!this.dayList) return [];
    const monday = dayNumber(startOfWeek(this.dayList.day));
    return entriesOn(layoutWeek(monday, this.index.byWeek.get(monday) ?? []), weekday(this.dayList.day));
  });

  openDayList = (day: string) => {
    const rect = this.#el.cellEl(day)?.getBoundingClientRect();
    const width = 288;
    const height = 320;
    const left = Math.max(8, Math.min((rect?.left ?? 0) - 8, window.innerWidth - width - 8));
    const top = Math.max(8, Math.min((rect?.top ?? 0) + DAY_HEAD, window.innerHeight - height - 8));
    calendarView.focus(day);
    this.dayList = { day, left, top };
  };

  closeDayList(refocus: boolean) {
    const day = this.dayList?.day;
    this.dayList = null;
    if (refocus && day) void this.goTo(day);
  }

  // ——— Adding an item due on a day ———

  composingDay = $state<string | null>(null);
  newTitle = $state('');
  newError = $state<string | null>(null);
  creating = $state(false);

  compose = (day: string) => {
    if (!this.editable) return;
    calendarView.focus(day);
    this.composingDay = day;
    this.newError = null;
  };

  stopComposing(refocus: boolean) {
    const day = this.composingDay;
    this.composingDay = null;
    this.newTitle = '';
    this.newError = null;
    if (refocus && day) void this.goTo(day);
  }

  async create() {
    const title = this.newTitle.trim();
    const day = this.composingDay;
    if (!title || !day || this.creating) return;
    const statusId = board.board?.columns[0]?.status.id;
    if (statusId == null) {
      this.newError = 'This board has no columns yet: add one on the board first.';
      return;
    }
    this.creating = true;
    const created = await board.createItem(statusId, title, day);
    this.creating = false;
    if ('code' in created) {
      this.newError = created.message;
      return;
    }
    this.newTitle = '';
    this.announcement = `Added ${title}, due ${dayLabel(day)}.`;
    this.stopComposing(true);
  }

  newLeave = () => {
    // An error stays on screen until the title is fixed or the box cancelled.
    if (!this.newError) this.stopComposing(false);
  };

  // ——— Keys ———

  /**
   * A key in the calendar (not in a text field, without Ctrl or Cmd): on an entry (its key, and
   * its day, null in a list), on a day (entry null), or elsewhere (both null). `walk` moves focus
   * among the focused entry's day's entries. True when the key is ours.
   */
  key(e: KeyPress, entry: string | null, day: string | null, walk: (step: number) => void): boolean {
    let handled = false;
    if (entry != null) handled = this.#entryKey(e, entry, day, walk);
    else if (day != null) handled = this.#dayKey(e, day);
    if (handled || e.altKey) return handled;
    if (e.key === 't') {
      void this.goTo(this.today);
      return true;
    }
    if (e.key === 'n' && this.editable) {
      this.compose((entry != null ? day : null) ?? this.focusedDay);
      return true;
    }
    return false;
  }

  #entryKey(e: KeyPress, key: string, day: string | null, walk: (step: number) => void): boolean {
    const entry = this.index.byKey.get(key);
    if (!entry) return false;
    const vertical = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    const horizontal = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (e.altKey) {
      if (!vertical && !horizontal) return false;
      void this.moveBy(entry, horizontal || vertical * 7);
      return true;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      this.open(entry);
      return true;
    }
    if (day == null) return false;
    if (horizontal) {
      void this.goTo(addDays(day, horizontal));
      return true;
    }
    if (vertical) {
      // Up and down walk the day's entries; above the first is the day itself.
      walk(vertical);
      return true;
    }
    return false;
  }

  #dayKey(e: KeyPress, day: string): boolean {
    if (e.altKey) return false;
    const month = this.mode === 'month';
    switch (e.key) {
      case 'ArrowLeft':
        void this.goTo(addDays(day, -1));
        return true;
      case 'ArrowRight':
        void this.goTo(addDays(day, 1));
        return true;
      case 'ArrowUp':
        void this.goTo(addDays(day, -7));
        return true;
      case 'ArrowDown':
        void this.goTo(addDays(day, 7));
        return true;
      case 'PageUp':
        void this.goTo(month ? addMonths(day, -1) : addDays(day, -7));
        return true;
      case 'PageDown':
        void this.goTo(month ? addMonths(day, 1) : addDays(day, 7));
        return true;
      case 'Home':
        void this.goTo(addDays(day, -weekday(day)));
        return true;
      case 'End':
        void this.goTo(addDays(day, 6 - weekday(day)));
        return true;
      case 'Enter':
      case ' ':
        this.openDayList(day);
        return true;
    }
    return false;
  }
}
