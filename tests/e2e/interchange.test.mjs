// End-to-end: a real Trello board export imported through the app — Workspace ▸ Import…, the
// native open dialog answered as a user would (WebDriver cannot reach the GTK window, so the
// test types the path with X keyboard input, xdotool), the preview, Import — then the file is
// checked with SQLite, and one Undo takes the whole import back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { BIN, root, setUp, shots, startDriver } from './harness.mjs';

let driver;
let workspace;
let sql;

const board = resolve(root, '../shared/fixtures/trello/simple-project-board.json');

before(async () => {
  ({ workspace, sql } = setUp('interchange'));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

const xdotool = (...args) => execFileSync('xdotool', args, { encoding: 'utf8' }).trim();
const findWindow = (title) => {
  try {
    return xdotool('search', '--name', `^${title}$`).split('\n')[0];
  } catch {
    return '';
  }
};
const text = async (css) => driver.exec(`return document.querySelector(${JSON.stringify(css)})?.textContent ?? '';`);

test('a Trello board is previewed, imported as a Kanban project, and undone in one step', async () => {
  const before = sql('SELECT count(*) FROM work_items');
  await driver.open(BIN, [workspace]);
  await driver.find('[data-testid="project-link"]');
  await driver.click(await driver.find('[data-testid="workspace-menu"]'));
  await driver.click(await driver.find('[data-testid="menu-import"]'));

  const dialog = await driver.waitFor(() => Promise.resolve(findWindow('Import a plan')), 'the open dialog');
  await new Promise((r) => setTimeout(r, 500));
  // No window manager under Xvfb: give the dialog the keyboard, open its location field, type.
  xdotool('windowfocus', '--sync', dialog);
  xdotool('key', '--clearmodifiers', 'ctrl+l');
  await new Promise((r) => setTimeout(r, 400));
  xdotool('type', '--delay', '15', board);
  // GTK may take the first Return to complete the typed path; press again while the dialog is open.
  for (let i = 0; i < 5 && findWindow('Import a plan'); i++) {
    await new Promise((r) => setTimeout(r, 500));
    xdotool('key', '--window', dialog, i % 2 ? 'KP_Enter' : 'Return');
  }

  await driver.find('[data-testid="import-project"]');
  assert.equal(await text('[data-testid="import-project"]'), 'Simple Project Board');
  assert.match(await text('[data-testid="import-creates"]'), /9\s*work items/);
  assert.match(await text('[data-testid="import-not-kept"]'), /4 comments\./);
  assert.match(await text('[data-testid="import-skipped"]'), /1 archived card skipped\./);
  await driver.screenshot(join(shots, 'interchange-preview.png'));
  assert.equal(
    sql("SELECT count(*) FROM projects WHERE name = 'Simple Project Board'"),
    '0',
    'the preview writes nothing',
  );

  await driver.click(await driver.find('[data-testid="import-confirm"]'));
  await driver.waitFor(
    () => sql("SELECT count(*) FROM projects WHERE name = 'Simple Project Board'") === '1',
    'the project in the file',
  );
  const id = sql("SELECT id FROM projects WHERE name = 'Simple Project Board'");
  assert.equal(sql(`SELECT methodology FROM projects WHERE id = ${id}`), 'kanban');
  assert.equal(sql(`SELECT count(*) FROM work_items WHERE project_id = ${id}`), '9');
  assert.equal(sql(`SELECT count(*) FROM statuses WHERE project_id = ${id}`), '4');
  // The new project opens on its board.
  await driver.waitFor(async () => (await text('[data-testid="board"]')).includes('BRAINSTORM'), 'the imported board');

  await driver.click(await driver.find('[data-testid="undo"]'));
  await driver.waitFor(
    () => sql("SELECT count(*) FROM projects WHERE name = 'Simple Project Board'") === '0',
    'the import undone',
  );
  assert.equal(sql('SELECT count(*) FROM work_items'), before);
});
