// One pointer press that may become a drag: the threshold, the window listeners (so the drag
// goes on outside the element it started on), Esc to cancel, and the click a drag ends with.
// Pointer events rather than HTML5 drag-and-drop, whose file-drop handling in the desktop
// webview gets in the way. What a drag does is the caller's; this only says when.

export type PointerDragOptions = {
  /** Pixels the pointer must travel before a press becomes a drag (0: at once). */
  threshold: number;
  /** How far the pointer has travelled; both ways unless a caller only counts one. */
  travel?: (dx: number, dy: number) => number;
  /** Esc cancels from the press on, not only once the drag has begun. */
  escapeWhilePressed?: boolean;
  /** The press became a drag (called before the first `move`). */
  begin?: (e: PointerEvent) => void;
  /** The pointer moved during the drag. */
  move?: (e: PointerEvent) => void;
  /** The pointer was released; `dragged` is false for a plain click. */
  release?: (e: PointerEvent, dragged: boolean) => void;
  /** Esc or the browser cancelled the press. */
  cancel?: () => void;
  /** After release or cancel, whichever it was. */
  end?: () => void;
};

const hypot = (dx: number, dy: number) => Math.hypot(dx, dy);

export class PointerDrag {
  #options: PointerDragOptions;
  #pointerId: number | null = null;
  #startX = 0;
  #startY = 0;
  #dragging = false;
  #suppressClick = false;

  constructor(options: PointerDragOptions) {
    this.#options = options;
  }

  /** A press is held (dragging or not yet). */
  get pressed() {
    return this.#pointerId != null;
  }

  get dragging() {
    return this.#dragging;
  }

  press(e: PointerEvent) {
    this.#stop();
    this.#pointerId = e.pointerId;
    this.#startX = e.clientX;
    this.#startY = e.clientY;
    this.#dragging = false;
    window.addEventListener('pointermove', this.#onMove);
    window.addEventListener('pointerup', this.#onUp);
    window.addEventListener('pointercancel', this.#onCancel);
    window.addEventListener('keydown', this.#onKey, true);
  }

  /** A drag ends with a click on where it started; that click is not the user's. */
  takeClick(): boolean {
    if (!this.#suppressClick) return true;
    this.#suppressClick = false;
    return false;
  }

  /** Ends the press without a release (as Esc does). */
  cancel() {
    if (!this.pressed) return;
    this.#stop();
    this.#options.cancel?.();
    this.#options.end?.();
  }

  reset() {
    this.cancel();
    this.#suppressClick = false;
  }

  #travelled(e: PointerEvent) {
    return (this.#options.travel ?? hypot)(e.clientX - this.#startX, e.clientY - this.#startY);
  }

  #onMove = (e: PointerEvent) => {
    if (e.pointerId !== this.#pointerId) return;
    if (!this.#dragging) {
      if (this.#travelled(e) < this.#options.threshold) return;
      this.#dragging = true;
      this.#options.begin?.(e);
    }
    e.preventDefault();
    this.#options.move?.(e);
  };

  #onUp = (e: PointerEvent) => {
    if (e.pointerId !== this.#pointerId) return;
    const dragged = this.#dragging || this.#travelled(e) >= this.#options.threshold;
    this.#stop();
    if (dragged) {
      // The click, if any, comes right after this event; a later one is the user's again.
      this.#suppressClick = true;
      setTimeout(() => (this.#suppressClick = false), 0);
    }
    this.#options.release?.(e, dragged);
    this.#options.end?.();
  };

  #onCancel = () => this.cancel();

  #onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !(this.#dragging || this.#options.escapeWhilePressed)) return;
    // Ours alone: Esc would otherwise also close the panel or dialog under the drag.
    e.preventDefault();
    e.stopPropagation();
    this.cancel();
  };

  #stop() {
    this.#pointerId = null;
    this.#dragging = false;
    window.removeEventListener('pointermove', this.#onMove);
    window.removeEventListener('pointerup', this.#onUp);
    window.removeEventListener('pointercancel', this.#onCancel);
    window.removeEventListener('keydown', this.#onKey, true);
  }
}
