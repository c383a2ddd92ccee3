// Resources in the fake backend: people as resources, equipment, assignments, a heat map and a
// levelling preview a test sets up. Install with `installResources(fake)`.
import type { Assignment } from '../lib/bindings/Assignment';
import type { AssignmentInput } from '../lib/bindings/AssignmentInput';
import type { Equipment } from '../lib/bindings/Equipment';
import type { EquipmentInput } from '../lib/bindings/EquipmentInput';
import type { LevellingPreview } from '../lib/bindings/LevellingPreview';
import type { ResourcePerson } from '../lib/bindings/ResourcePerson';
import type { ResourcePersonInput } from '../lib/bindings/ResourcePersonInput';
import type { Utilisation } from '../lib/bindings/Utilisation';
import type { FakeBackend } from './fake-backend';

type State = {
  people: ResourcePerson[];
  equipment: Equipment[];
  assignments: Assignment[];
  delays: Map<number, number>;
};

export class FakeResources {
  state: State = { people: [], equipment: [], assignments: [], delays: new Map() };
  utilisation: Utilisation = { weeks: [], rows: [], over_cells: 0 };
  preview: LevellingPreview | null = null;
  #next = 5000;

  constructor(fake: FakeBackend) {
    this.state.people = fake.people.map((p) => ({
      ...p,
      cost_rate_minor: 8000,
      capacity_hours_per_week: 40,
      calendar_id: null,
      calendar_name: null,
    }));
    const snapshot = () => structuredClone(this.state);
    const restore = (s: State) => (this.state = structuredClone(s));
    const edit = <T>(label: string, fn: () => T) => fake.edit(label, snapshot, restore, fn);
    const equipmentInput = (input: EquipmentInput, id: number | null) => {
      if (!input.name.trim()) throw { code: 'invalid_input', message: 'An equipment name cannot be empty.' };
      if (input.quantity < 1)
        throw { code: 'invalid_input', message: `"${input.name}" needs a quantity of at least 1.` };
      if (input.available_from && input.available_to && input.available_to < input.available_from)
        throw {
          code: 'invalid_input',
          message: `"${input.name}" cannot be available until before it becomes available.`,
        };
      if (this.state.equipment.some((e) => e.id !== id && e.name.toLowerCase() === input.name.trim().toLowerCase()))
        throw { code: 'duplicate', message: `There is already equipment called "${input.name}".` };
      return {
        name: input.name.trim(),
        kind: input.kind,
        quantity: input.quantity,
        unit_cost_minor: input.unit_cost_minor,
        available_from: input.available_from || null,
        available_to: input.available_to || null,
        notes: input.notes,
      };
    };
    fake
      .answer('resource_people_list', () => this.state.people)
      .answer('resource_person_update', (a) => {
        const input = a.input as ResourcePersonInput;
        const p = this.state.people.find((x) => x.id === a.person_id);
        if (!p) throw { code: 'not_found', message: 'That person is no longer in this workspace.' };
        if (input.cost_rate_minor < 0)
          throw { code: 'invalid_input', message: `${p.name}'s cost rate cannot be negative.` };
        if (input.capacity_hours_per_week < 0 || input.capacity_hours_per_week > 80)
          throw { code: 'invalid_input', message: `${p.name}'s capacity must be between 0 and 80 hours a week.` };
        return edit(`Change ${p.name} as a resource`, () => {
          Object.assign(p, input);
          return p;
        });
      })
      .answer('equipment_list', () => this.state.equipment)
      .answer('equipment_add', (a) => {
        const row = equipmentInput(a.input as EquipmentInput, null);
        return edit(`Add ${row.name}`, () => {
          const e: Equipment = { id: this.#next++, ...row };
          this.state.equipment.push(e);
          return e;
        });
      })
      .answer('equipment_update', (a) => {
        const e = this.state.equipment.find((x) => x.id === a.id);
        if (!e) throw { code: 'not_found', message: 'That equipment is no longer in this workspace.' };
        const row = equipmentInput(a.input as EquipmentInput, e.id);
        return edit(`Change ${row.name}`, () => Object.assign(e, row));
      })
      .answer('equipment_delete', (a) => {
        const e = this.state.equipment.find((x) => x.id === a.id)!;
        return edit(`Delete ${e.name}`, () => {
          this.state.equipment = this.state.equipment.filter((x) => x.id !== e.id);
          this.state.assignments = this.state.assignments.filter(
            (x) => !(x.kind === 'equipment' && x.resource_id === e.id),
          );
          return null;
        });
      })
      .answer('assignments_list', (a) => this.state.assignments.filter((x) => x.item_id === a.item_id))
      .answer('assignment_add', (a) => {
        const input = a.input as AssignmentInput;
        const person = this.state.people.find((p) => p.id === input.person_id);
        const thing = this.state.equipment.find((e) => e.id === input.equipment_id);
        if (!person && !thing) throw { code: 'not_found', message: 'That resource is no longer in this workspace.' };
        if (!(input.units > 0)) throw { code: 'invalid_input', message: 'Units must be more than 0.' };
        const name = person?.name ?? thing!.name;
        return edit(`Assign ${name}`, () => {
          const row: Assignment = {
            id: this.#next++,
            item_id: a.item_id as number,
            kind: person ? 'person' : 'equipment',
            resource_id: (person?.id ?? thing?.id)!,
            name,
            units: input.units,
            work_hours: person ? 8 * input.units : 0,
            cost_minor: person
              ? Math.round(8 * input.units * person.cost_rate_minor)
              : input.units * thing!.unit_cost_minor,
          };
          this.state.assignments.push(row);
          return row;
        });
      })
      .answer('assignment_remove', (a) => {
        const row = this.state.assignments.find((x) => x.id === a.id)!;
        return edit(`Remove ${row.name}`, () => {
          this.state.assignments = this.state.assignments.filter((x) => x.id !== a.id);
          return null;
        });
      })
      .answer('utilisation_get', () => this.utilisation)
      .answer('levelling_preview', (a) => ({ ...this.previewFor(a.project_id as number), applied: false }))
      .answer('levelling_apply', (a) => {
        const p = this.previewFor(a.project_id as number);
        return edit(`Level resources in ${p.project}`, () => {
          for (const c of p.changes) this.state.delays.set(c.item_id, c.delay_minutes);
          return { ...p, applied: true };
        });
      })
      .answer('levelling_clear', () => {
        const n = [...this.state.delays.values()].filter((d) => d > 0).length;
        if (n === 0) return 0;
        return edit('Clear levelling', () => {
          this.state.delays = new Map();
          return n;
        });
      });
  }

  previewFor(projectId: number): LevellingPreview {
    if (!this.preview) throw { code: 'not_found', message: 'That project no longer exists.' };
    return { ...structuredClone(this.preview), project_id: projectId };
  }
}

export function installResources(fake: FakeBackend): FakeResources {
  return new FakeResources(fake);
}
