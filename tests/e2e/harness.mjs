// What every end-to-end file sets up: the app binary, a throw-away home for the app's own
// files (recent list, web storage), a demo workspace, and read-only SQL on that workspace.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Driver } from './webdriver.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(root, 'target/debug/bridgeplan');
export const shots = join(root, 'target/e2e');

// The app, the demo and these tests share one "today", never the real date: the core's clock
// reads BRIDGEPLAN_TODAY (make test sets it to several dates; a Tuesday when run alone).
process.env.BRIDGEPLAN_TODAY ||= '2026-12-01';
/** The day the app under test calls today, as YYYY-MM-DD. */
export const today = process.env.BRIDGEPLAN_TODAY;

/** A fresh home and demo workspace named `name`; keeps the user's own settings untouched. */
export function setUp(name) {
  const home = mkdtempSync(join(tmpdir(), `bridgeplan-e2e-${name}-`));
  const workspace = join(home, `${name}.bridgeplan`);
  mkdirSync(shots, { recursive: true });
  process.env.XDG_CONFIG_HOME = join(home, 'config');
  process.env.XDG_DATA_HOME = join(home, 'data');
  process.env.XDG_CACHE_HOME = join(home, 'cache');
  process.env.WEBKIT_DISABLE_DMABUF_RENDERER = '1';
  execFileSync(BIN, ['demo', workspace]);
  /** Runs a read-only query on the workspace file, as another program would. */
  const sql = (query) => execFileSync('sqlite3', ['-readonly', workspace, query], { encoding: 'utf8' }).trim();
  return { home, workspace, sql };
}

/** A WebDriver session on a port of its own per test file. */
export function startDriver() {
  return Driver.start(4444 + (process.pid % 500) * 2);
}
