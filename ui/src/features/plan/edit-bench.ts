// The edit benchmark of `make bench` (BRIDGEPLAN_BENCH_EDIT): on the open timeline, moves
// tasks a working day later as Alt+→ does and links pairs of tasks, as a user would, and times
// each from the edit to the rescheduled chart painted on screen. Unused outside the benchmark.
import { tick } from 'svelte';
import * as api from '../../lib/api';
import { nextPaint } from '../../lib/shared/paint-probe';
import { calendarOf } from './task-calendar';
import { keyEdit } from './timeline-drag';
import { timeline } from './timeline-state.svelte';

const MOVES = 6;
const LINKS = 6;

async function timed(edit: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await edit();
  await tick();
  await nextPaint();
  return performance.now() - start;
}

export async function timeEdits() {
  const times: number[] = [];
  const plain = () => (timeline.schedule?.tasks ?? []).filter((t) => !t.summary && !t.milestone);
  for (let i = 0; i < MOVES; i++) {
    const task = plain()[i];
    if (!task) break;
    const edit = keyEdit(
      { key: 'ArrowRight', altKey: true, shiftKey: false },
      timeline.datesOf(task),
      calendarOf(timeline.schedule, task),
    );
    if (edit) times.push(await timed(() => timeline.editTask(task, edit)));
  }
  for (let i = 0; i < LINKS; i++) {
    const tasks = plain();
    const [from, to] = [tasks[20 + i], tasks[400 + i]];
    if (!from || !to) break;
    times.push(await timed(() => timeline.addLink(from.item_id, to.item_id, () => undefined)));
  }
  await api.reportBenchEdits(times);
}
