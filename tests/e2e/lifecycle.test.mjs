// End-to-end: the lifecycle Overview of the demo's ERP project in the real window — tick a
// checklist item by hand, move to the next phase through the one confirmation, and find both
// in the file with who and when.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BIN, setUp, shots, startDriver } from './harness.mjs';

let driver;
let workspace;
let sql;

before(async () => {
  ({ workspace, sql } = setUp('lifecycle'));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

test('an item ticked on the Overview and a phase move are saved with who and when', async () => {
  await driver.open(BIN, [workspace]);
  await driver.find('[data-testid="project-link"]');
  await driver.exec(
    `[...document.querySelectorAll('[data-testid="project-link"]')]
       .find((b) => b.textContent.includes('ERP Cloud Migration')).click();`,
  );
  await driver.find('[data-testid="view-overview"]');
  await driver.exec(`document.querySelector('[data-testid="view-overview"]').click();`);
  await driver.find('[data-testid="phase-stepper"]');
  const current = await driver.exec(
    `return document.querySelector('[data-testid="phase-stepper"] [aria-current="step"]').textContent;`,
  );
  assert.match(current, /Execute/);
  // The data proves some items: their reasons are shown.
  const reasons = await driver.exec(
    `return [...document.querySelectorAll('[data-testid="check-reason"]')].map((r) => r.textContent).join(' | ');`,
  );
  assert.match(reasons, /of \d+ tasks? done/);

  await driver.find('[data-testid="tick-status-reporting"]');
  await driver.exec(`document.querySelector('[data-testid="tick-status-reporting"]').click();`);
  await driver.waitFor(
    () => sql("SELECT count(*) FROM checklist_ticks WHERE item_key = 'status-reporting'") === '1',
    'the tick in the file',
  );
  await driver.screenshot(join(shots, 'overview.png'));

  // "Planned work done" is still open, so the move asks once.
  await driver.exec(`document.querySelector('[data-testid="phase-next"]').click();`);
  await driver.find('[data-testid="phase-confirm"]');
  await driver.exec(`document.querySelector('[data-testid="phase-confirm-move"]').click();`);
  await driver.waitFor(
    () => sql("SELECT phase FROM projects WHERE name = 'ERP Cloud Migration'") === 'monitor',
    'the new phase in the file',
  );
  const move = sql(
    `SELECT from_phase || '>' || to_phase || '|' || length(actor) || '|' || length(moved_at) || '|' || json_array_length(open_items)
       FROM phase_history h JOIN projects p ON p.id = h.project_id
      WHERE p.name = 'ERP Cloud Migration' ORDER BY h.seq DESC LIMIT 1`,
  );
  const [phases, actorLength, timeLength, open] = move.split('|');
  assert.equal(phases, 'execute>monitor');
  assert.ok(Number(actorLength) > 0, 'who moved it');
  assert.ok(Number(timeLength) >= 20, 'when');
  assert.ok(Number(open) >= 1, 'the open items');
  await driver.waitFor(
    async () => /Execute → Monitor/.test(await driver.exec(`return document.querySelector('[data-testid="phase-history"]')?.textContent ?? '';`)),
    'the move in the history',
  );
});
