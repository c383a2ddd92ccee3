// The Reports screen: which report, with which options, its preview and saving it as a PDF.
//
// The backend typesets the whole PDF on every render (seconds for a big plan) and keeps only
// the latest one for `report_save`. A preview is made a moment after the options change and
// whenever the screen is shown. Every render has a generation: a result whose generation is
// no longer the latest (its options changed since, or the user cancelled it) is dropped.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { CommandError } from '../../lib/bindings/CommandError';
import type { KindInfo } from '../../lib/bindings/KindInfo';
import type { Paper } from '../../lib/bindings/Paper';
import type { Person } from '../../lib/bindings/Person';
import type { RenderedReport } from '../../lib/bindings/RenderedReport';
import type { ReportKind } from '../../lib/bindings/ReportKind';
import type { ReportRequest } from '../../lib/bindings/ReportRequest';
import type { Sprint } from '../../lib/bindings/Sprint';
import { pickReportPath } from '../../lib/shared/dialogs';
import { session } from '../workspace/session.svelte';
import { toasts } from '../../lib/shared/toasts-state.svelte';
import { workspace } from '../workspace/workspace.svelte';

/** How long the options must stay still before a new preview is made. */
export const PREVIEW_DELAY_MS = 300;

/** A rendered report and the request (as its key) it was made from. */
export type ReportPreview = { key: string; report: RenderedReport; url: string };

/** The project select's value for "All projects". */
export const ALL_PROJECTS = 'all';

/** The SVG as an image address; the app's CSP allows data: images (not blob:). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** "1 page", "5 pages". */
export function pageCount(n: number): string {
  return `${n} page${n === 1 ? '' : 's'}`;
}

