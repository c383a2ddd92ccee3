// End-to-end: the Reports screen in the real window — a status report previewed, then a
// schedule report of the demo's ERP plan saved through "Save PDF…", and the file read back.
// WebDriver cannot reach the native save dialog (a GTK window), so the test answers it as a
// user would, with X keyboard input (xdotool): the file name typed, Enter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, setUp, startDriver } from './harness.mjs';

let driver;
let workspace;
let home;

before(async () => {
  ({ workspace, home } = setUp('reports'));
  driver = await startDriver();
});

after(async () => {
  await driver?.stop();
});

const xdotool = (...args) => execFileSync('xdotool', args, { encoding: 'utf8' }).trim();
/** The X window id of a top-level window titled `title`, or '' while there is none. */
const findWindow = (title) => {
  try {
    return xdotool('search', '--name', `^${title}$`).split('\n')[0];
  } catch {
    return '';
  }
};

const text = async (css) => driver.exec(`return document.querySelector(${JSON.stringify(css)})?.textContent ?? '';`);

test('a status report previews, and a schedule report saves as a PDF with its tasks', async () => {
  await driver.open(BIN, [workspace]);
  await driver.click(await driver.find('[data-testid="reports-link"]'));

  // The status report of the selected project renders on its own.
  await driver.find('[data-testid="report-preview"]');
  await driver.waitFor(async () => /Page 1 of \d+/.test(await text('[data-testid="report-pages"]')), 'the status preview');

  // The schedule report of the ERP plan, on Letter paper.
  await driver.click(await driver.find('[data-testid="report-kind-schedule"]'));
  await driver.exec(
    `const select = document.querySelector('[data-testid="report-project"]');
     select.value = [...select.options].find((o) => o.textContent.includes('ERP')).value;
     select.dispatchEvent(new Event('change', { bubbles: true }));`,
  );
  await driver.click(await driver.find('[data-testid="report-paper-letter"]'));
  await driver.waitFor(async () => /Page 1 of 2/.test(await text('[data-testid="report-pages"]')), 'the schedule preview');
  const alt = await driver.exec(`return document.querySelector('[data-testid="report-preview"]').getAttribute('alt');`);
  assert.match(alt, /ERP Cloud Migration/);

  const out = join(home, 'erp-schedule.pdf');
  await driver.click(await driver.find('[data-testid="report-save"]'));
  const dialog = await driver.waitFor(() => Promise.resolve(findWindow('Save report as')), 'the save dialog');
  // There is no window manager under Xvfb: give the dialog the keyboard directly.
  await new Promise((r) => setTimeout(r, 500));
  xdotool('windowfocus', '--sync', dialog);
  xdotool('key', '--clearmodifiers', 'ctrl+a');
  xdotool('type', '--delay', '15', out);
  xdotool('key', 'Return');
  await driver.waitFor(() => Promise.resolve(existsSync(out)), 'the saved PDF');

  assert.ok(readFileSync(out).subarray(0, 5).equals(Buffer.from('%PDF-')));
  const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
  assert.match(info, /Title:\s+Schedule report – ERP Cloud Migration/);
  assert.match(info, /Pages:\s+2/);
  assert.match(info, /792 x 612 pts \(letter\)/);
  const pdfText = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
  assert.match(pdfText, /Migration rehearsal 1: finance module/);
  assert.match(pdfText, /Page 2 of 2/);
  await driver.close();
});
