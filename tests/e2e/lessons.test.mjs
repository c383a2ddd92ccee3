// End-to-end: record a lesson learned from the Lessons screen of the demo in the real window,
// find it in the file with its tags and project name, filter the register by its tag, and undo.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { BIN, setUp, shots, startDriver } from "./harness.mjs";

let driver;
let workspace;
let sql;

/** Sets a select's value as a user's choice does, firing the change. */
const choose = (css, value) =>
  driver.exec(
    `const el = document.querySelector(arguments[0]);
     if (!el) return false;
     el.value = arguments[1];
     el.dispatchEvent(new Event('change', { bubbles: true }));
     return true;`,
    [css, value],
  );

before(async () => {
  ({ workspace, sql } = setUp("lessons"));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

test("record a lesson learned on the Lessons screen and find it in the file", async () => {
  await driver.open(BIN, [workspace]);
  await driver.click(await driver.find('[data-testid="lessons-link"]'));
  await driver.find('[data-testid="lessons-screen"]');
  await driver.waitFor(
    async () => (await driver.findAll('[data-testid="lesson"]')).length === 8,
    "the demo lessons",
  );

  await driver.click(await driver.find('[data-testid="lesson-add"]'));
  const title = await driver.find('[data-testid="lesson-title"]');
  await driver.click(title);
  await driver.type(title, "Book the performance lab a month ahead");
  const erp = sql("SELECT id FROM projects WHERE name = 'ERP Cloud Migration'");
  assert.ok(await choose('[data-testid="lesson-project"]', erp));
  assert.ok(await choose('[data-testid="lesson-phase"]', "plan"));
  const tags = await driver.find('[data-testid="lesson-tags"]');
  await driver.click(tags);
  await driver.type(tags, "testing, performance-lab");
  const what = await driver.find('[data-testid="lesson-what"]');
  await driver.click(what);
  await driver.type(what, "The lab was booked for the month-end close test.");
  await driver.screenshot(join(shots, "lessons-form.png"));
  await driver.click(await driver.find('[data-testid="lesson-save"]'));

  const row = () =>
    sql(
      "SELECT project_id || '|' || project_name || '|' || kind || '|' || phase || '|' || tags FROM lessons WHERE title = 'Book the performance lab a month ahead'",
    );
  await driver.waitFor(() => row() !== "", "the lesson in the file");
  assert.equal(
    row(),
    `${erp}|ERP Cloud Migration|improve|plan|["testing","performance-lab"]`,
  );

  // The register filtered by the new tag shows just it.
  await driver.waitFor(
    async () => (await driver.findAll('[data-testid="lesson"]')).length === 9,
    "nine lessons",
  );
  assert.ok(await choose('[data-testid="lessons-tag"]', "performance-lab"));
  await driver.waitFor(
    async () => (await driver.findAll('[data-testid="lesson"]')).length === 1,
    "the filtered one",
  );
  await driver.screenshot(join(shots, "lessons-screen.png"));

  // The ERP's close checklist counts it ("4 lessons recorded" with the demo's three).
  assert.equal(
    sql(`SELECT count(*) FROM lessons WHERE project_id = ${erp}`),
    "4",
  );

  // Undo from the toast takes it out of the file.
  const undo = await driver.find('[data-testid="toast-action"]');
  await driver.click(undo);
  await driver.waitFor(() => row() === "", "the lesson undone in the file");
});
