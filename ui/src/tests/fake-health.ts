// The health area's side of the fake backend: a computed rating per area and project (set by a
// test), overrides with a required comment, one snapshot per day (replaced), the thresholds with
// the core's main refusal (amber looser than red), the sidebar's dots and the dashboard.
import type { AreaHealth } from '../lib/bindings/AreaHealth';
import type { HealthArea } from '../lib/bindings/HealthArea';
import type { HealthDot } from '../lib/bindings/HealthDot';
import type { HealthOverride } from '../lib/bindings/HealthOverride';
import type { HealthSettings } from '../lib/bindings/HealthSettings';
import type { OverrideInput } from '../lib/bindings/OverrideInput';
import type { ProjectDashboard } from '../lib/bindings/ProjectDashboard';
import type { ProjectHealth } from '../lib/bindings/ProjectHealth';
import type { Rag } from '../lib/bindings/Rag';
import type { StatusSnapshot } from '../lib/bindings/StatusSnapshot';
import type { FakeBackend } from './fake-backend';

const AREAS: HealthArea[] = ['scope', 'schedule', 'budget', 'risk', 'overall'];
const ORDER: Rag[] = ['green', 'amber', 'red'];
const invalid = (message: string) => ({ code: 'invalid_input', message });

export const DEFAULT_SETTINGS: HealthSettings = {
  spi_amber: 0.9,
  spi_red: 0.8,
  cpi_amber: 0.95,
  cpi_red: 0.85,
  slip_amber_days: 1,
  slip_red_days: 10,
  overdue_items_red: 6,
  overrun_amber_pct: 5,
  overrun_red_pct: 10,
  open_changes_amber: 2,
  open_changes_red: 4,
  high_risks_red: 4,
};

type State = {
  computed: Map<number, Partial<Record<HealthArea, { rag: Rag; reasons: string[] }>>>;
  overrides: Map<number, Partial<Record<HealthArea, HealthOverride>>>;
  snapshots: Map<number, StatusSnapshot[]>;
  settings: HealthSettings;
};

export class FakeHealth {
  state: State = { computed: new Map(), overrides: new Map(), snapshots: new Map(), settings: DEFAULT_SETTINGS };
  today = '2026-12-02';
  #nextId = 70_000;

  constructor(private fake: FakeBackend) {
    const snapshot = () => structuredClone(this.state);
    const restore = (s: State) => (this.state = structuredClone(s));
    const edit = <T>(label: string, fn: () => T): T => fake.edit(label, snapshot, restore, fn);
    fake
      .answer('health_dots', () => this.dots())
      .answer('health_dashboard', (a) => this.dashboard(a.project_id as number))
      .answer('health_override_set', (a) => {
        const id = a.project_id as number;
        const input = a.input as OverrideInput;
        const comment = String(input.comment ?? '').trim();
        if (!comment) throw invalid("The override's comment cannot be empty.");
        return edit(`Override ${input.area} health to ${input.rag}`, () => {
          const o = this.state.overrides.get(id) ?? {};
          o[input.area] = { rag: input.rag, comment, set_by: input.set_by.trim(), set_at: `${this.today}T10:00:00Z` };
          this.state.overrides.set(id, o);
          return this.health(id);
        });
      })
      .answer('health_override_clear', (a) => {
        const id = a.project_id as number;
        const area = a.area as HealthArea;
        if (!this.state.overrides.get(id)?.[area])
          throw { code: 'not_found', message: `The ${area} rating has no override to clear.` };
        return edit(`Clear the ${area} health override`, () => {
          delete this.state.overrides.get(id)![area];
          return this.health(id);
        });
      })
      .answer('health_snapshot_take', (a) => {
        const id = a.project_id as number;
        const h = this.health(id);
        return edit(`Take a status snapshot`, () => {
          const list = (this.state.snapshots.get(id) ?? []).filter((s) => s.taken_on !== this.today);
          const rag = (area: HealthArea) => h.areas.find((x) => x.area === area)!.rag;
          list.push({
            id: this.#nextId++,
            taken_on: this.today,
            scope: rag('scope'),
            schedule: rag('schedule'),
            budget: rag('budget'),
            risk: rag('risk'),
            overall: rag('overall'),
            reasons: Object.fromEntries(h.areas.map((x) => [x.area, x.reasons])),
            spi: h.spi,
            cpi: h.cpi,
            note: String(a.note ?? '').trim(),
          });
          list.sort((x, y) => x.taken_on.localeCompare(y.taken_on));
          this.state.snapshots.set(id, list);
          return structuredClone(list);
        });
      })
      .answer('health_settings_get', () => ({ values: { ...this.state.settings }, defaults: DEFAULT_SETTINGS }))
      .answer('health_settings_set', (a) => {
        const s = a.settings as HealthSettings;
        if (!(s.spi_amber > s.spi_red))
          throw invalid(
            `The SPI amber threshold (${s.spi_amber.toFixed(2)}) must be higher than the red one (${s.spi_red.toFixed(2)}): amber comes first.`,
          );
        if (!(s.cpi_amber > s.cpi_red)) throw invalid('The CPI amber threshold must be higher than the red one.');
        return edit('Change the health thresholds', () => {
          this.state.settings = { ...s };
          return { values: { ...s }, defaults: DEFAULT_SETTINGS };
        });
      });
  }

