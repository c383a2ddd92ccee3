// The app's own screens and actions in the command palette. Imported once by the palette.
import * as api from '../../lib/api';
import type { KindInfo } from '../../lib/bindings/KindInfo';
import { undo, redo } from '../../lib/shared/history';
import { board } from '../work/board-state.svelte';
import { reports } from '../reports/reports.svelte';
import { session } from '../workspace/session.svelte';
import { jsonInterchange } from '../interchange/json.svelte';
import { showProject } from '../workspace/navigate';
import { workspace, type Screen, type View } from '../workspace/workspace.svelte';
import { registerAction, registerActions } from './actions';
import { search } from './search-state.svelte';
import { registerInterchangeActions } from '../interchange/actions';
import { registerCsvActions } from '../interchange/csv-actions';

/** The sidebar's screens, as the sidebar names them. */
export const SCREENS: { screen: Screen; label: string; keywords: string[] }[] = [
  { screen: 'upcoming', label: 'Upcoming', keywords: ['my day', 'due', 'goals', 'renewals'] },
  { screen: 'portfolio', label: 'Portfolio', keywords: ['projects', 'phases'] },
  { screen: 'resources', label: 'Resources', keywords: ['utilisation', 'levelling', 'equipment'] },
  { screen: 'timesheet', label: 'Timesheets', keywords: ['time', 'hours', 'timer'] },
  { screen: 'operations', label: 'Operations', keywords: ['services', 'incidents', 'sla', 'it'] },
  { screen: 'lessons', label: 'Lessons', keywords: ['lessons learned', 'retrospective'] },
  { screen: 'people', label: 'People & Skills', keywords: ['skills', 'career', 'certifications'] },
  { screen: 'reports', label: 'Reports', keywords: ['pdf', 'print', 'export'] },
];

/** A project's views, as its tabs name them. */
export const VIEW_LABELS: Record<View, string> = {
  dashboard: 'Dashboard',
  overview: 'Lifecycle',
  board: 'Board',
  timeline: 'Timeline',
  sprints: 'Sprints',
  grid: 'Grid',
  calendar: 'Calendar',
  flow: 'Flow',
  scope: 'Scope',
  budget: 'Budget',
  raid: 'RAID',
  stakeholders: 'Stakeholders',
  meetings: 'Meetings',
};

const VIEW_KEYWORDS: Partial<Record<View, string[]>> = {
  dashboard: ['health', 'status'],
  overview: ['phases', 'checklist', 'overview'],
  timeline: ['gantt', 'schedule', 'plan'],
  raid: ['risks', 'issues', 'assumptions', 'dependencies'],
  stakeholders: ['raci', 'communication'],
  meetings: ['stand-up', 'minutes', 'decisions'],
  budget: ['cost', 'earned value'],
  scope: ['deliverables', 'change requests'],
};

/** The report kinds, read when the palette first opens. */
let reportKinds: KindInfo[] = [];
let kindsAsked = false;

export async function loadReportKinds() {
  if (kindsAsked) return;
  kindsAsked = true;
  try {
    reportKinds = await api.reportKinds();
  } catch {
    kindsAsked = false;
  }
}

const writable = () => session.workspace != null && !session.readOnly;
const hasProject = () => workspace.selected != null;

/** Opens the selected project's board with a new item's title field in its first column. */
async function newItem() {
  const project = workspace.selected;
  if (!project) return;
  showProject(project.id, 'board');
  if (board.projectId !== project.id || !board.board) await board.load(project.id);
  const first = board.board?.columns[0]?.status.id;
  if (first != null) board.composingIn = first;
}

/** Shows the Reports screen with `kind` chosen. */
async function exportReport(kind: KindInfo) {
  workspace.screen = 'reports';
  await reports.open();
  reports.kind = kind.kind;
  reports.optionsChanged();
}

let registered = false;

