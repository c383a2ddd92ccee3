// End-to-end: the timeline of the demo's waterfall project in the real window — the critical
// path on screen, linking two tasks by keyboard, and a loop refused with its tasks named.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Driver, Keys } from './webdriver.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(root, 'target/debug/bridgeplan');
const home = mkdtempSync(join(tmpdir(), 'bridgeplan-e2e-timeline-'));
const shots = join(root, 'target/e2e');
const workspace = join(home, 'timeline.bridgeplan');
let driver;

function sql(query) {
  return execFileSync('sqlite3', ['-readonly', workspace, query], { encoding: 'utf8' }).trim();
}

/** Focuses the timeline row of the task whose name starts with `prefix`. */
function focusRow(prefix) {
  return driver.exec(
    `const row = [...document.querySelectorAll('[data-testid="timeline-row"]')]
       .find((r) => r.textContent.includes(arguments[0]));
     if (!row) return false;
     row.focus();
     return true;`,
    [prefix],
  );
}

function toastText() {
  return driver.exec(`return [...document.querySelectorAll('[role="status"], [role="alert"]')]
    .map((t) => t.textContent).join(' | ');`);
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  process.env.XDG_CONFIG_HOME = join(home, 'config');
  process.env.XDG_DATA_HOME = join(home, 'data');
  process.env.XDG_CACHE_HOME = join(home, 'cache');
  process.env.WEBKIT_DISABLE_DMABUF_RENDERER = '1';
  execFileSync(BIN, ['demo', workspace]);
  driver = await Driver.start(4444 + (process.pid % 500) * 2);
});

after(async () => {
  await driver?.stop();
});

test('the ERP timeline shows its critical path and links tasks by keyboard, refusing a loop', async () => {
  await driver.open(BIN, [workspace]);
  await driver.find('[data-testid="project-link"]');
  await driver.exec(
    `[...document.querySelectorAll('[data-testid="project-link"]')]
       .find((b) => b.textContent.includes('ERP Cloud Migration')).click();`);
  // A waterfall project opens on its timeline.
  await driver.find('[data-testid="timeline-row"]');
  const rows = await driver.exec(`return [...document.querySelectorAll('[data-testid="timeline-row"]')]
    .map((r) => ({ text: r.textContent, critical: r.dataset.critical === 'true' }));`);
  assert.ok(rows.length > 10, `${rows.length} rows`);
  assert.ok(rows.some((r) => r.critical && r.text.includes('Landing zone build')), 'the critical path is marked');
  assert.ok(rows.some((r) => !r.critical && r.text.includes('Map custom ERP reports')), 'a task with float is not');
  assert.ok(await driver.exec(`return document.querySelectorAll('[data-testid="timeline-milestone"]').length > 0;`));
  assert.ok(await driver.exec(`return document.querySelectorAll('[data-testid="timeline-link"]').length > 5;`));
  await driver.screenshot(join(shots, 'timeline.png'));

  const links = () => Number(sql('SELECT count(*) FROM dependencies'));
  const before = links();

  // Link "Vendor licence" → "Cutover runbook" with l … Enter.
  assert.ok(await focusRow('Vendor licence'));
  await driver.keys('l');
  await driver.find('[data-testid="timeline-link-mode"]');
  assert.ok(await focusRow('Cutover runbook'));
  await driver.keys(Keys.enter);
  await driver.waitFor(async () => /Linked/.test(await toastText()), 'the "Linked" toast');
  await driver.waitFor(async () => links() === before + 1, 'the link in the file');

  // Linking the last task back to the first would close a loop: refused, named, not saved.
  // End and Home move through the whole outline, also to rows scrolled out of view.
  await driver.keys(Keys.end);
  await driver.waitFor(() => focusRow('Lessons learned'), 'the last row');
  await driver.keys('l');
  await driver.find('[data-testid="timeline-link-mode"]');
  await driver.keys(Keys.home);
  await driver.keys(Keys.down);
  assert.ok(await focusRow('Assess current'));
  await driver.keys(Keys.enter);
  const refusal = await driver.waitFor(async () => {
    const text = await toastText();
    return /loop/.test(text) ? text : null;
  }, 'the loop to be refused');
  assert.match(refusal, /Lessons learned/);
  assert.equal(links(), before + 1);

  // Undo takes the link back out of the file.
  await driver.keys(Keys.control, 'z');
  await driver.waitFor(async () => links() === before, 'the undo to remove the link');
  await driver.screenshot(join(shots, 'timeline-after-undo.png'));
  await driver.close();
});