  /** Sets what the core would compute for one area of a project. */
  set(projectId: number, area: HealthArea, rag: Rag, reasons: string[]) {
    const c = this.state.computed.get(projectId) ?? {};
    c[area] = { rag, reasons };
    this.state.computed.set(projectId, c);
  }

  health(projectId: number): ProjectHealth {
    const project = this.fake.projects.find((p) => p.id === projectId);
    if (!project) throw { code: 'not_found', message: 'That project no longer exists.' };
    const c = this.state.computed.get(projectId) ?? {};
    const o = this.state.overrides.get(projectId) ?? {};
    const area = (a: HealthArea, computed: Rag, reasons: string[]): AreaHealth => {
      const ov = o[a] ?? null;
      return {
        area: a,
        computed,
        rag: ov?.rag ?? computed,
        reasons,
        not_enough_data: false,
        override: ov,
        summary: ov
          ? `Computed ${computed}, overridden ${ov.rag} by ${ov.set_by || 'the manager'}: '${ov.comment}'`
          : (reasons[0] ?? ''),
      };
    };
    const four = AREAS.slice(0, 4).map((a) =>
      area(a, c[a]?.rag ?? 'green', c[a]?.reasons ?? [`${a[0].toUpperCase()}${a.slice(1)} fine`]),
    );
    const worst = four.reduce<Rag>((w, x) => (ORDER.indexOf(x.rag) > ORDER.indexOf(w) ? x.rag : w), 'green');
    const why = four.find((x) => x.rag === worst && worst !== 'green');
    const overall = area('overall', worst, [
      why ? `${why.area} ${worst} (${why.summary}) → overall ${worst}` : 'Every area is green → overall green',
    ]);
    return {
      project_id: projectId,
      project: project.name,
      as_of: this.today,
      areas: [...four, overall],
      overall: { rag: overall.rag, reason: overall.summary },
      spi: 0.84,
      cpi: 0.97,
    };
  }

  dots(): HealthDot[] {
    return this.fake.projects.map((p) => {
      const h = this.health(p.id);
      return { project_id: p.id, rag: h.overall.rag, reason: h.overall.reason, overridden: !!h.areas[4].override };
    });
  }

  dashboard(projectId: number): ProjectDashboard {
    const health = this.health(projectId);
    const project = this.fake.projects.find((p) => p.id === projectId)!;
    return {
      project_id: projectId,
      project: project.name,
      methodology: project.methodology,
      as_of: this.today,
      health,
      snapshots: structuredClone(this.state.snapshots.get(projectId) ?? []),
      milestones: [{ item_id: 1, name: 'Go-live', date: '2026-12-20', baseline: '2026-12-18', overdue: false }],
      burndown: null,
      s_curve: null,
      top_risks: [
        {
          id: 9,
          title: 'Vendor delay',
          probability: 4,
          impact: 4,
          score: 16,
          owner: null,
          review_date: null,
          review_overdue: false,
        },
      ],
      open_risk_count: 1,
      open_issues: [],
      open_issue_count: 0,
      budget: {
        currency: 'EUR',
        budget_minor: 5_000_000,
        actual_minor: 1_000_000,
        eac_minor: 5_200_000,
        cpi: 0.97,
        spi: 0.84,
      },
      next_meetings: [{ id: 3, title: 'Steering committee', kind: 'steering', day: '2026-12-04', start_time: '10:00' }],
    };
  }
}