export function registerBuiltinActions() {
  if (registered) return;
  registered = true;
  registerInterchangeActions();
  registerCsvActions();
  for (const s of SCREENS) {
    registerAction({
      id: `screen:${s.screen}`,
      label: s.label,
      group: 'Go to',
      keywords: s.keywords,
      run: () => {
        workspace.screen = s.screen;
      },
    });
  }
  registerActions(() =>
    workspace.projects.map((p) => ({
      id: `project:${p.id}`,
      label: p.name,
      group: 'Projects',
      keywords: ['project', p.methodology],
      run: () => workspace.select(p.id),
    })),
  );
  registerActions(() => {
    const project = workspace.selected;
    if (!project) return [];
    return workspace.views.map((view) => ({
      id: `view:${view}`,
      label: `${VIEW_LABELS[view]} of ${project.name}`,
      group: 'Views',
      keywords: [VIEW_LABELS[view], ...(VIEW_KEYWORDS[view] ?? [])],
      run: () => showProject(project.id, view),
    }));
  });
  registerAction({
    id: 'item:new',
    label: 'New item',
    group: 'Project',
    keywords: ['add', 'task', 'story', 'card'],
    shortcut: 'n',
    enabled: () => writable() && hasProject(),
    run: newItem,
  });
  registerAction({
    id: 'project:new',
    label: 'New project',
    group: 'Project',
    keywords: ['create', 'add'],
    enabled: writable,
    run: () => {
      workspace.projectForm = { mode: 'new' };
    },
  });
  registerAction({
    id: 'project:edit',
    label: 'Edit project',
    group: 'Project',
    keywords: ['rename', 'dates', 'methodology'],
    enabled: () => writable() && hasProject(),
    run: () => {
      if (workspace.selected) workspace.projectForm = { mode: 'edit', project: workspace.selected };
    },
  });
  registerAction({
    id: 'project:next-view',
    label: 'Next view',
    group: 'Project',
    keywords: ['switch', 'tab'],
    shortcut: 'v',
    enabled: hasProject,
    run: () => {
      workspace.screen = 'project';
      workspace.nextView();
    },
  });
  registerAction({
    id: 'search:open',
    label: 'Search',
    group: 'Workspace',
    keywords: ['find', 'full text'],
    shortcut: 'Ctrl+F',
    run: () => search.openSearch(),
  });
  registerAction({
    id: 'history:undo',
    label: 'Undo',
    group: 'Workspace',
    shortcut: 'Ctrl+Z',
    enabled: () => writable() && workspace.history.undo_label != null,
    run: () => undo(),
  });
  registerAction({
    id: 'history:redo',
    label: 'Redo',
    group: 'Workspace',
    shortcut: 'Ctrl+Shift+Z',
    enabled: () => writable() && workspace.history.redo_label != null,
    run: () => redo(),
  });
  registerAction({
    id: 'sidebar:toggle',
    label: 'Toggle sidebar',
    group: 'Workspace',
    keywords: ['collapse', 'expand', 'hide'],
    run: () => {
      workspace.sidebarCollapsed = !workspace.sidebarCollapsed;
    },
  });
  registerAction({
    id: 'help:keys',
    label: 'Keyboard shortcuts',
    group: 'Workspace',
    keywords: ['help', 'keys'],
    shortcut: '?',
    run: () => {
      workspace.helpOpen = true;
    },
  });
  registerAction({
    id: 'workspace:new',
    label: 'New workspace…',
    group: 'Workspace',
    keywords: ['file', 'create'],
    run: () => session.newWithDialog(),
  });
  registerAction({
    id: 'workspace:open',
    label: 'Open workspace…',
    group: 'Workspace',
    keywords: ['file'],
    run: () => session.openWithDialog(),
  });
  registerAction({
    id: 'workspace:demo',
    label: 'Open the demo workspace',
    group: 'Workspace',
    keywords: ['sample', 'example', 'northwind'],
    run: () => session.openDemo(),
  });
  registerAction({
    id: 'workspace:copy',
    label: 'Save a copy as…',
    group: 'Workspace',
    keywords: ['backup', 'file'],
    run: () => session.saveCopyWithDialog(),
  });
  registerAction({
    id: 'workspace:export-json',
    label: 'Export workspace as JSON…',
    group: 'Workspace',
    keywords: ['backup', 'file', 'lossless', 'interchange'],
    run: () => jsonInterchange.exportWithDialog(),
  });
  registerAction({
    id: 'workspace:import-json',
    label: 'Import workspace from JSON…',
    group: 'Workspace',
    keywords: ['restore', 'file', 'backup', 'interchange'],
    run: () => jsonInterchange.importWithDialog(),
  });
  registerAction({
    id: 'workspace:close',
    label: 'Close workspace',
    group: 'Workspace',
    keywords: ['file', 'start screen'],
    run: () => session.close(),
  });
  registerAction({
    id: 'app:quit',
    label: 'Quit Bridgeplan',
    group: 'Workspace',
    keywords: ['exit', 'close window'],
    shortcut: 'Ctrl+Q',
    run: async () => {
      await api.appQuit();
    },
  });
  registerActions(() =>
    reportKinds.map((kind) => ({
      id: `report:${kind.kind}`,
      label: `Export ${kind.title}`,
      group: 'Reports',
      keywords: ['report', 'pdf', kind.name],
      run: () => exportReport(kind),
    })),
  );
}
