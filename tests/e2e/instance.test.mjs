// End-to-end: launching the app again on a file while it runs hands the file to the running
// window, which opens it, and the second launch ends at once. The hand-over goes through the
// D-Bus session bus, as on a desktop: the test starts a private bus of its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, setUp, shots, startDriver } from './harness.mjs';

let driver;
let bus;
let home;
let workspace;

/** Starts a session bus and returns its address once it listens. */
function startBus() {
  bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    bus.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.split('\n')[0].trim());
    });
    bus.on('error', reject);
    bus.on('exit', (code) => reject(new Error(`dbus-daemon ended (${code})`)));
  });
}

before(async () => {
  ({ home, workspace } = setUp('instance'));
  process.env.DBUS_SESSION_BUS_ADDRESS = await startBus();
  // The accessibility bridge would start on this bus too; the app under test does not need it.
  process.env.NO_AT_BRIDGE = '1';
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
  bus?.kill();
});

const shownPath = () =>
  driver.exec(`return document.querySelector('[data-testid="workspace-name"]')?.getAttribute('title') ?? null;`);

test('a second launch on a file opens it in the running window and ends', async () => {
  const other = join(home, 'Second plan.bridgeplan');
  execFileSync(BIN, ['new', other]);
  await driver.open(BIN, [workspace]);
  await driver.find('[data-testid="project-name"]');
  assert.equal(realpathSync(await shownPath()), realpathSync(workspace));

  // The second launch hands its file over and exits with success, long before a window of
  // its own could have opened.
  const started = Date.now();
  execFileSync(BIN, [other], { timeout: 30_000 });
  const handOverMs = Date.now() - started;

  await driver.waitFor(async () => {
    const shown = await shownPath();
    return shown !== null && realpathSync(shown) === realpathSync(other);
  }, 'the running window to open the file');
  const name = await driver.exec(`return document.querySelector('[data-testid="workspace-name"]').textContent;`);
  assert.match(name, /Second plan/);
  // What the screen shows, taken from the X server: after another GTK program has come and
  // gone on the bus, WebKitWebDriver's own screenshot never answers (the window repaints).
  execFileSync('import', ['-window', 'root', join(shots, 'instance-second-launch.png')]);
  console.log(`second launch handed over its file in ${handOverMs} ms`);
});
