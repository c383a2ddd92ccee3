// Certifications, development goals, skill progress and the Upcoming list in the fake
// backend: three certification rules (PMP with continuing education, ITIL 4 Foundation that
// never expires, CAPM), people's certifications and goals, and what the core works out from
// them (eligibility, expiry, units counted and due). Edits are undoable like the core's.
import type { CertificationInput } from '../lib/bindings/CertificationInput';
import type { CertificationRule } from '../lib/bindings/CertificationRule';
import type { ActivityInput } from '../lib/bindings/ActivityInput';
import type { CategoryProgress } from '../lib/bindings/CategoryProgress';
import type { DevelopmentGoal } from '../lib/bindings/DevelopmentGoal';
import type { GoalInput } from '../lib/bindings/GoalInput';
import type { LearningActivity } from '../lib/bindings/LearningActivity';
import type { PersonCertification } from '../lib/bindings/PersonCertification';
import type { ProgressPoint } from '../lib/bindings/ProgressPoint';
import type { UnitEntry } from '../lib/bindings/UnitEntry';
import type { UnitEntryInput } from '../lib/bindings/UnitEntryInput';
import type { Upcoming } from '../lib/bindings/Upcoming';
import type { WorkItem } from '../lib/bindings/WorkItem';
import { todayIso } from '../lib/shared/format';
import type { FakeBackend } from './fake-backend';
import { skillCatalog } from './fake-skills';

export function certificationRules(): CertificationRule[] {
  return [
    {
      key: 'pmp',
      name: 'Project Management Professional (PMP)',
      body: 'PMI',
      eligibility: [
        { key: 'education-35', text: '35 hours of project management education', group: null },
        { key: 'degree-36', text: 'Four-year degree and 36 months leading projects', group: 'experience' },
        { key: 'diploma-60', text: 'Secondary diploma and 60 months leading projects', group: 'experience' },
      ],
      exam: { questions: 180, minutes: 230, passing: 'Not published by PMI' },
      validity_years: 3,
      renewal: {
        cycle_years: 3,
        units: 60,
        unit_name: 'PDU',
        other: 'Report PDUs in PMI’s CCR system.',
        categories: [
          { key: 'education', name: 'Education', min: 35, max: null, within: null },
          { key: 'ways-of-working', name: 'Ways of Working', min: 8, max: null, within: 'education' },
          { key: 'power-skills', name: 'Power Skills', min: 8, max: null, within: 'education' },
          { key: 'giving-back', name: 'Giving Back', min: null, max: 25, within: null },
        ],
      },
      source: {
        title: 'PMI: Maintain Your Certification',
        url: 'https://www.pmi.org/certifications/certification-resources/maintain',
        checked_on: '2026-11-23',
      },
      notes: 'Unconfirmed: whether the 180 questions include 5 unscored ones.',
    },
    {
      key: 'itil4-foundation',
      name: 'ITIL 4 Foundation',
      body: 'PeopleCert',
      eligibility: [],
      exam: { questions: 40, minutes: 60, passing: '65% (26 of 40)' },
      validity_years: null,
      renewal: null,
      source: {
        title: 'PeopleCert: ITIL 4 Foundation',
        url: 'https://www.peoplecert.org/itil-4-foundation',
        checked_on: '2026-10-02',
      },
      notes: '',
    },
    {
      key: 'capm',
      name: 'Certified Associate in Project Management (CAPM)',
      body: 'PMI',
      eligibility: [
        { key: 'diploma', text: 'Secondary diploma', group: null },
        { key: 'education-23', text: '23 hours of project management education', group: null },
      ],
      exam: { questions: 150, minutes: 180, passing: null },
      validity_years: 3,
      renewal: {
        cycle_years: 3,
        units: 15,
        unit_name: 'PDU',
        other: '',
        categories: [{ key: 'education', name: 'Education', min: 9, max: null, within: null }],
      },
      source: { title: 'PMI: CAPM Handbook', url: 'https://www.pmi.org/certifications/capm', checked_on: '2026-11-23' },
      notes: '',
    },
  ];
}

type Cert = Omit<
  PersonCertification,
  'name' | 'expires_on' | 'eligible' | 'units_counted' | 'units_due' | 'categories'
