// The RAID tab's side of the fake backend: each project's risks, issues, assumptions and
// dependencies, a log computed from them as the core does (score, band, heat maps, due for
// review, late), the core's refusals of probability or impact outside 1–5 and empty titles,
// and every edit undoable through fake.edit.
import type { Assumption } from '../lib/bindings/Assumption';
import type { AssumptionInput } from '../lib/bindings/AssumptionInput';
import type { DependencyInput } from '../lib/bindings/DependencyInput';
import type { ExternalDependency } from '../lib/bindings/ExternalDependency';
import type { IssueInput } from '../lib/bindings/IssueInput';
import type { RaidIssue } from '../lib/bindings/RaidIssue';
import type { RaidLog } from '../lib/bindings/RaidLog';
import type { Risk } from '../lib/bindings/Risk';
import type { RiskCategory } from '../lib/bindings/RiskCategory';
import type { RiskInput } from '../lib/bindings/RiskInput';
import type { ScoreBand } from '../lib/bindings/ScoreBand';
import type { FakeBackend } from './fake-backend';

const invalid = (message: string) => ({ code: 'invalid_input', message });

export const CATEGORY_LABELS: Record<RiskCategory, string> = {
  cybersecurity: 'Cybersecurity',
  emerging_technology: 'Emerging technology',
  vendor: 'Vendor',
  data_loss: 'Data loss',
  compliance: 'Compliance',
  staffing: 'Staffing',
  schedule: 'Schedule',
  budget: 'Budget',
  technical: 'Technical',
  other: 'Other',
};

export function band(score: number): ScoreBand {
  return score <= 4 ? 'low' : score <= 9 ? 'medium' : score <= 16 ? 'high' : 'critical';
}

type Store = {
  risks: Risk[];
  issues: RaidIssue[];
  assumptions: Assumption[];
  dependencies: ExternalDependency[];
};

export class FakeRaid {
  store: Store = { risks: [], issues: [], assumptions: [], dependencies: [] };
  today: string;
  #nextId = 70_000;

