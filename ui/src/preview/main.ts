// Browser preview for `npm run dev` → /preview.html: the real UI on the in-memory test backend,
// for looking at screens without the desktop shell. Not part of the build (only index.html is).
// Query options: ?start (start screen), ?readonly, ?damaged, ?items=10000 (large board).
import { mount } from 'svelte';
import '../app.css';
import App from '../App.svelte';
import { standardBackend } from '../tests/fake-backend';

const params = new URLSearchParams(location.search);
const fake = standardBackend();
const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

// Make the cards look like real work.
const decorate: [string, Partial<{ assignee: string; tags: string[]; due_date: string; priority: string; item_type: string }>][] = [
  ['Enable MFA for admins', { assignee: 'Ana Silva', tags: ['identity', 'quick win'], priority: 'high', item_type: 'story' }],
  ['Rotate service passwords', { due_date: day(-3), priority: 'highest', tags: ['secrets'] }],
  ['Patch VPN gateway', { assignee: 'Bo Jensen', due_date: day(5), item_type: 'bug', priority: 'high' }],
  ['Harden SSH config', { assignee: 'Ana Silva', tags: ['linux', 'servers', 'cis'], priority: 'medium' }],
  ['Review firewall rules', { assignee: 'Chen Wei', due_date: day(-1), priority: 'low' }],
  ['Audit S3 buckets', { item_type: 'deliverable', priority: 'lowest' }],
  ['Inventory of servers', { assignee: 'Bo Jensen', due_date: day(-10), item_type: 'milestone' }],
];
for (const [title, fields] of decorate) Object.assign(fake.item(title), fields);
fake.people.push({ id: 2, name: 'Bo Jensen', role: 'Network engineer' }, { id: 3, name: 'Chen Wei', role: 'IT manager' });
fake.projects[0].description = 'Close the findings of the 2025 penetration test before the ISO 27001 audit.';

const items = Number(params.get('items') ?? 0);
if (items > 0) {
  const names = ['Backlog', 'Ready', 'In progress', 'Review', 'Done'];
  for (const [n, name] of names.entries()) {
    const share = n === 0 ? Math.ceil(items * 0.4) : Math.floor((items * 0.6) / 4);
    fake.addItems(name, Array.from({ length: share }, (_, i) => `${name} item ${i + 1}`));
  }
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
    { path: '/home/pm/Documents/Northwind IT.bridgeplan', name: 'Northwind IT', last_opened: new Date(Date.now() - 7200000).toISOString(), missing: false },
    { path: '/home/pm/Documents/ERP migration.bridgeplan', name: 'ERP migration', last_opened: new Date(Date.now() - 3 * 86400000).toISOString(), missing: false },
    { path: '/media/usb/Old plans.bridgeplan', name: 'Old plans', last_opened: '2024-11-02T10:00:00Z', missing: true },
  ];
}
if (params.has('damaged')) {
  fake.startError = {
    code: 'damaged',
    message: 'damaged.bridgeplan is damaged and cannot be opened (database disk image is malformed). Nothing was changed; open a backup or an earlier copy.',
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
    [...document.querySelectorAll<HTMLElement>('[data-testid="card"]')].find((c) => c.textContent?.includes(open))?.click(),
  );
}
if (params.has('help')) {
  waitFor('[data-testid="card"]', () => window.dispatchEvent(new KeyboardEvent('keydown', { key: '?' })));
}
