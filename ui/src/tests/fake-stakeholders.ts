// The Stakeholders tab's side of the fake backend: each project's register, communication plan
// and RACI cells, answered as the core's whole `ProjectStakeholders` after every edit (undoable
// through fake.edit). It follows the core's rules where a screen shows them: quadrants split at
// 6, the due rule, a row flagged without exactly one A once its matrix is started, and a
// second Accountable refused with the core's words.
import type { Attitude } from '../lib/bindings/Attitude';
import type { Communication } from '../lib/bindings/Communication';
import type { CommunicationInput } from '../lib/bindings/CommunicationInput';
import type { Frequency } from '../lib/bindings/Frequency';
import type { Phase } from '../lib/bindings/Phase';
import type { ProjectStakeholders } from '../lib/bindings/ProjectStakeholders';
import type { Quadrant } from '../lib/bindings/Quadrant';
import type { RaciMatrix } from '../lib/bindings/RaciMatrix';
import type { RaciParty } from '../lib/bindings/RaciParty';
import type { RaciRole } from '../lib/bindings/RaciRole';
import type { RaciTarget } from '../lib/bindings/RaciTarget';
import type { Stakeholder } from '../lib/bindings/Stakeholder';
import type { StakeholderInput } from '../lib/bindings/StakeholderInput';
import type { FakeBackend } from './fake-backend';

const invalid = (message: string) => ({ code: 'invalid_input', message });
const ATTITUDES: Attitude[] = ['unaware', 'resistant', 'neutral', 'supportive', 'leading'];
const PHASES: Phase[] = ['initiate', 'plan', 'execute', 'monitor', 'close'];

type Cell = { target: RaciTarget; party: RaciParty; role: RaciRole };
type Data = {
  stakeholders: Stakeholder[];
  communications: Communication[];
  deliverables: { id: number; title: string }[];
  cells: Cell[];
};

export const quadrantOf = (power: number, interest: number): Quadrant =>
  power >= 6 ? (interest >= 6 ? 'manage_closely' : 'keep_satisfied') : interest >= 6 ? 'keep_informed' : 'monitor';

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const addMonths = (iso: string, months: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
};

export function nextDue(frequency: Frequency, first: string, last: string | null): string | null {
  if (!last || first > last) return first;
  const period: Partial<Record<Frequency, [number, number]>> = {
    daily: [1, 0],
    weekly: [7, 0],
    fortnightly: [14, 0],
    monthly: [0, 1],
    quarterly: [0, 3],
  };
  const p = period[frequency];
  if (!p) return null;
  return p[1] ? addMonths(last, p[1]) : addDays(last, p[0]);
}

const sameTarget = (a: RaciTarget, b: RaciTarget) => a.deliverable_id === b.deliverable_id && a.phase === b.phase;
const sameParty = (a: RaciParty, b: RaciParty) => a.person_id === b.person_id && a.stakeholder_id === b.stakeholder_id;

export class FakeStakeholders {
  data = new Map<number, Data>();
  today = '2026-12-02';
  #nextId = 70_000;
  #fake: FakeBackend;

