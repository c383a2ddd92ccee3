// End-to-end: the Scope tab of the demo's ERP migration — add an objective, approve the
// pending change request and apply it to the plan (adding a task), and find all of it in the
// file; one undo takes the implementation back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Keys } from './webdriver.mjs';
import { BIN, setUp, shots, startDriver } from './harness.mjs';

let driver;
let workspace;
let sql;

const clickText = (css, text) =>
  driver.exec(
    `const el = [...document.querySelectorAll(arguments[0])].find((e) => e.textContent.includes(arguments[1]));
     if (!el) return false;
     el.click();
     return true;`,
    [css, text],
  );

before(async () => {
  ({ workspace, sql } = setUp('scope'));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

test('approve the pending change of the ERP migration and apply it to the plan', async () => {
  await driver.open(BIN, [workspace]);
  await driver.find('[data-testid="project-link"]');
  assert.ok(await clickText('[data-testid="project-link"]', 'ERP Cloud Migration'));
  await driver.click(await driver.find('[data-testid="view-scope"]'));
  await driver.find('[data-testid="scope-view"]');
  await driver.find('[data-testid="objectives-row"]');

  // An objective, typed and entered.
  const add = await driver.find('[data-testid="objectives-add"]');
  await driver.click(add);
  await driver.type(add, 'Finance signs off the first month-end close');
  await driver.keys(Keys.enter);
  await driver.waitFor(
    () => sql("SELECT count(*) FROM objectives WHERE text = 'Finance signs off the first month-end close'") === '1',
    'the objective in the file',
  );

  // The pending change: CR-2, proposed.
  const erp = sql("SELECT id FROM projects WHERE name = 'ERP Cloud Migration'");
  assert.equal(sql(`SELECT status FROM change_requests WHERE project_id = ${erp} AND number = 2`), 'proposed');
  await driver.click(await driver.find('[data-testid="change-row"][data-code="CR-2"] button'));
  await driver.find('[data-testid="change-panel"]');
  await driver.click(await driver.find('[data-testid="change-approve"]'));
  await driver.waitFor(
    () => sql(`SELECT status FROM change_requests WHERE project_id = ${erp} AND number = 2`) === 'approved',
    'CR-2 approved in the file',
  );

  // Apply to plan: one new task, previewed, then applied.
  await driver.click(await driver.find('[data-testid="add-task-action"]'));
  const title = await driver.find('[data-testid="plan-action"] input[aria-label="New task title"]');
  await driver.click(title);
  await driver.type(title, 'Gdańsk site cutover rehearsal');
  await driver.click(await driver.find('[data-testid="apply-preview-button"]'));
  await driver.find('[data-testid="apply-preview"]');
  await driver.screenshot(join(shots, 'scope-apply.png'));
  await driver.click(await driver.find('[data-testid="apply-button"]'));
  await driver.find('[data-testid="change-links"]');
  const cr2 = sql(`SELECT id FROM change_requests WHERE project_id = ${erp} AND number = 2`);
  await driver.waitFor(
    () => sql(`SELECT status FROM change_requests WHERE id = ${cr2}`) === 'implemented',
    'CR-2 implemented in the file',
  );
  assert.equal(
    sql(
      `SELECT w.title || '|' || l.action FROM change_links l JOIN work_items w ON w.id = l.item_id WHERE l.change_id = ${cr2}`,
    ),
    'Gdańsk site cutover rehearsal|added',
  );

  // One undo (the toast's Undo) takes the whole implementation back.
  await driver.waitFor(() => clickText('[role="status"] button, [role="alert"] button', 'Undo'), 'the Undo button');
  await driver.waitFor(
    () => sql(`SELECT status FROM change_requests WHERE id = ${cr2}`) === 'approved',
    'CR-2 back to approved',
  );
  assert.equal(sql(`SELECT count(*) FROM change_links WHERE change_id = ${cr2}`), '0');
  assert.equal(sql("SELECT count(*) FROM work_items WHERE title = 'Gdańsk site cutover rehearsal'"), '0');
});
