// End-to-end: time tracking in the real window — log 1.5 hours on an item of the demo from its
// detail panel, see it in that person's timesheet, and find the entry in the workspace file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BIN, setUp, shots, startDriver } from './harness.mjs';

let driver;
let workspace;
let sql;

before(async () => {
  ({ workspace, sql } = setUp('time'));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

/** Sets an input's value as typing would (Svelte listens to input events). */
function fill(testid, value) {
  return driver.exec(
    `const el = document.querySelector('[data-testid="' + arguments[0] + '"]');
     el.value = arguments[1];
     el.dispatchEvent(new Event('input', { bubbles: true }));
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
    [testid, value],
  );
}

test('1.5 hours logged on an item show in the timesheet and in the file', async () => {
  await driver.open(BIN, [workspace]);
  await driver.find('[data-testid="project-link"]');
  await driver.exec(
    `[...document.querySelectorAll('[data-testid="project-link"]')]
       .find((b) => b.textContent.includes('Security Hardening')).click();`);
  await driver.find('[data-testid="card"]');
  const title = 'Endpoint detection on all laptops';
  const item = sql(`SELECT id FROM work_items WHERE title = '${title}'`);
  const person = sql(`SELECT assignee_id FROM work_items WHERE id = ${item}`);
  const before = Number(sql(`SELECT count(*) FROM time_entries WHERE item_id = ${item}`));
  await driver.exec(
    `[...document.querySelectorAll('[data-testid="card"]')].find((c) => c.textContent.includes(arguments[0])).click();`,
    [title],
  );
  await driver.find('[data-testid="item-time-form"]');
  await driver.waitFor(
    () => driver.exec(`return document.querySelector('[data-testid="item-time-person"]').value === arguments[0];`, [person]),
    'the assignee chosen to log time',
  );
  await fill('item-time-duration', '1.5');
  await fill('item-time-note', 'End-to-end');
  // The Time section sits low in the detail panel: bring the button into view first.
  const log = await driver.find('[data-testid="item-time-log"]');
  await driver.exec(`arguments[0].scrollIntoView({ block: 'center' });`, [{ 'element-6066-11e4-a52e-4f735466cecf': log }]);
  await driver.click(log);
  await driver.waitFor(
    () => Promise.resolve(Number(sql(`SELECT count(*) FROM time_entries WHERE item_id = ${item}`)) === before + 1),
    'the entry in the file',
  );
  assert.equal(
    sql(`SELECT minutes || '|' || note || '|' || person_id FROM time_entries WHERE item_id = ${item} AND note = 'End-to-end'`),
    `90|End-to-end|${person}`,
  );
  await driver.screenshot(join(shots, 'item-time.png'));

  await driver.click(await driver.find('[data-testid="timesheet-link"]'));
  await driver.find('[data-testid="timesheet-person"]');
  await fill('timesheet-person', person);
  const row = await driver.waitFor(
    () =>
      driver.exec(
        `const row = document.querySelector('[data-testid="timesheet-row"][data-item="' + arguments[0] + '"]');
         return row ? row.querySelector('[data-testid="timesheet-row-total"]').textContent : null;`,
        [item],
      ),
    'the item in the timesheet',
  );
  assert.equal(row.trim(), '1:30');
  await driver.screenshot(join(shots, 'timesheet.png'));
});
