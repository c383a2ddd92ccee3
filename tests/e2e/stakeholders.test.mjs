// End-to-end: the Stakeholders tab of the demo's ERP migration — move a stakeholder on the
// power/interest grid from the keyboard and find the new interest in the file; one undo puts it
// back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Keys } from './webdriver.mjs';
import { BIN, setUp, shots, startDriver } from './harness.mjs';

let driver;
let workspace;
let sql;

before(async () => {
  ({ workspace, sql } = setUp('stakeholders'));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

test('a stakeholder moved on the power/interest grid is saved, and undo moves it back', async () => {
  const interest = () => sql("SELECT interest FROM stakeholders WHERE name = 'Claire Dubois'");
  assert.equal(interest(), '9');
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
  await driver.click(await driver.find('[data-testid="view-stakeholders"]'));
  await driver.find('[data-testid="power-grid"]');
  const dot = '[data-testid="grid-dot"][data-name="Claire Dubois"]';
  await driver.find(dot);
  await driver.exec(`document.querySelector(arguments[0]).focus();`, [dot]);
  await driver.keys(Keys.left);
  await driver.waitFor(() => interest() === '8', 'interest 8 in the file');
  await driver.screenshot(join(shots, 'stakeholders.png'));

  await driver.keys(Keys.control, 'z');
  await driver.waitFor(() => interest() === '9', 'interest back to 9 after undo');
});
