// The open workspace's projects, the selected project, undo/redo labels and the "Saved" flag.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { CommandError } from '../../lib/bindings/CommandError';
import type { HistoryState } from '../../lib/bindings/HistoryState';
import type { Project } from '../../lib/bindings/Project';
import type { ProjectInput } from '../../lib/bindings/ProjectInput';
import { enqueue } from '../../lib/shared/queue.svelte';
import { session } from './session.svelte';
import { toasts } from '../../lib/shared/toasts-state.svelte';

const SAVED_MS = 2000;

/** Where the last selected project of each workspace file is remembered. */
function storageKey(path: string) {
  return `bridgeplan.lastProject:${path}`;
}

export type ProjectFormState = { mode: 'new' } | { mode: 'edit'; project: Project } | null;

/**
 * What the main area shows: a project, or one of the workspace's screens (what is coming up, the
 * portfolio, resources, timesheets, People & Skills, reports).
 */
export type Screen =
  'project' | 'people' | 'upcoming' | 'reports' | 'portfolio' | 'resources' | 'timesheet' | 'operations' | 'lessons';

export type View =
  | 'dashboard'
  | 'overview'
  | 'board'
  | 'timeline'
  | 'sprints'
  | 'grid'
  | 'calendar'
  | 'flow'
  | 'scope'
  | 'budget'
  | 'raid'
  | 'stakeholders'
  | 'meetings';

/**
 * The views a project offers, in tab order: its overview (lifecycle) first; sprints for Scrum
 * work, flow for Kanban work; the grid and the calendar show the same items in every project;
 * scope and budget, the controls, last.
 */
export function viewsFor(project: Project | null): View[] {
  const m = project?.methodology;
  const views: View[] = ['dashboard', 'overview', 'board', 'timeline'];
  if (m === 'scrum' || m === 'hybrid') views.push('sprints');
  views.push('grid', 'calendar');
  if (m === 'kanban' || m === 'hybrid') views.push('flow');
  views.push('scope', 'budget', 'raid', 'stakeholders', 'meetings');
  return views;
}

/** Plan-driven projects open on their timeline, Scrum ones on their sprints, Kanban on the board. */
function defaultView(project: Project | null): View {
  const m = project?.methodology;
  if (m === 'waterfall' || m === 'hybrid') return 'timeline';
  return m === 'scrum' ? 'sprints' : 'board';
}

class WorkspaceState {
  projects = $state<Project[]>([]);
  projectsLoaded = $state(false);
  selectedId = $state<number | null>(null);
  screen = $state<Screen>('project');
  history = $state<HistoryState>({ undo_label: null, redo_label: null });
  savedVisible = $state(false);
  sidebarCollapsed = $state(false);
  helpOpen = $state(false);
  projectForm = $state<ProjectFormState>(null);
  #savedTimer: ReturnType<typeof setTimeout> | undefined;
  /** The view the user last chose in each project (this session). */
  #chosenViews = $state<Record<number, View>>({});

  selected = $derived(this.projects.find((p) => p.id === this.selectedId) ?? null);
  views = $derived(viewsFor(this.selected));
  /**
   * The selected project's view: the one last chosen there (if its methodology still offers
   * it, as it may have changed since), else its methodology's default.
   */
  view: View = $derived.by(() => {
    const chosen = this.selectedId != null ? this.#chosenViews[this.selectedId] : undefined;
    return chosen && this.views.includes(chosen) ? chosen : defaultView(this.selected);
  });

  setView(view: View) {
    if (this.selectedId != null) this.#chosenViews[this.selectedId] = view;
  }

  /** The next of the project's views, wrapping round (the `v` key). */
  nextView() {
    const at = this.views.indexOf(this.view);
    this.setView(this.views[(at + 1) % this.views.length]);
  }

  /** Called when a workspace window appears: loads its projects and picks one to show. */
  async init() {
    this.projects = [];
    this.projectsLoaded = false;
    this.selectedId = null;
    this.projectForm = null;
    // Start loading the remembered project's board at once, beside the project list, rather
    // than one round trip later; selectRemembered() corrects it if that project is gone.
    this.selectedId = this.#remembered();
    await Promise.all([this.loadProjects(), this.refreshHistory()]);
    this.selectRemembered();
  }

  #remembered(): number | null {
    const path = session.workspace?.path;
    const stored = path ? localStorage.getItem(storageKey(path)) : null;
    return stored ? Number(stored) : null;
  }

  async loadProjects() {
    try {
      this.projects = await api.projectsList();
    } catch (e) {
      toasts.error(toCommandError(e).message);
    }
    this.projectsLoaded = true;
  }

  selectRemembered() {
    const remembered = this.#remembered();
    const found = this.projects.find((p) => p.id === remembered);
    this.select(found?.id ?? this.projects[0]?.id ?? null);
  }

  select(id: number | null) {
    this.selectedId = id;
    this.screen = 'project';
    const path = session.workspace?.path;
    if (path && id != null) localStorage.setItem(storageKey(path), String(id));
  }

  /** After any edit went through: flash "Saved" and relabel Undo/Redo. */
  afterEdit() {
    this.savedVisible = true;
    clearTimeout(this.#savedTimer);
    this.#savedTimer = setTimeout(() => (this.savedVisible = false), SAVED_MS);
    void this.refreshHistory();
  }

  async refreshHistory() {
    try {
      this.history = await api.historyState();
    } catch {
      this.history = { undo_label: null, redo_label: null };
    }
  }

  async createProject(input: ProjectInput): Promise<CommandError | null> {
    try {
      const project = await enqueue(() => api.projectCreate(input));
      this.projects = [...this.projects, project];
      this.select(project.id);
      this.afterEdit();
      return null;
    } catch (e) {
      return toCommandError(e);
    }
  }

  async updateProject(id: number, input: ProjectInput): Promise<CommandError | null> {
    try {
      const project = await enqueue(() => api.projectUpdate(id, input));
      this.projects = this.projects.map((p) => (p.id === id ? project : p));
      this.afterEdit();
      return null;
    } catch (e) {
      return toCommandError(e);
    }
  }

  /** Deletes at once; the toast offers Undo. */
  async deleteProject(id: number, undo: () => void): Promise<CommandError | null> {
    const project = this.projects.find((p) => p.id === id);
    try {
      await enqueue(() => api.projectDelete(id));
    } catch (e) {
      return toCommandError(e);
    }
    const index = this.projects.findIndex((p) => p.id === id);
    this.projects = this.projects.filter((p) => p.id !== id);
    if (this.selectedId === id) {
      const next = this.projects[Math.min(index, this.projects.length - 1)];
      this.select(next?.id ?? null);
    }
    this.afterEdit();
    toasts.show(`Deleted project "${project?.name ?? ''}"`, { action: { label: 'Undo', run: undo } });
    return null;
  }

  reset() {
    clearTimeout(this.#savedTimer);
    this.projects = [];
    this.projectsLoaded = false;
    this.selectedId = null;
    this.screen = 'project';
    this.history = { undo_label: null, redo_label: null };
    this.savedVisible = false;
    this.sidebarCollapsed = false;
    this.helpOpen = false;
    this.projectForm = null;
    this.#chosenViews = {};
  }
}

export const workspace = new WorkspaceState();
