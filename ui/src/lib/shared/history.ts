// Undo and redo: run after every pending edit, name what was replayed in a toast, and show
// the project it touched.
import * as api from '../api';
import { toCommandError } from '../api';
import type { Replayed } from '../bindings/Replayed';
import { board } from '../../features/work/board-state.svelte';
import { budget } from '../../features/budget/budget-state.svelte';
import { enqueue } from './queue.svelte';
import { session } from '../../features/workspace/session.svelte';
import { flow } from '../../features/agile/flow-state.svelte';
import { skills } from '../../features/skills/skills.svelte';
import { sprints } from '../../features/agile/sprints-state.svelte';
import { timeline } from '../../features/plan/timeline-state.svelte';
import { toasts } from './toasts-state.svelte';
import { upcoming } from '../../features/skills/upcoming.svelte';
import { workspace } from '../../features/workspace/workspace.svelte';

async function replay(kind: 'undo' | 'redo') {
  if (session.readOnly) return;
  let replayed: Replayed | null;
  try {
    replayed = await enqueue(() => (kind === 'undo' ? api.historyUndo() : api.historyRedo()));
  } catch (e) {
    toasts.error(toCommandError(e).message);
    return;
  }
  if (!replayed) {
    toasts.show(kind === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
    await workspace.refreshHistory();
    return;
  }
  toasts.show(`${kind === 'undo' ? 'Undone' : 'Redone'}: ${replayed.label}`);
  await showReplayed(replayed);
  workspace.afterEdit();
}

async function showReplayed(replayed: Replayed) {
  // Projects may have come back or gone (undoing a project's creation or deletion).
  await workspace.loadProjects();
  void upcoming.load();
  const target = replayed.project_id;
  // An edit of people's skills touches no project: the screen showing them follows.
  if (target == null && workspace.screen !== 'project') {
    if (workspace.screen === 'people') await skills.changed();
    return;
  }
  if (target != null && target !== workspace.selectedId && workspace.projects.some((p) => p.id === target)) {
    workspace.select(target); // the workspace window loads that project's board
  } else if (workspace.selected) {
    await board.reload();
    // The other views show the same project from other angles, which the replay may have changed too.
    if (workspace.view === 'timeline') await timeline.reload();
    else if (workspace.view === 'sprints') await sprints.reload();
    else if (workspace.view === 'flow') await flow.reload();
    else if (workspace.view === 'budget') await budget.reload();
  } else {
    workspace.select(workspace.projects[0]?.id ?? null);
  }
}

export const undo = () => replay('undo');
export const redo = () => replay('redo');
