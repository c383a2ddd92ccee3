// The Operations screen's side of the fake backend: services held whole with their months,
// incidents, scores and links; edits answer with the service's detail (undoable through
// fake.edit); SLA states and availability from outages computed the way the core does, as of
// `now`; the core's refusals (an incident ending before it starts among them).
import type { Incident } from '../lib/bindings/Incident';
import type { IncidentInput } from '../lib/bindings/IncidentInput';
import type { OperationsDashboard } from '../lib/bindings/OperationsDashboard';
import type { Rag } from '../lib/bindings/Rag';
import type { ServiceDetail } from '../lib/bindings/ServiceDetail';
import type { ServiceInput } from '../lib/bindings/ServiceInput';
import type { ServiceTile } from '../lib/bindings/ServiceTile';
import type { SlaState } from '../lib/bindings/SlaState';
import type { FakeBackend } from './fake-backend';

const invalid = (message: string) => ({ code: 'invalid_input', message });
const DEFAULT_SLA: [number, number, number][] = [
  [1, 15, 240],
  [2, 30, 480],
  [3, 240, 4320],
  [4, 1440, 7200],
];
const worst = (...r: Rag[]): Rag => (r.includes('red') ? 'red' : r.includes('amber') ? 'amber' : 'green');
const minutes = (a: string, b: string) => Math.floor((Date.parse(b + ':00Z') - Date.parse(a + ':00Z')) / 60000);

/** The twelve months ending with `month` (YYYY-MM), oldest first. */
export function monthsEnding(month: string): string[] {
  let [y, m] = month.split('-').map(Number);
  const out: string[] = [];
  for (let i = 0; i < 12; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) [y, m] = [y - 1, 12];
  }
  return out;
}

interface Stored {
  detail: ServiceDetail;
  measured: Map<string, number>;
}

export class FakeOperations {
  services = new Map<number, Stored>();
  /** "Now" for SLA states, local `YYYY-MM-DDTHH:MM`. */
  now = '2026-12-15T12:00';
  #nextId = 70_000;

