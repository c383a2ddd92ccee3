// Career skills in the fake backend: a small catalog (three areas, six skills, two roles),
// people's roles, assessments and own targets, and the profile the core would work out from
// them. Tests of each skills panel add answers of their own on top (see FakeBackend.answer).
import type { Assessment } from '../lib/bindings/Assessment';
import type { AssessmentKind } from '../lib/bindings/AssessmentKind';
import type { PersonSkill } from '../lib/bindings/PersonSkill';
import type { SkillCatalog } from '../lib/bindings/SkillCatalog';
import type { SkillProfile } from '../lib/bindings/SkillProfile';
import type { FakeBackend } from './fake-backend';

const levels = (name: string) => [1, 2, 3, 4, 5].map((n) => `${name}: criteria of level ${n}.`);

export function skillCatalog(): SkillCatalog {
  return {
    areas: [
      { id: 1, key: 'ways-of-working', name: 'Ways of working', group: 'PMI Talent Triangle' },
      { id: 2, key: 'power-skills', name: 'Power skills', group: 'PMI Talent Triangle' },
      { id: 3, key: 'service-management', name: 'Service management (ITIL)', group: 'IT' },
    ],
    skills: [
      {
        id: 11,
        key: 'planning-scheduling',
        name: 'Planning and scheduling',
        area_id: 1,
        description: 'Plans.',
        levels: levels('Planning'),
        focus: true,
      },
      {
        id: 12,
        key: 'risk-management',
        name: 'Risk management',
        area_id: 1,
        description: 'Risks.',
        levels: levels('Risk'),
        focus: true,
      },
      {
        id: 13,
        key: 'agile-delivery',
        name: 'Agile delivery',
        area_id: 1,
        description: 'Sprints.',
        levels: levels('Agile'),
        focus: false,
      },
      {
        id: 21,
        key: 'stakeholder-engagement',
        name: 'Stakeholder engagement',
        area_id: 2,
        description: 'People.',
        levels: levels('Stakeholders'),
        focus: true,
      },
      {
        id: 22,
        key: 'communication',
        name: 'Communication',
        area_id: 2,
        description: 'Talk.',
        levels: levels('Communication'),
        focus: false,
      },
      {
        id: 31,
        key: 'itil-service-management',
        name: 'IT service management',
        area_id: 3,
        description: 'ITIL.',
        levels: levels('ITSM'),
        focus: false,
      },
    ],
    roles: [
      {
        id: 101,
        key: 'it-manager',
        name: 'IT Manager',
        description: 'Runs IT operations.',
        skills: [
          { skill_id: 11, level: 2 },
          { skill_id: 12, level: 3 },
          { skill_id: 22, level: 3 },
          { skill_id: 31, level: 4 },
        ],
      },
      {
        id: 102,
        key: 'it-project-manager',
        name: 'IT Project Manager',
        description: 'Runs IT projects.',
        skills: [
          { skill_id: 11, level: 4 },
          { skill_id: 12, level: 4 },
          { skill_id: 21, level: 4 },
          { skill_id: 13, level: 3 },
          { skill_id: 22, level: 4 },
        ],
      },
    ],
    level_names: ['Aware', 'Working', 'Practitioner', 'Advanced', 'Expert'],
  };
}

type PersonState = { current: number | null; target: number | null; notes: string; targets: Map<number, number> };

/** The skills data of the fake and the answers that serve it. */
export class FakeSkills {
  catalog = skillCatalog();
  people = new Map<number, PersonState>();
  assessments: (Assessment & { person_id: number })[] = [];
  /** Each person's calendar and hourly rate as a resource of the schedule. */
  resources = new Map<number, { calendar_id: number | null; cost_rate_minor: number }>();
  #nextId = 5000;

