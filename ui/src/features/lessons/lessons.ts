// The Lessons screen's pure logic: filters, tags from text and the labels of kinds and phases.
import type { Lesson } from '../../lib/bindings/Lesson';
import type { LessonKind } from '../../lib/bindings/LessonKind';
import type { Phase } from '../../lib/bindings/Phase';

export const KINDS: { value: LessonKind; label: string }[] = [
  { value: 'went_well', label: 'Went well' },
  { value: 'improve', label: 'To improve' },
];

export const PHASE_LABELS: Record<Phase, string> = {
  initiate: 'Initiate',
  plan: 'Plan',
  execute: 'Execute',
  monitor: 'Monitor',
  close: 'Close',
};

export const kindLabel = (k: LessonKind) => KINDS.find((x) => x.value === k)?.label ?? k;

export type LessonFilter = {
  text: string;
  /** A project's name ('' = all); names, so lessons of deleted projects can be chosen too. */
  project: string;
  phase: Phase | '';
  kind: LessonKind | '';
  tag: string;
};

export const NO_FILTER: LessonFilter = { text: '', project: '', phase: '', kind: '', tag: '' };

/** The lessons that pass every filter; the text matches title, texts, tags and project. */
export function filterLessons(lessons: Lesson[], f: LessonFilter): Lesson[] {
  const words = f.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return lessons.filter((l) => {
    if (f.project && l.project_name !== f.project) return false;
    if (f.phase && l.phase !== f.phase) return false;
    if (f.kind && l.kind !== f.kind) return false;
    if (f.tag && !l.tags.some((t) => t.toLowerCase() === f.tag.toLowerCase())) return false;
    if (words.length === 0) return true;
    const hay = [l.title, l.what_happened, l.impact, l.recommendation, l.project_name, ...l.tags]
      .join(' ')
      .toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** Every tag used, sorted, each once (ignoring case). */
export function allTags(lessons: Lesson[]): string[] {
  const seen = new Map<string, string>();
  for (const l of lessons) for (const t of l.tags) if (!seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** Project names with lessons, sorted. */
export function projectNames(lessons: Lesson[]): string[] {
  return [...new Set(lessons.map((l) => l.project_name).filter(Boolean))].sort((a, b) => a.localeCompare(b));
}

/** "vendor, licences" → ["vendor", "licences"]: a comma separates tags. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}
