// Lessons learned in the fake backend: a list kept newest first, edits undoable through
// `fake.edit`, and the core's refusals that the UI shows (empty title, a comma in a tag).
import type { Lesson } from '../lib/bindings/Lesson';
import type { LessonInput } from '../lib/bindings/LessonInput';
import type { FakeBackend } from './fake-backend';

export class FakeLessons {
  items: Lesson[] = [];
  #next = 90_000;

  constructor(fake: FakeBackend, today: string) {
    const snapshot = () => structuredClone(this.items);
    const restore = (s: Lesson[]) => (this.items = structuredClone(s));
    const edit = <T>(label: string, fn: () => T) => fake.edit(label, snapshot, restore, fn);
    const build = (id: number, input: LessonInput, recordedOn: string): Lesson => {
      if (!input.title.trim()) throw { code: 'invalid_input', message: "A lesson's title cannot be empty." };
      const bad = input.tags.find((t) => t.includes(','));
      if (bad)
        throw { code: 'invalid_input', message: `The tag "${bad}" contains a comma; enter each tag on its own.` };
      const project = fake.projects.find((p) => p.id === input.project_id);
      return {
        id,
        project_id: input.project_id,
        project_name: project?.name ?? '',
        title: input.title.trim(),
        what_happened: input.what_happened.trim(),
        impact: input.impact.trim(),
        recommendation: input.recommendation.trim(),
        kind: input.kind ?? 'improve',
        phase: (input.phase as Lesson['phase']) ?? null,
        tags: input.tags,
        recorded_by: input.recorded_by.trim(),
        recorded_on: input.recorded_on || recordedOn,
      };
    };
    fake
      .answer('lessons_list', () => structuredClone(this.items))
      .answer('lesson_add', (a) => {
        const lesson = build(this.#next++, a.input as LessonInput, today);
        return edit(`Add lesson "${lesson.title}"`, () => {
          this.items = [lesson, ...this.items];
          return structuredClone(lesson);
        });
      })
      .answer('lesson_update', (a) => {
        const at = this.items.findIndex((l) => l.id === a.id);
        if (at < 0) throw { code: 'not_found', message: 'That lesson no longer exists.' };
        const lesson = build(a.id as number, a.input as LessonInput, today);
        return edit(`Edit lesson "${lesson.title}"`, () => {
          this.items[at] = lesson;
          return structuredClone(lesson);
        });
      })
      .answer('lesson_delete', (a) => {
        const lesson = this.items.find((l) => l.id === a.id);
        if (!lesson) throw { code: 'not_found', message: 'That lesson no longer exists.' };
        return edit(`Delete lesson "${lesson.title}"`, () => {
          this.items = this.items.filter((l) => l.id !== a.id);
          return null;
        });
      });
  }

  /** Adds a lesson directly, as if recorded earlier. */
  add(partial: Partial<Lesson> & { title: string }): Lesson {
    const lesson: Lesson = {
      id: this.#next++,
      project_id: null,
      project_name: '',
      what_happened: '',
      impact: '',
      recommendation: '',
      kind: 'improve',
      phase: null,
      tags: [],
      recorded_by: '',
      recorded_on: '2026-11-20',
      ...partial,
    };
    this.items.push(lesson);
    return lesson;
  }
}
