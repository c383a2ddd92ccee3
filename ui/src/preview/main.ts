// Browser preview for `npm run dev` → /preview.html: the real UI on the in-memory test backend,
// for looking at screens without the desktop shell. Not part of the build (only index.html is).
// Query options: ?start (start screen), ?readonly, ?damaged, ?items=10000 (large board),
// ?plan (a waterfall project's timeline around today), ?plan&tasks=10000 (a large one).
import { mount } from 'svelte';
import '../app.css';
import App from '../App.svelte';
import { standardBackend, type PlanTask } from '../tests/fake-backend';

const params = new URLSearchParams(location.search);
const fake = standardBackend();
const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

// Make the cards look like real work.
const decorate: [
  string,
  Partial<{ assignee: string; tags: string[]; due_date: string; priority: string; item_type: string }>,
][] = [
  [
    'Enable MFA for admins',
    { assignee: 'Ana Silva', tags: ['identity', 'quick win'], priority: 'high', item_type: 'story' },
  ],
  ['Rotate service passwords', { due_date: day(-3), priority: 'highest', tags: ['secrets'] }],
  ['Patch VPN gateway', { assignee: 'Bo Jensen', due_date: day(5), item_type: 'bug', priority: 'high' }],
  ['Harden SSH config', { assignee: 'Ana Silva', tags: ['linux', 'servers', 'cis'], priority: 'medium' }],
  ['Review firewall rules', { assignee: 'Chen Wei', due_date: day(-1), priority: 'low' }],
  ['Audit S3 buckets', { item_type: 'deliverable', priority: 'lowest' }],
  ['Inventory of servers', { assignee: 'Bo Jensen', due_date: day(-10), item_type: 'milestone' }],
];
for (const [title, fields] of decorate) Object.assign(fake.item(title), fields);
fake.people.push(
  { id: 2, name: 'Bo Jensen', role: 'Network engineer' },
  { id: 3, name: 'Chen Wei', role: 'IT manager' },
);
fake.projects[0].description = 'Close the findings of the 2025 penetration test before the ISO 27001 audit.';

const items = Number(params.get('items') ?? 0);
if (items > 0) {
  const names = ['Backlog', 'Ready', 'In progress', 'Review', 'Done'];
  for (const [n, name] of names.entries()) {
    const share = n === 0 ? Math.ceil(items * 0.4) : Math.floor((items * 0.6) / 4);
    fake.addItems(
      name,
      Array.from({ length: share }, (_, i) => `${name} item ${i + 1}`),
    );
  }
}
if (params.has('plan')) {
  // Dates relative to this week's Monday, so the today line falls inside the plan.
  const monday = new Date();
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7) - 21);
  const at = (offset: number) => {
    const d = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + offset);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  const tasks: PlanTask[] = [
    { wbs: '1', name: 'Initiation', start: at(0), finish: at(4), critical: true, percent: 100 },
    { wbs: '1.1', name: 'Project charter', start: at(0), finish: at(2), critical: true, percent: 100 },
    { wbs: '1.2', name: 'Kick-off with stakeholders', start: at(3), finish: at(4), critical: true, percent: 100 },
    { wbs: '1.3', name: 'Charter signed', start: at(4) },
    { wbs: '2', name: 'Design', start: at(7), finish: at(18), critical: true, percent: 55 },
    { wbs: '2.1', name: 'Current-state analysis', start: at(7), finish: at(11), critical: true, percent: 100 },
    { wbs: '2.2', name: 'Target architecture', start: at(14), finish: at(18), critical: true, percent: 40 },
    { wbs: '2.3', name: 'Security review', start: at(14), finish: at(15), floatHours: 24, percent: 50 },
    { wbs: '3', name: 'Build', start: at(21), finish: at(46), critical: true },
    { wbs: '3.1', name: 'Configure ERP core', start: at(21), finish: at(39), critical: true },
    { wbs: '3.2', name: 'Data migration scripts', start: at(21), finish: at(32), floatHours: 40 },
    { wbs: '3.3', name: 'Integrations', start: at(28), finish: at(37), floatHours: 16 },
    { wbs: '3.4', name: 'Performance tuning', start: at(42), finish: at(46), critical: true },
    { wbs: '4', name: 'Launch', start: at(49), finish: at(63), critical: true },
    { wbs: '4.1', name: 'User acceptance test', start: at(49), finish: at(58), critical: true },
    { wbs: '4.2', name: 'Training', start: at(56), finish: at(60), floatHours: -8 },
    { wbs: '4.3', name: 'Go-live', start: at(63), critical: true },
  ];
  const size = Number(params.get('tasks') ?? 0);
  for (let i = 0; i < size; i++) {
    tasks.push({ wbs: String(5 + i), name: `Generated task ${i + 1}`, start: at(i % 60), finish: at((i % 60) + 2) });
  }
  const plan = fake.addPlan('ERP migration', tasks);
  for (const [a, b] of [
    ['Project charter', 'Kick-off with stakeholders'],
    ['Kick-off with stakeholders', 'Charter signed'],
    ['Charter signed', 'Current-state analysis'],
    ['Current-state analysis', 'Target architecture'],
    ['Current-state analysis', 'Security review'],
    ['Target architecture', 'Configure ERP core'],
    ['Target architecture', 'Data migration scripts'],
    ['Data migration scripts', 'Integrations'],
    ['Configure ERP core', 'Performance tuning'],
    ['Performance tuning', 'User acceptance test'],
    ['User acceptance test', 'Go-live'],
    ['Integrations', 'Training'],
  ]) {
    fake.link(a, b);
  }
  fake.link('Training', 'Go-live', 'ff');
  localStorage.setItem(`bridgeplan.lastProject:${fake.workspace!.path}`, String(plan.id));
}
if (params.has('readonly')) {
  fake.workspace!.read_only = {
    code: 'newer_version',
    message: 'This file was made by a newer Bridgeplan (schema 7). It is open read-only; nothing was changed.',
  };
}
if (params.has('start') || params.has('damaged')) {
  fake.workspace = null;
  fake.recent = [
    {
      path: '/home/pm/Documents/Northwind IT.bridgeplan',
      name: 'Northwind IT',
      last_opened: new Date(Date.now() - 7200000).toISOString(),
      missing: false,
    },
    {
      path: '/home/pm/Documents/ERP migration.bridgeplan',
      name: 'ERP migration',
      last_opened: new Date(Date.now() - 3 * 86400000).toISOString(),
      missing: false,
    },
    { path: '/media/usb/Old plans.bridgeplan', name: 'Old plans', last_opened: '2024-11-02T10:00:00Z', missing: true },
  ];
}
if (params.has('damaged')) {
  fake.startError = {
    code: 'damaged',
    message:
      'damaged.bridgeplan is damaged and cannot be opened (database disk image is malformed). Nothing was changed; open a backup or an earlier copy.',
  };
}
fake.install();

mount(App, { target: document.getElementById('app')! });

// ?open=TITLE selects that card once the board is there; ?help opens the shortcut list.
const open = params.get('open');
const waitFor = (selector: string, then: (el: HTMLElement) => void) => {
  const el = document.querySelector<HTMLElement>(selector);
  if (el) then(el);
  else setTimeout(() => waitFor(selector, then), 50);
};
if (open) {
  waitFor('[data-testid="card"]', () =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="card"]')]
      .find((c) => c.textContent?.includes(open))
      ?.click(),
  );
}
if (params.has('help')) {
  waitFor('[data-testid="card"]', () => window.dispatchEvent(new KeyboardEvent('keydown', { key: '?' })));
}