  constructor(
    private fake: FakeBackend,
    today = '2026-12-02',
  ) {
    this.today = today;
    const snapshot = () => structuredClone(this.store);
    const restore = (s: Store) => (this.store = structuredClone(s));
    const edit = (label: string, projectId: number, fn: () => void): RaidLog =>
      fake.edit(label, snapshot, restore, () => {
        fn();
        return this.log(projectId);
      });
    const find = <T extends { id: number; project_id: number }>(rows: T[], id: unknown, what: string): T => {
      const row = rows.find((r) => r.id === id);
      if (!row) throw { code: 'not_found', message: `That ${what} no longer exists.` };
      return row;
    };
    fake
      .answer('raid_get', (a) => this.log(a.project_id as number))
      .answer('risk_add', (a) => {
        const risk = this.#risk(a.project_id as number, this.#nextId++, a.input as RiskInput);
        return edit('Add risk', risk.project_id, () => this.store.risks.push(risk));
      })
      .answer('risk_update', (a) => {
        const old = find(this.store.risks, a.id, 'risk');
        const next = this.#risk(old.project_id, old.id, a.input as RiskInput);
        return edit('Edit risk', old.project_id, () => {
          const at = this.store.risks.findIndex((r) => r.id === old.id);
          this.store.risks[at] = { ...next, actions: this.store.risks[at].actions };
        });
      })
      .answer('risk_delete', (a) => {
        const old = find(this.store.risks, a.id, 'risk');
        return edit('Delete risk', old.project_id, () => {
          this.store.risks = this.store.risks.filter((r) => r.id !== old.id);
          for (const i of this.store.issues) if (i.risk_id === old.id) i.risk_id = null;
        });
      })
      .answer('risk_action_add', (a) => {
        const risk = find(this.store.risks, a.risk_id, 'risk');
        const title = String(a.title ?? '').trim();
        if (!title) throw invalid("The action's title cannot be empty.");
        return edit('Add action', risk.project_id, () =>
          this.store.risks
            .find((r) => r.id === risk.id)!
            .actions.push({
              id: this.#nextId++,
              item_id: this.#nextId++,
              title,
              status: 'To do',
              done: false,
              assignee: risk.owner_name,
              due_date: (a.due_date as string | null) ?? null,
            }),
        );
      })
      .answer('risk_action_remove', (a) => {
        const risk = this.store.risks.find((r) => r.actions.some((x) => x.id === a.id));
        if (!risk) throw { code: 'not_found', message: 'That risk action no longer exists.' };
        return edit('Remove a risk action', risk.project_id, () => {
          const r = this.store.risks.find((x) => x.id === risk.id)!;
          r.actions = r.actions.filter((x) => x.id !== a.id);
        });
      })
      .answer('risk_raise_issue', (a) => {
        const risk = find(this.store.risks, a.id, 'risk');
        if (this.store.issues.some((i) => i.risk_id === risk.id))
          throw { code: 'duplicate', message: 'This risk has already been raised as an issue.' };
        return edit('Raise risk as an issue', risk.project_id, () => {
          this.store.risks.find((r) => r.id === risk.id)!.status = 'occurred';
          this.store.issues.push(
            this.#issue(risk.project_id, this.#nextId++, {
              title: risk.title,
              description: risk.effect,
              priority: risk.band,
              owner_id: risk.owner_id,
              raised_on: this.today,
              due_date: null,
              status: 'open',
              resolution: '',
              risk_id: risk.id,
            }),
          );
        });
      })
      .answer('raid_issue_add', (a) => {
        const issue = this.#issue(a.project_id as number, this.#nextId++, a.input as IssueInput);
        return edit('Add issue', issue.project_id, () => this.store.issues.push(issue));
      })
      .answer('raid_issue_update', (a) => {
        const old = find(this.store.issues, a.id, 'issue');
        const next = this.#issue(old.project_id, old.id, a.input as IssueInput);
        return edit('Edit issue', old.project_id, () => {
          this.store.issues[this.store.issues.findIndex((i) => i.id === old.id)] = next;
        });
      })
      .answer('raid_issue_delete', (a) => {
        const old = find(this.store.issues, a.id, 'issue');
        return edit('Delete an issue', old.project_id, () => {
          this.store.issues = this.store.issues.filter((i) => i.id !== old.id);
        });
      })
      .answer('assumption_add', (a) => {
        const row = this.#assumption(a.project_id as number, this.#nextId++, a.input as AssumptionInput);
        return edit('Add assumption', row.project_id, () => this.store.assumptions.push(row));
      })
      .answer('assumption_update', (a) => {
        const old = find(this.store.assumptions, a.id, 'assumption');
        const next = this.#assumption(old.project_id, old.id, a.input as AssumptionInput);
        return edit('Edit assumption', old.project_id, () => {
          this.store.assumptions[this.store.assumptions.findIndex((x) => x.id === old.id)] = next;
        });
      })
      .answer('assumption_delete', (a) => {
        const old = find(this.store.assumptions, a.id, 'assumption');
        return edit('Delete an assumption', old.project_id, () => {
          this.store.assumptions = this.store.assumptions.filter((x) => x.id !== old.id);
        });
      })
      .answer('external_dependency_add', (a) => {
        const row = this.#dependency(a.project_id as number, this.#nextId++, a.input as DependencyInput);
        return edit('Add dependency', row.project_id, () => this.store.dependencies.push(row));
      })
      .answer('external_dependency_update', (a) => {
        const old = find(this.store.dependencies, a.id, 'dependency');
        const next = this.#dependency(old.project_id, old.id, a.input as DependencyInput);
        return edit('Edit dependency', old.project_id, () => {
          this.store.dependencies[this.store.dependencies.findIndex((x) => x.id === old.id)] = next;
        });
      })
      .answer('external_dependency_delete', (a) => {
        const old = find(this.store.dependencies, a.id, 'dependency');
        return edit('Delete a dependency', old.project_id, () => {
          this.store.dependencies = this.store.dependencies.filter((x) => x.id !== old.id);
        });
      });
  }

  /** Adds a risk directly (no undo step), as a test's starting data. */
  addRisk(projectId: number, input: Partial<RiskInput> & { title: string }): Risk {
    const risk = this.#risk(projectId, this.#nextId++, { ...blankRisk(), ...input });
    this.store.risks.push(risk);
    return risk;
  }

  log(projectId: number): RaidLog {
    const mine = <T extends { project_id: number }>(rows: T[]) =>
      structuredClone(rows.filter((r) => r.project_id === projectId));
    const risks = mine(this.store.risks).map((r) => ({
      ...r,
      due_for_review: this.#due(r),
      issue_id: this.store.issues.find((i) => i.risk_id === r.id)?.id ?? null,
    }));
    risks.sort((a, b) => b.score - a.score);
    const heat = () => Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
    const inherent = heat();
    const residual = heat();
    for (const r of risks.filter((x) => x.status === 'open' || x.status === 'monitoring')) {
      inherent[r.probability - 1][r.impact - 1]++;
      if (r.residual_probability !== null && r.residual_impact !== null)
        residual[r.residual_probability - 1][r.residual_impact - 1]++;
    }
    return {
      project_id: projectId,
      risks,
      heat_map: { cells: inherent },
      residual_heat_map: { cells: residual },
      issues: mine(this.store.issues).map((i) => ({
        ...i,
        risk_title: this.store.risks.find((r) => r.id === i.risk_id)?.title ?? null,
      })),
      assumptions: mine(this.store.assumptions),
      dependencies: mine(this.store.dependencies),
      categories: (Object.keys(CATEGORY_LABELS) as RiskCategory[]).map((key) => ({
        key,
        label: CATEGORY_LABELS[key],
      })),
      today: this.today,
    };
  }

  #due(r: Risk): boolean {
    return (r.status === 'open' || r.status === 'monitoring') && r.review_date !== null && r.review_date <= this.today;
  }

  #owner(id: number | null): string | null {
    if (id === null) return null;
    const person = this.fake.people.find((p) => p.id === id);
    if (!person) throw { code: 'not_found', message: 'That person is not in this workspace.' };
    return person.name;
  }

  #risk(projectId: number, id: number, input: RiskInput): Risk {
    const title = input.title.trim();
    if (!title) throw invalid("The risk's title cannot be empty.");
    const scale = (field: string, v: number) => {
      if (!Number.isInteger(v) || v < 1 || v > 5)
        throw invalid(`${field} must be a whole number from 1 to 5 (1 = very low, 5 = very high).`);
      return v;
    };
    const p = scale('The probability', input.probability);
    const i = scale('The impact', input.impact);
    const rp =
      input.residual_probability === null ? null : scale('The residual probability', input.residual_probability);
    const ri = input.residual_impact === null ? null : scale('The residual impact', input.residual_impact);
    if ((rp === null) !== (ri === null))
      throw invalid('Give both the residual probability and the residual impact, or neither.');
    if (input.review_date && !/^\d{4}-\d{2}-\d{2}$/.test(input.review_date))
      throw invalid(`The review date "${input.review_date}" is not a real date; use the form YYYY-MM-DD.`);
    const residualScore = rp !== null && ri !== null ? rp * ri : null;
    return {
      id,
      project_id: projectId,
      title,
      cause: input.cause,
      event: input.event,
      effect: input.effect,
      category: input.category,
      category_label: CATEGORY_LABELS[input.category],
      probability: p,
      impact: i,
      score: p * i,
      band: band(p * i),
      owner_id: input.owner_id,
      owner_name: this.#owner(input.owner_id),
      response: input.response,
      response_plan: input.response_plan,
      trigger: input.trigger,
      residual_probability: rp,
      residual_impact: ri,
      residual_score: residualScore,
      residual_band: residualScore === null ? null : band(residualScore),
      review_date: input.review_date || null,
      status: input.status ?? 'open',
      due_for_review: false,
      actions: [],
      issue_id: null,
      updated_at: '2026-12-02T09:00:00Z',
    };
  }

  #issue(projectId: number, id: number, input: IssueInput): RaidIssue {
    const title = input.title.trim();
    if (!title) throw invalid("The issue's title cannot be empty.");
    const status = input.status ?? 'open';
    return {
      id,
      project_id: projectId,
      title,
      description: input.description,
      priority: input.priority ?? 'medium',
      owner_id: input.owner_id,
      owner_name: this.#owner(input.owner_id),
      raised_on: input.raised_on || this.today,
      due_date: input.due_date || null,
      status,
      resolution: input.resolution,
      risk_id: input.risk_id,
      risk_title: null,
      overdue: (status === 'open' || status === 'in_progress') && !!input.due_date && input.due_date < this.today,
    };
  }

  #assumption(projectId: number, id: number, input: AssumptionInput): Assumption {
    const title = input.title.trim();
    if (!title) throw invalid('The assumption cannot be empty.');
    const status = input.status ?? 'unvalidated';
    return {
      id,
      project_id: projectId,
      title,
      description: input.description,
      owner_id: input.owner_id,
      owner_name: this.#owner(input.owner_id),
      validate_by: input.validate_by || null,
      status,
      overdue: status === 'unvalidated' && !!input.validate_by && input.validate_by < this.today,
    };
  }

  #dependency(projectId: number, id: number, input: DependencyInput): ExternalDependency {
    const title = input.title.trim();
    if (!title) throw invalid("The dependency's title cannot be empty.");
    const status = input.status ?? 'open';
    return {
      id,
      project_id: projectId,
      title,
      description: input.description,
      provider: input.provider,
      owner_id: input.owner_id,
      owner_name: this.#owner(input.owner_id),
      needed_by: input.needed_by || null,
      item_id: input.item_id,
      item_title: null,
      status,
      late: status === 'open' && !!input.needed_by && input.needed_by < this.today,
    };
  }
}

export function blankRisk(): RiskInput {
  return {
    title: '',
    cause: '',
    event: '',
    effect: '',
    category: 'other',
    probability: 3,
    impact: 3,
    owner_id: null,
    response: null,
    response_plan: '',
    trigger: '',
    residual_probability: null,
    residual_impact: null,
    review_date: null,
    status: null,
  };
}
