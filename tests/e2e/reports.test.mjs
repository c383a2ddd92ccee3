// End-to-end: the Reports screen in the real window — a status report previewed, then a
// schedule report of the demo's ERP plan saved through "Save PDF…", and the file read back.
// The native save dialog cannot be driven by WebDriver, so only its answer is stood in for: the
// page's IPC call to the dialog plugin returns the path; every other call (the render, the
// save) goes to the real backend.
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
  await driver.exec(
    `const internals = window.__TAURI_INTERNALS__;
     const invoke = internals.invoke.bind(internals);
     internals.invoke = (cmd, args, options) =>
       cmd === 'plugin:dialog|save' ? Promise.resolve(${JSON.stringify(out)}) : invoke(cmd, args, options);`,
  );
  await driver.click(await driver.find('[data-testid="report-save"]'));
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
