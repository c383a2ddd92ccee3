// Where a search hit opens: the one place that maps a kind of row to the screen that shows it.
// Areas built later may read `focusRequest` to scroll to or select the row itself.
import type { SearchHit } from '../../lib/bindings/SearchHit';
import type { SearchKind } from '../../lib/bindings/SearchKind';
import { showItem, showProject } from '../workspace/navigate';
import { workspace, type Screen, type View } from '../workspace/workspace.svelte';

/** The place a kind opens in: a project view, or a workspace screen. */
export type Place = { view: View } | { screen: Screen } | { item: true };

export const PLACES: Record<SearchKind, Place> = {
  item: { item: true },
  risk: { view: 'raid' },
  issue: { view: 'raid' },
  assumption: { view: 'raid' },
  dependency: { view: 'raid' },
  meeting: { view: 'meetings' },
  stakeholder: { view: 'stakeholders' },
  lesson: { screen: 'lessons' },
  service: { screen: 'operations' },
  incident: { screen: 'operations' },
};

/** The row a screen was opened for, so it can show that row (kind and id), until it is taken. */
export const focusRequest: { kind: SearchKind | null; id: number | null } = { kind: null, id: null };

/** Takes the focus request for `kinds`, if there is one (a screen calls this when it shows). */
export function takeFocus(...kinds: SearchKind[]): number | null {
  if (focusRequest.kind == null || !kinds.includes(focusRequest.kind)) return null;
  const id = focusRequest.id;
  focusRequest.kind = null;
  focusRequest.id = null;
  return id;
}

/** Opens a hit in place: an item in the board's detail panel, other rows on their tab or screen. */
export async function openResult(hit: SearchHit): Promise<void> {
  const place = PLACES[hit.kind];
  focusRequest.kind = hit.kind;
  focusRequest.id = hit.id;
  if ('item' in place) {
    if (hit.project_id != null) await showItem(hit.project_id, hit.id);
  } else if ('view' in place) {
    if (hit.project_id != null) showProject(hit.project_id, place.view);
  } else {
    workspace.screen = place.screen;
  }
}
