// The WBS outline of a schedule: depth and parent come from the WBS code ("1.2.3" sits under
// "1.2"), and the backend sends the tasks in WBS order, so a summary's tasks are the run of
// deeper tasks right after it.
import type { ScheduledTask } from '../../lib/bindings/ScheduledTask';

export type OutlineRow = { task: ScheduledTask; depth: number };

/** 0 for "1", 1 for "1.2", 2 for "1.2.3". */
export function depthOf(wbs: string): number {
  let depth = 0;
  for (const c of wbs) if (c === '.') depth++;
  return depth;
}

/** "1.2" for "1.2.3"; null for a top-level code. */
export function parentWbs(wbs: string): string | null {
  const dot = wbs.lastIndexOf('.');
  return dot < 0 ? null : wbs.slice(0, dot);
}

/** The rows to show when the summaries whose ids are in `collapsed` are folded. */
export function visibleRows(tasks: readonly ScheduledTask[], collapsed: ReadonlySet<number>): OutlineRow[] {
  const rows: OutlineRow[] = [];
  let hideBelow = Infinity; // depth of the folded summary being skipped, if any
  for (const task of tasks) {
    const depth = depthOf(task.wbs);
    if (depth > hideBelow) continue;
    hideBelow = task.summary && collapsed.has(task.item_id) ? depth : Infinity;
    rows.push({ task, depth });
  }
  return rows;
}