  constructor(private fake: FakeBackend) {
    const snapshot = () => structuredClone(this.services);
    const restore = (s: Map<number, Stored>) => (this.services = structuredClone(s));
    const edit = (label: string, id: number, fn: (s: Stored) => void): ServiceDetail =>
      fake.edit(label, snapshot, restore, () => {
        fn(this.of(id));
        return this.detail(id);
      });
    const ownerOf = (rowId: number) => {
      for (const [id, s] of this.services) {
        if (s.detail.incidents.some((i) => i.id === rowId) || s.detail.projects.some((p) => p.id === rowId)) return id;
      }
      throw { code: 'not_found', message: 'That no longer exists (it may have been deleted or undone).' };
    };
    fake
      .answer('operations_dashboard', () => this.dashboard())
      .answer('operations_for_project', (a) => ({
        project_id: a.project_id,
        services: [...this.services.values()]
          .filter((s) => s.detail.projects.some((p) => p.project_id === a.project_id))
          .map((s) => this.tile(s.detail.service.id)),
        caused_incidents: [...this.services.keys()]
          .flatMap((id) => this.detail(id).incidents)
          .filter((i) => i.project_id === a.project_id),
      }))
      .answer('service_get', (a) => this.detail(a.id as number))
      .answer('service_add', (a) =>
        fake.edit('Add service', snapshot, restore, () => this.detail(this.add(a.input as ServiceInput))),
      )
      .answer('service_update', (a) =>
        edit('Edit service', a.id as number, (s) => {
          const input = this.check(a.input as ServiceInput, a.id as number);
          Object.assign(s.detail.service, input);
        }),
      )
      .answer('service_delete', (a) =>
        fake.edit('Delete service', snapshot, restore, () => {
          this.of(a.id as number);
          this.services.delete(a.id as number);
          return null;
        }),
      )
      .answer('sla_target_set', (a) =>
        edit('Set targets', a.service_id as number, (s) => {
          const [r, res] = [a.response_minutes as number, a.resolution_minutes as number];
          if (!(r > 0) || !(res > 0)) throw invalid('The response target must be more than zero minutes.');
          const t = s.detail.service.sla.find((x) => x.severity === a.severity)!;
          t.response_minutes = r;
          t.resolution_minutes = res;
        }),
      )
      .answer('availability_set', (a) =>
        edit('Set availability', a.service_id as number, (s) => {
          const v = a.availability as number | null;
          if (v !== null && !(v >= 0 && v <= 100))
            throw invalid(`Availability is a percentage from 0 to 100 (it was ${v}).`);
          if (v === null) s.measured.delete(a.month as string);
          else s.measured.set(a.month as string, v);
        }),
      )
      .answer('satisfaction_set', (a) =>
        edit('Set satisfaction', a.service_id as number, (s) => {
          const v = a.score as number | null;
          if (v !== null && !(v >= 1 && v <= 5)) throw invalid(`A satisfaction score runs from 1 to 5 (it was ${v}).`);
          s.detail.satisfaction = s.detail.satisfaction.filter((x) => x.month !== a.month);
          if (v !== null)
            s.detail.satisfaction.push({ month: a.month as string, score: v, responses: a.responses as number });
          s.detail.satisfaction.sort((x, y) => y.month.localeCompare(x.month));
        }),
      )
      .answer('incident_add', (a) =>
        edit('Log incident', a.service_id as number, (s) => {
          const i = this.incident(a.input as IncidentInput);
          s.detail.incidents.push({ ...i, id: this.#nextId++, service_id: s.detail.service.id });
        }),
      )
      .answer('incident_update', (a) =>
        edit('Edit incident', ownerOf(a.id as number), (s) => {
          const i = this.incident(a.input as IncidentInput);
          const k = s.detail.incidents.findIndex((x) => x.id === a.id);
          s.detail.incidents[k] = { ...i, id: a.id as number, service_id: s.detail.service.id };
        }),
      )
      .answer('incident_delete', (a) =>
        edit('Delete incident', ownerOf(a.id as number), (s) => {
          s.detail.incidents = s.detail.incidents.filter((x) => x.id !== a.id);
        }),
      )
      .answer('service_project_link', (a) =>
        edit('Link project', a.service_id as number, (s) => {
          const project = fake.projects.find((p) => p.id === a.project_id)!;
          if (s.detail.projects.some((p) => p.project_id === a.project_id))
            throw { code: 'duplicate', message: `"${project.name}" is already linked.` };
          s.detail.projects.push({
            id: this.#nextId++,
            project_id: project.id,
            project_name: project.name,
            note: String(a.note ?? ''),
          });
        }),
      )
      .answer('service_project_unlink', (a) =>
        edit('Unlink project', ownerOf(a.id as number), (s) => {
          s.detail.projects = s.detail.projects.filter((p) => p.id !== a.id);
        }),
      );
  }

  of(id: number): Stored {
    const s = this.services.get(id);
    if (!s) throw { code: 'not_found', message: 'That service no longer exists (it may have been deleted or undone).' };
    return s;
  }

  check(input: ServiceInput, except: number | null) {
    const name = input.name.trim();
    if (!name) throw invalid("The service's name cannot be empty.");
    for (const [id, s] of this.services)
      if (id !== except && s.detail.service.name.toLowerCase() === name.toLowerCase())
        throw {
          code: 'duplicate',
          message: `There is already a service called "${name}"; give this one another name.`,
        };
    const availability_target = input.availability_target ?? 99.5;
    if (!(availability_target > 0 && availability_target <= 100))
      throw invalid('The availability target must be more than 0 % and at most 100 %.');
    const satisfaction_target = input.satisfaction_target ?? 4;
    const owner = this.fake.people.find((p) => p.id === input.owner_id);
    return {
      name,
      description: input.description.trim(),
      owner_id: owner?.id ?? null,
      owner: owner?.name ?? null,
      availability_target,
      satisfaction_target,
    };
  }

  /** Adds a service directly (test set-up, or the add command); returns its id. */
  add(input: ServiceInput): number {
    const id = this.#nextId++;
    const checked = this.check(input, null);
    this.services.set(id, {
      measured: new Map(),
      detail: {
        service: {
          id,
          ...checked,
          sla: DEFAULT_SLA.map(([severity, response_minutes, resolution_minutes]) => ({
            severity,
            response_minutes,
            resolution_minutes,
          })),
        },
        health: {
          overall: 'green',
          stability: { rag: 'green', reason: '' },
          uptime: { rag: 'green', reason: '' },
          satisfaction: { rag: 'green', reason: '' },
        },
        months: [],
        incidents: [],
        satisfaction: [],
        projects: [],
      },
    });
    return id;
  }

  incident(input: IncidentInput): Omit<Incident, 'id' | 'service_id'> {
    const title = input.title.trim();
    if (!title) throw invalid("The incident's title cannot be empty.");
    const ok = (t: string | null) => !t || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(t);
    if (!ok(input.started_at) || !input.started_at || !ok(input.responded_at) || !ok(input.resolved_at))
      throw invalid('The start "…" is not a real date and time; use the form YYYY-MM-DD HH:MM, e.g. 2026-03-31 14:05.');
    const show = (t: string) => t.replace('T', ' ');
    if (input.resolved_at && input.resolved_at < input.started_at)
      throw invalid(
        `An incident cannot end before it starts: the resolution (${show(input.resolved_at)}) is before the start (${show(input.started_at)}).`,
      );
    if (input.responded_at && input.responded_at < input.started_at)
      throw invalid('An incident cannot be responded to before it starts.');
    const project = this.fake.projects.find((p) => p.id === input.project_id);
    return {
      title,
      description: input.description,
      severity: input.severity ?? 3,
      started_at: input.started_at,
      responded_at: input.responded_at || null,
      resolved_at: input.resolved_at || null,
      outage: input.outage,
      project_id: project?.id ?? null,
      project_name: project?.name ?? null,
      response_minutes: 0,
      resolution_minutes: 0,
      response_target: 0,
      resolution_target: 0,
      response: 'open',
      resolution: 'open',
      breached: false,
    };
  }

  /** The detail with SLA states, months and health computed as of `now`. */
  detail(id: number): ServiceDetail {
    const s = this.of(id);
    const d = structuredClone(s.detail);
    const state = (done: string | null, target: number): [SlaState, number] => {
      const taken = minutes(this.#started, done ?? this.now);
      if (done) return [taken > target ? 'breached' : 'met', taken];
      return [taken > target ? 'breaching_now' : 'open', taken];
    };
    d.incidents = d.incidents
      .map((i) => {
        const t = d.service.sla.find((x) => x.severity === i.severity)!;
        this.#started = i.started_at;
        const [response, rm] = state(i.responded_at ?? i.resolved_at, t.response_minutes);
        const [resolution, sm] = state(i.resolved_at, t.resolution_minutes);
        const breached =
          ['breached', 'breaching_now'].includes(response) || ['breached', 'breaching_now'].includes(resolution);
        return {
          ...i,
          response,
          resolution,
          breached,
          response_minutes: rm,
          resolution_minutes: sm,
          response_target: t.response_minutes,
          resolution_target: t.resolution_minutes,
        };
      })
      .sort((a, b) => b.started_at.localeCompare(a.started_at));
    const month = this.now.slice(0, 7);
    d.months = monthsEnding(month).map((m) => {
      const down = d.incidents
        .filter((i) => i.outage && i.started_at.startsWith(m))
        .reduce((sum, i) => sum + minutes(i.started_at, i.resolved_at ?? this.now), 0);
      const [y, mm] = m.split('-').map(Number);
      const days = new Date(Date.UTC(y, mm, 0)).getUTCDate();
      const total = m === month ? minutes(`${m}-01T00:00`, this.now) : days * 1440;
      return {
        month: m,
        measured: s.measured.get(m) ?? null,
        computed: total > 0 ? (100 * (total - down)) / total : null,
        downtime_minutes: down,
        target: d.service.availability_target,
      };
    });
    const breaches = d.incidents.filter((i) => i.started_at.startsWith(month) && i.breached).length;
    const current = d.months[11];
    const a = current.measured ?? current.computed ?? 100;
    const target = d.service.availability_target;
    const uptime: Rag = a >= target ? 'green' : 100 - a <= 2 * (100 - target) ? 'amber' : 'red';
    const stability: Rag = breaches >= 2 ? 'red' : breaches === 1 ? 'amber' : 'green';
    const score = d.satisfaction[0]?.score;
    const st = d.service.satisfaction_target;
    const satisfaction: Rag = score === undefined || score >= st ? 'green' : score >= st - 0.5 ? 'amber' : 'red';
    d.health = {
      overall: worst(stability, uptime, satisfaction),
      stability: { rag: stability, reason: `${breaches} SLA breaches this month` },
      uptime: { rag: uptime, reason: `Availability ${a.toFixed(2)} % against target ${target} %` },
      satisfaction: {
        rag: satisfaction,
        reason: score === undefined ? 'No satisfaction score this or last month' : `Satisfaction ${score}`,
      },
    };
    return d;
  }
  #started = '';

  tile(id: number): ServiceTile {
    const d = this.detail(id);
    return {
      id,
      name: d.service.name,
      owner: d.service.owner,
      availability_target: d.service.availability_target,
      satisfaction_target: d.service.satisfaction_target,
      health: d.health,
      months: d.months,
      open_incidents: d.incidents.filter((i) => !i.resolved_at).length,
      breaches_this_month: d.incidents.filter((i) => i.started_at.startsWith(this.now.slice(0, 7)) && i.breached)
        .length,
      latest_satisfaction: d.satisfaction[0]?.score ?? null,
      projects: d.projects.map((p) => p.project_name),
    };
  }

  dashboard(): OperationsDashboard {
    const tiles = [...this.services.keys()].map((id) => this.tile(id)).sort((a, b) => a.name.localeCompare(b.name));
    return {
      month: this.now.slice(0, 7),
      services: tiles,
      projects: this.fake.projects.map((p) => ({
        project_id: p.id,
        name: p.name,
        overall: 'green',
        on_time: { rag: 'green', reason: 'On or ahead of the baseline; no items overdue' },
        in_scope: { rag: 'green', reason: 'No change request waiting for a decision' },
        on_budget: { rag: 'green', reason: 'No budget set' },
        services: tiles.filter((t) => t.projects.includes(p.name)).map((t) => t.name),
      })),
    };
  }
}
