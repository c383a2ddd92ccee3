// An in-memory stand-in for the Rust command layer, installed with mockIPC. It keeps just
// enough state to answer the commands the UI sends, records every call, and lets a test make
// any command fail with a CommandError.
import { mockIPC } from '@tauri-apps/api/mocks';
import { FakeInterchange } from './fake-interchange';
import { todayIso } from '../lib/shared/format';
import type { Board } from '../lib/bindings/Board';
import type { CommandError } from '../lib/bindings/CommandError';
import type { DependencyKind } from '../lib/bindings/DependencyKind';
import type { Methodology } from '../lib/bindings/Methodology';
import type { Person } from '../lib/bindings/Person';
import type { Project } from '../lib/bindings/Project';
import type { ProjectInput } from '../lib/bindings/ProjectInput';
import type { ProjectSchedule } from '../lib/bindings/ProjectSchedule';
import type { ScheduleChanges } from '../lib/bindings/ScheduleChanges';
import type { ScheduleCalendar } from '../lib/bindings/ScheduleCalendar';
import type { TaskScheduleInput } from '../lib/bindings/TaskScheduleInput';
import type { LinkInput } from '../lib/bindings/LinkInput';
import type { RecentEntry } from '../lib/bindings/RecentEntry';
import type { ScheduledTask } from '../lib/bindings/ScheduledTask';
import type { ScheduleLink } from '../lib/bindings/ScheduleLink';
import type { Status } from '../lib/bindings/Status';
import type { StatusInput } from '../lib/bindings/StatusInput';
import type { WorkItem } from '../lib/bindings/WorkItem';
import type { WorkItemInput } from '../lib/bindings/WorkItemInput';
import type { WorkspaceInfo } from '../lib/bindings/WorkspaceInfo';
import type { Burndown } from '../lib/bindings/Burndown';
import type { CumulativeFlow } from '../lib/bindings/CumulativeFlow';
import type { FlowTimes } from '../lib/bindings/FlowTimes';
import type { Sprint } from '../lib/bindings/Sprint';
import type { SprintInput } from '../lib/bindings/SprintInput';
import type { VelocityPoint } from '../lib/bindings/VelocityPoint';
import type { WorkingCalendar } from '../lib/bindings/WorkingCalendar';
import type { CalendarException } from '../lib/bindings/CalendarException';

export type Call = { cmd: string; args: Record<string, unknown> };
type Snapshot = {
  projects: Project[];
  statuses: Status[];
  columns: [number, WorkItem[]][];
  people: Person[];
  schedules: [number, ProjectSchedule][];
  links: ScheduleLink[];
  calendar: WorkingCalendar;
};
type Step = {
  label: string;
  project_id: number | null;
  before: Snapshot;
  after?: Snapshot;
  /** State of an added answer's own (see FakeBackend.edit). */
  extra?: { before: unknown; after: unknown; restore: (s: unknown) => void };
};

/**
 * One task of a hand-made plan: dates as YYYY-MM-DD (08:00 to 17:00); no finish: a milestone.
 * Its duration is its calendar days unless given (the fake knows no calendar).
 */
export type PlanTask = {
  wbs: string;
  name: string;
  start: string;
  finish?: string;
  days?: number;
  critical?: boolean;
  percent?: number;
  floatHours?: number;
};

const NOW = '2025-03-01T09:00:00Z';
const WORKDAY: [number, number][] = [
  [480, 720],
  [780, 1020],
];

/** YYYY-MM-DD plus `days` calendar days. */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** What the backend's `changes_between` answers: changed rows by position, links by id. */
function scheduleChanges(old: ProjectSchedule, next: ProjectSchedule): ScheduleChanges | null {
  const sameRows =
    old.project_id === next.project_id &&
    old.tasks.length === next.tasks.length &&
    old.tasks.every((t, i) => t.item_id === next.tasks[i].item_id);
  if (!sameRows || JSON.stringify(old.calendars) !== JSON.stringify(next.calendars)) return null;
  const before = new Map(old.links.map((l) => [l.id, JSON.stringify(l)]));
  const after = new Set(next.links.map((l) => l.id));
  return {
    start: next.start,
    finish: next.finish,
    tasks: next.tasks
      .map((task, position) => ({ position, task }))
      .filter(({ task, position }) => JSON.stringify(task) !== JSON.stringify(old.tasks[position])),
    links_set: next.links.filter((l) => before.get(l.id) !== JSON.stringify(l)),
    links_removed: old.links.map((l) => l.id).filter((id) => !after.has(id)),
  };
}

function scheduledTask(
  item_id: number,
  wbs: string,
  name: string,
  start: string,
  finish: string,
  days: number,
): ScheduledTask {
  return {
    item_id,
    name,
    wbs,
    summary: false,
    milestone: start === finish,
    start,
    finish,
    early_start: start,
    early_finish: finish,
    late_start: start,
    late_finish: finish,
    duration_minutes: days * 480,
    total_float_hours: 0,
    free_float_hours: 0,
    critical: false,
    percent_complete: 0,
    baseline_start: null,
    baseline_finish: null,
    resource: null,
    work_hours: 0,
    cost_minor: 0,
    plan: { constraint_type: 'asap', constraint_date: null, actual_start: null, actual_finish: null, calendar: 0 },
  };
}

/** The calendar every fake schedule runs on: Monday to Friday, 08:00–12:00 and 13:00–17:00. */
export const STANDARD_SCHEDULE_CALENDAR: ScheduleCalendar = {
  name: 'Standard',
  week: [WORKDAY, WORKDAY, WORKDAY, WORKDAY, WORKDAY, [], []],
  exceptions: [],
};

