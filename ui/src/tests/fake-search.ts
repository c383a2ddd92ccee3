// The search overlay's side of the fake backend: the fake's work items and any rows a test adds
// (risks, meetings, services...), matched the way the core matches (every word, the last as a
// prefix, case and accents ignored), grouped by kind in the core's order.
import type { SearchHit } from '../lib/bindings/SearchHit';
import type { SearchKind } from '../lib/bindings/SearchKind';
import type { SearchResults } from '../lib/bindings/SearchResults';
import type { TextPart } from '../lib/bindings/TextPart';
import type { FakeBackend } from './fake-backend';

export type FakeRow = {
  kind: SearchKind;
  id: number;
  project_id: number | null;
  title: string;
  body: string;
  detail?: string;
};

const ORDER: SearchKind[] = [
  'item',
  'risk',
  'issue',
  'assumption',
  'dependency',
  'meeting',
  'stakeholder',
  'lesson',
  'service',
  'incident',
];
const LABELS: Record<SearchKind, string> = {
  item: 'Work items',
  risk: 'Risks',
  issue: 'Issues',
  assumption: 'Assumptions',
  dependency: 'Dependencies',
  meeting: 'Meetings',
  stakeholder: 'Stakeholders',
  lesson: 'Lessons learned',
  service: 'Services',
  incident: 'Incidents',
};

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (s: string) =>
  fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** `text` with the words that match a term marked. */
function mark(text: string, terms: string[]): TextPart[] {
  const parts: TextPart[] = [];
  for (const piece of text.split(/(\s+)/)) {
    const w = words(piece);
    const hit = w.length > 0 && w.some((x) => terms.some((t) => x.startsWith(t)));
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += piece;
    else if (piece) parts.push({ text: piece, hit });
  }
  return parts;
}

export class FakeSearch {
  rows: FakeRow[] = [];

  constructor(fake: FakeBackend) {
    fake.answer('search_run', (a) => this.run(fake, String(a.query ?? ''), Number(a.limit_per_kind ?? 10)));
  }

  add(row: FakeRow) {
    this.rows.push(row);
    return this;
  }

  run(fake: FakeBackend, query: string, limit: number): SearchResults {
    const terms = query.split(/\s+/).flatMap(words);
    const results: SearchResults = { query, total: 0, groups: [] };
    if (!terms.length) return results;
    const items: FakeRow[] = fake.projects.flatMap((p) =>
      fake.board(p.id).columns.flatMap((c) =>
        c.items.map((i) => ({
          kind: 'item' as const,
          id: i.id,
          project_id: p.id,
          title: i.title,
          body: `${i.description} ${i.tags.join(' ')}`,
          detail: c.status.name,
        })),
      ),
    );
    const all = [...items, ...this.rows];
    for (const kind of ORDER) {
      const found = all.filter((r) => {
        if (r.kind !== kind) return false;
        const have = words(`${r.title} ${r.body}`);
        return terms.every((t, i) => have.some((w) => (i === terms.length - 1 ? w.startsWith(t) : w === t)));
      });
      if (!found.length) continue;
      const hits: SearchHit[] = found.slice(0, Math.max(1, Math.min(limit, 50))).map((r) => ({
        kind,
        id: r.id,
        project_id: r.project_id,
        project_name: fake.projects.find((p) => p.id === r.project_id)?.name ?? null,
        title: mark(r.title, terms),
        snippet: mark(r.body, terms),
        detail: r.detail ?? '',
      }));
      results.total += found.length;
      results.groups.push({ kind, label: LABELS[kind], count: found.length, hits });
    }
    return results;
  }
}
