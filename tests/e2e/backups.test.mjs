// End-to-end: the app backs up the workspace when it opens it; "Back up now" from the workspace
// menu adds a backup beside the file; "Restore from backup…" lists them with their contents.
// The backups are checked on disk with SQLite as another program would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, setUp, shots, startDriver } from './harness.mjs';

let driver;
let workspace;

const backupsIn = (folder) =>
  existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith('.bridgeplan-backup')) : [];

before(async () => {
  ({ workspace } = setUp('backups'));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

test('backed up on open, back up now, and the restore dialog lists the backups', async () => {
  const folder = `${workspace}.backups`;
  await driver.open(BIN, [workspace]);
  await driver.find('[data-testid="project-link"]');

  // The automatic backup made on open.
  await driver.waitFor(() => backupsIn(folder).length >= 1, 'the backup made on open', 30000);
  const first = backupsIn(folder);

  // Back up now, a second later so its name (the instant, to the second) is its own.
  await new Promise((r) => setTimeout(r, 1100));
  await driver.click(await driver.find('[data-testid="workspace-menu"]'));
  await driver.click(await driver.find('[data-testid="menu-backup-now"]'));
  await driver.waitFor(() => backupsIn(folder).length > first.length, 'the backup made now');
  const names = backupsIn(folder);
  for (const name of names) {
    const file = join(folder, name);
    const check = execFileSync('sqlite3', ['-readonly', file, 'PRAGMA integrity_check'], { encoding: 'utf8' });
    assert.equal(check.trim(), 'ok', name);
    const items = execFileSync('sqlite3', ['-readonly', file, 'SELECT count(*) FROM work_items'], {
      encoding: 'utf8',
    });
    assert.ok(Number(items) > 10, `${name}: ${items}`);
  }
  // Nothing half-made is left in the folder.
  assert.deepEqual(
    readdirSync(folder).filter((n) => !n.endsWith('.bridgeplan-backup')),
    [],
  );

  // The restore dialog lists them, newest first, with their contents.
  await driver.click(await driver.find('[data-testid="workspace-menu"]'));
  await driver.click(await driver.find('[data-testid="menu-restore"]'));
  await driver.find('[data-testid="restore-dialog"]');
  await driver.find('[data-testid="backup-row"]');
  await driver.waitFor(
    async () =>
      (await driver.exec(`return document.querySelectorAll('[data-testid="backup-row"]').length`)) === names.length,
    'every backup listed',
  );
  const contents = await driver.exec(
    `return [...document.querySelectorAll('[data-testid="backup-contents"]')].map((e) => e.textContent)`,
  );
  assert.ok(contents.every((c) => /projects · [\d,.]+ work items/.test(c)), contents.join(' | '));
  await driver.screenshot(join(shots, 'backups-restore-dialog.png'));
});
