// End-to-end: the demo exported as lossless JSON and imported into a new workspace file from
// the command line; the app opens the new file on the same projects, and every table has the
// same number of rows as the original. (The app's own menu entries go through native file
// dialogs, which WebDriver cannot drive; their UI tests are in ui/src/features/interchange.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { BIN, setUp, shots, startDriver } from "./harness.mjs";

let driver;
let home;
let workspace;

before(async () => {
  ({ home, workspace } = setUp("json"));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

const count = (file, table) =>
  execFileSync(
    "sqlite3",
    ["-readonly", file, `SELECT count(*) FROM "${table}"`],
    { encoding: "utf8" },
  ).trim();

test("a JSON export imported into a new file opens on the same projects", async () => {
  const backup = join(home, "backup.json");
  const restored = join(home, "restored.bridgeplan");
  execFileSync(BIN, ["export", workspace, "--format", "json", backup]);
  execFileSync(BIN, ["import", backup, "--into", restored]);
  for (const table of [
    "projects",
    "work_items",
    "dependencies",
    "people",
    "risks",
    "meetings",
    "workspace_meta",
  ]) {
    assert.equal(count(restored, table), count(workspace, table), table);
  }

  await driver.open(BIN, [restored]);
  await driver.find('[data-testid="project-link"]');
  const names = await driver.exec(
    `return [...document.querySelectorAll('[data-testid="project-link"]')].map((e) => e.textContent.trim());`,
  );
  assert.ok(
    names.some((n) => n.includes("ERP Cloud Migration")),
    names.join(", "),
  );
  await driver.screenshot(join(shots, "json-restored.png"));
});
