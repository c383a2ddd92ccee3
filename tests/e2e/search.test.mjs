// End-to-end: the command palette and the search overlay in the real window on the demo —
// Ctrl+K goes to a screen by name; Ctrl+F finds a demo item (its title as the file holds it)
// and opens it in the detail panel; an item renamed in the panel is found by its new name.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { Keys } from "./webdriver.mjs";
import { BIN, setUp, shots, startDriver } from "./harness.mjs";

let driver;
let workspace;
let sql;

before(async () => {
  ({ workspace, sql } = setUp("search"));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

test("Ctrl+K reaches a screen by name; Ctrl+F finds a demo item and opens it", async () => {
  await driver.open(BIN, [workspace]);
  await driver.find('[data-testid="project-link"]');
  // The index was filled when the demo was written.
  const indexed = Number(
    sql("SELECT count(*) FROM search_index WHERE kind = 'item'"),
  );
  assert.equal(indexed, Number(sql("SELECT count(*) FROM work_items")));

  // Command palette: "people" → People & Skills.
  await driver.keys(Keys.control, "k");
  const palette = await driver.find('[data-testid="palette-input"]');
  await driver.type(palette, "people");
  await driver.waitFor(
    async () =>
      (await driver.attr(
        await driver.find('[data-testid="palette-option"]'),
        "data-action-id",
      )) === "screen:people",
    "People & Skills first",
  );
  await driver.keys(Keys.enter);
  await driver.waitFor(
    () =>
      driver.exec(
        `return !document.querySelector('[data-testid="command-palette"]')`,
      ),
    "the palette closed",
  );
  await driver.waitFor(
    () =>
      driver.exec(
        `return document.querySelector('[aria-current="page"]')?.textContent.includes('People') ?? false`,
      ),
    "People & Skills shown",
  );

  // Search: "cutover runb" → the ERP migration's Cutover runbook.
  await driver.keys(Keys.control, "f");
  const input = await driver.find('[data-testid="search-input"]');
  await driver.type(input, "cutover runb");
  const hit = await driver.find('[data-testid="search-hit"][data-kind="item"]');
  const id = await driver.attr(hit, "data-id");
  assert.equal(
    sql(`SELECT title FROM work_items WHERE id = ${id}`),
    "Cutover runbook",
  );
  await driver.screenshot(join(shots, "search-overlay.png"));
  // The hit's whole text (the engine's visible-text reading leaves out the project line).
  const hitText = await driver.exec(
    `return document.querySelector('[data-testid="search-hit"][data-id="${id}"]').textContent`,
  );
  assert.match(hitText, /ERP Cloud Migration/);
  await driver.keys(Keys.enter);
  const panel = await driver.find(
    `[data-testid="detail-panel"][data-item-id="${id}"]`,
  );
  assert.ok(panel);
  await driver.waitFor(
    () =>
      driver.exec(
        `return !document.querySelector('[data-testid="search-overlay"]')`,
      ),
    "the overlay closed",
  );

  // Rename the item in the panel: the index follows in the same transaction.
  const title = await driver.find('[data-testid="detail-title"]');
  await driver.exec(
    `const el = arguments[0]; el.focus(); el.value = ''; el.dispatchEvent(new Event('input', { bubbles: true }));`,
    [{ "element-6066-11e4-a52e-4f735466cecf": title }],
  );
  await driver.type(title, "Cutover playbook");
  await driver.keys(Keys.enter);
  await driver.waitFor(
    () =>
      sql(
        `SELECT title FROM search_index WHERE kind = 'item' AND ref_id = ${id}`,
      ) === "Cutover playbook",
    "the index follows the rename",
  );
  await driver.keys(Keys.escape);
  await driver.exec("document.activeElement?.blur?.()");
  await driver.keys("/");
  const again = await driver.find('[data-testid="search-input"]');
  await driver.type(again, "playb");
  const renamed = await driver.find(
    '[data-testid="search-hit"][data-kind="item"]',
  );
  assert.equal(await driver.attr(renamed, "data-id"), id);
  await driver.keys(Keys.escape);
  await driver.waitFor(
    () =>
      driver.exec(
        `return !document.querySelector('[data-testid="search-overlay"]')`,
      ),
    "Esc closed the overlay",
  );
});
