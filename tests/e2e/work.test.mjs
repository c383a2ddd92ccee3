// End-to-end: the other views of the same items in the real window — editing in the grid,
// swimlanes on the board, moving a due date in the calendar, and moving and indenting tasks
// in the timeline by keyboard — each checked in the workspace file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keys } from './webdriver.mjs';
import { BIN, setUp, startDriver } from './harness.mjs';

let driver;
let workspace;
let sql;

async function openProject(name) {
  await driver.find('[data-testid="project-link"]');
  await driver.exec(
    `[...document.querySelectorAll('[data-testid="project-link"]')]
       .find((b) => b.textContent.includes(arguments[0])).click();`,
    [name],
  );
}

async function showView(view) {
  await driver.click(await driver.find(`[data-testid="view-${view}"]`));
}

/** Focuses the element matching `css`. */
function focus(css) {
  return driver.exec(
    `const el = document.querySelector(arguments[0]);
     if (!el) return false;
     el.focus();
     return true;`,
    [css],
  );
}

/** Focuses the first element matching `css` whose text includes `text`. */
function focusWith(css, text) {
  return driver.exec(
    `const el = [...document.querySelectorAll(arguments[0])].find((e) => e.textContent.includes(arguments[1]));
     if (!el) return false;
     el.focus();
     return true;`,
    [css, text],
  );
}

before(async () => {
  ({ workspace, sql } = setUp('views'));
  driver = await startDriver();
  await driver.open(BIN, [workspace]);
});

after(async () => {
  await driver?.close().catch(() => {});
  await driver?.stop();
});

test('the grid edits a title in place and the file has it', async () => {
  await openProject('Security Hardening');
  await showView('grid');
  await driver.find('[data-testid="grid-row"]');
  const id = sql(`SELECT id FROM work_items WHERE title = 'Firewall rule review (quarterly)'`);
  assert.ok(await focus(`[data-testid="grid-row"][data-item-id="${id}"] [data-testid="grid-cell"][data-column="title"]`));
  await driver.keys('\uE032'); // F2
  const editor = await driver.find('[data-testid="grid-editor"]');
  await driver.exec(`document.querySelector('[data-testid="grid-editor"]').select();`);
  await driver.type(editor, 'Firewall rule review (Q4)');
  await driver.keys(Keys.enter);
  await driver.waitFor(
    () => Promise.resolve(sql(`SELECT title FROM work_items WHERE id = ${id}`) === 'Firewall rule review (Q4)'),
    'the new title in the file',
  );
});

test('swimlanes by epic group the board; a card moved to another lane changes its epic', async () => {
  await showView('board');
  await driver.find('[data-testid="swimlane-by"]');
  await driver.exec(
    `const select = document.querySelector('[data-testid="swimlane-by"]');
     select.value = 'epic';
     select.dispatchEvent(new Event('change', { bubbles: true }));`,
  );
  await driver.waitFor(
    () => driver.exec(`return document.querySelectorAll('[data-testid="swimlane"]').length >= 3;`),
    'three or more epic lanes',
  );
  const lanes = await driver.exec(
    `return [...document.querySelectorAll('[data-testid="swimlane-header"]')].map((h) => h.textContent);`,
  );
  assert.ok(lanes.some((l) => l.includes('Identity and access')), lanes.join(' | '));
  const before = sql(`SELECT coalesce(parent_id, 0) FROM work_items WHERE title = 'Endpoint detection on all laptops'`);
  assert.ok(await focusWith('[data-testid="card"]', 'Endpoint detection on all laptops'));
  await driver.keys(Keys.alt, Keys.shift, Keys.down);
  await driver.waitFor(
    () => Promise.resolve(sql(`SELECT coalesce(parent_id, 0) FROM work_items WHERE title = 'Endpoint detection on all laptops'`) !== before),
    'the card in another epic, in the file',
  );
  await driver.keys(Keys.control, 'z');
  await driver.waitFor(
    () => Promise.resolve(sql(`SELECT coalesce(parent_id, 0) FROM work_items WHERE title = 'Endpoint detection on all laptops'`) === before),
    'undo to put it back',
  );
});

test('the calendar moves a due date a day later with Alt+→', async () => {
  await showView('calendar');
  await driver.find('[data-testid="calendar-day"]');
  const id = sql(`SELECT id FROM work_items WHERE title = 'Phishing simulation for office staff'`);
  const due = sql(`SELECT due_date FROM work_items WHERE id = ${id}`);
  await driver.find(`[data-testid="calendar-entry"][data-item-id="${id}"]`);
  assert.ok(await focus(`[data-testid="calendar-entry"][data-item-id="${id}"]`));
  await driver.keys(Keys.alt, Keys.right);
  const next = new Date(`${due}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const expected = next.toISOString().slice(0, 10);
  await driver.waitFor(
    () => Promise.resolve(sql(`SELECT due_date FROM work_items WHERE id = ${id}`) === expected),
    `the due date ${expected} in the file`,
  );
});

test('the timeline moves a task by keyboard and indents another, undoably', async () => {
  await openProject('ERP Cloud Migration');
  await driver.find('[data-testid="timeline-row"]');
  assert.ok(await focusWith('[data-testid="timeline-row"]', 'Cutover runbook'));
  await driver.keys(Keys.alt, Keys.right);
  await driver.waitFor(
    () => Promise.resolve(sql(`SELECT constraint_type FROM work_items WHERE title = 'Cutover runbook'`) === 'snet'),
    'a start-no-earlier-than constraint in the file',
  );

  // "Train key users" goes under "Cutover runbook", the task above it (no link between them).
  const parentOf = () => sql(`SELECT coalesce(parent_id, 0) FROM work_items WHERE title = 'Train key users (3 sessions)'`);
  const runbook = sql(`SELECT id FROM work_items WHERE title = 'Cutover runbook'`);
  await driver.waitFor(() => focusWith('[data-testid="timeline-row"]', 'Train key users'), 'its row');
  await driver.keys('\uE004'); // Tab
  await driver.waitFor(() => Promise.resolve(parentOf() === runbook), 'the task under the one above it');
  await driver.keys(Keys.control, 'z');
  await driver.waitFor(() => Promise.resolve(parentOf() !== runbook), 'undo to outdent it again');
});
