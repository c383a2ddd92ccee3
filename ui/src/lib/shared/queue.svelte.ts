// Every edit (and undo/redo) runs after the previous one has finished. Commands run on the
// backend's worker threads, so two quick moves could otherwise land in either order, and an
// undo pressed right after a move must undo that move.
let tail: Promise<unknown> = Promise.resolve();

/** How many queued edits have not finished yet (shown as "Saving…", and as aria-busy). */
export const pending = $state({ count: 0 });

export function enqueue<T>(fn: () => Promise<T>): Promise<T> {
  pending.count++;
  const run = tail.then(fn).finally(() => pending.count--);
  tail = run.catch(() => undefined);
  return run;
}

export function resetQueue() {
  tail = Promise.resolve();
  pending.count = 0;
}
