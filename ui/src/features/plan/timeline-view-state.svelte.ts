// The logic of one Timeline.svelte on screen: the rows shown (folded, virtualised), the chart's
// scale and what of it is near the visible band, the focused row, what a key does, the links
// (selected, drawn by keyboard or pointer) and the task edits with what they announce. The
// schedule and the edits themselves are the session's (timeline-state.svelte.ts); this is what
// a view adds on top. It reaches the DOM only through the element getters the component gives.
import { tick } from 'svelte';
import type { ScheduleLink } from '../../lib/bindings/ScheduleLink';
import type { ScheduledTask } from '../../lib/bindings/ScheduledTask';
import { board } from '../work/board-state.svelte';
import { undo } from '../../lib/shared/history';
import { session } from '../workspace/session.svelte';
import { timeline } from './timeline-state.svelte';
import { PointerDrag } from '../../lib/shared/pointer-drag';
import { parentWbs, visibleRows } from './timeline-outline';
import { keyEdit, type TaskEdit } from './timeline-drag';
import { calendarOf } from './task-calendar';
import {
  FALLBACK_VIEWPORT,
  HEADER_HEIGHT,
  OUTLINE_MAX,
  OUTLINE_MIN,
  ROW_HEIGHT,
  ZOOMS,
  barEnds,
  headerTiers,
  makeScale,
  nowTime,
  rowMiddle,
  rowRange,
  timeAt,
  toTime,
  weekendBands,
  within,
  xOf,
  type Point,
  type Zoom,
} from './timeline-geometry';

/** The elements the view needs: the scroll area, the chart body (pointer links) and a task's row. */
export type TimelineElements = {
  scroller(): HTMLElement | undefined;
  chartBody(): HTMLElement | undefined;
  rowEl(id: number): HTMLElement | null;
};

