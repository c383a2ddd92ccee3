// End-to-end: the window opens as large and where it was when the app was last closed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Keys } from './webdriver.mjs';
import { BIN, setUp, startDriver } from './harness.mjs';

let driver;
let home;
let workspace;

before(async () => {
  ({ home, workspace } = setUp('window'));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

const stateFile = () => join(home, 'config', 'org.bridgeplan.desktop', '.window-state.json');

test('a resized window keeps its size the next time the app starts', async () => {
  await driver.open(BIN, [workspace]);
  await driver.find('[data-testid="project-name"]');
  await driver.cmd('POST', '/window/rect', { width: 1100, height: 700 });
  await driver.waitFor(async () => (await driver.cmd('GET', '/window/rect')).width === 1100, 'the window to resize');
  // Ctrl+Q ends the app as closing the window does, and the window's state is written.
  // The app may end before the driver answers.
  await driver.keys(Keys.control, 'q').catch(() => {});
  await driver.close();
  await driver.waitFor(async () => existsSync(stateFile()), 'the window state to be saved');
  const saved = JSON.parse(readFileSync(stateFile(), 'utf8')).main;
  assert.equal(saved.width, 1100, JSON.stringify(saved));
  assert.equal(saved.height, 700, JSON.stringify(saved));

  await driver.open(BIN, [workspace]);
  await driver.find('[data-testid="project-name"]');
  const rect = await driver.cmd('GET', '/window/rect');
  assert.equal(rect.width, 1100, JSON.stringify(rect));
  assert.equal(rect.height, 700, JSON.stringify(rect));
});
