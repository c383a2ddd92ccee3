// End-to-end: the Meetings tab of the demo's ERP migration — a new meeting with an action item
// owned by a person, saved; the action is a work item of the project, assigned and linked, in
// the file; then the portal's stand-up view shows its cards.
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

/** Sets a form control's value as typing or choosing would, firing input and change. */
const setValue = (css, value) =>
  driver.exec(
    `const el = document.querySelector(arguments[0]);
     if (!el) return false;
     el.value = arguments[1];
     el.dispatchEvent(new Event('input', { bubbles: true }));
     el.dispatchEvent(new Event('change', { bubbles: true }));
     return true;`,
    [css, value],
  );

before(async () => {
  ({ workspace, sql } = setUp("meetings"));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

test("a meeting with an action item: the action is a work item of the project", async () => {
  await driver.open(BIN, [workspace]);
  await driver.find('[data-testid="project-link"]');
  assert.ok(
    await clickText('[data-testid="project-link"]', "ERP Cloud Migration"),
  );
  await driver.click(await driver.find('[data-testid="view-meetings"]'));
  await driver.find('[data-testid="meetings-view"]');
  await driver.find('[data-testid="meeting-row"]');
  await driver.click(await driver.find('[data-testid="meeting-new"]'));
  await driver.find('[data-testid="meeting-editor"]');

  const erp = sql("SELECT id FROM projects WHERE name = 'ERP Cloud Migration'");
  const mei = sql("SELECT id FROM people WHERE name = 'Mei Chen'");
  assert.ok(
    await setValue('[data-testid="meeting-title"]', "Cutover readiness check"),
  );
  assert.ok(await setValue('[data-testid="meeting-day"]', "2026-12-03"));
  assert.ok(await setValue('[data-testid="meeting-time"]', "11:00"));
  assert.ok(await setValue('[data-testid="attendee-add"]', `p${mei}`));
  await driver.click(await driver.find('[data-testid="decision-add"]'));
  assert.ok(
    await setValue('[data-testid="decision"]', "Dress rehearsal goes ahead"),
  );
  await driver.click(await driver.find('[data-testid="action-add"]'));
  assert.ok(
    await setValue(
      '[data-testid="action-title"]',
      "Confirm EDI partners for the rehearsal",
    ),
  );
  assert.ok(await setValue('[data-testid="action-owner"]', mei));
  assert.ok(await setValue('[data-testid="action-due"]', "2026-12-09"));
  await driver.click(await driver.find('[data-testid="meeting-save"]'));

  await driver.waitFor(
    () =>
      sql(
        "SELECT count(*) FROM meetings WHERE title = 'Cutover readiness check'",
      ) === "1",
    "the meeting in the file",
  );
  const meeting = sql(
    "SELECT id FROM meetings WHERE title = 'Cutover readiness check'",
  );
  assert.equal(
    sql(
      `SELECT project_id || '|' || day || '|' || start_time FROM meetings WHERE id = ${meeting}`,
    ),
    `${erp}|2026-12-03|11:00`,
  );
  assert.equal(
    sql(
      `SELECT count(*) FROM meeting_attendees WHERE meeting_id = ${meeting} AND person_id = ${mei}`,
    ),
    "1",
  );
  assert.equal(
    sql(`SELECT text FROM meeting_decisions WHERE meeting_id = ${meeting}`),
    "Dress rehearsal goes ahead",
  );
  assert.equal(
    sql(
      `SELECT w.project_id || '|' || w.assignee_id || '|' || w.due_date FROM meeting_actions a
       JOIN work_items w ON w.id = a.item_id WHERE a.meeting_id = ${meeting}`,
    ),
    `${erp}|${mei}|2026-12-09`,
  );
  await driver.find('[data-testid="action-status"]');
  await driver.screenshot(join(shots, "meetings-editor.png"));

  // The portal's stand-up: cards per person from the data.
  assert.ok(await clickText('[data-testid="project-link"]', "Customer Portal"));
  await driver.click(await driver.find('[data-testid="view-meetings"]'));
  await driver.click(
    await driver.find('[data-testid="meetings-pane-standup"]'),
  );
  await driver.find('[data-testid="standup-card"]');
  await driver.find('[data-testid="standup-blocked"]');
  await driver.screenshot(join(shots, "meetings-standup.png"));
});