  constructor(fake: FakeBackend) {
    this.#fake = fake;
    const snapshot = () => structuredClone(this.data);
    const restore = (s: Map<number, Data>) => (this.data = structuredClone(s));
    const edit = (label: string, projectId: number, fn: (d: Data) => void): ProjectStakeholders =>
      fake.edit(label, snapshot, restore, () => {
        fn(this.of(projectId));
        return this.answer(projectId);
      });
    const ownerOf = (id: number): number => {
      for (const [projectId, d] of this.data) {
        if ([...d.stakeholders, ...d.communications].some((r) => r.id === id)) return projectId;
      }
      throw { code: 'not_found', message: 'That no longer exists (it may have been deleted or undone).' };
    };
    const scale = (field: string, v: number) => {
      if (!Number.isInteger(v) || v < 1 || v > 10)
        throw invalid(`${field} is ${v}; it is rated from 1 (lowest) to 10 (highest).`);
    };
    const checkStakeholder = (projectId: number, except: number | null, input: StakeholderInput) => {
      const name = input.name.trim();
      if (!name) throw invalid("The stakeholder's name cannot be empty.");
      scale('Power', input.power);
      scale('Interest', input.interest);
      if (this.of(projectId).stakeholders.some((s) => s.id !== except && s.name.toLowerCase() === name.toLowerCase()))
        throw { code: 'duplicate', message: `"${name}" is already a stakeholder of this project.` };
      return name;
    };
    const fill = (s: Stakeholder, input: StakeholderInput, name: string) => {
      Object.assign(s, { ...input, name });
      s.quadrant = quadrantOf(s.power, s.interest);
      s.attitude_gap = ATTITUDES.indexOf(s.desired_attitude) - ATTITUDES.indexOf(s.current_attitude);
      s.person_name = fake.people.find((p) => p.id === s.person_id)?.name ?? null;
    };
    const fillCommunication = (c: Communication, input: CommunicationInput, d: Data) => {
      if (!input.what.trim()) throw invalid('What is communicated cannot be empty.');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.first_due))
        throw invalid('A communication needs a first due date (YYYY-MM-DD).');
      Object.assign(c, { ...input, last_sent: input.last_sent || null });
      c.stakeholder_name = d.stakeholders.find((s) => s.id === c.stakeholder_id)?.name ?? null;
      c.owner_name = fake.people.find((p) => p.id === c.owner_id)?.name ?? null;
    };
    const nameOf = (d: Data, party: RaciParty) =>
      party.person_id != null
        ? (fake.people.find((p) => p.id === party.person_id)?.name ?? '')
        : (d.stakeholders.find((s) => s.id === party.stakeholder_id)?.name ?? '');
    const rowLabel = (d: Data, t: RaciTarget) =>
      t.deliverable_id != null ? (d.deliverables.find((x) => x.id === t.deliverable_id)?.title ?? '') : String(t.phase);

    fake
      .answer('stakeholders_get', (a) => this.answer(a.project_id as number))
      .answer('stakeholder_add', (a) => {
        const input = a.input as StakeholderInput;
        const projectId = a.project_id as number;
        const name = checkStakeholder(projectId, null, input);
        return edit(`Add stakeholder "${name}"`, projectId, (d) => {
          const s = { id: this.#nextId++ } as Stakeholder;
          fill(s, input, name);
          d.stakeholders.push(s);
        });
      })
      .answer('stakeholder_update', (a) => {
        const input = a.input as StakeholderInput;
        const projectId = ownerOf(a.id as number);
        const name = checkStakeholder(projectId, a.id as number, input);
        return edit(`Edit stakeholder "${name}"`, projectId, (d) =>
          fill(
            d.stakeholders.find((s) => s.id === a.id)!,
            input,
            name,
          ),
        );
      })
      .answer('stakeholder_move', (a) => {
        const projectId = ownerOf(a.id as number);
        scale('Power', a.power as number);
        scale('Interest', a.interest as number);
        const s = this.of(projectId).stakeholders.find((x) => x.id === a.id)!;
        return edit(`Move "${s.name}"`, projectId, (d) => {
          const t = d.stakeholders.find((x) => x.id === a.id)!;
          fill(t, { ...t, power: a.power as number, interest: a.interest as number }, t.name);
        });
      })
      .answer('stakeholder_delete', (a) =>
        edit('Delete stakeholder', ownerOf(a.id as number), (d) => {
          d.stakeholders = d.stakeholders.filter((s) => s.id !== a.id);
          d.cells = d.cells.filter((c) => c.party.stakeholder_id !== a.id);
          for (const c of d.communications) if (c.stakeholder_id === a.id) c.stakeholder_id = null;
        }),
      )
      .answer('communication_add', (a) => {
        const projectId = a.project_id as number;
        const c = { id: this.#nextId++ } as Communication;
        fillCommunication(c, a.input as CommunicationInput, this.of(projectId));
        return edit(`Plan communication "${c.what}"`, projectId, (d) => d.communications.push(c));
      })
      .answer('communication_update', (a) => {
        const projectId = ownerOf(a.id as number);
        const c = structuredClone(this.of(projectId).communications.find((x) => x.id === a.id)!);
        fillCommunication(c, a.input as CommunicationInput, this.of(projectId));
        return edit(`Edit communication "${c.what}"`, projectId, (d) => {
          d.communications = d.communications.map((x) => (x.id === c.id ? c : x));
        });
      })
      .answer('communication_mark_sent', (a) =>
        edit('Mark sent today', ownerOf(a.id as number), (d) => {
          d.communications.find((x) => x.id === a.id)!.last_sent = this.today;
        }),
      )
      .answer('communication_delete', (a) =>
        edit('Delete communication', ownerOf(a.id as number), (d) => {
          d.communications = d.communications.filter((x) => x.id !== a.id);
        }),
      )
      .answer('raci_set', (a) => {
        const projectId = a.project_id as number;
        const target = a.target as RaciTarget;
        const party = a.party as RaciParty;
        const role = a.role as RaciRole | null;
        const d = this.of(projectId);
        const holder = d.cells.find(
          (c) => sameTarget(c.target, target) && c.role === 'A' && !sameParty(c.party, party),
        );
        if (role === 'A' && holder)
          throw invalid(
            `${nameOf(d, holder.party)} is already Accountable for "${rowLabel(d, target)}", and a row has exactly one Accountable. ` +
              `Make ${nameOf(d, party)} accountable instead to move the A, or choose R, C or I.`,
          );
        return edit(`Set RACI`, projectId, (d) => {
          d.cells = d.cells.filter((c) => !(sameTarget(c.target, target) && sameParty(c.party, party)));
          if (role) d.cells.push({ target, party, role });
        });
      })
      .answer('raci_make_accountable', (a) => {
        const target = a.target as RaciTarget;
        const party = a.party as RaciParty;
        return edit('Make accountable instead', a.project_id as number, (d) => {
          d.cells = d.cells.filter(
            (c) => !(sameTarget(c.target, target) && (c.role === 'A' || sameParty(c.party, party))),
          );
          d.cells.push({ target, party, role: 'A' });
        });
      });
  }

  of(projectId: number): Data {
    let d = this.data.get(projectId);
    if (!d) {
      d = { stakeholders: [], communications: [], deliverables: [], cells: [] };
      this.data.set(projectId, d);
    }
    return d;
  }

  /** A stakeholder with the table's defaults and what the test gives. */
  addStakeholder(projectId: number, fields: Partial<Stakeholder> & { name: string }): Stakeholder {
    const s: Stakeholder = {
      id: this.#nextId++,
      organisation: '',
      role: '',
      contact: '',
      power: 5,
      interest: 5,
      quadrant: 'monitor',
      current_attitude: 'neutral',
      desired_attitude: 'supportive',
      attitude_gap: 1,
      person_id: null,
      person_name: null,
      notes: '',
      ...fields,
    };
    s.quadrant = quadrantOf(s.power, s.interest);
    s.attitude_gap = ATTITUDES.indexOf(s.desired_attitude) - ATTITUDES.indexOf(s.current_attitude);
    this.of(projectId).stakeholders.push(s);
    return s;
  }

  answer(projectId: number): ProjectStakeholders {
    const d = this.of(projectId);
    const people = [...this.#fake.people].sort((a, b) => a.name.localeCompare(b.name));
    const communications = d.communications.map((c) => {
      const next = nextDue(c.frequency, c.first_due, c.last_sent);
      return { ...c, next_due: next, is_due: next != null && next <= this.today };
    });
    communications.sort((a, b) => (a.next_due ?? '9999').localeCompare(b.next_due ?? '9999'));
    const stakeholders = [...d.stakeholders].sort((a, b) => a.name.localeCompare(b.name));
    const matrix = (mode: 'deliverables' | 'phases'): RaciMatrix => {
      const rows: { target: RaciTarget; label: string }[] =
        mode === 'deliverables'
          ? d.deliverables.map((x) => ({ target: { deliverable_id: x.id, phase: null }, label: x.title }))
          : PHASES.map((p) => ({
              target: { deliverable_id: null, phase: p },
              label: p[0].toUpperCase() + p.slice(1),
            }));
      const cells = d.cells.filter((c) => (mode === 'deliverables') === (c.target.deliverable_id != null));
      const columns = [
        ...people
          .filter((p) => d.cells.some((c) => c.party.person_id === p.id))
          .map((p) => ({ party: { person_id: p.id, stakeholder_id: null }, name: p.name, detail: p.role })),
        ...stakeholders.map((s) => ({
          party: { person_id: null, stakeholder_id: s.id },
          name: s.name,
          detail: s.organisation,
        })),
      ];
      const started = cells.length > 0;
      return {
        mode,
        columns,
        started,
        rows: rows.map(({ target, label }) => {
          const row = columns.map(
            (col) => cells.find((c) => sameTarget(c.target, target) && sameParty(c.party, col.party))?.role ?? null,
          );
          const a = row.filter((r) => r === 'A').length;
          return {
            target,
            label,
            cells: row,
            problem:
              started && a !== 1
                ? `"${label}" has no Accountable; give exactly one person or stakeholder the A.`
                : null,
          };
        }),
      };
    };
    return structuredClone({
      project_id: projectId,
      stakeholders,
      communications,
      raci_deliverables: matrix('deliverables'),
      raci_phases: matrix('phases'),
      people,
    });
  }
}
