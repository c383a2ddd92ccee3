// Dragging cards with pointer events (not HTML5 drag-and-drop, whose file-drop handling in
// the desktop webview gets in the way). The target is computed from geometry — which column
// is under the pointer, and the gap nearest to it from the column's scroll position — so it
// works the same whether the neighbouring cards are rendered (virtualised) or not.
import type { WorkItem } from '../bindings/WorkItem';
import { findItem } from '../../features/work/board-ops';
import { slotAt } from './geometry';
import { board } from '../../features/work/board-state.svelte';

const THRESHOLD = 5; // px the pointer must travel before a press becomes a drag
const EDGE = 48; // px from a scroll area's edge where auto-scroll starts
const MAX_SPEED = 16; // px per frame at the very edge

type Press = {
  item: WorkItem;
  pointerId: number;
  startX: number;
  startY: number;
  offsetX: number;
  offsetY: number;
  width: number;
};

class DragState {
  /** The card being dragged (null when no drag is under way). */
  item = $state.raw<WorkItem | null>(null);
  x = $state(0);
  y = $state(0);
  offsetX = 0;
  offsetY = 0;
  width = $state(0);
  /** Where it would land: the column, and the gap (0…count) counted before it leaves its place. */
  targetStatusId = $state<number | null>(null);
  targetSlot = $state(0);

  #press: Press | null = null;
  #list: HTMLElement | null = null;
  #frame = 0;
  #suppressClick = false;

  get active() {
    return this.item != null;
  }

  pointerDown(e: PointerEvent, item: WorkItem, card: HTMLElement) {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || !board.editable) return;
    const rect = card.getBoundingClientRect();
    this.#press = {
      item,
      pointerId: e.pointerId,
      startX: e.clientX,
      startY: e.clientY,
      offsetX: e.clientX - rect.left,
      offsetY: e.clientY - rect.top,
      width: rect.width,
    };
    window.addEventListener('pointermove', this.#onMove);
    window.addEventListener('pointerup', this.#onUp);
    window.addEventListener('pointercancel', this.#onCancel);
    window.addEventListener('keydown', this.#onKey, true);
  }

  /** A drag ends with a click on the card it started from; that click must not open it. */
  takeClick(): boolean {
    if (!this.#suppressClick) return true;
    this.#suppressClick = false;
    return false;
  }

  #onMove = (e: PointerEvent) => {
    const press = this.#press;
    if (!press || e.pointerId !== press.pointerId) return;
    if (!this.item) {
      if (Math.hypot(e.clientX - press.startX, e.clientY - press.startY) < THRESHOLD) return;
      this.item = press.item;
      this.offsetX = press.offsetX;
      this.offsetY = press.offsetY;
      this.width = press.width;
      document.body.classList.add('dragging');
      this.#frame = requestAnimationFrame(this.#autoScroll);
    }
    e.preventDefault();
    this.x = e.clientX;
    this.y = e.clientY;
    this.#updateTarget();
  };

  #onUp = (e: PointerEvent) => {
    if (!this.#press || e.pointerId !== this.#press.pointerId) return;
    if (this.item) {
      this.#updateTarget();
      this.#drop();
      this.#suppressClick = true;
      setTimeout(() => (this.#suppressClick = false), 0);
    }
    this.#end();
  };

  #onCancel = () => this.#end();

  #onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.item) {
      e.preventDefault();
      e.stopPropagation();
      this.#end();
    }
  };

  #updateTarget() {
    const under = document.elementFromPoint(this.x, this.y);
    const column = under?.closest<HTMLElement>('[data-testid="column"]');
    const list = column?.querySelector<HTMLElement>('[data-card-list]');
    if (!column || !list || !board.board) {
      this.targetStatusId = null;
      this.#list = null;
      return;
    }
    const statusId = Number(column.dataset.statusId);
    const col = board.board.columns.find((c) => c.status.id === statusId);
    const rect = list.getBoundingClientRect();
    this.#list = list;
    this.targetStatusId = statusId;
    this.targetSlot = slotAt(this.y - rect.top + list.scrollTop, col?.items.length ?? 0);
  }

  #drop() {
    const item = this.item;
    const statusId = this.targetStatusId;
    if (!item || statusId == null) return;
    const from = findItem(board.board, item.id);
    if (!from) return;
    const sameColumn = board.board?.columns[from.column].status.id === statusId;
    // The backend counts the index after the card has left its old place.
    const index = sameColumn && this.targetSlot > from.index ? this.targetSlot - 1 : this.targetSlot;
    if (sameColumn && index === from.index) return;
    void board.moveItem(item.id, statusId, index);
  }

  /** Scrolls the column (and the board sideways) while the pointer rests near an edge. */
  #autoScroll = () => {
    if (!this.item) return;
    const speed = (distance: number) => Math.ceil(MAX_SPEED * (1 - Math.max(0, distance) / EDGE));
    if (this.#list) {
      const r = this.#list.getBoundingClientRect();
      if (this.y < r.top + EDGE) this.#list.scrollTop -= speed(this.y - r.top);
      else if (this.y > r.bottom - EDGE) this.#list.scrollTop += speed(r.bottom - this.y);
    }
    const boardEl = document.querySelector<HTMLElement>('[data-board-scroll]');
    if (boardEl) {
      const r = boardEl.getBoundingClientRect();
      if (this.x < r.left + EDGE) boardEl.scrollLeft -= speed(this.x - r.left);
      else if (this.x > r.right - EDGE) boardEl.scrollLeft += speed(r.right - this.x);
    }
    this.#updateTarget();
    this.#frame = requestAnimationFrame(this.#autoScroll);
  };

  #end() {
    cancelAnimationFrame(this.#frame);
    window.removeEventListener('pointermove', this.#onMove);
    window.removeEventListener('pointerup', this.#onUp);
    window.removeEventListener('pointercancel', this.#onCancel);
    window.removeEventListener('keydown', this.#onKey, true);
    document.body.classList.remove('dragging');
    this.#press = null;
    this.#list = null;
    this.item = null;
    this.targetStatusId = null;
  }

  reset() {
    this.#end();
    this.#suppressClick = false;
  }
}

export const drag = new DragState();