/** "850 bytes", "123 KB", "2.4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

class ReportsState {
  kinds = $state.raw<KindInfo[]>([]);
  kindsLoaded = $state(false);
  /** Kinds or people could not be read. */
  loadError = $state<string | null>(null);
  people = $state.raw<Person[]>([]);
  peopleLoaded = $state(false);
  /** The sprints of one project, for the sprint select. */
  sprints = $state.raw<{ projectId: number; list: Sprint[] } | null>(null);

  // What the user chose. Each is checked against what exists (see the deriveds below), so a
  // choice survives switching kinds: "All projects" for the status report comes back after a
  // look at a schedule report.
  kind = $state<ReportKind>('status');
  /** null: the default (the workspace's selected project, else the first or all of them). */
  projectChoice = $state<number | typeof ALL_PROJECTS | null>(null);
  /** null: the running sprint, else the latest. */
  sprintChoice = $state<number | null>(null);
  personChoice = $state<number | null>(null);
  /** For the minutes: null: the project's latest meeting (see ReportMeetingOption). */
  meetingChoice = $state<number | null>(null);
  /** YYYY-MM-DD or empty. */
  from = $state('');
  to = $state('');
  paper = $state<Paper>('a4');

  preview = $state.raw<ReportPreview | null>(null);
  error = $state.raw<CommandError | null>(null);
  /** A render is running (shown with progress); `started` is Date.now() at its start. */
  busy = $state.raw<{ started: number } | null>(null);
  /** The user cancelled the last render (the empty state says so). */
  cancelled = $state(false);
  saving = $state(false);

  #generation = 0;
  #inflight: { key: string; promise: Promise<RenderedReport | null> } | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The screen was just shown: the next preview is made at once, even if one exists. */
  #fresh = false;
  #workspacePath: string | null = null;

  info = $derived(this.kinds.find((k) => k.kind === this.kind) ?? null);

  /** The project the report is about; null: all projects (or the kind needs none). */
  projectId = $derived.by((): number | null => {
    const info = this.info;
    if (!info || info.project === 'none') return null;
    const ids = workspace.projects.map((p) => p.id);
    const chosen = this.projectChoice;
    if (chosen === ALL_PROJECTS && info.project === 'one_or_all') return null;
    if (typeof chosen === 'number' && ids.includes(chosen)) return chosen;
    const selected = workspace.selectedId;
    if (selected != null && ids.includes(selected)) return selected;
    return info.project === 'one_or_all' ? null : (ids[0] ?? null);
  });

  sprintId = $derived.by((): number | null => {
    const loaded = this.sprints;
    const chosen = this.sprintChoice;
    if (!loaded || loaded.projectId !== this.projectId || chosen == null) return null;
    return loaded.list.some((s) => s.id === chosen) ? chosen : null;
  });

  personId = $derived.by((): number | null => {
    const chosen = this.personChoice;
    if (chosen != null && this.people.some((p) => p.id === chosen)) return chosen;
    return this.people[0]?.id ?? null;
  });

  periodError = $derived(
    this.info?.period && this.from && this.to && this.to < this.from ? 'The period ends before it starts.' : null,
  );

  /** Why the chosen kind cannot be made in this workspace, in words for the user. */
  blocked = $derived.by((): string | null => {
    const info = this.info;
    if (!info) return null;
    const what = info.title.toLowerCase();
    if (info.project !== 'none' && workspace.projectsLoaded && workspace.projects.length === 0) {
      return `This workspace has no projects yet, and a ${what} is made from ${
        info.project === 'one' ? 'a project' : 'its projects'
      }. Create a project first.`;
    }
    if (info.person && this.peopleLoaded && this.people.length === 0) {
      return `This workspace has no people yet, and a ${what} is about one person. People join the workspace when work is assigned to them.`;
    }
    return null;
  });

  /** What to ask the backend for; null while something is missing or invalid. */
  request = $derived.by((): ReportRequest | null => {
    const info = this.info;
    if (!info || this.blocked || this.periodError) return null;
    if (info.project !== 'none' && !workspace.projectsLoaded) return null;
    if (info.project === 'one' && this.projectId == null) return null;
    if (info.person && this.personId == null) return null;
    return {
      kind: info.kind,
      project_id: info.project === 'none' ? null : this.projectId,
      sprint_id: info.sprint ? this.sprintId : null,
      person_id: info.person ? this.personId : null,
      from: info.period && this.from ? this.from : null,
      to: info.period && this.to ? this.to : null,
      paper: this.paper,
      ...(info.meeting ? { meeting_id: this.meetingChoice } : {}),
    };
  });

  requestKey = $derived(this.request ? JSON.stringify(this.request) : null);

  /** The preview shows exactly the options chosen now. */
  current = $derived(this.preview != null && this.preview.key === this.requestKey);

  /** The screen appears: a fresh start in another workspace, then kinds and people. */
  async open() {
    const path = session.workspace?.path ?? null;
    if (path !== this.#workspacePath) {
      this.reset();
      this.#workspacePath = path;
    }
    this.#fresh = true;
    await Promise.all([this.kindsLoaded ? null : this.loadKinds(), this.loadPeople()]);
  }

  /** The screen goes: no preview is started while it is not shown. */
  leave() {
    clearTimeout(this.#timer);
  }

  async loadKinds() {
    try {
      this.kinds = await api.reportKinds();
      this.kindsLoaded = true;
      if (!this.kinds.some((k) => k.kind === this.kind) && this.kinds.length > 0) this.kind = this.kinds[0].kind;
    } catch (e) {
      this.loadError = toCommandError(e).message;
    }
  }

  async loadPeople() {
    try {
      this.people = await api.peopleList();
      this.peopleLoaded = true;
    } catch (e) {
      this.loadError = toCommandError(e).message;
    }
  }

  async retryLoad() {
    this.loadError = null;
    await Promise.all([this.kindsLoaded ? null : this.loadKinds(), this.loadPeople()]);
  }

  /** The sprints of the project (again when the project changes). */
  async loadSprints(projectId: number) {
    try {
      const list = await api.sprintsList(projectId);
      if (this.projectId === projectId) this.sprints = { projectId, list };
    } catch (e) {
      this.error = toCommandError(e);
    }
  }

  chooseProject(value: string) {
    this.projectChoice = value === '' ? ALL_PROJECTS : Number(value);
    this.sprintChoice = null;
    this.meetingChoice = null;
  }

  /**
   * The options changed, or the screen was shown: a preview of them a moment later (at once
   * on showing). Whatever was being rendered for other options is dropped.
   */
  optionsChanged() {
    clearTimeout(this.#timer);
    const key = this.requestKey;
    if (key == null) {
      // Nothing to show yet (still loading) or the options cannot be made.
      this.#abandon();
      this.error = null;
      return;
    }
    const fresh = this.#fresh;
    this.#fresh = false;
    if (this.#inflight?.key === key) return;
    this.#abandon();
    this.error = null;
    if (!fresh && this.preview?.key === key) return;
    this.#timer = setTimeout(() => void this.render(), fresh ? 0 : PREVIEW_DELAY_MS);
  }

  /**
   * Renders the options chosen now. Resolves to the report, or to null when it failed (the
   * error is shown), was cancelled, or was overtaken by other options.
   */
  render(): Promise<RenderedReport | null> {
    clearTimeout(this.#timer);
    const request = this.request;
    const key = this.requestKey;
    if (!request || !key) return Promise.resolve(null);
    if (this.#inflight?.key === key) return this.#inflight.promise;
    const generation = ++this.#generation;
    this.busy = { started: Date.now() };
    this.cancelled = false;
    this.error = null;
    const promise = (async () => {
      try {
        const report = await api.reportRender(request);
        if (generation !== this.#generation) return null;
        this.preview = { key, report, url: svgDataUrl(report.preview_svg) };
        return report;
      } catch (e) {
        if (generation !== this.#generation) return null;
        this.error = toCommandError(e);
        return null;
      } finally {
        if (generation === this.#generation) {
          this.busy = null;
          this.#inflight = null;
        }
      }
    })();
    this.#inflight = { key, promise };
    return promise;
  }

  /** Stops waiting for the render: its result is dropped, the last preview stays. */
  cancel() {
    clearTimeout(this.#timer);
    if (!this.busy) return;
    this.#abandon();
    this.cancelled = true;
  }

  #abandon() {
    this.#generation++;
    this.#inflight = null;
    this.busy = null;
  }

  /**
   * Save PDF…: the preview's PDF if it shows the options chosen now, else a new render; then
   * the save dialog and the file. The backend keeps only its latest render, so when that is
   * no longer this one (`not_found`) the report is made again and saved once more.
   */
  async save() {
    if (this.saving || !this.request) return;
    this.saving = true;
    try {
      let report = this.current && this.preview ? this.preview.report : await this.render();
      if (!report) return;
      let path: string | null;
      try {
        path = await pickReportPath(report.file_name);
      } catch (e) {
        this.error = { code: 'io', message: `The save dialog could not be shown: ${toCommandError(e).message}` };
        return;
      }
      if (!path) return;
      try {
        await api.reportSave(report.token, path);
      } catch (e) {
        const error = toCommandError(e);
        if (error.code !== 'not_found') {
          this.error = error;
          return;
        }
        report = await this.render();
        if (!report) return;
        try {
          await api.reportSave(report.token, path);
        } catch (again) {
          this.error = toCommandError(again);
          return;
        }
      }
      this.error = null;
      toasts.show(`Saved ${report.title} (${pageCount(report.pages)})`);
    } finally {
      this.saving = false;
    }
  }

  dismissError() {
    this.error = null;
  }

  reset() {
    clearTimeout(this.#timer);
    this.#generation++;
    this.#inflight = null;
    this.#fresh = false;
    this.#workspacePath = null;
    this.kinds = [];
    this.kindsLoaded = false;
    this.loadError = null;
    this.people = [];
    this.peopleLoaded = false;
    this.sprints = null;
    this.kind = 'status';
    this.projectChoice = null;
    this.sprintChoice = null;
    this.personChoice = null;
    this.meetingChoice = null;
    this.from = '';
    this.to = '';
    this.paper = 'a4';
    this.preview = null;
    this.error = null;
    this.busy = null;
    this.cancelled = false;
    this.saving = false;
  }
}

export const reports = new ReportsState();
