// Evidence in the fake backend, on top of FakeSkills: suggestions a test sets up (as the core's
// rules would find them), decisions, evidence kept and added by hand, and the evidence counts
// of the profile. Decisions, additions and removals are undoable edits.
import type { Evidence } from '../lib/bindings/Evidence';
import type { ManualEvidence } from '../lib/bindings/ManualEvidence';
import type { FakeBackend } from './fake-backend';
import type { FakeSkills } from './fake-skills';

type Kept = Evidence & { person_id: number };
const keyOf = (e: { rule: string | null; source_kind: string | null; source_id: number | null }) =>
  `${e.rule}:${e.source_kind}:${e.source_id}`;

export class FakeEvidence {
  /** What the rules find, per person; decided ones are no longer suggested. */
  suggestions: (Evidence & { person_id: number })[] = [];
  decided = new Set<string>();
  kept: Kept[] = [];
  #nextId = 7000;

  constructor(
    fake: FakeBackend,
    private skills: FakeSkills,
  ) {
    const snapshot = () => structuredClone({ decided: this.decided, kept: this.kept });
    const restore = (s: ReturnType<typeof snapshot>) => {
      this.decided = structuredClone(s.decided);
      this.kept = structuredClone(s.kept);
    };
    const edit = <T>(label: string, fn: () => T) => fake.edit(label, snapshot, restore, fn);
    const profile = fake.answers.get('skill_profile')!;
    fake
      .answer('skill_profile', (a) => {
        const p = profile(a) as ReturnType<FakeSkills['profile']>;
        const count = (skill: number) =>
          this.kept.filter((e) => e.person_id === p.person_id && e.skill_id === skill).length;
        return { ...p, skills: p.skills.map((s) => ({ ...s, evidence: count(s.skill_id) })) };
      })
      .answer('evidence_suggestions', (a) =>
        this.suggestions.filter((s) => s.person_id === a.person_id && !this.decided.has(keyOf(s))).map(strip),
      )
      .answer('evidence_list', (a) => this.kept.filter((e) => e.person_id === a.person_id).map(strip))
      .answer('evidence_decide', (a) => {
        const d = a.decision as { rule: string; source_kind: string; source_id: number; accept: boolean };
        const found = this.suggestions.find(
          (s) => s.person_id === a.person_id && keyOf(s) === keyOf(d) && !this.decided.has(keyOf(s)),
        );
        if (!found) throw { code: 'not_found', message: 'That suggestion is no longer there.' };
        return edit(d.accept ? `Accept "${found.title}"` : `Reject "${found.title}"`, () => {
          this.decided.add(keyOf(d));
          if (d.accept) this.kept.push({ ...found, id: this.#nextId++ });
          return null;
        });
      })
      .answer('evidence_add', (a) => {
        const input = a.input as ManualEvidence;
        if (!input.title.trim()) throw { code: 'invalid_input', message: 'The evidence title cannot be empty.' };
        if (!/^\d{4}-\d{2}-\d{2}$/.test(input.occurred_on))
          throw { code: 'invalid_input', message: 'Evidence needs a date.' };
        if (input.url && !/^(https?:\/\/|file:)/.test(input.url)) {
          throw {
            code: 'invalid_input',
            message: `"${input.url}" is not a link; start it with https:// (or leave it empty).`,
          };
        }
        const skill = this.skills.catalog.skills.find((s) => s.id === a.skill_id)!;
        return edit(`Add evidence "${input.title}"`, () => {
          const e: Kept = {
            id: this.#nextId++,
            person_id: a.person_id as number,
            skill_id: skill.id,
            skill: skill.name,
            rule: null,
            source_kind: null,
            source_id: null,
            project_id: null,
            why: '',
            ...input,
          };
          this.kept.push(e);
          return strip(e);
        });
      })
      .answer('evidence_remove', (a) => {
        const e = this.kept.find((k) => k.id === a.id);
        if (!e) throw { code: 'not_found', message: 'That evidence no longer exists.' };
        return edit(`Remove evidence "${e.title}"`, () => {
          this.kept = this.kept.filter((k) => k !== e);
          return null;
        });
      });
  }

  /** A suggestion the rules would find for a person (test setup). */
  suggest(
    personId: number,
    skillId: number,
    fields: Partial<Evidence> & Pick<Evidence, 'rule' | 'source_kind' | 'source_id' | 'title'>,
  ) {
    const skill = this.skills.catalog.skills.find((s) => s.id === skillId)!;
    this.suggestions.push({
      id: null,
      person_id: personId,
      skill_id: skillId,
      skill: skill.name,
      project_id: null,
      detail: '',
      url: '',
      occurred_on: '2025-02-20',
      why: '',
      ...fields,
    });
  }
}

function strip<T extends { person_id: number }>({ person_id: _, ...rest }: T): Omit<T, 'person_id'> {
  return rest;
}
