// Lifecycle in the fake backend: each project's overview (phase, framework, checklists,
// history, risks), ticks, phase moves, project types and the portfolio. The base FakeBackend
// answers the overview and the types list with empty defaults for other areas' tests.
import type { ChecklistItem } from '../lib/bindings/ChecklistItem';
import type { Framework } from '../lib/bindings/Framework';
import type { LifecycleOverview } from '../lib/bindings/LifecycleOverview';
import type { Phase } from '../lib/bindings/Phase';
import type { PhaseChecklist } from '../lib/bindings/PhaseChecklist';
import type { Portfolio } from '../lib/bindings/Portfolio';
import type { PortfolioRow } from '../lib/bindings/PortfolioRow';
import type { ProjectInput } from '../lib/bindings/ProjectInput';
import type { ProjectTemplate } from '../lib/bindings/ProjectTemplate';
import type { TemplateBody } from '../lib/bindings/TemplateBody';
import type { FakeBackend } from './fake-backend';

export const PHASE_ORDER: Phase[] = ['initiate', 'plan', 'execute', 'monitor', 'close'];

const auto = (key: string, title: string, done: boolean, reason: string): ChecklistItem => ({
  key,
  title,
  auto: true,
  done,
  reason,
  ticked_by: null,
  ticked_at: null,
});
const manual = (key: string, title: string): ChecklistItem => ({
  key,
  title,
  auto: false,
  done: false,
  reason: '',
  ticked_by: null,
  ticked_at: null,
});

/** A small PMBOK-like checklist: one automatic and two manual items per phase. */
export function checklists(): PhaseChecklist[] {
  const items: Record<Phase, ChecklistItem[]> = {
    initiate: [
      manual('charter-approved', 'Project charter approved'),
      manual('stakeholders-identified', 'Stakeholders identified'),
      auto('objectives-defined', 'Objectives defined', true, '3 objectives defined'),
    ],
    plan: [
      auto('baseline-saved', 'Schedule baseline saved', true, "Baseline 'Approved plan' saved on 3 Nov 2026"),
      auto('budget-approved', 'Budget approved', false, 'No budget entered yet'),
      manual('scope-statement', 'Scope statement written'),
    ],
    execute: [
      manual('kickoff-held', 'Kick-off meeting held'),
      auto('work-done', 'Planned work done', false, '12 of 40 tasks done'),
    ],
    monitor: [auto('deliverables-accepted', 'Deliverables accepted', true, 'All 4 deliverables accepted')],
    close: [manual('lessons-learned', 'Lessons learned recorded')],
  };
  return PHASE_ORDER.map((phase) => ({
    phase,
    label: phase[0].toUpperCase() + phase.slice(1),
    items: items[phase],
    open: items[phase].filter((i) => !i.done).length,
  }));
}

export function template(id: number, name: string, extra: Partial<TemplateBody> = {}): ProjectTemplate {
  return {
    id,
    template: {
      key: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      name,
      description: '',
      methodology: 'waterfall',
      framework: 'pmbok',
      phase: 'initiate',
      tasks: [
        { title: 'Design', duration_minutes: 2400, after: [] },
        { title: 'Build', duration_minutes: 4800, after: ['Design'] },
      ],
      risks: [{ title: 'Vendor late', category: 'vendor', probability: 3, impact: 4 }],
      checklist: [{ phase: 'plan', title: 'Maintenance windows agreed' }],
      ...extra,
    },
  };
}

type State = { overviews: [number, LifecycleOverview][]; templates: ProjectTemplate[] };

export class FakeLifecycle {
  overviews = new Map<number, LifecycleOverview>();
  templates: ProjectTemplate[] = [
    template(501, 'Infrastructure upgrade'),
    template(502, 'Software development', { methodology: 'scrum', framework: 'agile' }),
  ];
  /** Portfolio rows' money and health by project id (others get zeros and green). */
  rows = new Map<number, Partial<PortfolioRow>>();
  /** Templates a successful import adds; an import fails with `importError` when set. */
  toImport: ProjectTemplate[] = [];
  importError: { code: string; message: string } | null = null;
  exported: string[] = [];
  /** The user name the fake's backend records. */
  actor = 'dana';
  #nextId = 7000;

