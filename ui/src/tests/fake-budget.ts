// The budget area in the fake backend: a budget grid, cost entries and a canned earned value
// per project, with undo through `fake.edit`. Earned value is not computed here: a test sets
// `figures` (the core's arithmetic is tested in Rust); PV/EV/AC of the curve follow them.
import type { BudgetCell } from '../lib/bindings/BudgetCell';
import type { BudgetGrid } from '../lib/bindings/BudgetGrid';
import type { CostCategory } from '../lib/bindings/CostCategory';
import type { CostEntry } from '../lib/bindings/CostEntry';
import type { CostEntryInput } from '../lib/bindings/CostEntryInput';
import type { CostSummary } from '../lib/bindings/CostSummary';
import type { EvmFigures } from '../lib/bindings/EvmFigures';
import type { SCurve } from '../lib/bindings/SCurve';
import type { FakeBackend } from './fake-backend';

const CATEGORIES: [CostCategory, string][] = [
  ['staff', 'Staff'],
  ['contractors', 'Contractors'],
  ['hardware', 'Hardware'],
  ['software', 'Software licences'],
  ['cloud', 'Cloud'],
  ['services', 'Services'],
  ['other', 'Other'],
];

type Data = { cells: BudgetCell[]; entries: CostEntry[] };

/** The textbook example: BAC 100,000, PV 50,000, EV 40,000, AC 45,000. */
export function textbookFigures(): EvmFigures {
  return {
    bac: 100_000_00,
    pv: 50_000_00,
    ev: 40_000_00,
    ac: 45_000_00,
    sv: -10_000_00,
    cv: -5_000_00,
    spi: 0.8,
    cpi: 40 / 45,
    eac: 112_500_00,
    eac_atypical: 105_000_00,
    eac_combined: 129_375_00,
    etc: 67_500_00,
    vac: -12_500_00,
    tcpi: 60 / 55,
    unavailable: [],
  };
}

export class FakeBudget {
  data = new Map<number, Data>();
  figures: EvmFigures = textbookFigures();
  /** Months the grid shows for every project. */
  periods = ['2026-03', '2026-04', '2026-05'];
  #next = 70_000;

  of(projectId: number): Data {
    let d = this.data.get(projectId);
    if (!d) this.data.set(projectId, (d = { cells: [], entries: [] }));
    return d;
  }

  grid(projectId: number): BudgetGrid {
    const cells = structuredClone(this.of(projectId).cells);
    return {
      project_id: projectId,
      currency: 'EUR',
      periods: [...this.periods],
      cells,
      total_minor: cells.reduce((s, c) => s + (c.amount_minor ?? 0), 0),
    };
  }

  summary(projectId: number): CostSummary {
    const d = this.of(projectId);
    const categories = CATEGORIES.map(([category, label]) => {
      const budget_minor = d.cells
        .filter((c) => c.category === category)
        .reduce((s, c) => s + (c.amount_minor ?? 0), 0);
      const entered_minor = d.entries.filter((e) => e.category === category).reduce((s, e) => s + e.amount_minor, 0);
      return {
        category,
        label,
        budget_minor,
        entered_minor,
        logged_time_minor: 0,
        actual_minor: entered_minor,
        remaining_minor: budget_minor - entered_minor,
      };
    });
    return {
      project_id: projectId,
      currency: 'EUR',
      from: this.periods[0],
      to: this.periods[this.periods.length - 1],
      categories,
      budget_minor: categories.reduce((s, c) => s + c.budget_minor, 0),
      actual_minor: categories.reduce((s, c) => s + c.actual_minor, 0),
    };
  }

