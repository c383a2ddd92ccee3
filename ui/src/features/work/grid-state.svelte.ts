// The Grid view's settings for each project (sort, filters, grouping, folded groups, the
// focused cell, the scroll position), kept while the user looks at other views or projects.
import { NO_FILTER, type GridFilter, type GridSort, type GroupBy } from './grid';
import { session } from '../workspace/session.svelte';

/** The focused cell: a row key ('header', 'item:ID', 'group:KEY') and a column index. */
export type GridFocus = { row: string; col: number };

export class GridView {
  sort = $state<GridSort>(null);
  filter = $state<GridFilter>({ ...NO_FILTER });
  groupBy = $state<GroupBy>('none');
  collapsed = $state.raw<ReadonlySet<string>>(new Set());
  focus = $state<GridFocus | null>(null);
  /** Restored when the grid shows again; not reactive (only read on mount). */
  scrollTop = 0;
  scrollLeft = 0;

  toggleGroup(key: string, collapse = !this.collapsed.has(key)) {
    if (collapse === this.collapsed.has(key)) return;
    const next = new Set(this.collapsed);
    if (collapse) next.add(key);
    else next.delete(key);
    this.collapsed = next;
  }

  clearFilters() {
    this.filter = { ...NO_FILTER };
  }
}

class GridState {
  #views = new Map<string, GridView>();

  /** The settings of a project of the open workspace (made on first use). */
  viewFor(projectId: number): GridView {
    const key = `${session.workspace?.path ?? ''}#${projectId}`;
    let view = this.#views.get(key);
    if (!view) {
      view = new GridView();
      this.#views.set(key, view);
    }
    return view;
  }

  reset() {
    this.#views.clear();
  }
}

export const grid = new GridState();
