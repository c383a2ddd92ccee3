// Operations end to end: in the real window, open the Operations screen of the demo, log a P1
// incident on the ERP service that took longer than its resolution target, see its breach
// marker, and find the row in the workspace file with SQLite.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { BIN, setUp, shots, startDriver } from "./harness.mjs";

let driver;
let workspace;
let sql;

/** Sets an input's value as typing would, so the screen's bindings see it. */
const fill = (testid, value) =>
  driver.exec(
    `const el = document.querySelector('[data-testid="' + arguments[0] + '"]');
     if (!el) return false;
     el.value = arguments[1];
     el.dispatchEvent(new Event('input', { bubbles: true }));
     el.dispatchEvent(new Event('change', { bubbles: true }));
     return true;`,
    [testid, value],
  );

const clickText = (css, text) =>
  driver.exec(
    `const el = [...document.querySelectorAll(arguments[0])].find((e) => e.textContent.includes(arguments[1]));
     if (!el) return false;
     el.click();
     return true;`,
    [css, text],
  );

before(async () => {
  ({ workspace, sql } = setUp("operations"));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

test("log a P1 incident on the ERP that breaches its resolution target", async () => {
  await driver.open(BIN, [workspace]);
  await driver.click(await driver.find('[data-testid="operations-link"]'));
  await driver.find('[data-testid="operations-screen"]');
  await driver.find('[data-testid="service-tile"]');
  assert.ok(await clickText('[data-testid="service-tile"] button', "ERP"));
  await driver.waitFor(
    async () =>
      (await driver.exec(
        `return document.querySelector('#service-detail-heading')?.textContent ?? ''`,
      )) === "ERP",
    "the ERP service open",
  );
  await driver.screenshot(join(shots, "operations.png"));

  await driver.click(await driver.find('[data-testid="incident-new"]'));
  await driver.find('[data-testid="incident-form"]');
  assert.ok(await fill("incident-title", "Ledger locked by a failed batch"));
  assert.ok(await fill("incident-severity", "1"));
  assert.ok(await fill("incident-started", "2026-12-01T08:00"));
  assert.ok(await fill("incident-responded", "2026-12-01T08:10"));
  assert.ok(await fill("incident-resolved", "2026-12-01T13:00"));
  await driver.click(await driver.find('[data-testid="incident-outage"]'));
  await driver.click(await driver.find('[data-testid="incident-save"]'));

  await driver.waitFor(
    () =>
      sql(
        "SELECT count(*) FROM incidents WHERE title = 'Ledger locked by a failed batch'",
      ) === "1",
    "the incident in the file",
  );
  assert.equal(
    sql(
      "SELECT s.name || '|' || i.severity || '|' || i.started_at || '|' || i.resolved_at || '|' || i.outage " +
        "FROM incidents i JOIN services s ON s.id = i.service_id WHERE i.title = 'Ledger locked by a failed batch'",
    ),
    "ERP|1|2026-12-01T08:00|2026-12-01T13:00|1",
  );
  // Five hours against the P1's four: the row carries the breach marker.
  await driver.waitFor(
    () =>
      driver.exec(
        `const row = [...document.querySelectorAll('[data-testid="incident-row"]')]
           .find((r) => r.textContent.includes('Ledger locked by a failed batch'));
         return !!row && !!row.querySelector('[data-testid="breach-marker"]') && row.textContent.includes('5 h, over 4 h');`,
      ),
    "the breach marker on the new incident",
  );
  await driver.screenshot(join(shots, "operations-incident.png"));
});
