// End-to-end: levelling the demo's Network Refresh in the real window — Resources → Levelling →
// Preview → Apply — and the delay saved in the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BIN, setUp, startDriver } from './harness.mjs';

let driver;
let workspace;
let sql;

before(async () => {
  ({ workspace, sql } = setUp('resources'));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

test('levelling the Network Refresh delays the diagrams and saves the delay', async () => {
  await driver.open(BIN, [workspace]);
  await driver.find('[data-testid="project-link"]');
  await driver.exec(`document.querySelector('[data-testid="resources-link"]').click();`);
  await driver.find('[data-testid="resources-screen"]');
  await driver.exec(`document.querySelector('[data-testid="resources-tab-levelling"]').click();`);
  await driver.find('[data-testid="level-project"]');
  // Choose the Network Refresh, as a user does, then preview.
  await driver.exec(
    `const s = document.querySelector('[data-testid="level-project"]');
     const o = [...s.options].find((o) => o.textContent.includes('Network Refresh'));
     s.value = o.value;
     s.dispatchEvent(new Event('change', { bubbles: true }));`,
  );
  await driver.exec(`document.querySelector('[data-testid="level-preview"]').click();`);
  const table = await driver.find('[data-testid="level-changes"]');
  assert.ok(table);
  const text = await driver.exec(`return document.querySelector('[data-testid="level-changes"]').textContent;`);
  assert.match(text, /Update network diagrams/);
  const summary = await driver.exec(`return document.querySelector('[data-testid="level-summary"]').textContent;`);
  assert.match(summary, /unchanged/);
  // No WebDriver screenshot here: WebKitWebDriver dropped the session taking one of this screen.

  await driver.exec(`document.querySelector('[data-testid="level-apply"]').click();`);
  await driver.waitFor(
    async () => Number(sql('SELECT max(leveling_delay_minutes) FROM work_items')) > 0,
    'a levelling delay in the file',
  );
  const delayed = sql(
    "SELECT title FROM work_items WHERE leveling_delay_minutes > 0 ORDER BY title",
  );
  assert.match(String(delayed), /Update network diagrams and CMDB/);
});
