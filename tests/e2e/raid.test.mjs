// End-to-end: the RAID tab of the demo's ERP migration — add a risk in the side panel, find it
// in the file with its probability, impact and owner, click its heat-map cell and see the
// register filtered to it, then clear the filter.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { BIN, setUp, shots, startDriver } from "./harness.mjs";

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

/** Chooses an option of a select as a user does: the value, then the change event. */
const choose = (testid, value) =>
  driver.exec(
    `const el = document.querySelector('[data-testid="' + arguments[0] + '"]');
     if (!el) return false;
     el.value = arguments[1];
     el.dispatchEvent(new Event('change', { bubbles: true }));
     return true;`,
    [testid, value],
  );

const registerTitles = () =>
  driver.exec(
    `return [...document.querySelectorAll('[data-testid="risk-row"]')].map((r) => r.dataset.title);`,
    [],
  );

before(async () => {
  ({ workspace, sql } = setUp("raid"));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

test("add a risk to the ERP migration and filter the register by its heat-map cell", async () => {
  await driver.open(BIN, [workspace]);
  await driver.find('[data-testid="project-link"]');
  assert.ok(
    await clickText('[data-testid="project-link"]', "ERP Cloud Migration"),
  );
  await driver.click(await driver.find('[data-testid="view-raid"]'));
  await driver.find('[data-testid="raid-view"]');
  await driver.find('[data-testid="risk-register"]');
  const erp = sql("SELECT id FROM projects WHERE name = 'ERP Cloud Migration'");
  const before = Number(
    sql(`SELECT count(*) FROM risks WHERE project_id = ${erp}`),
  );
  assert.ok(before >= 8, `the demo's ERP risks: ${before}`);

  await driver.click(await driver.find('[data-testid="risk-new"]'));
  const title = await driver.find('[data-testid="risk-title"]');
  await driver.click(title);
  await driver.type(title, "Warehouse scanners fail on the new login");
  assert.ok(await choose("risk-category", "technical"));
  assert.ok(await choose("risk-probability", "5"));
  assert.ok(await choose("risk-impact", "1"));
  const dana = sql("SELECT id FROM people WHERE name = 'Dana Whitfield'");
  assert.ok(await choose("risk-owner", dana));
  await driver.click(await driver.find('[data-testid="risk-save"]'));
  await driver.waitFor(
    () =>
      sql(
        `SELECT probability || '|' || impact || '|' || category || '|' || owner_id FROM risks
         WHERE title = 'Warehouse scanners fail on the new login'`,
      ) === `5|1|technical|${dana}`,
    "the risk in the file",
  );

  // Its cell (probability 5, impact 1) filters the register to it.
  await driver.click(
    await driver.find('[data-testid="heat-cell"][data-p="5"][data-i="1"]'),
  );
  await driver.find('[data-testid="risk-filter-chip"]');
  await driver.waitFor(async () => {
    const titles = await registerTitles();
    return (
      titles.length >= 1 &&
      titles.includes("Warehouse scanners fail on the new login")
    );
  }, "the register filtered to the cell");
  const live = Number(
    sql(
      `SELECT count(*) FROM risks WHERE project_id = ${erp} AND probability = 5 AND impact = 1
       AND status IN ('open', 'monitoring')`,
    ),
  );
  assert.equal((await registerTitles()).length, live);
  await driver.screenshot(join(shots, "raid-filtered.png"));
  await driver.click(await driver.find('[data-testid="risk-filter-chip"]'));
  await driver.waitFor(
    async () => (await registerTitles()).length === before + 1,
    "the whole register again",
  );
});
