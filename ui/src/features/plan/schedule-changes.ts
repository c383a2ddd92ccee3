// The timeline's side of a schedule refresh: after an edit the backend sends the rows and
// links that changed (see `schedule_refresh`), and they replace the held ones here.
import type { ProjectSchedule } from '../../lib/bindings/ProjectSchedule';
import type { ScheduleChanges } from '../../lib/bindings/ScheduleChanges';
import type { ScheduleRefresh } from '../../lib/bindings/ScheduleRefresh';

/** A new schedule: the held one with the changes applied (the held one is left as it was). */
export function applyChanges(held: ProjectSchedule, changes: ScheduleChanges): ProjectSchedule {
  const tasks = changes.tasks.length ? held.tasks.slice() : held.tasks;
  for (const { position, task } of changes.tasks) tasks[position] = task;
  let links = held.links;
  if (changes.links_removed.length || changes.links_set.length) {
    const removed = new Set(changes.links_removed);
    const set = new Map(changes.links_set.map((l) => [l.id, l]));
    links = held.links.filter((l) => !removed.has(l.id)).map((l) => set.get(l.id) ?? l);
    const known = new Set(links.map((l) => l.id));
    for (const l of changes.links_set) if (!known.has(l.id)) links.push(l);
  }
  return { ...held, start: changes.start, finish: changes.finish, tasks, links };
}

/** The schedule an answer leaves the view with; null when it holds none to apply changes to. */
export function scheduleAfter(held: ProjectSchedule | null, answer: ScheduleRefresh): ProjectSchedule | null {
  if (answer.schedule) return answer.schedule;
  return held && answer.changes ? applyChanges(held, answer.changes) : null;
}