>;
type Goal = Omit<DevelopmentGoal, 'skill' | 'current_level' | 'overdue' | 'activities'> & {
  activities: Omit<LearningActivity, 'item_title'>[];
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const invalid = (message: string) => ({ code: 'invalid_input', message });

function addYears(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
}

export class FakeCareer {
  rules = certificationRules();
  certs: Cert[] = [];
  goals: Goal[] = [];
  /** Current level of a skill per person ("personId:skillId"), for the goals. */
  levels = new Map<string, number>();
  progress = new Map<number, ProgressPoint[]>();
  upcoming: Upcoming[] = [];
  #nextId = 7000;

  constructor(private fake: FakeBackend) {
    const snapshot = () => structuredClone({ certs: this.certs, goals: this.goals });
    const restore = (s: ReturnType<typeof snapshot>) => {
      this.certs = structuredClone(s.certs);
      this.goals = structuredClone(s.goals);
    };
    const edit = <T>(label: string, fn: () => T) => fake.edit(label, snapshot, restore, fn);
    fake
      .answer('certification_rules', () => this.rules)
      .answer('certifications_list', (a) =>
        this.certs.filter((c) => c.person_id === a.person_id).map((c) => this.view(c)),
      )
      .answer('certification_add', (a) => {
        const rule = this.rule(a.key as string);
        if (this.certs.some((c) => c.person_id === a.person_id && c.key === rule.key)) {
          throw { code: 'duplicate', message: `${rule.name} is already tracked for this person.` };
        }
        return edit(`Add ${rule.name}`, () => this.addCert(a.person_id as number, rule.key).id);
      })
      .answer('certification_update', (a) => {
        const c = this.cert(a.id as number);
        const input = a.input as CertificationInput;
        if (input.status === 'passed' && !input.earned_on)
          throw invalid('A passed certification needs the date it was passed.');
        for (const d of [input.exam_date, input.earned_on]) {
          if (d != null && !DATE.test(d)) throw invalid(`"${d}" is not a date; use YYYY-MM-DD.`);
        }
        return (
          edit(`Edit ${this.rule(c.key).name}`, () => void Object.assign(this.cert(c.id), structuredClone(input))) ??
          null
        );
      })
      .answer('certification_remove', (a) => {
        const c = this.cert(a.id as number);
        return (
          edit(`Remove ${this.rule(c.key).name}`, () => void (this.certs = this.certs.filter((x) => x.id !== c.id))) ??
          null
        );
      })
      .answer('units_log', (a) => {
        const c = this.cert(a.id as number);
        const rule = this.rule(c.key);
        const input = a.input as UnitEntryInput;
        if (!rule.renewal?.categories.some((k) => k.key === input.category)) {
          throw invalid(`"${input.category}" is not a category of ${rule.name}'s continuing education.`);
        }
        if (!(input.units > 0)) throw invalid('Units must be more than 0.');
        if (!DATE.test(input.earned_on)) throw invalid(`"${input.earned_on}" is not a date; use YYYY-MM-DD.`);
        return edit(`Log ${input.units} ${rule.renewal.unit_name}s`, () => {
          const entry: UnitEntry = { id: this.#nextId++, ...input };
          this.cert(c.id).log.push(entry);
          return entry.id;
        });
      })
      .answer('units_remove', (a) => {
        const c = this.certs.find((x) => x.log.some((e) => e.id === a.id));
        if (!c) throw { code: 'not_found', message: 'That entry no longer exists.' };
        return (
          edit('Remove units', () => void (this.cert(c.id).log = this.cert(c.id).log.filter((e) => e.id !== a.id))) ??
          null
        );
      })
      .answer('goals_list', (a) => this.goals.filter((g) => g.person_id === a.person_id).map((g) => this.goalView(g)))
      .answer('goal_add', (a) => {
        const input = this.checkGoal(a.input as GoalInput);
        return edit('Add goal', () => this.addGoal(a.person_id as number, input).id);
      })
      .answer('goal_update', (a) => {
        const g = this.goal(a.id as number);
        const input = this.checkGoal(a.input as GoalInput);
        return edit('Edit goal', () => void Object.assign(this.goal(g.id), input)) ?? null;
      })
      .answer('goal_remove', (a) => {
        const g = this.goal(a.id as number);
        return edit('Remove goal', () => void (this.goals = this.goals.filter((x) => x.id !== g.id))) ?? null;
      })
      .answer('activity_add', (a) => {
        const g = this.goal(a.goal_id as number);
        const input = this.checkActivity(a.input as ActivityInput);
        return edit(`Add "${input.title}"`, () => {
          const id = this.#nextId++;
          this.goal(g.id).activities.push({ id, ...input });
          return id;
        });
      })
      .answer('activity_update', (a) => {
        const g = this.goalOfActivity(a.id as number);
        const input = this.checkActivity(a.input as ActivityInput);
        return edit(`Edit "${input.title}"`, () => {
          const activity = this.goal(g.id).activities.find((x) => x.id === a.id)!;
          Object.assign(activity, input);
          return null;
        });
      })
      .answer('activity_remove', (a) => {
        const g = this.goalOfActivity(a.id as number);
        return edit('Remove activity', () => {
          const goal = this.goal(g.id);
          goal.activities = goal.activities.filter((x) => x.id !== a.id);
          return null;
        });
      })
      .answer('skill_progress', (a) => this.progress.get(a.person_id as number) ?? [])
      .answer('upcoming_list', () => this.upcoming);
  }

  rule(key: string): CertificationRule {
    const rule = this.rules.find((r) => r.key === key);
    if (!rule) throw { code: 'not_found', message: `No certification "${key}".` };
    return rule;
  }

  cert(id: number): Cert {
    const c = this.certs.find((x) => x.id === id);
    if (!c) throw { code: 'not_found', message: 'That certification is no longer tracked.' };
    return c;
  }

  goal(id: number): Goal {
    const g = this.goals.find((x) => x.id === id);
    if (!g) throw { code: 'not_found', message: 'That goal no longer exists.' };
    return g;
  }

  goalOfActivity(id: number): Goal {
    const g = this.goals.find((x) => x.activities.some((a) => a.id === id));
    if (!g) throw { code: 'not_found', message: 'That activity no longer exists.' };
    return g;
  }

  /** Tracks a certification directly (test setup, not an edit). */
  addCert(personId: number, key: string, fields: Partial<Cert> = {}): Cert {
    const c: Cert = {
      id: this.#nextId++,
      person_id: personId,
      key,
      status: 'planned',
      exam_date: null,
      result: '',
      earned_on: null,
      eligibility_met: [],
      notes: '',
      log: [],
      ...fields,
    };
    this.certs.push(c);
    return c;
  }

  /** Adds a goal directly (test setup, not an edit). */
  addGoal(personId: number, input: GoalInput): Goal {
    const g: Goal = { id: this.#nextId++, person_id: personId, created_on: todayIso(), activities: [], ...input };
    this.goals.push(g);
    return g;
  }

  checkGoal(input: GoalInput): GoalInput {
    if (input.target_level < 1 || input.target_level > 5)
      throw invalid(`Level ${input.target_level} is not between 1 and 5.`);
    if (!DATE.test(input.due_date)) throw invalid('A goal needs a due date.');
    return structuredClone(input);
  }

  checkActivity(input: ActivityInput): ActivityInput {
    if (!input.title.trim()) throw invalid('An activity needs a title.');
    if (input.item_id != null) this.item(input.item_id);
    return structuredClone(input);
  }

  item(id: number): WorkItem {
    for (const items of this.fake.columns.values()) {
      const found = items.find((i) => i.id === id);
      if (found) return found;
    }
    throw { code: 'not_found', message: 'That work item no longer exists.' };
  }

  /** What certifications_list answers for one certification, as the core works it out. */
  view(c: Cert): PersonCertification {
    const rule = this.rule(c.key);
    const met = new Set(c.eligibility_met);
    const required = rule.eligibility.filter((i) => i.group == null).every((i) => met.has(i.key));
    const groups = new Set(rule.eligibility.flatMap((i) => (i.group ? [i.group] : [])));
    const eligible =
      required && [...groups].every((g) => rule.eligibility.some((i) => i.group === g && met.has(i.key)));
    const earned = c.status === 'passed' || c.status === 'expired' ? c.earned_on : null;
    const expires_on = earned && rule.validity_years != null ? addYears(earned, rule.validity_years) : null;
    const categories: CategoryProgress[] = [];
    let counted = 0;
    let needed = 0;
    for (const k of rule.renewal?.categories ?? []) {
      const keys = new Set([
        k.key,
        ...(rule.renewal?.categories.filter((x) => x.within === k.key).map((x) => x.key) ?? []),
      ]);
      const sum = c.log.filter((e) => keys.has(e.category)).reduce((s, e) => s + e.units, 0);
      const earnedHere = k.max != null ? Math.min(k.max, sum) : sum;
      const still = k.min != null ? Math.max(0, k.min - earnedHere) : 0;
      categories.push({ key: k.key, name: k.name, earned: earnedHere, min: k.min, max: k.max, still_needed: still });
      if (k.within == null) {
        counted += earnedHere;
        needed += still;
      }
    }
    const units = rule.renewal?.units ?? 0;
    counted = Math.min(units, counted);
    return {
      ...structuredClone(c),
      name: rule.name,
      expires_on,
      eligible,
      units_counted: counted,
      units_due: Math.max(units - counted, needed),
      categories,
    };
  }

  goalView(g: Goal): DevelopmentGoal {
    const skill = skillCatalog().skills.find((s) => s.id === g.skill_id);
    return {
      ...structuredClone(g),
      skill: skill?.name ?? '',
      current_level: this.levels.get(`${g.person_id}:${g.skill_id}`) ?? null,
      overdue: g.done_on == null && g.due_date < todayIso(),
      activities: g.activities.map((a) => ({
        ...a,
        item_title: a.item_id == null ? null : this.item(a.item_id).title,
      })),
    };
  }
}
