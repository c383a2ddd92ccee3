// End-to-end: the real Bridgeplan binary in a real window (under Xvfb), driven through
// tauri-driver and WebKitWebDriver like a user, with the workspace file checked in SQLite.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keys } from './webdriver.mjs';
import { BIN, setUp, shots, startDriver } from './harness.mjs';

let driver;
let home;
let workspace;
let sql;

/** The card whose title is `title`: its item id and the name of the column it sits in. */
function cardInfo(title) {
  return driver.exec(
    `const card = [...document.querySelectorAll('[data-testid="card"]')]
       .find((c) => c.textContent.includes(arguments[0]));
     if (!card) return null;
     const column = card.closest('[data-testid="column"]');
     return { id: card.dataset.itemId, column: column && column.dataset.statusName };`,
    [title],
  );
}

/** Waits until the UI has no edit in flight, so the file holds what the screen shows. */
async function settled() {
  await driver.waitFor(
    () => driver.exec(`return document.querySelector('[data-testid="board"]')?.getAttribute('aria-busy') === 'false';`),
    'pending edits to be saved');
}

async function focusCard(title) {
  await driver.exec(
    `[...document.querySelectorAll('[data-testid="card"]')]
       .find((c) => c.textContent.includes(arguments[0])).focus();`,
    [title],
  );
}

/** Shows the Board tab (a Scrum project opens on its sprints). */
async function showBoard() {
  const tab = await driver.find('[data-testid="view-board"]');
  await driver.click(tab);
  return driver.find('[data-testid="column"]');
}

before(async () => {
  ({ home, workspace, sql } = setUp('app'));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

test('create an item, move it, undo the move, and find it so after a restart', async () => {
  await driver.open(BIN, [workspace]);
  const firstColumn = await showBoard();
  const firstName = await driver.attr(firstColumn, 'data-status-name');
  const project = await driver.exec(
    `return document.querySelector('[data-testid="project-name"]')?.textContent ?? null;`);

  // Create.
  await driver.click(await driver.findIn(firstColumn, '[data-testid="add-item"]'));
  const input = await driver.find('[data-testid="new-item-title"]');
  await driver.type(input, 'Rotate the backup encryption keys' + Keys.enter);
  const created = await driver.waitFor(() => cardInfo('Rotate the backup encryption keys'), 'the new card');
  assert.equal(created.column, firstName);
  await settled();
  assert.equal(sql(`SELECT count(*) FROM work_items WHERE title = 'Rotate the backup encryption keys'`), '1');

  // Move it one column to the right with the keyboard.
  await focusCard('Rotate the backup encryption keys');
  await driver.keys(Keys.alt, Keys.right);
  const moved = await driver.waitFor(async () => {
    const info = await cardInfo('Rotate the backup encryption keys');
    return info && info.column !== firstName ? info : null;
  }, 'the card to move');
  await settled();
  const statusInDb = () => sql(
    `SELECT s.name FROM work_items w JOIN statuses s ON s.id = w.status_id WHERE w.id = ${created.id}`);
  assert.equal(statusInDb(), moved.column);
  await driver.screenshot(join(shots, 'moved.png'));

  // Undo the move.
  await driver.keys(Keys.control, 'z');
  await driver.waitFor(async () => (await cardInfo('Rotate the backup encryption keys'))?.column === firstName,
    'the undo to put the card back');
  await settled();
  assert.equal(statusInDb(), firstName);
  const toast = await driver.find('[role="status"]');
  assert.match(await driver.text(toast), /Move/);

  // Quit and start again: the state is in the file.
  await driver.close();
  await driver.open(BIN, [workspace]);
  await showBoard();
  if (project) {
    const shown = await driver.exec(
      `return document.querySelector('[data-testid="project-name"]')?.textContent ?? null;`);
    assert.equal(shown, project, 'the same project is shown after a restart');
  }
  const again = await driver.waitFor(() => cardInfo('Rotate the backup encryption keys'), 'the card after restart');
  assert.equal(again.column, firstName);
  await driver.close();
});

test('drag a card with the pointer into another column', async () => {
  await driver.open(BIN, [workspace]);
  await showBoard();
  await driver.find('[data-testid="card"]');
  const from = await driver.exec(
    `const cols = [...document.querySelectorAll('[data-testid="column"]')];
     const card = cols[0].querySelector('[data-testid="card"]');
     const r = card.getBoundingClientRect();
     const t = cols[1].getBoundingClientRect();
     return { id: card.dataset.itemId, target: cols[1].dataset.statusName,
              x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2),
              tx: Math.round(t.x + t.width / 2), ty: Math.round(t.y + 120) };`);
  await driver.cmd('POST', '/actions', {
    actions: [{
      type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
      actions: [
        { type: 'pointerMove', x: from.x, y: from.y, duration: 0 },
        { type: 'pointerDown', button: 0 },
        { type: 'pointerMove', x: from.x + 10, y: from.y + 5, duration: 100 },
        { type: 'pointerMove', x: from.tx, y: from.ty, duration: 300 },
        { type: 'pointerUp', button: 0 },
      ],
    }],
  });
  await driver.waitFor(() => driver.exec(
    `return document.querySelector('[data-item-id="${from.id}"]')
       ?.closest('[data-testid="column"]')?.dataset.statusName === arguments[0];`, [from.target]),
  'the dropped card in the target column');
  await settled();
  assert.equal(sql(`SELECT s.name FROM work_items w JOIN statuses s ON s.id = w.status_id
                    WHERE w.id = ${from.id}`), from.target);
  await driver.close();
});

test('a damaged file is refused with a clear message and left unchanged', async () => {
  // A real workspace whose pages after the header were overwritten, as a bad disk would.
  const damaged = join(home, 'damaged.bridgeplan');
  execFileSync(BIN, ['demo', damaged]);
  const bytes = readFileSync(damaged);
  bytes.fill(0xa5, 4096);
  writeFileSync(damaged, bytes);
  await driver.open(BIN, [damaged]);
  const banner = await driver.find('[data-testid="error-banner"]');
  const message = await driver.text(banner);
  assert.match(message, /damaged\.bridgeplan/);
  assert.match(message, /is damaged and cannot be opened/);
  assert.match(message, /Nothing was changed/);
  assert.deepEqual(readFileSync(damaged), bytes);
  await driver.close();
});
