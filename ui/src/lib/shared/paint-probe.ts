// Knowing when the first view of a project is on screen: the start-up benchmark's probe (once
// the view is in the DOM and painted, the backend is told; it only listens when measuring), and
// work that should wait until then (loading a large board behind the timeline).
import { tick } from 'svelte';
import * as api from '../api';
import { startupMarks, takeStartupCalls } from './startup-marks';

let waiting: (() => void)[] = [];

/** Resolves after the next frame has been painted (a frame, then the task after it). */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Tells the backend the view is painted; true when the benchmark wants edits timed next. */
export async function reportPainted(): Promise<boolean> {
  performance.mark('view_data_in');
  await tick();
  performance.mark('view_in_dom');
  await nextPaint();
  for (const resolve of waiting.splice(0)) resolve();
  return api.reportBoardPainted(startupMarks.scriptStart, startupMarks.firstIpc, takeStartupCalls()).catch(() => false);
}

/** Resolves once the view being loaded has painted, or after `limitMs` if it never says so. */
export function afterPaint(limitMs = 1500): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    setTimeout(resolve, limitMs);
  });
}
