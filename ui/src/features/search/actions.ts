// The command palette's registry: every screen and action of the app by name. An area adds its
// own with one line, `registerAction({...})` for one action or `registerActions(() => [...])`
// for a list that follows the data (each project, each view). Actions whose `enabled()` says
// no (nothing to undo, a read-only workspace) are left out of the list.
import { fuzzyMatch, type FuzzyMatch } from './fuzzy';

export type Action = {
  /** Stable across sessions: the recent list remembers it. */
  id: string;
  label: string;
  /** The heading it is listed under: "Go to", "Project", "Views", "Reports", "Workspace"... */
  group: string;
  /** Other words it is found by (not shown). */
  keywords?: string[];
  /** The key that does the same outside the palette, shown beside it ("Ctrl+Z"). */
  shortcut?: string;
  run: () => void | Promise<void>;
  enabled?: () => boolean;
};

export type Ranked = { action: Action; match: FuzzyMatch | null };

const single = new Map<string, Action>();
const providers: (() => Action[])[] = [];

export function registerAction(action: Action) {
  single.set(action.id, action);
}

export function registerActions(provider: () => Action[]) {
  providers.push(provider);
}

/** Every action available now, in registration order. */
export function allActions(): Action[] {
  const list = [...single.values(), ...providers.flatMap((p) => p())];
  return list.filter((a) => a.enabled?.() ?? true);
}

const RECENT_KEY = 'bridgeplan.recentActions';
const RECENT_MAX = 8;

/** The ids of the actions last run, newest first. */
export function recentIds(): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((s) => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberRun(id: string) {
  const ids = [id, ...recentIds().filter((r) => r !== id)].slice(0, RECENT_MAX);
  localStorage.setItem(RECENT_KEY, JSON.stringify(ids));
}

/**
 * The actions that match `query`, best first. With no query: the recent ones first, then the
 * rest in registration order. A match on the label counts fully, one on a keyword less; among
 * equal matches a recent action comes first.
 */
export function rankActions(actions: Action[], query: string, recent: string[] = recentIds()): Ranked[] {
  const recency = (a: Action) => {
    const at = recent.indexOf(a.id);
    return at < 0 ? 0 : RECENT_MAX - at;
  };
  if (!query.trim()) {
    const recentFirst = [...actions].sort((a, b) => recency(b) - recency(a));
    return recentFirst.map((action) => ({ action, match: null }));
  }
  const ranked: (Ranked & { score: number })[] = [];
  for (const action of actions) {
    const match = fuzzyMatch(query, action.label);
    const keyword = (action.keywords ?? [])
      .map((k) => fuzzyMatch(query, k))
      .reduce<FuzzyMatch | null>((best, m) => (m && (!best || m.score > best.score) ? m : best), null);
    const group = fuzzyMatch(query, `${action.group} ${action.label}`);
    const score = Math.max(
      match?.score ?? -Infinity,
      (keyword?.score ?? -Infinity) - 20,
      (group?.score ?? -Infinity) - 30,
    );
    if (score === -Infinity) continue;
    ranked.push({ action, match, score: score + recency(action) * 2 });
  }
  ranked.sort((a, b) => b.score - a.score);
  return ranked.map(({ action, match }) => ({ action, match }));
}