  constructor(fake: FakeBackend) {
    const snapshot = (): State =>
      structuredClone({ overviews: [...this.overviews.entries()], templates: this.templates });
    const restore = (s: State) => {
      const copy = structuredClone(s);
      this.overviews = new Map(copy.overviews);
      this.templates = copy.templates;
    };
    const edit = <T>(label: string, fn: () => T) => fake.edit(label, snapshot, restore, fn);
    const findTemplate = (id: unknown) => {
      const t = this.templates.find((x) => x.id === id);
      if (!t) throw { code: 'not_found', message: 'That project type no longer exists.' };
      return t;
    };
    fake
      .answer('lifecycle_overview', (a) => this.overview(a.project_id as number))
      .answer('project_framework_set', (a) =>
        edit('Change the framework', () => {
          this.overview(a.project_id as number).framework = a.framework as Framework;
          return null;
        }),
      )
      .answer('checklist_tick_set', (a) => {
        const o = this.overview(a.project_id as number);
        const item = o.checklists.flatMap((c) => c.items).find((i) => i.key === a.key);
        if (!item) throw { code: 'not_found', message: 'That checklist item is not part of this project.' };
        if (item.auto) throw { code: 'invalid_input', message: `"${item.title}" is ticked from the project's data.` };
        return edit(`Tick "${item.title}"`, () => {
          item.done = a.ticked as boolean;
          item.ticked_by = item.done ? this.actor : null;
          item.ticked_at = item.done ? '2026-12-01T10:00:00Z' : null;
          item.reason = item.done ? `Ticked by ${this.actor} on 1 Dec 2026` : '';
          for (const c of o.checklists) c.open = c.items.filter((i) => !i.done).length;
          return null;
        });
      })
      .answer('phase_move', (a) => {
        const o = this.overview(a.project_id as number);
        const to = a.to as Phase;
        if (to === o.phase) throw { code: 'invalid_input', message: 'The project is already in that phase.' };
        return edit(`Move to ${to}`, () => {
          const open = o.checklists
            .find((c) => c.phase === o.phase)!
            .items.filter((i) => !i.done)
            .map((i) => i.title);
          const move = {
            id: this.#nextId++,
            from_phase: o.phase,
            to_phase: to,
            actor: this.actor,
            moved_at: '2026-12-01T10:00:00Z',
            open_items: open,
          };
          o.history.push(move);
          o.phase = to;
          return move;
        });
      })
      .answer('project_templates_list', () => this.templates)
      .answer('project_template_update', (a) => {
        const t = findTemplate(a.id);
        const body = a.template as TemplateBody;
        if (!body.name.trim())
          throw { code: 'invalid_input', message: 'The project type is not valid: "name" is empty.' };
        if (this.templates.some((x) => x.id !== t.id && x.template.name.toLowerCase() === body.name.toLowerCase()))
          throw {
            code: 'invalid_input',
            message: `A project type named "${body.name}" already exists; choose another name.`,
          };
        return edit(`Edit the project type "${body.name}"`, () => {
          t.template = { ...structuredClone(body), key: t.template.key };
          return t;
        });
      })
      .answer('project_template_duplicate', (a) => {
        const t = findTemplate(a.id);
        return edit(`Duplicate "${t.template.name}"`, () => {
          const copy = {
            id: this.#nextId++,
            template: { ...structuredClone(t.template), name: `${t.template.name} (copy)` },
          };
          this.templates.push(copy);
          return copy;
        });
      })
      .answer('project_template_delete', (a) => {
        const t = findTemplate(a.id);
        return edit(`Delete "${t.template.name}"`, () => {
          this.templates = this.templates.filter((x) => x !== t);
          return null;
        });
      })
      .answer('project_templates_import', () => {
        if (this.importError) throw this.importError;
        return edit('Import project types', () => {
          this.templates.push(...structuredClone(this.toImport));
          return this.toImport.length;
        });
      })
      .answer('project_templates_export', (a) => {
        this.exported.push(a.path as string);
        return null;
      })
      .answer('project_create_from_template', (a) => {
        const t = findTemplate(a.template_id);
        const input = a.input as ProjectInput;
        if (fake.projects.some((p) => p.name === input.name))
          throw { code: 'duplicate', message: `A project named "${input.name}" already exists.` };
        return edit(`Create project "${input.name}" as ${t.template.name}`, () => {
          const p = fake.addProject(input.name, [
            ['To do', null, 'todo'],
            ['Done', null, 'done'],
          ]);
          Object.assign(p, input);
          fake.addItems(
            'To do',
            t.template.tasks.map((x) => x.title),
            p.id,
          );
          const o = this.overview(p.id);
          o.framework = t.template.framework;
          o.phase = t.template.phase;
          o.project_type = { key: t.template.key, name: t.template.name };
          o.risks = t.template.risks.map((r, i) => ({ id: this.#nextId + i, ...r, status: 'open' }));
          return { ...p };
        });
      })
      .answer('portfolio_get', (): Portfolio => ({
        currency: 'EUR',
        rows: fake.projects.map((p) => {
          const o = this.overview(p.id);
          return {
            project_id: p.id,
            name: p.name,
            methodology: p.methodology,
            phase: o.phase,
            framework: o.framework,
            health: { rag: 'green', reason: 'On or ahead of the baseline; no items overdue' },
            start: p.start_date,
            finish: p.finish_date,
            budget_minor: 0,
            actual_minor: 0,
            forecast_minor: null,
            owner: p.manager,
            ...this.rows.get(p.id),
          };
        }),
      }));
  }

  overview(projectId: number): LifecycleOverview {
    let o = this.overviews.get(projectId);
    if (!o) {
      o = {
        project_id: projectId,
        phase: 'initiate',
        framework: 'pmbok',
        project_type: null,
        checklists: checklists(),
        history: [],
        risks: [],
      };
      this.overviews.set(projectId, o);
    }
    return o;
  }
}
