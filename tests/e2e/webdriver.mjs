// A small W3C WebDriver client for the end-to-end tests: starts tauri-driver, opens a
// session on the real Bridgeplan binary and offers the few commands the tests use.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
export const Keys = { alt: '\uE00A', control: '\uE009', shift: '\uE008', enter: '\uE007',
  escape: '\uE00C', right: '\uE014', left: '\uE012', up: '\uE013', down: '\uE015', home: '\uE011', end: '\uE010',
  release: '\uE000' };

export class Driver {
  static async start(port) {
    const nativePort = port + 1;
    const proc = spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: process.env,
    });
    const driver = new Driver(`http://127.0.0.1:${port}`, proc);
    for (let i = 0; i < 100; i++) {
      try {
        await fetch(`${driver.base}/status`);
        return driver;
      } catch {
        await sleep(100);
      }
    }
    proc.kill();
    throw new Error('tauri-driver did not start');
  }

  constructor(base, proc) {
    this.base = base;
    this.proc = proc;
    this.session = null;
  }

  async request(method, path, body) {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) {
      const v = json.value || {};
      throw new Error(`${method} ${path}: ${v.error || res.status} ${v.message || ''}`);
    }
    return json.value;
  }

  cmd(method, path, body) {
    return this.request(method, `/session/${this.session}${path}`, body);
  }

  /** Starts the app; it inherits the environment tauri-driver was started with. */
  async open(application, args = []) {
    const value = await this.request('POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application, args } } },
    });
    this.session = value.sessionId;
  }

  async close() {
    if (this.session) {
      await this.cmd('DELETE', '').catch(() => {});
      this.session = null;
    }
  }

  async stop() {
    await this.close();
    this.proc.kill();
    await stopLeftovers();
  }

  async find(css, { timeout = 15000 } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    while (Date.now() < deadline) {
      try {
        const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
        return v[ELEMENT];
      } catch (e) {
        last = e;
        await sleep(150);
      }
    }
    throw new Error(`no element matches ${css}: ${last?.message}`);
  }

  async findIn(parent, css) {
    const v = await this.cmd('POST', `/element/${parent}/element`, { using: 'css selector', value: css });
    return v[ELEMENT];
  }

  async findAll(css) {
    const v = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return v.map((e) => e[ELEMENT]);
  }

  async waitFor(fn, what, timeout = 15000) {
    const deadline = Date.now() + timeout;
    let value;
    while (Date.now() < deadline) {
      // `fn` may answer a value or a promise (a check of the file with SQLite is synchronous).
      value = await Promise.resolve().then(fn).catch(() => undefined);
      if (value) return value;
      await sleep(150);
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  click(el) { return this.cmd('POST', `/element/${el}/click`, {}); }
  type(el, text) { return this.cmd('POST', `/element/${el}/value`, { text }); }
  text(el) { return this.cmd('GET', `/element/${el}/text`); }
  attr(el, name) { return this.cmd('GET', `/element/${el}/attribute/${name}`); }

  exec(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** Presses keys on the focused element, e.g. keys(Keys.alt, Keys.right). */
  async keys(...keys) {
    const down = keys.map((value) => ({ type: 'keyDown', value }));
    const up = [...keys].reverse().map((value) => ({ type: 'keyUp', value }));
    await this.cmd('POST', '/actions', {
      actions: [{ type: 'key', id: 'keyboard', actions: [...down, ...up] }],
    });
    await this.cmd('DELETE', '/actions').catch(() => {});
  }

  async screenshot(file) {
    const png = await this.cmd('GET', '/screenshot');
    writeFileSync(file, Buffer.from(png, 'base64'));
  }
}

/** The processes started with this test file's own home (its XDG_DATA_HOME), the runner aside. */
function ownProcesses() {
  const mark = `XDG_DATA_HOME=${process.env.XDG_DATA_HOME}`;
  const pids = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!pid || pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'latin1').split('\0').includes(mark)) pids.push(pid);
    } catch {
      // Gone already, or not ours to read.
    }
  }
  return pids;
}

/**
 * Ends an app the session left running. Under load WebKitWebDriver can miss the end of the
 * session; the app, orphaned, then kept xvfb-run (and so the whole test run) waiting.
 */
async function stopLeftovers() {
  if (!process.env.XDG_DATA_HOME) return;
  for (let i = 0; i < 20 && ownProcesses().length; i++) await sleep(100);
  for (const pid of ownProcesses()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // It ended meanwhile.
    }
  }
}
