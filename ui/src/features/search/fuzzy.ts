// Fuzzy matching for the command palette: the query's letters must appear in the label in
// order; whole-word and consecutive matches score higher, so "res" puts "Resources" before
// "Show the project's sprints" and "np" finds "New project".

export type FuzzyMatch = { score: number; indices: number[] };

const isWordStart = (text: string, i: number) => i === 0 || /[\s\-–—_/&:(]/.test(text[i - 1]);

/** How well `query` matches `text`, with the matched positions, or null when it does not. */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (!q) return { score: 0, indices: [] };
  const t = text.toLowerCase();
  // A whole substring beats scattered letters; at a word start it beats one inside a word.
  const at = t.indexOf(query.trim().toLowerCase());
  if (at >= 0 && query.trim()) {
    const n = query.trim().length;
    const indices = Array.from({ length: n }, (_, k) => at + k).filter((i) => text[i] !== ' ');
    return { score: 100 + (isWordStart(text, at) ? 50 : 0) - at * 0.5 - t.length * 0.1, indices };
  }
  const indices: number[] = [];
  let score = 0;
  let from = 0;
  for (const ch of q) {
    // Prefer the next word start holding the letter, else its next occurrence.
    let found = -1;
    for (let i = from; i < t.length; i++) {
      if (t[i] === ch && isWordStart(text, i)) {
        found = i;
        break;
      }
    }
    const plain = t.indexOf(ch, from);
    if (plain < 0) return null;
    const prev = indices[indices.length - 1];
    // Keep a run going when the letter follows the previous one.
    if (prev != null && plain === prev + 1) found = plain;
    if (found < 0) found = plain;
    if (isWordStart(text, found)) score += 8;
    if (prev != null && found === prev + 1) score += 5;
    score += 1 - Math.min(found - (prev ?? -1) - 1, 10) * 0.3;
    indices.push(found);
    from = found + 1;
  }
  return { score: score - t.length * 0.05, indices };
}

/** The label as runs of text, marked where they matched, for highlighting. */
export function markRuns(text: string, indices: number[]): { text: string; hit: boolean }[] {
  const hits = new Set(indices);
  const runs: { text: string; hit: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const hit = hits.has(i);
    const last = runs[runs.length - 1];
    if (last && last.hit === hit) last.text += text[i];
    else runs.push({ text: text[i], hit });
  }
  return runs;
}
