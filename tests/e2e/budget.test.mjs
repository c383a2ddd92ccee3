// End-to-end: the budget of the demo's ERP migration in the real window — its earned-value
// figures on screen, then a cost entry typed in and found in the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BIN, setUp, shots, startDriver } from './harness.mjs';

let driver;
let workspace;
let sql;

before(async () => {
  ({ workspace, sql } = setUp('budget'));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

test('the ERP budget tab shows earned value and saves a cost entry', async () => {
  await driver.open(BIN, [workspace]);
  await driver.find('[data-testid="project-link"]');
  await driver.exec(
    `[...document.querySelectorAll('[data-testid="project-link"]')]
       .find((b) => b.textContent.includes('ERP Cloud Migration')).click();`);
  await driver.find('[data-testid="view-budget"]');
  await driver.exec(`document.querySelector('[data-testid="view-budget"]').click();`);
  await driver.find('[data-testid="evm-tiles"]');

  const tiles = await driver.exec(`return Object.fromEntries([...document.querySelectorAll('[data-testid="evm-tile"]')]
    .map((t) => [t.dataset.key, { text: t.textContent, tone: [...t.classList].find((c) => c === 'good' || c === 'bad') ?? '' }]));`);
  for (const key of ['bac', 'pv', 'ev', 'ac', 'cpi', 'spi', 'eac']) assert.ok(tiles[key], `the ${key} tile`);
  assert.equal(tiles.cv.tone, 'bad', 'the demo is a little over budget');
  assert.match(await driver.exec(`return document.querySelector('[data-testid="eac-statement"]').textContent;`), /EAC = BAC \/ CPI/);
  await driver.find('[data-testid="s-curve-pv"]');
  await driver.screenshot(join(shots, 'budget.png'));

  const before = Number(sql("SELECT count(*) FROM cost_entries"));
  // Type a cost: the form's native inputs take the values as a user's typing would.
  await driver.exec(
    `const set = (id, value) => {
       const el = document.querySelector('[data-testid="' + id + '"]');
       el.focus();
       el.value = value;
       el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
     };
     set('cost-category', 'hardware');
     set('cost-amount', '1234.56');
     set('cost-description', 'Spare switch for the test lab');
     document.querySelector('[data-testid="cost-add"]').click();`);
  await driver.waitFor(async () => Number(sql('SELECT count(*) FROM cost_entries')) === before + 1, 'the cost in the file');
  const row = sql(
    "SELECT category || '|' || amount_minor || '|' || description FROM cost_entries WHERE description = 'Spare switch for the test lab'",
  );
  assert.equal(row, 'hardware|123456|Spare switch for the test lab');
  await driver.waitFor(
    async () => driver.exec(`return [...document.querySelectorAll('[data-testid="cost-entry"]')]
      .some((r) => r.textContent.includes('Spare switch'));`),
    'the cost in the list',
  );
});
