// End-to-end: People & Skills in the real window — the demo's manager moving from IT Manager
// to IT Project Manager: a manager's assessment recorded, evidence from her work accepted, and
// both undone — each checked in the workspace file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keys } from './webdriver.mjs';
import { BIN, setUp, startDriver, today } from './harness.mjs';

let driver;
let workspace;
let sql;

before(async () => {
  ({ workspace, sql } = setUp('skills'));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

test("Dana's skills: a manager's assessment and accepted evidence land in the file, and undo", async () => {
  await driver.open(BIN, [workspace]);
  await driver.click(await driver.find('[data-testid="people-link"]'));
  await driver.find('[data-testid="person-link"]');
  await driver.exec(
    `[...document.querySelectorAll('[data-testid="person-link"]')].find((b) => b.textContent.includes('Dana')).click();`,
  );
  await driver.find('[data-testid="skill-row"]');
  const dana = sql(`SELECT id FROM people WHERE name = 'Dana Whitfield'`);
  const control = sql(`SELECT id FROM skills WHERE key = 'schedule-control'`);
  const managerViews = () =>
    Number(sql(`SELECT count(*) FROM assessments WHERE person_id = ${dana} AND skill_id = ${control} AND kind = 'manager'`));
  assert.equal(managerViews(), 0);

  // The manager rates her schedule control at 3 (Practitioner), dated today.
  await driver.exec(
    `const select = document.querySelector('[data-testid="skill-row"][data-skill-id="${control}"] [data-testid="skill-manager-level"]');
     select.value = '3';
     select.dispatchEvent(new Event('change', { bubbles: true }));`,
  );
  await driver.waitFor(() => Promise.resolve(managerViews() === 1), 'the assessment in the file');
  assert.equal(sql(`SELECT assessed_on || ' ' || level FROM assessments WHERE person_id = ${dana} AND skill_id = ${control} AND kind = 'manager'`), `${today} 3`);

  // Evidence the workspace suggests from her own work, accepted.
  await driver.click(await driver.find('[data-testid="person-tab-evidence"]'));
  await driver.find('[data-testid="evidence-suggestion"]');
  const evidence = () => Number(sql(`SELECT count(*) FROM skill_evidence WHERE person_id = ${dana} AND state = 'accepted'`));
  const before = evidence();
  await driver.click(await driver.find('[data-testid="evidence-accept"]'));
  await driver.waitFor(() => Promise.resolve(evidence() === before + 1), 'the accepted evidence in the file');

  // Undo takes the evidence back, then the assessment.
  await driver.keys(Keys.control, 'z');
  await driver.waitFor(() => Promise.resolve(evidence() === before), 'undo of the evidence');
  await driver.keys(Keys.control, 'z');
  await driver.waitFor(() => Promise.resolve(managerViews() === 0), 'undo of the assessment');
  await driver.close();
});