export class FakeBackend {
  calls: Call[] = [];
  /** Set once the UI asks the app to quit. */
  quit = false;
  workspace: WorkspaceInfo | null = {
    path: '/data/test.bridgeplan',
    name: 'test',
    schema_version: 1,
    read_only: null,
    workspace_uuid: '6f1c2a9e-3b4d-4e8f-9a1b-2c3d4e5f6a7b',
    site_id: 4294967296,
  };
  startError: CommandError | null = null;
  recent: RecentEntry[] = [];
  projects: Project[] = [];
  statuses: Status[] = [];
  /** Items of each status, in board order. */
  columns = new Map<number, WorkItem[]>();
  people: Person[] = [{ id: 1, name: 'Ana Silva', role: 'Security engineer' }];
  /** Make a command fail: the test sets failures.set('item_update', {code, message}). */
  failures = new Map<string, CommandError>();
  /** What the native open/save dialogs answer (null: the user cancelled). */
  dialogPath: string | null = null;
  /** Answers for the next dialogs, in turn, before `dialogPath` (an open, then a save). */
  dialogQueue: (string | null)[] = [];

  #nextDialogAnswer(): string | null {
    return this.dialogQueue.length ? (this.dialogQueue.shift() ?? null) : this.dialogPath;
  }

  /** A test's own schedule per project; other projects get a simple one made from their items. */
  schedules = new Map<number, ProjectSchedule>();
  /** The links of the projects without their own schedule. */
  links: ScheduleLink[] = [];
  /** Scrum: the sprints (any project), which sprint each item is in, and the backlog's rank order. */
  sprints: Sprint[] = [];
  sprintOf = new Map<number, number>();
  backlog: number[] = [];
  /** A test's own burndown per sprint; others get an ideal line and no days done. */
  burndowns = new Map<number, Burndown>();
  velocity: VelocityPoint[] = [];
  /** Flow: the test's own diagram (else every column empty) and times (else none). */
  flow: CumulativeFlow | null = null;
  flowTimes: FlowTimes = { items: [], average_lead_days: null, average_cycle_days: null };
  /** The one working calendar every project of the fake runs on. */
  calendar: WorkingCalendar = {
    id: 1,
    name: 'Standard',
    week: [WORKDAY, WORKDAY, WORKDAY, WORKDAY, WORKDAY, [], []],
    exceptions: [],
    used_by: [],
  };
  /**
   * Answers for commands the fake does not know itself, added by a test (or a helper module of
   * tests) for its own area: `fake.answer('skill_profile', (args) => …)`.
   */
  answers = new Map<string, (args: Record<string, unknown>) => unknown>();
  #undo: Step[] = [];
  #redo: Step[] = [];
  #nextId = 1000;
  /** The last schedule_refresh answer, as the backend keeps it. */
  #served: { revision: number; baselineId: number | null; schedule: ProjectSchedule } | null = null;

  install() {
    // Results are copied, as the real IPC serialises them: the UI never shares our objects.
    mockIPC((cmd, args) => structuredClone(this.handle(cmd, (args ?? {}) as Record<string, unknown>)));
    return this;
  }

  callsOf(cmd: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.cmd === cmd).map((c) => c.args);
  }

  addProject(name: string, statuses: [string, number | null, Status['category']][]): Project {
    const project: Project = {
      id: this.#nextId++,
      name,
      methodology: 'kanban',
      start_date: '2025-01-06',
      finish_date: '2025-06-30',
      description: '',
      item_count: 0,
      manager: null,
    };
    this.projects.push(project);
    statuses.forEach(([statusName, wip, category], position) => {
      const status: Status = {
        id: this.#nextId++,
        project_id: project.id,
        name: statusName,
        category,
        position,
        wip_limit: wip,
      };
      this.statuses.push(status);
      this.columns.set(status.id, []);
    });
    return project;
  }

  addItems(statusName: string, titles: string[], projectId = this.projects[0].id): WorkItem[] {
    const status = this.statuses.find((s) => s.name === statusName && s.project_id === projectId)!;
    return titles.map((title) => {
      const item: WorkItem = {
        id: this.#nextId++,
        project_id: projectId,
        status_id: status.id,
        item_type: 'task',
        title,
        description: '',
        assignee: null,
        estimate_hours: null,
        story_points: null,
        priority: 'medium',
        tags: [],
        due_date: null,
        created_at: NOW,
        updated_at: NOW,
        parent_id: null,
      };
      this.columns.get(status.id)!.push(item);
      return item;
    });
  }

  /** A project (waterfall unless said) whose items are the plan's tasks, with that schedule. */
  addPlan(name: string, tasks: PlanTask[], methodology: Methodology = 'waterfall'): Project {
    const project = this.addProject(name, [
      ['To do', null, 'todo'],
      ['Done', null, 'done'],
    ]);
    project.methodology = methodology;
    const items = this.addItems(
      'To do',
      tasks.map((t) => t.name),
      project.id,
    );
    const scheduled = tasks.map((t, i) => {
      const start = `${t.start}T08:00:00`;
      const finish = t.finish ? `${t.finish}T17:00:00` : start;
      const calendarDays = t.finish ? Math.round((Date.parse(t.finish) - Date.parse(t.start)) / 86_400_000) + 1 : 0;
      const task = scheduledTask(items[i].id, t.wbs, t.name, start, finish, t.days ?? calendarDays);
      task.summary = tasks[i + 1]?.wbs.startsWith(`${t.wbs}.`) ?? false;
      task.milestone = !task.summary && !t.finish;
      task.critical = t.critical ?? false;
      task.percent_complete = t.percent ?? 0;
      task.total_float_hours = t.floatHours ?? 0;
      return task;
    });
    const starts = scheduled.map((t) => t.start).sort();
    const finishes = scheduled.map((t) => t.finish).sort();
    this.schedules.set(project.id, {
      project: name,
      project_id: project.id,
      start: starts[0] ?? '2026-03-02T08:00:00',
      finish: finishes.at(-1) ?? '2026-03-02T08:00:00',
      tasks: scheduled,
      links: [],
      currency: 'EUR',
      calendars: [STANDARD_SCHEDULE_CALENDAR],
    });
    return project;
  }

  /** A planned task by name, from any schedule set with addPlan. */
  task(name: string): ScheduledTask {
    for (const schedule of this.schedules.values()) {
      const found = schedule.tasks.find((t) => t.name === name);
      if (found) return found;
    }
    throw new Error(`no task ${name}`);
  }

  /** Adds a dependency directly (test setup, not an undoable edit). */
  link(predecessor: string, successor: string, kind: DependencyKind = 'fs'): ScheduleLink {
    const pred = this.task(predecessor);
    const link: ScheduleLink = {
      id: this.#nextId++,
      predecessor_id: pred.item_id,
      successor_id: this.task(successor).item_id,
      kind,
      lag_minutes: 0,
      lag_percent: null,
    };
    this.#scheduleOf(pred.item_id).links.push(link);
    return link;
  }

  /**
   * A project's schedule: the test's own, or each item one day long, one after another from the
   * project's start (the fake does not schedule: links move nothing).
   */
  schedule(projectId: number): ProjectSchedule {
    const own = this.schedules.get(projectId);
    if (own) return own;
    const project = this.projects.find((p) => p.id === projectId);
    if (!project) throw { code: 'not_found', message: 'That project no longer exists.' };
    const first = project.start_date ?? '2026-03-02';
    const items = this.board(projectId).columns.flatMap((c) => c.items);
    const tasks = items.map((item, i) =>
      scheduledTask(
        item.id,
        String(i + 1),
        item.title,
        `${addDays(first, i)}T08:00:00`,
        `${addDays(first, i)}T17:00:00`,
        1,
      ),
    );
    const ids = new Set(items.map((i) => i.id));
    return {
      project: project.name,
      project_id: projectId,
      start: `${first}T08:00:00`,
      finish: tasks.at(-1)?.finish ?? `${first}T08:00:00`,
      tasks,
      links: this.links.filter((l) => ids.has(l.predecessor_id)),
      currency: 'EUR',
      calendars: [STANDARD_SCHEDULE_CALENDAR],
    };
  }

  #scheduledTask(itemId: number): ScheduledTask {
    const task = this.#scheduleOf(itemId).tasks.find((t) => t.item_id === itemId);
    if (!task) throw { code: 'not_found', message: 'That task no longer exists.' };
    return task;
  }

  #scheduleOf(itemId: number): ProjectSchedule {
    for (const schedule of this.schedules.values()) {
      if (schedule.tasks.some((t) => t.item_id === itemId)) return schedule;
    }
    return this.schedule(this.#find(itemId).item.project_id);
  }

  /** The tasks from `successor` back to `predecessor` along links, if adding pred → succ closes a loop. */
  #loop(links: ScheduleLink[], predecessor: number, successor: number): number[] | null {
    const walk = (at: number, path: number[]): number[] | null => {
      if (at === predecessor) return path;
      for (const l of links) {
        if (l.predecessor_id === at && !path.includes(l.successor_id)) {
          const found = walk(l.successor_id, [...path, l.successor_id]);
          if (found) return found;
        }
      }
      return null;
    };
    return walk(successor, [successor]);
  }

  /** A sprint of a project, set up directly (test setup, not an edit). */
  addSprint(projectId: number, name: string, fields: Partial<Sprint> = {}): Sprint {
    const sprint: Sprint = {
      id: this.#nextId++,
      project_id: projectId,
      name,
      goal: '',
      start_date: '2025-03-03',
      finish_date: '2025-03-14',
      capacity_points: null,
      review_notes: '',
      retro_notes: '',
      state: 'planned',
      committed_points: 0,
      completed_points: 0,
      item_count: 0,
      ...fields,
    };
    this.sprints.push(sprint);
    return sprint;
  }

  /** A sprint with its points and item count worked out from the items in it. */
  #sprintNow(sprint: Sprint): Sprint {
    const items = this.#sprintItems(sprint.id);
    const points = (list: WorkItem[]) => list.reduce((sum, i) => sum + (i.story_points ?? 0), 0);
    const done = items.filter((i) => this.statuses.find((st) => st.id === i.status_id)?.category === 'done');
    return { ...sprint, committed_points: points(items), completed_points: points(done), item_count: items.length };
  }

  #sprintItems(sprintId: number): WorkItem[] {
    return [...this.columns.values()].flat().filter((i) => this.sprintOf.get(i.id) === sprintId);
  }

  /** Items of a project in no sprint and not done: ranked ones first in rank order, then the rest. */
  #backlogOf(projectId: number): WorkItem[] {
    const items = this.board(projectId)
      .columns.filter((c) => c.status.category !== 'done')
      .flatMap((c) => c.items)
      .filter((i) => !this.sprintOf.has(i.id));
    const rank = (id: number) => {
      const at = this.backlog.indexOf(id);
      return at < 0 ? Number.MAX_SAFE_INTEGER : at;
    };
    return items
      .map((item, i) => ({ item, i }))
      .sort((a, b) => rank(a.item.id) - rank(b.item.id) || a.i - b.i)
      .map((x) => x.item);
  }

  #sprint(id: unknown): Sprint {
    const sprint = this.sprints.find((sp) => sp.id === id);
    if (!sprint) throw { code: 'not_found', message: 'That sprint no longer exists.' };
    return sprint;
  }

  #checkSprint(projectId: number, input: SprintInput, id: number | null) {
    if (this.sprints.some((sp) => sp.project_id === projectId && sp.name === input.name && sp.id !== id)) {
      throw { code: 'duplicate', message: `A sprint named "${input.name}" already exists in this project.` };
    }
    if (!input.start_date || !input.finish_date || input.finish_date < input.start_date) {
      throw { code: 'invalid_input', message: 'A sprint needs a start date and a finish date on or after it.' };
    }
  }

  status(name: string, projectId = this.projects[0].id): Status {
    return this.statuses.find((s) => s.name === name && s.project_id === projectId)!;
  }

  item(title: string): WorkItem {
    for (const items of this.columns.values()) {
      const found = items.find((i) => i.title === title);
      if (found) return found;
    }
    throw new Error(`no item ${title}`);
  }

  board(projectId: number): Board {
    const project = this.projects.find((p) => p.id === projectId);
    if (!project) throw { code: 'not_found', message: 'That project no longer exists.' };
    const columns = this.statuses
      .filter((s) => s.project_id === projectId)
      .sort((a, b) => a.position - b.position)
      .map((status) => {
        const items = this.columns.get(status.id) ?? [];
        return { status, items: [...items], over_limit: status.wip_limit != null && items.length > status.wip_limit };
      });
    return { project, columns };
  }

  #snapshot(): Snapshot {
    return structuredClone({
      projects: this.projects,
      statuses: this.statuses,
      columns: [...this.columns.entries()],
      people: this.people,
      schedules: [...this.schedules.entries()],
      links: this.links,
      calendar: this.calendar,
    });
  }

  #restore(s: Snapshot) {
    const copy = structuredClone(s);
    this.projects = copy.projects;
    this.statuses = copy.statuses;
    this.columns = new Map(copy.columns);
    this.people = copy.people;
    this.schedules = new Map(copy.schedules);
    this.links = copy.links;
    this.calendar = copy.calendar;
  }

  /** Adds an answer for a command the fake does not know (see `answers`). */
  answer(cmd: string, fn: (args: Record<string, unknown>) => unknown) {
    this.answers.set(cmd, fn);
    return this;
  }

  /**
   * An undoable edit made by an added answer: `restore` is called on undo with what `snapshot`
   * returned before the edit (and on redo with what it returned after).
   */
  edit<T, S>(label: string, snapshot: () => S, restore: (s: S) => void, fn: () => T): T {
    const before = snapshot();
    const result = this.#edit(label, null, fn);
    const after = snapshot();
    const step = this.#undo[this.#undo.length - 1];
    step.extra = { before, after, restore: restore as (s: unknown) => void };
    return result;
  }

  /** Runs an edit and records it for undo, as the core's history does. */
  #edit<T>(label: string, projectId: number | null, fn: () => T): T {
    const before = this.#snapshot();
    const result = fn();
    this.#undo.push({ label, project_id: projectId, before, after: this.#snapshot() });
    this.#redo = [];
    return result;
  }

  #find(id: number): { status: number; index: number; item: WorkItem } {
    for (const [status, items] of this.columns) {
      const index = items.findIndex((i) => i.id === id);
      if (index >= 0) return { status, index, item: items[index] };
    }
    throw { code: 'not_found', message: 'That item no longer exists.' };
  }

  #applyInput(item: WorkItem, input: WorkItemInput): WorkItem {
    if (!input.title.trim()) throw { code: 'invalid_input', message: 'A title cannot be empty.' };
    if (input.assignee && !this.people.some((p) => p.name === input.assignee)) {
      this.people.push({ id: this.#nextId++, name: input.assignee, role: '' });
    }
    return {
      ...item,
      ...input,
      item_type: input.item_type ?? item.item_type,
      priority: input.priority ?? item.priority,
      updated_at: NOW,
    };
  }

  handle(cmd: string, args: Record<string, unknown>): unknown {
    this.calls.push({ cmd, args: structuredClone(args) });
    const failure = this.failures.get(cmd);
    if (failure) throw failure;
    const a = args as Record<string, never>;
    switch (cmd) {
      case 'session_start':
        return { workspace: this.workspace, error: this.startError, today: todayIso() };
      case 'app_info':
        return { version: '0.1.0', demo_path: '/data/demo.bridgeplan' };
      case 'recent_list':
        return this.recent;
      case 'recent_remove':
        this.recent = this.recent.filter((r) => r.path !== a.path);
        return this.recent;
      case 'workspace_open':
      case 'workspace_new': {
        const path = a.path as string;
        this.workspace = {
          path,
          name: path.split('/').pop()!.replace('.bridgeplan', ''),
          schema_version: 1,
          read_only: null,
          workspace_uuid: '6f1c2a9e-3b4d-4e8f-9a1b-2c3d4e5f6a7b',
          site_id: 4294967296,
        };
        return this.workspace;
      }
      case 'workspace_open_demo':
        this.workspace = {
          path: '/data/demo.bridgeplan',
          name: 'Northwind Logistics (demo)',
          schema_version: 1,
          read_only: null,
          workspace_uuid: '6f1c2a9e-3b4d-4e8f-9a1b-2c3d4e5f6a7b',
          site_id: 4294967296,
        };
        return this.workspace;
      case 'workspace_close':
        this.workspace = null;
        return null;
      case 'workspace_save_copy':
        return null;
      case 'app_quit':
        this.quit = true;
        return null;
      case 'projects_list':
        return this.projects.map((p) => ({ ...p }));
      case 'project_create': {
        const input = a.input as ProjectInput;
        if (this.projects.some((p) => p.name === input.name)) {
          throw { code: 'duplicate', message: `A project named "${input.name}" already exists.` };
        }
        return this.#edit(`Create project "${input.name}"`, null, () => {
          const p = this.addProject(input.name, [
            ['To do', null, 'todo'],
            ['Done', null, 'done'],
          ]);
          Object.assign(p, input);
          return { ...p };
        });
      }
      case 'project_update': {
        const p = this.projects.find((x) => x.id === a.id)!;
        return this.#edit(`Edit project "${p.name}"`, p.id, () => Object.assign(p, a.input as ProjectInput));
      }
      case 'project_delete': {
        const p = this.projects.find((x) => x.id === a.id)!;
        return this.#edit(`Delete project "${p.name}"`, p.id, () => {
          this.projects = this.projects.filter((x) => x.id !== p.id);
          return null;
        });
      }
      case 'board_get':
        return this.board(a.project_id as number);
      case 'people_list':
        return this.people;
      case 'item_get':
        return this.#find(a.id as number).item;
      case 'item_create': {
        const input = a.input as WorkItemInput;
        const statusId = (a.status_id as number | null) ?? this.statuses.find((s) => s.project_id === a.project_id)!.id;
        return this.#edit(`Create "${input.title}"`, a.project_id as number, () => {
          const base: WorkItem = {
            id: this.#nextId++,
            project_id: a.project_id as number,
            status_id: statusId,
            item_type: 'task',
            title: '',
            description: '',
            assignee: null,
            estimate_hours: null,
            story_points: null,
            priority: 'medium',
            tags: [],
            due_date: null,
            created_at: NOW,
            updated_at: NOW,
            parent_id: null,
          };
          const item = this.#applyInput(base, input);
          this.columns.get(statusId)!.push(item);
          return item;
        });
      }
      case 'item_update': {
        const at = this.#find(a.id as number);
        const updated = this.#applyInput(at.item, a.input as WorkItemInput);
        return this.#edit(`Edit "${updated.title}"`, at.item.project_id, () => {
          this.columns.get(at.status)![at.index] = updated;
          return updated;
        });
      }
      case 'item_move': {
        const at = this.#find(a.id as number);
        const target = this.statuses.find((s) => s.id === a.status_id)!;
        return this.#edit(`Move "${at.item.title}" to ${target.name}`, at.item.project_id, () => {
          this.columns.get(at.status)!.splice(at.index, 1);
          const moved = { ...at.item, status_id: target.id };
          const list = this.columns.get(target.id)!;
          list.splice(Math.min(a.index as number, list.length), 0, moved);
          return moved;
        });
      }
      case 'item_epic_set': {
        const at = this.#find(a.id as number);
        const epicId = a.epic_id as number | null;
        const epic = epicId == null ? null : this.#find(epicId).item;
        if (epic && epic.item_type !== 'epic')
          throw { code: 'invalid_input', message: `"${epic.title}" is not an epic.` };
        const label = epic
          ? `Put "${at.item.title}" in epic "${epic.title}"`
          : `Take "${at.item.title}" out of its epic`;
        return this.#edit(label, at.item.project_id, () => {
          const updated = { ...at.item, parent_id: epicId };
          this.columns.get(at.status)![at.index] = updated;
          return updated;
        });
      }
      case 'item_delete': {
        const at = this.#find(a.id as number);
        return this.#edit(`Delete "${at.item.title}"`, at.item.project_id, () => {
          this.columns.get(at.status)!.splice(at.index, 1);
          return null;
        });
      }
      case 'status_add': {
        const input = a.input as StatusInput;
        return this.#edit(`Add column "${input.name}"`, a.project_id as number, () => {
          const position = this.statuses.filter((s) => s.project_id === a.project_id).length;
          const status: Status = { id: this.#nextId++, project_id: a.project_id as number, position, ...input };
          this.statuses.push(status);
          this.columns.set(status.id, []);
          return status;
        });
      }
      case 'status_update': {
        const status = this.statuses.find((s) => s.id === a.id)!;
        return this.#edit(`Edit column "${status.name}"`, status.project_id, () =>
          Object.assign(status, a.input as StatusInput),
        );
      }
      case 'status_delete': {
        const status = this.statuses.find((s) => s.id === a.id)!;
        return this.#edit(`Delete column "${status.name}"`, status.project_id, () => {
          this.statuses = this.statuses.filter((s) => s.id !== status.id);
          return null;
        });
      }
      case 'schedule_get':
        return this.schedule(a.project_id as number);
      // By way of schedule_get (which tests count and fail), then compared with the last
      // answer as the backend does.
      case 'schedule_refresh': {
        const args = { project_id: a.project_id, baseline_id: a.baseline_id };
        const schedule = structuredClone(this.handle('schedule_get', args)) as ProjectSchedule;
        const served = this.#served;
        const revision = (served?.revision ?? 0) + 1;
        this.#served = { revision, baselineId: a.baseline_id as number | null, schedule };
        const changes =
          served && served.revision === a.held && served.baselineId === a.baseline_id
            ? scheduleChanges(served.schedule, schedule)
            : null;
        return { revision, schedule: changes ? null : schedule, changes };
      }
      case 'dependency_add': {
        const pred = a.predecessor_id as number;
        const succ = a.successor_id as number;
        const schedule = this.#scheduleOf(pred);
        const name = (id: number) => schedule.tasks.find((t) => t.item_id === id)?.name ?? '?';
        if (pred === succ) throw { code: 'invalid_input', message: `"${name(pred)}" cannot depend on itself.` };
        if (schedule.links.some((l) => l.predecessor_id === pred && l.successor_id === succ)) {
          throw { code: 'duplicate', message: `"${name(succ)}" already depends on "${name(pred)}".` };
        }
        const loop = this.#loop(schedule.links, pred, succ);
        if (loop) {
          throw {
            code: 'invalid_input',
            message: `These tasks depend on each other in a loop, so none of them can be scheduled: ${[pred, ...loop].map(name).join(' → ')}. Remove one of these dependencies (a summary task counts as depending on its own tasks).`,
          };
        }
        return this.#edit(`Link "${name(pred)}" → "${name(succ)}"`, schedule.project_id, () => {
          const link: ScheduleLink = {
            id: this.#nextId++,
            predecessor_id: pred,
            successor_id: succ,
            kind: a.kind as DependencyKind,
            lag_minutes: a.lag_minutes as number,
            lag_percent: null,
          };
          (this.schedules.get(schedule.project_id)?.links ?? this.links).push(link);
          return link.id;
        });
      }
      case 'dependency_remove': {
        const holder = [...this.schedules.values()].find((sc) => sc.links.some((l) => l.id === a.id));
        const link = (holder?.links ?? this.links).find((l) => l.id === a.id);
        if (!link) throw { code: 'not_found', message: 'That dependency no longer exists.' };
        const schedule = this.#scheduleOf(link.predecessor_id);
        const name = (id: number) => schedule.tasks.find((t) => t.item_id === id)?.name ?? '?';
        return this.#edit(
          `Unlink "${name(link.predecessor_id)}" → "${name(link.successor_id)}"`,
          schedule.project_id,
          () => {
            const links = this.schedules.get(schedule.project_id)?.links ?? this.links;
            links.splice(
              links.findIndex((l) => l.id === link.id),
              1,
            );
            return null;
          },
        );
      }
      case 'task_indent':
      case 'task_outdent': {
        const task = this.#scheduledTask(a.item_id as number);
        const verb = cmd === 'task_indent' ? 'Indent' : 'Outdent';
        return this.#edit(`${verb} "${task.name}"`, this.#scheduleOf(task.item_id).project_id, () => null);
      }
      case 'task_move': {
        // The bar keeps its length in calendar days (the fake knows no calendar).
        const task = this.#scheduledTask(a.item_id as number);
        const start = a.start as string;
        const shift = Math.round((Date.parse(start.slice(0, 10)) - Date.parse(task.start.slice(0, 10))) / 86_400_000);
        return this.#edit(
          `Move "${task.name}" to start on ${start.slice(0, 10)}`,
          this.#scheduleOf(task.item_id).project_id,
          () => {
            const own = this.#scheduledTask(task.item_id);
            own.start = own.early_start = `${start.slice(0, 10)}T08:00:00`;
            own.finish = own.early_finish = `${addDays(task.finish.slice(0, 10), shift)}${task.finish.slice(10)}`;
            return null;
          },
        );
      }
      // plan: a task's constraint, progress and actuals, and a link's type and lag. The fake
      // stores them and moves no date (it does not schedule); its refusals are the backend's.
      case 'task_plan_set': {
        const task = this.#scheduledTask(a.item_id as number);
        const input = a.input as TaskScheduleInput;
        const p = input.percent_complete;
        if (!Number.isFinite(p) || p < 0 || p > 100) {
          throw { code: 'invalid_input', message: 'Percent complete is a number from 0 to 100.' };
        }
        if (input.constraint_type !== 'asap' && !input.constraint_date) {
          throw { code: 'invalid_input', message: `This constraint needs a date: on which day?` };
        }
        if (input.actual_finish && !input.actual_start) {
          throw {
            code: 'invalid_input',
            message: `"${task.name}" has no actual start: enter when it started before when it finished.`,
          };
        }
        if (task.summary && (input.constraint_type !== 'asap' || input.actual_start)) {
          throw { code: 'invalid_input', message: `"${task.name}" is a summary task: its dates come from its tasks.` };
        }
        const at = (d: string | null, time: string) => (d ? (d.length === 10 ? `${d}T${time}` : d) : null);
        const finish =
          input.constraint_type === 'fnet' || input.constraint_type === 'fnlt' || input.constraint_type === 'mfo';
        return this.#edit(`Update the schedule of "${task.name}"`, this.#scheduleOf(task.item_id).project_id, () => {
          const own = this.#scheduledTask(task.item_id);
          own.percent_complete = input.actual_finish ? 100 : p;
          own.plan = {
            ...own.plan,
            constraint_type: input.constraint_type,
            constraint_date:
              input.constraint_type === 'asap' ? null : at(input.constraint_date, finish ? '17:00:00' : '08:00:00'),
            actual_start: at(input.actual_start, '08:00:00'),
            actual_finish: at(input.actual_finish, '17:00:00'),
          };
          return null;
        });
      }
      case 'dependency_set': {
        const holder = [...this.schedules.values()].find((sc) => sc.links.some((l) => l.id === a.id));
        const link = (holder?.links ?? this.links).find((l) => l.id === a.id);
        if (!link) throw { code: 'not_found', message: 'That dependency no longer exists.' };
        const input = a.input as LinkInput;
        if (Math.abs(input.lag_minutes) > 365 * 480) {
          throw { code: 'invalid_input', message: 'A lag or lead is at most a year (365 working days) either way.' };
        }
        const schedule = this.#scheduleOf(link.predecessor_id);
        const name = (id: number) => schedule.tasks.find((t) => t.item_id === id)?.name ?? '?';
        return this.#edit(
          `Change "${name(link.predecessor_id)}" → "${name(link.successor_id)}"`,
          schedule.project_id,
          () => {
            Object.assign(link, {
              kind: input.kind,
              lag_minutes: input.lag_percent == null ? input.lag_minutes : 0,
              lag_percent: input.lag_percent,
            });
            return null;
          },
        );
      }
      case 'task_finish_set': {
        const task = this.#scheduledTask(a.item_id as number);
        const finish = (a.finish as string).slice(0, 10);
        if (finish < task.start.slice(0, 10)) {
          throw {
            code: 'invalid_input',
            message: `"${task.name}" starts ${task.start.slice(0, 10)}; its finish must come after that.`,
          };
        }
        return this.#edit(`Change the finish of "${task.name}"`, this.#scheduleOf(task.item_id).project_id, () => {
          const own = this.#scheduledTask(task.item_id);
          own.finish = own.early_finish = `${finish}T17:00:00`;
          return null;
        });
      }
      case 'calendar_get':
        return { ...this.calendar, used_by: this.projects.map((p) => p.name) };
      case 'calendar_week_set': {
        const week = a.week as [number, number][][];
        if (week.length !== 7) throw { code: 'invalid_input', message: 'A working week has seven days.' };
        if (week.every((d) => d.length === 0)) {
          throw {
            code: 'invalid_input',
            message: `The calendar "${this.calendar.name}" has no working time on any weekday.`,
          };
        }
        return this.#edit(`Change the working week of "${this.calendar.name}"`, null, () => {
          this.calendar.week = week;
          return null;
        });
      }
      case 'calendar_exception_set': {
        const exception = a.exception as CalendarException;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(exception.day)) {
          throw {
            code: 'invalid_input',
            message: `The date "${exception.day}" is not a real date; use the form YYYY-MM-DD, e.g. 2026-03-31.`,
          };
        }
        const what = exception.spans.length
          ? `Change the working time of ${exception.day}`
          : `Make ${exception.day} a holiday`;
        return this.#edit(`${what} in "${this.calendar.name}"`, null, () => {
          this.calendar.exceptions = [
            ...this.calendar.exceptions.filter((e) => e.day !== exception.day),
            exception,
          ].sort((x, y) => x.day.localeCompare(y.day));
          return null;
        });
      }
      case 'calendar_exception_remove': {
        const day = a.day as string;
        if (!this.calendar.exceptions.some((e) => e.day === day)) {
          throw { code: 'not_found', message: `"${this.calendar.name}" has no exception on ${day}.` };
        }
        return this.#edit(`Make ${day} a normal day in "${this.calendar.name}"`, null, () => {
          this.calendar.exceptions = this.calendar.exceptions.filter((e) => e.day !== day);
          return null;
        });
      }
      case 'sprints_list':
        return this.sprints.filter((sp) => sp.project_id === a.project_id).map((sp) => this.#sprintNow(sp));
      case 'sprint_create': {
        const input = a.input as SprintInput;
        this.#checkSprint(a.project_id as number, input, null);
        return this.addSprint(a.project_id as number, input.name, { ...input });
      }
      case 'sprint_update': {
        const sprint = this.#sprint(a.id);
        const input = a.input as SprintInput;
        this.#checkSprint(sprint.project_id, input, sprint.id);
        return this.#sprintNow(Object.assign(sprint, input));
      }
      case 'sprint_notes_set': {
        const sprint = this.#sprint(a.id);
        return this.#sprintNow(Object.assign(sprint, { review_notes: a.review, retro_notes: a.retro }));
      }
      case 'sprint_delete':
        this.sprints = this.sprints.filter((sp) => sp.id !== a.id);
        for (const [item, sprint] of this.sprintOf) if (sprint === a.id) this.sprintOf.delete(item);
        return null;
      case 'sprint_assign':
        if (a.sprint_id == null) this.sprintOf.delete(a.item_id as number);
        else this.sprintOf.set(a.item_id as number, a.sprint_id as number);
        return null;
      case 'backlog_get':
        return this.#backlogOf(a.project_id as number);
      case 'backlog_rank': {
        const item = this.#find(a.item_id as number).item;
        const ids = this.#backlogOf(item.project_id)
          .map((i) => i.id)
          .filter((id) => id !== item.id);
        ids.splice(a.index as number, 0, item.id);
        this.backlog = ids;
        return null;
      }
      case 'sprint_plan_get': {
        const sprint = this.#sprintNow(this.#sprint(a.id));
        const over = sprint.capacity_points == null ? 0 : Math.max(0, sprint.committed_points - sprint.capacity_points);
        return { sprint, items: this.#sprintItems(sprint.id), over_commitment: over };
      }
      case 'sprint_burndown': {
        const own = this.burndowns.get(a.id as number);
        if (own) return own;
        const sprint = this.#sprintNow(this.#sprint(a.id));
        const days: string[] = [];
        for (let d = sprint.start_date; d <= sprint.finish_date; d = addDays(d, 1)) days.push(d);
        const step = sprint.committed_points / Math.max(1, days.length - 1);
        return { days, ideal: days.map((_, i) => sprint.committed_points - i * step), remaining: days.map(() => null) };
      }
      case 'sprint_velocity':
        return this.velocity;
      case 'flow_cumulative': {
        if (this.flow) return this.flow;
        const days: string[] = [];
        for (let d = a.from as string; d <= (a.to as string); d = addDays(d, 1)) days.push(d);
        const bands = this.board(a.project_id as number).columns.map((c) => ({
          status_id: c.status.id,
          name: c.status.name,
          category: c.status.category,
          counts: days.map(() => 0),
        }));
        return { days, bands };
      }
      case 'flow_times':
        return this.flowTimes;
      case 'history_state':
        return {
          undo_label: this.#undo.at(-1)?.label ?? null,
          redo_label: this.#redo.at(-1)?.label ?? null,
        };
      case 'history_undo': {
        const step = this.#undo.pop();
        if (!step) return null;
        step.after = this.#snapshot();
        this.#restore(step.before);
        step.extra?.restore(step.extra.before);
        this.#redo.push(step);
        return { label: step.label, project_id: step.project_id };
      }
      case 'history_redo': {
        const step = this.#redo.pop();
        if (!step) return null;
        this.#restore(step.after!);
        step.extra?.restore(step.extra.after);
        this.#undo.push(step);
        return { label: step.label, project_id: step.project_id };
      }
      case 'report_board_painted':
        return false;
      case 'report_bench_edits':
        return null;
      case 'path_open':
        return this.#nextDialogAnswer();
      case 'path_save': {
        // As the backend does: the filter's extension is added when the dialog left it out.
        const chosen = this.#nextDialogAnswer();
        const ext = (args.options as { filters?: { extensions: string[] }[] }).filters?.[0]?.extensions[0];
        if (!chosen || !ext || chosen.toLowerCase().endsWith(`.${ext}`)) return chosen;
        return `${chosen}.${ext}`;
      }
      case 'upcoming_list':
        return this.answers.get(cmd)?.(args) ?? [];
      // Time tracking: the item detail panel's ItemTime asks for these on every item, so every
      // detail-panel test gets "nothing logged" unless a test adds fake-time's answers.
      case 'item_actuals_get':
      case 'time_entries_list':
      case 'timers_list': {
        const answer = this.answers.get(cmd);
        if (answer) return answer(args);
        if (cmd !== 'item_actuals_get') return [];
        const estimate = this.#find(args.item_id as number).item.estimate_hours;
        return {
          item_id: args.item_id,
          actual_minutes: 0,
          estimate_hours: estimate,
          remaining_hours_set: null,
          remaining_hours: estimate,
          actual_cost_minor: 0,
          currency: 'EUR',
        };
      }
      // Lifecycle: the Overview tab and the New project form's "Project type" show in other
      // areas' tests, so they get empty answers here; fake-lifecycle.ts answers them fully.
      case 'project_templates_list':
        return this.answers.get(cmd)?.(args) ?? [];
      case 'lifecycle_overview':
        return (
          this.answers.get(cmd)?.(args) ?? {
            project_id: args.project_id,
            phase: 'initiate',
            framework: 'pmbok',
            project_type: null,
            checklists: [],
            history: [],
            risks: [],
          }
        );
      // Resources: the item detail panel's assignments slot asks for these on every screen
      // that shows an item, so they answer "none" unless fake-resources.ts is installed.
      case 'assignments_list':
      case 'equipment_list':
        return this.answers.get(cmd)?.(args) ?? [];
      case 'resource_people_list':
        return (
          this.answers.get(cmd)?.(args) ??
          this.people.map((p) => ({
            ...p,
            cost_rate_minor: 0,
            capacity_hours_per_week: 40,
            calendar_id: null,
            calendar_name: null,
          }))
        );
      // Health: the sidebar's dots show in every test; none unless a test adds FakeHealth.
      case 'health_dots':
        return this.answers.get(cmd)?.(args) ?? [];
      // Scope: the Scope tab, which tests of other areas reach by switching views, sees an
      // empty scope unless a test adds FakeScope (fake-scope.ts).
      case 'scope_get':
        return (
          this.answers.get(cmd)?.(args) ?? {
            project_id: a.project_id,
            objectives: [],
            deliverables: [],
            in_scope: [],
            out_of_scope: [],
            changes: [],
            currency: 'EUR',
          }
        );
      // Search: nothing found unless a test adds FakeSearch (fake-search.ts).
      case 'search_run':
        return this.answers.get(cmd)?.(args) ?? { query: a.query, total: 0, groups: [] };
      // My day: empty unless a test adds FakeMyDay (fake-myday.ts); the window asks at start.
      case 'my_day':
        return (
          this.answers.get(cmd)?.(args) ?? {
            today: '2026-12-02',
            person_id: a.person_id ?? null,
            due: [],
            blocked: [],
            meetings: [],
            risks: [],
            communications: [],
            goals: [],
          }
        );
      // Operations: the Operations screen and a project's services panel see no services
      // unless a test adds FakeOperations (fake-operations.ts).
      case 'operations_dashboard':
        return this.answers.get(cmd)?.(args) ?? { month: todayIso().slice(0, 7), services: [], projects: [] };
      case 'operations_for_project':
        return this.answers.get(cmd)?.(args) ?? { project_id: a.project_id, services: [], caused_incidents: [] };
      default: {
        const answer = this.answers.get(cmd);
        if (answer) return answer(args);
        throw { code: 'internal', message: `The fake backend does not know ${cmd}.` };
      }
    }
  }
}

/** A workspace with one Kanban project whose "In progress" column is over its WIP limit. */
export function standardBackend(): FakeBackend {
  const fake = new FakeBackend();
  fake.addProject('Security Hardening', [
    ['Backlog', null, 'todo'],
    ['Ready', 5, 'todo'],
    ['In progress', 2, 'in_progress'],
    ['Review', 2, 'in_progress'],
    ['Done', null, 'done'],
  ]);
  fake.addItems('Backlog', ['Enable MFA for admins', 'Rotate service passwords']);
  fake.addItems('Ready', ['Patch VPN gateway']);
  fake.addItems('In progress', ['Harden SSH config', 'Review firewall rules', 'Audit S3 buckets']);
  fake.addItems('Done', ['Inventory of servers']);
  fake.addProject('Customer Portal', [
    ['To do', null, 'todo'],
    ['Done', null, 'done'],
  ]);
  fake.addItems('To do', ['Login page'], fake.projects[1].id);
  new FakeInterchange(fake);
  return fake;
}
