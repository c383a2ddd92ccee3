// End-to-end: the timeline of the demo's waterfall project in the real window — the critical
// path on screen, linking two tasks by keyboard, and a loop refused with its tasks named; then a
// task's progress, constraint and link edited in the detail panel and checked in the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Keys } from './webdriver.mjs';
import { BIN, setUp, shots, startDriver } from './harness.mjs';

let driver;
let workspace;
let sql;

/** Focuses the timeline row of the task whose name starts with `prefix`. */
function focusRow(prefix) {
  return driver.exec(
    `const row = [...document.querySelectorAll('[data-testid="timeline-row"]')]
       .find((r) => r.textContent.includes(arguments[0]));
     if (!row) return false;
     row.focus();
     return true;`,
    [prefix],
  );
}

function toastText() {
  return driver.exec(`return [...document.querySelectorAll('[role="status"], [role="alert"]')]
    .map((t) => t.textContent).join(' | ');`);
}

before(async () => {
  ({ workspace, sql } = setUp('timeline'));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

test('the ERP timeline shows its critical path and links tasks by keyboard, refusing a loop', async () => {
  await driver.open(BIN, [workspace]);
  await driver.find('[data-testid="project-link"]');
  await driver.exec(
    `[...document.querySelectorAll('[data-testid="project-link"]')]
       .find((b) => b.textContent.includes('ERP Cloud Migration')).click();`);
  // A waterfall project opens on its timeline.
  await driver.find('[data-testid="timeline-row"]');
  const rows = await driver.exec(`return [...document.querySelectorAll('[data-testid="timeline-row"]')]
    .map((r) => ({ text: r.textContent, critical: r.dataset.critical === 'true' }));`);
  assert.ok(rows.length > 10, `${rows.length} rows`);
  assert.ok(rows.some((r) => r.critical && r.text.includes('Landing zone build')), 'the critical path is marked');
  assert.ok(rows.some((r) => !r.critical && r.text.includes('Map custom ERP reports')), 'a task with float is not');
  assert.ok(await driver.exec(`return document.querySelectorAll('[data-testid="timeline-milestone"]').length > 0;`));
  assert.ok(await driver.exec(`return document.querySelectorAll('[data-testid="timeline-link"]').length > 5;`));
  await driver.screenshot(join(shots, 'timeline.png'));

  const links = () => Number(sql('SELECT count(*) FROM dependencies'));
  const before = links();

  // Link "Vendor licence" → "Cutover runbook" with l … Enter.
  assert.ok(await focusRow('Vendor licence'));
  await driver.keys('l');
  await driver.find('[data-testid="timeline-link-mode"]');
  assert.ok(await focusRow('Cutover runbook'));
  await driver.keys(Keys.enter);
  await driver.waitFor(async () => /Linked/.test(await toastText()), 'the "Linked" toast');
  await driver.waitFor(async () => links() === before + 1, 'the link in the file');

  // Linking the last task back to the first would close a loop: refused, named, not saved.
  // End and Home move through the whole outline, also to rows scrolled out of view.
  await driver.keys(Keys.end);
  await driver.waitFor(() => focusRow('Lessons learned'), 'the last row');
  await driver.keys('l');
  await driver.find('[data-testid="timeline-link-mode"]');
  await driver.keys(Keys.home);
  await driver.keys(Keys.down);
  assert.ok(await focusRow('Assess current'));
  await driver.keys(Keys.enter);
  const refusal = await driver.waitFor(async () => {
    const text = await toastText();
    return /loop/.test(text) ? text : null;
  }, 'the loop to be refused');
  assert.match(refusal, /Lessons learned/);
  assert.equal(links(), before + 1);

  // Undo takes the link back out of the file.
  await driver.keys(Keys.control, 'z');
  await driver.waitFor(async () => links() === before, 'the undo to remove the link');
  await driver.screenshot(join(shots, 'timeline-after-undo.png'));
  await driver.close();
});

/** Sets a control's value as typing would, then leaves it (input, change, blur). */
function setField(testid, value) {
  return driver.exec(
    `const el = document.querySelector('[data-testid="item-schedule"] [data-testid="' + arguments[0] + '"]');
     if (!el) return false;
     el.focus();
     el.value = arguments[1];
     el.dispatchEvent(new Event('input', { bubbles: true }));
     el.dispatchEvent(new Event('change', { bubbles: true }));
     el.blur();
     return true;`,
    [testid, value],
  );
}

test('a task gets 50 % complete, a start-no-earlier-than date and a start-to-start link with 2 days lag', async () => {
  await driver.open(BIN, [workspace]);
  await driver.find('[data-testid="project-link"]');
  await driver.exec(
    `[...document.querySelectorAll('[data-testid="project-link"]')]
       .find((b) => b.textContent.includes('ERP Cloud Migration')).click();`);
  await driver.find('[data-testid="timeline-row"]');
  assert.ok(await focusRow('Train key users'));
  await driver.keys(Keys.enter);
  await driver.find('[data-testid="item-schedule"]');
  const task = `(SELECT id FROM work_items WHERE title LIKE 'Train key users%')`;

  assert.ok(await setField('schedule-percent', '50'));
  await driver.waitFor(
    () => sql(`SELECT percent_complete FROM work_items WHERE id = ${task}`) === '50.0',
    'percent complete in the file',
  );

  assert.ok(await setField('schedule-constraint', 'snet'));
  await driver.find('[data-testid="schedule-constraint-date"]');
  assert.ok(await setField('schedule-constraint-date', '2030-01-07'));
  await driver.waitFor(
    () => sql(`SELECT constraint_type || ' ' || constraint_date FROM work_items WHERE id = ${task}`) === 'snet 2030-01-07T08:00:00',
    'the constraint in the file',
  );

  const link = `SELECT kind || ' ' || lag_minutes FROM dependencies WHERE successor_id = ${task} ORDER BY seq LIMIT 1`;
  assert.equal(sql(link), 'fs 0');
  assert.ok(await setField('schedule-link-kind', 'ss'));
  await driver.waitFor(() => sql(link) === 'ss 0', 'the link type in the file');
  assert.ok(await setField('schedule-link-lag', '2d'));
  await driver.waitFor(() => sql(link) === 'ss 960', 'the lag in the file');
  await driver.screenshot(join(shots, 'timeline-schedule-section.png'));
  await driver.close();
});
