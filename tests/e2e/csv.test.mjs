// End-to-end: a CSV file of work items imported into the open project through the project's
// import/export menu, the native file dialog, the mapping step and its preview; the file then
// read with SQLite; and the project's calendar exported through the save dialog and read back.
// WebDriver cannot reach the native dialogs (GTK windows), so the test answers them as a user
// would, with X keyboard input (xdotool): the path typed, Enter.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BIN, setUp, shots, startDriver } from "./harness.mjs";

let driver;
let workspace;
let home;
let sql;

before(async () => {
  ({ workspace, home, sql } = setUp("csv"));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

const xdotool = (...args) =>
  execFileSync("xdotool", args, { encoding: "utf8" }).trim();
const findWindow = (title) => {
  try {
    return xdotool("search", "--name", `^${title}$`).split("\n")[0];
  } catch {
    return "";
  }
};
const text = async (css) =>
  driver.exec(
    `return document.querySelector(${JSON.stringify(css)})?.textContent ?? '';`,
  );

/** Answers the native dialog titled `title` with `path`. */
async function answerDialog(title, path) {
  const dialog = await driver.waitFor(
    () => Promise.resolve(findWindow(title)),
    `the "${title}" dialog`,
  );
  await new Promise((r) => setTimeout(r, 500));
  xdotool("windowfocus", "--sync", dialog);
  // GTK's file chooser opens a location field when a path starts being typed.
  xdotool("key", "--clearmodifiers", "ctrl+l");
  xdotool("key", "--clearmodifiers", "ctrl+a");
  xdotool("type", "--delay", "15", path);
  // The location field's completion may take the first Enter; press again while it is open.
  for (let i = 0; i < 5 && findWindow(title); i++) {
    await new Promise((r) => setTimeout(r, 400));
    if (findWindow(title)) xdotool("key", "--window", dialog, "Return");
  }
}

test("work items come in from a CSV file in one step, and the calendar goes out", async () => {
  const file = join(home, "from-sheet.csv");
  writeFileSync(
    file,
    "\ufeffSummary;Assignee;Due date;Sprint\r\nImported from sheet A;Mia Chen;2026-12-10;S1\r\nImported from sheet B;;;S2\r\n",
  );
  await driver.open(BIN, [workspace]);
  await driver.find('[data-testid="project-name"]');

  await driver.click(
    await driver.find('[data-testid="project-transfer-menu"]'),
  );
  await driver.click(
    await driver.find('[data-testid="transfer-import-items"]'),
  );
  await answerDialog("Import work items from CSV", file);
  await driver.find('[data-testid="csv-import-dialog"]');
  await driver.waitFor(
    async () =>
      /Will create 2 work items/.test(
        await text('[data-testid="csv-creates"]'),
      ),
    "the preview",
  );
  assert.match(
    await text('[data-testid="csv-not-kept"]'),
    /"Sprint" column is mapped to nothing/,
  );
  await driver.screenshot(join(shots, "csv-import-dialog.png"));
  await driver.click(await driver.find('[data-testid="csv-import-submit"]'));
  await driver.waitFor(
    async () =>
      !(await driver.exec(
        `return !!document.querySelector('[data-testid="csv-import-dialog"]');`,
      )),
    "the dialog to close",
  );
  await driver.waitFor(
    () =>
      Promise.resolve(
        sql(
          "SELECT count(*) FROM work_items WHERE title LIKE 'Imported from sheet %'",
        ) === "2",
      ),
    "the rows in the file",
  );
  assert.equal(
    sql(
      "SELECT p.name FROM work_items w JOIN people p ON p.id = w.assignee_id WHERE w.title = 'Imported from sheet A'",
    ),
    "Mia Chen",
  );
  assert.match(
    sql("SELECT value FROM settings WHERE key LIKE 'csv_mapping.work_items.%'"),
    /"headers"/,
  );

  const ics = join(home, "project.ics");
  await driver.click(
    await driver.find('[data-testid="project-transfer-menu"]'),
  );
  await driver.click(await driver.find('[data-testid="transfer-export-ics"]'));
  await answerDialog("Export to calendar", ics);
  await driver.waitFor(
    () => Promise.resolve(existsSync(ics)),
    "the calendar file",
  );
  const cal = readFileSync(ics, "utf8");
  assert.ok(cal.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  assert.match(cal, /SUMMARY:Due: Imported from sheet A\r\n/);
  await driver.close();
});
