// Going from one screen to a thing elsewhere in the workspace: evidence and learning
// activities point at projects and work items.
import { board } from '../work/board-state.svelte';
import { workspace, type View } from './workspace.svelte';

/** Shows a project, in one of its views if given. */
export function showProject(projectId: number, view?: View) {
  workspace.select(projectId);
  if (view && workspace.views.includes(view)) workspace.setView(view);
}

/** Shows a project's board and opens one of its items in the detail panel. */
export async function showItem(projectId: number, itemId: number) {
  showProject(projectId);
  if (board.projectId !== projectId || !board.board) await board.load(projectId);
  board.selectedItemId = itemId;
}
