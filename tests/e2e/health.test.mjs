// End-to-end: the dashboard of the demo's ERP migration — override the schedule's rating with
// a comment and take a snapshot, and find both in the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BIN, setUp, shots, startDriver, today } from './harness.mjs';

let driver;
let workspace;
let sql;

before(async () => {
  ({ workspace, sql } = setUp('health'));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

const setValue = (css, value) =>
  driver.exec(
    `const el = document.querySelector(arguments[0]);
     if (!el) return false;
     el.value = arguments[1];
     el.dispatchEvent(new Event('input', { bubbles: true }));
     return true;`,
    [css, value],
  );

test('an override with its comment and a snapshot are saved from the dashboard', async () => {
  await driver.open(BIN, [workspace]);
  await driver.find('[data-testid="project-link"]');
  assert.ok(
    await driver.exec(
      `const el = [...document.querySelectorAll('[data-testid="project-link"]')].find((e) => e.textContent.includes('ERP Cloud Migration'));
       if (!el) return false;
       el.click();
       return true;`,
    ),
  );
  await driver.click(await driver.find('[data-testid="view-dashboard"]'));
  await driver.find('[data-testid="dashboard"]');
  await driver.click(await driver.find('[data-testid="health-tile"][data-area="schedule"] [data-testid="override-open"]'));
  await driver.find('[data-testid="override-dialog"]');
  await driver.click(await driver.find('[data-testid="override-green"]'));
  assert.ok(await setValue('[data-testid="override-comment"]', 'Recovery plan agreed with the vendor'));
  await driver.click(await driver.find('[data-testid="override-save"]'));
  const erp = sql("SELECT id FROM projects WHERE name = 'ERP Cloud Migration'");
  await driver.waitFor(
    () =>
      sql(`SELECT rag || '|' || comment FROM health_overrides WHERE project_id = ${erp} AND area = 'schedule'`) ===
      'green|Recovery plan agreed with the vendor',
    'the override in the file',
  );
  await driver.waitFor(
    () =>
      driver.exec(
        `return document.querySelector('[data-testid="health-tile"][data-area="schedule"]')?.dataset.rag === 'green';`,
      ),
    'the tile shows the override',
  );

  assert.ok(await setValue('[data-testid="snapshot-note"]', 'Steering committee'));
  await driver.click(await driver.find('[data-testid="take-snapshot"]'));
  const day = today ?? new Date().toISOString().slice(0, 10);
  await driver.waitFor(
    () =>
      sql(`SELECT schedule || '|' || note FROM status_snapshots WHERE project_id = ${erp} AND taken_on = '${day}'`) ===
      'green|Steering committee',
    "today's snapshot in the file",
  );
  await driver.screenshot(join(shots, 'health.png'));
});
