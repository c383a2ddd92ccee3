// End-to-end: My day in the real window on the demo shows overdue work across projects, and an
// entry opens its item in its project.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { BIN, setUp, shots, startDriver } from "./harness.mjs";

let driver;
let workspace;
let sql;

before(async () => {
  ({ workspace, sql } = setUp("myday"));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

test("My day shows a due item of the demo and opens it", async () => {
  // An overdue item of the demo, as the file has it (not done, due before today).
  const today =
    process.env.BRIDGEPLAN_TODAY ?? new Date().toISOString().slice(0, 10);
  const overdue = sql(
    `SELECT w.title FROM work_items w JOIN statuses s ON s.id = w.status_id
     WHERE s.category <> 'done' AND w.item_type <> 'epic' AND w.due_date < '${today}' ORDER BY w.due_date LIMIT 1`,
  );
  assert.ok(overdue, "the demo has overdue work");

  await driver.open(BIN, [workspace]);
  const link = await driver.find('[data-testid="upcoming-link"]');
  assert.match(
    await driver.exec(
      `return document.querySelector('[data-testid="upcoming-link"]').textContent;`,
    ),
    /My day/,
  );
  await driver.click(link);
  await driver.find('[data-testid="upcoming-panel"]');
  const section = await driver.find(
    '[data-testid="myday-section"][data-section="due"]',
  );
  assert.ok(section);
  await driver.waitFor(
    () =>
      driver.exec(
        `return [...document.querySelectorAll('[data-testid="myday-entry"]')].some((e) => e.textContent.includes(arguments[0]));`,
        [overdue],
      ),
    `"${overdue}" in My day`,
  );
  await driver.screenshot(join(shots, "myday.png"));
  const opened = await driver.exec(
    `const el = [...document.querySelectorAll('[data-testid="myday-entry"]')].find((e) => e.textContent.includes(arguments[0]));
     el.click();
     return true;`,
    [overdue],
  );
  assert.ok(opened);
  await driver.find('[data-testid="detail-panel"]');
});