  curve(projectId: number, asOf: string): SCurve {
    const f = this.figures;
    return {
      earned_value: {
        project_id: projectId,
        project: 'Project',
        as_of: asOf,
        currency: 'EUR',
        baseline: 'Approved plan',
        basis: 'Budget and planned dates from the baseline "Approved plan".',
        figures: structuredClone(f),
        ac_entered: f.ac,
        ac_logged_time: 0,
        eac_rule: 'EAC = BAC / CPI',
        accrual_rule: 'PV accrues linearly over working time.',
        planned_start: '2026-03-02T08:00:00',
        planned_finish: '2026-05-29T17:00:00',
        forecast_finish: '2026-06-19',
        tasks: 4,
      },
      points: [
        { date: '2026-03-02', pv: 0, ev: 0, ac: 0, forecast: null },
        { date: asOf, pv: f.pv, ev: f.ev, ac: f.ac, forecast: f.ac },
        { date: '2026-06-19', pv: f.bac, ev: null, ac: null, forecast: f.eac },
      ],
      notes: ['EV before the status date follows the shape of PV.'],
    };
  }

  constructor(fake: FakeBackend) {
    const snapshot = () => structuredClone([...this.data.entries()]);
    const restore = (s: [number, Data][]) => (this.data = new Map(structuredClone(s)));
    const edit = <T>(label: string, fn: () => T) => fake.edit(label, snapshot, restore, fn);
    const bad = (message: string) => ({ code: 'invalid_input', message });
    const checkEntry = (input: CostEntryInput) => {
      if (input.amount_minor < 0) throw bad('A cost cannot be negative.');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.day)) throw bad(`The day of the cost "${input.day}" is not a real date.`);
    };
    const entryOf = (id: number) => {
      for (const d of this.data.values()) {
        const e = d.entries.find((x) => x.id === id);
        if (e) return { d, e };
      }
      throw { code: 'not_found', message: 'That cost entry no longer exists.' };
    };
    fake
      .answer('budget_grid_get', (a) => this.grid(a.project_id as number))
      .answer('budget_cells_set', (a) => {
        const id = a.project_id as number;
        const cells = a.cells as BudgetCell[];
        for (const c of cells) {
          if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(c.period)) throw bad(`The budget month "${c.period}" is not a month.`);
          if (c.amount_minor != null && c.amount_minor < 0) throw bad('A budget amount cannot be negative.');
        }
        return edit(cells.length === 1 ? 'Set a budget cell' : `Change ${cells.length} budget cells`, () => {
          const d = this.of(id);
          for (const c of cells) {
            d.cells = d.cells.filter((x) => !(x.category === c.category && x.period === c.period));
            if (c.amount_minor != null) d.cells.push({ ...c });
          }
          return this.grid(id);
        });
      })
      .answer('cost_entries_list', (a) =>
        structuredClone(this.of(a.project_id as number).entries).sort((x, y) => y.day.localeCompare(x.day)),
      )
      .answer('cost_entry_add', (a) => {
        const input = a.input as CostEntryInput;
        checkEntry(input);
        const project_id = a.project_id as number;
        return edit(`Add a cost of ${input.day}`, () => {
          const entry: CostEntry = {
            id: this.#next++,
            project_id,
            item_title: null,
            ...input,
            item_id: input.item_id ?? null,
          };
          this.of(project_id).entries.push(entry);
          return structuredClone(entry);
        });
      })
      .answer('cost_entry_update', (a) => {
        const input = a.input as CostEntryInput;
        checkEntry(input);
        const { e } = entryOf(a.id as number);
        return edit(`Change the cost of ${e.day}`, () => {
          Object.assign(e, input);
          return structuredClone(e);
        });
      })
      .answer('cost_entry_delete', (a) => {
        const { d, e } = entryOf(a.id as number);
        return edit(`Delete the cost of ${e.day}`, () => {
          d.entries = d.entries.filter((x) => x.id !== e.id);
          return null;
        });
      })
      .answer('cost_summary_get', (a) => this.summary(a.project_id as number))
      .answer('earned_value_get', (a) => {
        const day = a.as_of as string;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) {
          throw bad(`The status date "${day}" is not a real date; use the form YYYY-MM-DD, e.g. 2026-03-31.`);
        }
        return this.curve(a.project_id as number, day);
      });
  }
}
