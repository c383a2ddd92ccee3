// Knowing when the first view of a project is on screen: the start-up benchmark's probe (once
// the view is in the DOM and painted, the backend is told; it only listens when measuring), and
// work that should wait until then (loading a large board behind the timeline).
import { tick } from 'svelte';
import * as api from '../api';

let waiting: (() => void)[] = [];

export async function reportPainted() {
  await tick();
  requestAnimationFrame(() =>
    setTimeout(() => {
      for (const resolve of waiting.splice(0)) resolve();
      void api.reportBoardPainted().catch(() => undefined);
    }, 0),
  );
}

/** Resolves once the view being loaded has painted, or after `limitMs` if it never says so. */
export function afterPaint(limitMs = 1500): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    setTimeout(resolve, limitMs);
  });
}
