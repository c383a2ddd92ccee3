// Dragging cards with the pointer (pointer-drag.ts). The target is computed from geometry —
// which column is under the pointer, and the gap nearest to it from the column's scroll
// position — so it works the same whether the neighbouring cards are rendered (virtualised) or not.
import type { WorkItem } from '../bindings/WorkItem';
import { findItem } from '../../features/work/board-ops';
import { PointerDrag } from './pointer-drag';
import { slotAt } from './geometry';
import { board } from '../../features/work/board-state.svelte';

const EDGE = 48; // px from a scroll area's edge where auto-scroll starts
const MAX_SPEED = 16; // px per frame at the very edge

type Press = { item: WorkItem; offsetX: number; offsetY: number; width: number };

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
  #pointer = new PointerDrag({
    threshold: 5,
    begin: () => {
      const press = this.#press!;
      this.item = press.item;
      this.offsetX = press.offsetX;
      this.offsetY = press.offsetY;
      this.width = press.width;
      document.body.classList.add('dragging');
      this.#frame = requestAnimationFrame(this.#autoScroll);
    },
    move: (e) => {
      this.x = e.clientX;
      this.y = e.clientY;
      this.#updateTarget();
    },
    release: () => {
      if (!this.item) return;
      this.#updateTarget();
      this.#drop();
    },
    end: () => this.#end(),
  });

  get active() {
    return this.item != null;
  }

  pointerDown(e: PointerEvent, item: WorkItem, card: HTMLElement) {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || !board.editable) return;
    const rect = card.getBoundingClientRect();
    this.#press = { item, offsetX: e.clientX - rect.left, offsetY: e.clientY - rect.top, width: rect.width };
    this.#pointer.press(e);
  }

  /** A drag ends with a click on the card it started from; that click must not open it. */
  takeClick(): boolean {
    return this.#pointer.takeClick();
  }

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
    document.body.classList.remove('dragging');
    this.#press = null;
    this.#list = null;
    this.item = null;
    this.targetStatusId = null;
  }

  reset() {
    this.#pointer.reset();
    this.#end();
  }
}

export const drag = new DragState();
