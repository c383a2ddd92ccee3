// Short messages at the bottom of the window, optionally with one action (Undo).
export type Toast = {
  id: number;
  message: string;
  kind: 'info' | 'error';
  action?: { label: string; run: () => void };
};

const MAX = 3;

class Toasts {
  list = $state<Toast[]>([]);
  #next = 1;
  #timers = new Map<number, ReturnType<typeof setTimeout>>();

  show(message: string, opts: { kind?: Toast['kind']; action?: Toast['action']; ms?: number } = {}) {
    const toast: Toast = { id: this.#next++, message, kind: opts.kind ?? 'info', action: opts.action };
    // Newest first, so the latest message is the first one a reader (or a test) finds.
    this.list = [toast, ...this.list].slice(0, MAX);
    const ms = opts.ms ?? (toast.action || toast.kind === 'error' ? 8000 : 5000);
    this.#timers.set(
      toast.id,
      setTimeout(() => this.dismiss(toast.id), ms),
    );
    return toast.id;
  }

  error(message: string) {
    return this.show(message, { kind: 'error' });
  }

  dismiss(id: number) {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
    this.list = this.list.filter((t) => t.id !== id);
  }

  reset() {
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
    this.list = [];
  }
}

export const toasts = new Toasts();