/** The keys of a key press that decide what it does. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'altKey' | 'shiftKey'>;

export class TimelineView {
  #el: TimelineElements;
  /** False once the timeline is gone (another view shown while an edit was on its way). */
  mounted = true;

  constructor(elements: TimelineElements) {
    this.#el = elements;
  }

  // ——— Rows ———

  schedule = $derived(timeline.schedule);
  // Separate, so what depends on one alone is not computed again when an edit changed only
  // the other (a refreshed schedule keeps the unchanged array).
  tasks = $derived(this.schedule?.tasks ?? []);
  links = $derived(this.schedule?.links ?? []);
  rows = $derived(visibleRows(this.tasks, timeline.collapsed));
  rowOf = $derived(new Map(this.rows.map((r, i) => [r.task.item_id, i])));
  taskOf = $derived(new Map(this.tasks.map((t) => [t.item_id, t])));
  taskOfWbs = $derived(new Map(this.tasks.map((t) => [t.wbs, t])));
  editable = $derived(!session.readOnly);

  // The scroll area, as bound and measured: both panes scroll together vertically.
  scrollTop = $state(0);
  scrollLeft = $state(0);
  viewportHeight = $state(0);
  viewportWidth = $state(0);
  outlineWidth = $derived(timeline.outlineWidth);
  /** The chart's visible width (a guess until measured). */
  chartViewport = $derived(Math.max(0, (this.viewportWidth || 1280) - this.outlineWidth));

  // ——— The chart ———

  span = $derived.by(() => {
    const schedule = this.schedule;
    if (!schedule) return null;
    // The backend's local date-times (YYYY-MM-DDTHH:MM:SS) sort as text, so only the two
    // ends are parsed.
    let start = schedule.start;
    let finish = schedule.finish;
    for (const t of this.tasks) {
      if (t.early_start < start) start = t.early_start;
      if (t.early_finish > finish) finish = t.early_finish;
      // A compared baseline's bars may lie outside the plan's current dates.
      if (t.baseline_start != null && t.baseline_start < start) start = t.baseline_start;
      if (t.baseline_finish != null && t.baseline_finish > finish) finish = t.baseline_finish;
    }
    return { start: toTime(start), finish: toTime(finish) };
  });
  scale = $derived(this.span ? makeScale(timeline.zoom, this.span.start, this.span.finish, this.chartViewport) : null);
  tiers = $derived(this.scale ? headerTiers(this.scale) : null);
  #now = nowTime();
  todayX = $derived(
    this.scale && this.#now >= this.scale.origin && this.#now < this.scale.end ? xOf(this.scale, this.#now) : null,
  );
  // Only the header cells, gridlines and weekends near the visible band are in the DOM.
  bandLeft = $derived(this.scrollLeft - 200);
  bandRight = $derived(this.scrollLeft + this.chartViewport + 200);
  allWeekends = $derived(this.scale ? weekendBands(this.scale) : []);
  weekends = $derived(within(this.allWeekends, this.bandLeft, this.bandRight));
  gridlines = $derived(this.tiers ? within(this.tiers.bottom, this.bandLeft, this.bandRight) : []);

  // Virtualisation: the rows in view plus overscan, and the focused row wherever it is.
  range = $derived(rowRange(this.rows.length, this.scrollTop, this.viewportHeight));
  focusedIndex = $derived(timeline.focusedId == null ? -1 : (this.rowOf.get(timeline.focusedId) ?? -1));
  rendered = $derived.by(() => {
    const [from, to] = this.range;
    const focused = this.focusedIndex;
    const out: number[] = [];
    for (let i = from; i < to; i++) out.push(i);
    if (focused >= 0 && (focused < from || focused >= to)) out.push(focused);
    return out;
  });
  // Roving tabindex: one row of the grid is in the Tab order.
  tabStopId = $derived(this.focusedIndex >= 0 ? timeline.focusedId : (this.rows[0]?.task.item_id ?? null));

  linksOf = $derived.by(() => {
    const map = new Map<number, ScheduleLink[]>();
    for (const link of this.links) {
      for (const id of [link.predecessor_id, link.successor_id]) {
        const list = map.get(id);
        if (list) list.push(link);
        else map.set(id, [link]);
      }
    }
    return map;
  });
  /** Links with an end on a rendered row, between two rows not folded away. */
  shownLinks = $derived.by(() => {
    const seen = new Set<number>();
    const out: ScheduleLink[] = [];
    for (const i of this.rendered) {
      for (const link of this.linksOf.get(this.rows[i].task.item_id) ?? []) {
        if (seen.has(link.id) || !this.rowOf.has(link.predecessor_id) || !this.rowOf.has(link.successor_id)) continue;
        seen.add(link.id);
        out.push(link);
      }
    }
    return out;
  });

  nameOf = (id: number) => this.taskOf.get(id)?.name ?? '';

  focusedTask = $derived(timeline.focusedId == null ? null : (this.taskOf.get(timeline.focusedId) ?? null));

  // ——— Focus and keys ———

  async focusRow(index: number) {
    const rows = this.rows;
    if (rows.length === 0) return;
    const task = rows[Math.max(0, Math.min(index, rows.length - 1))].task;
    timeline.focusedId = task.item_id;
    await tick();
    const el = this.#el.rowEl(task.item_id);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView?.({ block: 'nearest' });
    this.#revealBar(task);
  }

  /** Scrolls the chart sideways when the task's bar is out of view. */
  #revealBar(task: ScheduledTask) {
    const scroller = this.#el.scroller();
    if (!scroller || !this.scale) return;
    const { start, finish } = barEnds(this.scale, task);
    const left = scroller.scrollLeft;
    if (finish < left || start > left + this.chartViewport - 48) scroller.scrollLeft = Math.max(0, start - 96);
  }

  openDetail(id: number) {
    timeline.focusedId = id;
    board.selectedItemId = id;
  }

  toggle(task: ScheduledTask) {
    timeline.setCollapsed(task.item_id, !timeline.collapsed.has(task.item_id));
  }

  #pageRows() {
    return Math.max(1, Math.floor(((this.viewportHeight || FALLBACK_VIEWPORT) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
  }

  /** A key on a focused row; false when it is not one of ours. */
  rowKey(key: string, index: number): boolean {
    const task = this.rows[index].task;
    const folded = timeline.collapsed.has(task.item_id);
    switch (key) {
      case 'ArrowDown':
        void this.focusRow(index + 1);
        return true;
      case 'ArrowUp':
        void this.focusRow(index - 1);
        return true;
      case 'PageDown':
        void this.focusRow(index + this.#pageRows());
        return true;
      case 'PageUp':
        void this.focusRow(index - this.#pageRows());
        return true;
      case 'Home':
        void this.focusRow(0);
        return true;
      case 'End':
        void this.focusRow(this.rows.length - 1);
        return true;
      case 'ArrowRight':
        // Tree pattern: open a folded summary, else step into its first task.
        if (task.summary && folded) timeline.setCollapsed(task.item_id, false);
        else if (task.summary) void this.focusRow(index + 1);
        return true;
      case 'ArrowLeft': {
        if (task.summary && !folded) {
          timeline.setCollapsed(task.item_id, true);
          return true;
        }
        const parent = parentWbs(task.wbs);
        const up = parent == null ? undefined : this.taskOfWbs.get(parent);
        if (up) void this.focusRow(this.rowOf.get(up.item_id) ?? index);
        return true;
      }
      case 'Enter':
      case ' ':
        if (this.linkFrom != null) void this.#finishKeyboardLink(task);
        else this.openDetail(task.item_id);
        return true;
      case 'l':
        if (!this.editable) return false;
        this.#startKeyboardLink(task);
        return true;
      case 'k':
        this.#selectNextLink(task);
        return true;
      case 'e':
        if (this.selectedLinkId == null) return false;
        this.linkFocus++;
        return true;
    }
    return false;
  }

  /**
   * A key in the timeline (not in a text field, without Ctrl or Cmd), on the row at `index`
   * (-1: elsewhere). 'handled': the key is ours; 'stop': ours, and not the window's either;
   * null: not ours. F6 is the component's (it moves focus to the toolbar).
   */
  key(e: KeyPress, index: number): 'handled' | 'stop' | null {
    if (e.altKey || e.key === 'Tab') return index >= 0 && this.#editKey(e, this.rows[index].task) ? 'handled' : null;
    if (e.key === '+' || e.key === '=') this.zoomBy(-1);
    else if (e.key === '-') this.zoomBy(1);
    else if (e.key === 'Escape' && (this.linkFrom != null || this.selectedLinkId != null)) {
      // Ours, not the window's (which would close the detail panel).
      if (this.linkFrom != null) this.announcement = 'Linking cancelled.';
      this.linkFrom = null;
      this.selectedLinkId = null;
      return 'stop';
    } else if (index < 0 || !this.rowKey(e.key, index)) return null;
    return 'handled';
  }

  /** Delete removes the selected link wherever focus is in the timeline (or nowhere). */
  deleteSelectedLink(): boolean {
    if (this.selectedLinkId == null || !this.editable) return false;
    const id = this.selectedLinkId;
    this.selectedLinkId = null;
    void timeline.removeLink(id, () => void undo());
    return true;
  }

  // ——— Zoom ———

  async setZoom(zoom: Zoom) {
    if (zoom === timeline.zoom) return;
    // Keep the date in the middle of the chart where it is.
    const scroller = this.#el.scroller();
    const middle = this.scale && scroller ? timeAt(this.scale, scroller.scrollLeft + this.chartViewport / 2) : null;
    timeline.zoom = zoom;
    await tick();
    if (middle != null && this.scale && scroller)
      scroller.scrollLeft = Math.max(0, xOf(this.scale, middle) - this.chartViewport / 2);
  }

  zoomBy(step: number) {
    const next = ZOOMS[ZOOMS.indexOf(timeline.zoom) + step];
    if (next) void this.setZoom(next);
  }

  scrollToToday() {
    const scroller = this.#el.scroller();
    if (scroller && this.todayX != null) scroller.scrollLeft = Math.max(0, this.todayX - this.chartViewport / 3);
  }

  // ——— Links: selecting, and drawing by keyboard or pointer ———

  selectedLinkId = $state<number | null>(null);
  /** Linking by keyboard: the task picked with `l`, until Enter on the one to follow it. */
  linkFrom = $state<number | null>(null);
  /** Said by the aria-live region (the toasts announce results themselves). */
  announcement = $state('');

  #linkLabel(link: ScheduleLink) {
    return `${this.nameOf(link.predecessor_id)} → ${this.nameOf(link.successor_id)}`;
  }

  #selectLink(link: ScheduleLink) {
    this.selectedLinkId = link.id;
    this.announcement = `Selected the link ${this.#linkLabel(link)}.${this.editable ? ' E edits its type and lag; Delete removes it.' : ''}`;
  }

  /** A click on a link selects it and moves focus into its popover. */
  selectLinkById(id: number) {
    const link = this.schedule?.links.find((l) => l.id === id);
    if (!link) return;
    this.#selectLink(link);
    this.linkFocus++;
  }

  /** Bumped to move focus into the selected link's popover. */
  linkFocus = $state(0);
  selectedLink = $derived(this.schedule?.links.find((l) => l.id === this.selectedLinkId) ?? null);
  /** Where the selected link's popover opens: under the link's end at its successor. */
  popoverAt = $derived.by(() => {
    const link = this.selectedLink;
    const succ = link ? this.taskOf.get(link.successor_id) : undefined;
    const row = link ? this.rowOf.get(link.successor_id) : undefined;
    if (!link || !succ || row == null || !this.scale) return null;
    const ends = barEnds(this.scale, succ);
    const x = link.kind[1] === 's' ? ends.start : ends.finish;
    return { x: Math.max(0, x - 24), y: HEADER_HEIGHT + rowMiddle(row) + 14 };
  });

  /** Closes the link popover, focus back on the current row. */
  closeLink() {
    this.selectedLinkId = null;
    const index = timeline.focusedId == null ? undefined : this.rowOf.get(timeline.focusedId);
    if (index != null) void this.focusRow(index);
  }

  #selectNextLink(task: ScheduledTask) {
    const links = this.linksOf.get(task.item_id) ?? [];
    if (links.length === 0) {
      this.announcement = `${task.name} has no links.`;
      return;
    }
    const at = links.findIndex((l) => l.id === this.selectedLinkId);
    this.#selectLink(links[(at + 1) % links.length]);
  }

  #startKeyboardLink(task: ScheduledTask) {
    if (task.summary) {
      this.announcement = `${task.name} is a summary: its dates come from its tasks. Link one of those instead.`;
      return;
    }
    this.linkFrom = task.item_id;
    this.selectedLinkId = null;
    this.announcement = `Linking from ${task.name}. Move to the task that should follow it and press Enter; Escape cancels.`;
  }

  async #finishKeyboardLink(task: ScheduledTask) {
    const from = this.linkFrom;
    this.linkFrom = null;
    if (from == null || from === task.item_id) {
      this.announcement = 'Linking cancelled.';
      return;
    }
    this.announcement = '';
    await timeline.addLink(from, task.item_id, () => void undo());
  }

  /** A link being drawn with the pointer, in chart-body pixels. */
  drawing = $state<{ from: number; start: Point; at: Point; target: number | null } | null>(null);
  // No threshold: a press on the grip starts a link at once; Esc drops it.
  #drawPointer = new PointerDrag({
    threshold: 0,
    escapeWhilePressed: true,
    move: (e) => {
      const drawing = this.drawing;
      if (!drawing) return;
      const target = targetAt(e);
      this.drawing = { ...drawing, at: this.#chartPoint(e), target: target === drawing.from ? null : target };
    },
    release: (e) => {
      const from = this.drawing?.from;
      const to = targetAt(e);
      if (from != null && to != null && to !== from) void timeline.addLink(from, to, () => void undo());
    },
    end: () => (this.drawing = null),
  });

  #chartPoint(e: PointerEvent): Point {
    const r = this.#el.chartBody()!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  startDrawing(e: PointerEvent, task: ScheduledTask) {
    const index = this.rowOf.get(task.item_id);
    if (e.button !== 0 || !this.editable || !this.scale || !this.#el.chartBody() || index == null) return;
    e.preventDefault();
    e.stopPropagation();
    this.drawing = {
      from: task.item_id,
      start: { x: barEnds(this.scale, task).finish, y: rowMiddle(index) },
      at: this.#chartPoint(e),
      target: null,
    };
    this.selectedLinkId = null;
    this.#drawPointer.press(e);
  }

  destroy() {
    this.mounted = false;
    this.#drawPointer.reset();
  }

  // ——— Editing a task: dragged bars, Alt+arrows, Tab / Shift+Tab (see timeline-drag.ts) ———

  /** Saves an edit and says how it went; a row that had focus keeps it through the reload. */
  async editTask(task: ScheduledTask, edit: TaskEdit) {
    const hadFocus = document.activeElement === this.#el.rowEl(task.item_id);
    this.announcement = '';
    const said = await timeline.editTask(task, edit);
    if (!this.mounted) return;
    if (said) this.announcement = said;
    const index = this.rowOf.get(task.item_id);
    if (hadFocus && index != null) await this.focusRow(index);
  }

  /** Tab / Shift+Tab and Alt+arrows on a row; false when the key is none of those. */
  #editKey(e: KeyPress, task: ScheduledTask): boolean {
    const edit = keyEdit(e, timeline.datesOf(task), calendarOf(timeline.schedule, task));
    if (!edit) return false;
    // Read-only, Tab still moves focus on; Alt+arrows do nothing.
    if (!this.editable) return e.key !== 'Tab';
    void this.editTask(task, edit);
    return true;
  }

  // ——— Splitter between the grid and the chart ———

  setOutlineWidth(width: number) {
    timeline.outlineWidth = Math.round(Math.max(OUTLINE_MIN, Math.min(OUTLINE_MAX, width)));
  }

  /** Arrow keys on the splitter; false for any other key. */
  splitterKey(key: string): boolean {
    const step = key === 'ArrowRight' ? 16 : key === 'ArrowLeft' ? -16 : 0;
    if (step) this.setOutlineWidth(this.outlineWidth + step);
    return step !== 0;
  }
}

/** The task under the pointer: its bar's lane, or its row in the grid. */
function targetAt(e: PointerEvent): number | null {
  const el = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>('[data-link-target]');
  return el ? Number(el.dataset.linkTarget) : null;
}