  constructor(private fake: FakeBackend) {
    const snapshot = () =>
      structuredClone({
        people: this.people,
        assessments: this.assessments,
        catalog: this.catalog,
        resources: this.resources,
      });
    const restore = (s: ReturnType<typeof snapshot>) => {
      this.people = structuredClone(s.people);
      this.assessments = structuredClone(s.assessments);
      this.catalog = structuredClone(s.catalog);
      this.resources = structuredClone(s.resources);
    };
    const edit = <T>(label: string, fn: () => T) => fake.edit(label, snapshot, restore, fn);
    fake
      .answer('skill_catalog', () => this.catalog)
      .answer('skill_profile', (a) => this.profile(a.person_id as number))
      .answer('person_roles_set', (a) =>
        edit('Change roles', () => {
          const p = this.person(a.person_id as number);
          p.current = a.current_role_id as number | null;
          p.target = a.target_role_id as number | null;
          return null;
        }),
      )
      .answer(
        'skill_notes_set',
        (a) => edit('Edit notes', () => void (this.person(a.person_id as number).notes = a.notes as string)) ?? null,
      )
      .answer('skill_assess', (a) => {
        const level = a.level as number;
        if (level < 1 || level > 5)
          throw { code: 'invalid_input', message: `Level ${level} is not between 1 (aware) and 5 (expert).` };
        if (!/^\d{4}-\d{2}-\d{2}$/.test(a.on as string)) {
          throw {
            code: 'invalid_input',
            message: `The assessment date "${a.on}" is not a real date; use the form YYYY-MM-DD, e.g. 2026-03-31.`,
          };
        }
        return edit(`Assess at level ${level}`, () => {
          const assessment = {
            id: this.#nextId++,
            person_id: a.person_id as number,
            skill_id: a.skill_id as number,
            kind: a.kind as AssessmentKind,
            level,
            assessed_on: a.on as string,
            note: (a.note as string) ?? '',
          };
          this.assessments.push(assessment);
          const { person_id: _, ...rest } = assessment;
          return rest;
        });
      })
      .answer('skill_history', (a) =>
        this.assessments
          .filter((x) => x.person_id === a.person_id && x.skill_id === a.skill_id)
          .sort((x, y) => x.assessed_on.localeCompare(y.assessed_on) || x.id - y.id)
          .map(({ person_id: _, ...rest }) => rest),
      )
      .answer('calendars_list', () => [
        { id: 1, name: 'Standard' },
        { id: 2, name: 'Four-day week' },
      ])
      .answer('person_resource_get', (a) => ({ ...this.resourceOf(a.person_id as number), currency: 'EUR' }))
      .answer('person_resource_set', (a) =>
        edit('Change calendar and rate', () => {
          this.resources.set(a.person_id as number, {
            calendar_id: a.calendar_id as number | null,
            cost_rate_minor: a.cost_rate_minor as number,
          });
          return null;
        }),
      )
      .answer('skill_target_set', (a) =>
        edit('Set target', () => {
          const targets = this.person(a.person_id as number).targets;
          if (a.level == null) targets.delete(a.skill_id as number);
          else targets.set(a.skill_id as number, a.level as number);
          return null;
        }),
      );
  }

  resourceOf(id: number) {
    return this.resources.get(id) ?? { calendar_id: null, cost_rate_minor: 0 };
  }

  person(id: number): PersonState {
    let p = this.people.get(id);
    if (!p) {
      p = { current: null, target: null, notes: '', targets: new Map() };
      this.people.set(id, p);
    }
    return p;
  }

  /** Sets up a person's roles and assessments directly (test setup, not an edit). */
  setUp(
    personId: number,
    current: number | null,
    target: number | null,
    levels: [number, AssessmentKind, number, string][] = [],
  ) {
    const p = this.person(personId);
    p.current = current;
    p.target = target;
    for (const [skill_id, kind, level, assessed_on] of levels) {
      this.assessments.push({ id: this.#nextId++, person_id: personId, skill_id, kind, level, assessed_on, note: '' });
    }
  }

  /** What the core's skill_profile answers. */
  profile(personId: number): SkillProfile {
    const person = this.fake.people.find((p) => p.id === personId);
    if (!person) throw { code: 'not_found', message: 'That person is no longer in this workspace.' };
    const p = this.person(personId);
    const expected = (role: number | null) =>
      new Map(this.catalog.roles.find((r) => r.id === role)?.skills.map((s) => [s.skill_id, s.level]) ?? []);
    const now = expected(p.current);
    const goal = expected(p.target);
    const latest = (skill: number, kind: AssessmentKind) =>
      this.assessments
        .filter((x) => x.person_id === personId && x.skill_id === skill && x.kind === kind)
        .sort((x, y) => x.assessed_on.localeCompare(y.assessed_on) || x.id - y.id)
        .at(-1);
    const skills: PersonSkill[] = [];
    for (const skill of this.catalog.skills) {
      const own = latest(skill.id, 'self');
      const manager = latest(skill.id, 'manager');
      const target = p.targets.get(skill.id) ?? goal.get(skill.id) ?? null;
      const expectedNow = now.get(skill.id) ?? null;
      if (!own && !manager && target == null && expectedNow == null) continue;
      const current = manager?.level ?? own?.level ?? null;
      const dates = [own?.assessed_on, manager?.assessed_on].filter((d): d is string => !!d).sort();
      skills.push({
        skill_id: skill.id,
        self_level: own?.level ?? null,
        manager_level: manager?.level ?? null,
        current,
        target,
        own_target: p.targets.has(skill.id),
        expected_now: expectedNow,
        gap: target == null ? 0 : target - (current ?? 0),
        evidence: 0,
        last_assessed: dates.at(-1) ?? null,
      });
    }
    return {
      person_id: personId,
      name: person.name,
      title: person.role,
      current_role_id: p.current,
      target_role_id: p.target,
      notes: p.notes,
      skills,
    };
  }
}
