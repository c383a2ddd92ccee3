// Reports in the fake backend: the six kinds as the core lists them, renders that return a
// small SVG page, and saves that only accept the latest render's token, as the core does.
// A test can hold renders (`hold = true`) and let each one finish when it likes, to see what
// the screen does with a slow or overtaken render.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { KindInfo } from '../lib/bindings/KindInfo';
import type { RenderedReport } from '../lib/bindings/RenderedReport';
import type { ReportRequest } from '../lib/bindings/ReportRequest';
import type { FakeBackend } from './fake-backend';

export function reportKinds(): KindInfo[] {
  return [
    {
      kind: 'status',
      name: 'status',
      title: 'Status report',
      description:
        'Progress, milestones against the baseline, critical path, work in progress, overdue and blocked items, next steps. One project or all of them.',
      project: 'one_or_all',
      sprint: false,
      person: false,
      period: true,
      landscape: false,
    },
    {
      kind: 'schedule',
      name: 'schedule',
      title: 'Schedule report',
      description:
        'The Gantt chart of the work breakdown: dependencies, critical path and the baseline, over as many pages as it needs.',
      project: 'one',
      sprint: false,
      person: false,
      period: true,
      landscape: true,
    },
    {
      kind: 'sprint',
      name: 'sprint',
      title: 'Sprint report',
      description: "A sprint's goal, burndown, the team's velocity, and what was and was not completed.",
      project: 'one',
      sprint: true,
      person: false,
      period: false,
      landscape: false,
    },
    {
      kind: 'board',
      name: 'board',
      title: 'Board report',
      description: "The board's columns with their items and WIP limits, grouped in swimlanes by assignee.",
      project: 'one',
      sprint: false,
      person: false,
      period: false,
      landscape: true,
    },
    {
      kind: 'budget',
      name: 'budget',
      title: 'Budget report',
      description:
        'Budget by category against actual cost, earned value (CPI, SPI, EAC) with the S-curve and forecast, and the change requests.',
      project: 'one',
      sprint: false,
      person: false,
      period: false,
      landscape: false,
    },
    {
      kind: 'closure',
      name: 'closure',
      title: 'Closure report',
      description:
        'Outcomes against the baseline (dates, duration, work, cost), budget against actual and EAC, deliverables accepted, change requests and the lessons learned.',
      project: 'one',
      sprint: false,
      person: false,
      period: false,
      landscape: false,
    },
    {
      kind: 'career',
      name: 'career',
      title: 'Career progress report',
      description:
        "A person's skill levels against their targets, evidence, certifications with renewal status, and development goals.",
      project: 'none',
      sprint: false,
      person: true,
      period: false,
      landscape: false,
    },
  ];
}

type Held = { request: ReportRequest; release: () => void };

export class FakeReports {
  kinds = reportKinds();
  /** The pages of the next renders. */
  pages = 5;
  bytes = 126_000;
  /** The token of the latest render: the only one report_save accepts. */
  lastToken = 0;
  /** What report_save wrote, in order. */
  saved: { token: number; path: string }[] = [];
  /** Renders wait until released (see `held`). */
  hold = false;
  held: Held[] = [];

  constructor(private fake: FakeBackend) {
    fake
      .answer('report_kinds', () => this.kinds)
      .answer('report_render', (a) => this.render(a.request as ReportRequest))
      .answer('report_save', (a) => {
        const token = a.token as number;
        if (token !== this.lastToken) {
          throw { code: 'not_found', message: 'That report is no longer ready to save: make it again.' };
        }
        this.saved.push({ token, path: a.path as string });
        return null;
      });
  }

  /**
   * Answers IPC like FakeBackend.install, but lets report_render wait while `hold` is set.
   * Call it after renderApp (which installs the plain fake).
   */
  install() {
    mockIPC(async (cmd, args) => {
      const result = structuredClone(this.fake.handle(cmd, (args ?? {}) as Record<string, unknown>));
      if (cmd === 'report_render' && this.hold) {
        const request = (args as { request: ReportRequest }).request;
        await new Promise<void>((release) => this.held.push({ request, release }));
      }
      return result;
    });
    return this;
  }

  /** The requests report_render was called with. */
  requests(): ReportRequest[] {
    return this.fake.callsOf('report_render').map((a) => a.request as ReportRequest);
  }

  render(request: ReportRequest): RenderedReport {
    const kind = this.kinds.find((k) => k.kind === request.kind)!;
    const project = this.fake.projects.find((p) => p.id === request.project_id);
    const person = this.fake.people.find((p) => p.id === request.person_id);
    const subject = kind.project === 'none' ? (person?.name ?? '') : (project?.name ?? 'All projects');
    const token = ++this.lastToken;
    const [w, h] = kind.landscape ? [842, 595] : [595, 842];
    return {
      token,
      title: `${kind.title} – ${subject}`,
      file_name: `${subject} - ${kind.title} - 2026-03-02.pdf`,
      pages: this.pages,
      bytes: this.bytes,
      preview_svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><text x="40" y="60">${kind.title} ${token}</text></svg>`,
    };
  }
}
