import { beforeEach, describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend, type FakeBackend } from '../../../tests/fake-backend';
import { FakeInterchangeCsv } from '../../../tests/fake-interchange-csv';
import { column, renderApp } from '../../../tests/helpers';
import { allActions } from '../../search/actions';
import { registerBuiltinActions } from '../../search/builtin-actions';
import { csvImport, describeCounts, fileNameFor } from '../csv-transfer.svelte';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function setUp(readOnly = false): Promise<{ fake: FakeBackend; csv: FakeInterchangeCsv }> {
  const fake = standardBackend();
  if (readOnly) fake.workspace!.read_only = { code: 'read_only', message: 'The file is read-only.' };
  const csv = new FakeInterchangeCsv(fake);
  csv.files.set('/home/pm/items.csv', {
    headers: ['Title', 'Status', 'Sprint'],
    rows: [
      ['Set up SSO', 'Backlog', 'S1'],
      ['Write runbook', 'Done', 'S1'],
      ['Odd one', 'Blocked', 'S2'],
    ],
  });
  await renderApp(fake);
  return { fake, csv };
}

async function openImport(fake: FakeBackend) {
  fake.dialogPath = '/home/pm/items.csv';
  await fireEvent.click(screen.getByTestId('project-transfer-menu'));
  await fireEvent.click(screen.getByTestId('transfer-import-items'));
  return screen.findByTestId('csv-import-dialog');
}

beforeEach(() => csvImport.reset());

describe('CSV import', () => {
  test('the mapping step preselects the guessed fields, names bad rows, and imports the good ones in one step', async () => {
    const { fake } = await setUp();
    const dialog = await openImport(fake);
    expect(text(within(dialog).getByRole('heading'))).toContain('Import work items from CSV');
    expect((screen.getByTestId('csv-column-0') as HTMLSelectElement).value).toBe('title');
    expect((screen.getByTestId('csv-column-1') as HTMLSelectElement).value).toBe('status');
    expect((screen.getByTestId('csv-column-2') as HTMLSelectElement).value).toBe('');
    expect(screen.queryByTestId('csv-remembered')).toBeNull();
    const problems = await screen.findByTestId('csv-problems');
    expect(text(problems)).toContain('Row 4: status "Blocked" is not a column of this board');
    expect(text(screen.getByTestId('csv-not-kept'))).toContain('"Sprint" column is mapped to nothing');
    expect(text(screen.getByTestId('csv-creates'))).toContain('Will create 2 work items in Security Hardening');
    // With a row in trouble the import waits until the user chooses to skip it.
    const submit = screen.getByTestId('csv-import-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    await fireEvent.click(screen.getByTestId('csv-skip'));
    expect(submit.disabled).toBe(false);
    await fireEvent.click(submit);
    await waitFor(() => expect(screen.queryByTestId('csv-import-dialog')).toBeNull());
    expect(fake.callsOf('csv_import')[0]).toMatchObject({
      project_id: fake.projects[0].id,
      kind: 'work_items',
      skip_bad_rows: true,
    });
    await waitFor(() => expect(text(column('Backlog'))).toContain('Set up SSO'));
    expect(text(column('Done'))).toContain('Write runbook');
    expect(await screen.findByText(/Imported 2 work items; 1 row skipped/)).toBeTruthy();
  });

  test('a changed mapping is previewed again and remembered for the next file of that shape', async () => {
    const { fake, csv } = await setUp();
    await openImport(fake);
    await screen.findByTestId('csv-problems');
    // Status mapped to nothing: every row is fine and lands in the first column.
    await fireEvent.change(screen.getByTestId('csv-column-1'), { target: { value: '' } });
    await waitFor(() => expect(screen.queryByTestId('csv-problems')).toBeNull());
    expect(text(screen.getByTestId('csv-creates'))).toContain('3 work items');
    await fireEvent.click(screen.getByTestId('csv-import-submit'));
    await waitFor(() => expect(screen.queryByTestId('csv-import-dialog')).toBeNull());
    expect(csv.remembered.size).toBe(1);

    await openImport(fake);
    expect(await screen.findByTestId('csv-remembered')).toBeTruthy();
    expect((screen.getByTestId('csv-column-1') as HTMLSelectElement).value).toBe('');
    // Escape closes the dialog without importing.
    await fireEvent.keyDown(screen.getByTestId('csv-import-dialog'), { key: 'Escape' });
    expect(screen.queryByTestId('csv-import-dialog')).toBeNull();
    expect(fake.callsOf('csv_import')).toHaveLength(1);
  });

  test('a refused file is shown as the core words it, and cancelling the file dialog does nothing', async () => {
    const { fake, csv } = await setUp();
    csv.files.set('/home/pm/empty.csv', { headers: ['Title'], rows: [] });
    fake.dialogPath = '/home/pm/empty.csv';
    await fireEvent.click(screen.getByTestId('project-transfer-menu'));
    await fireEvent.click(screen.getByTestId('transfer-import-items'));
    expect(await screen.findByText(/header row but no rows/)).toBeTruthy();
    expect(screen.queryByTestId('csv-import-dialog')).toBeNull();
    fake.dialogPath = null;
    await fireEvent.click(screen.getByTestId('project-transfer-menu'));
    await fireEvent.click(screen.getByTestId('transfer-import-items'));
    await waitFor(() => expect(fake.callsOf('path_open')).toHaveLength(2));
    expect(fake.callsOf('csv_inspect')).toHaveLength(1);
  });

  test('a read-only workspace offers the exports but not the imports', async () => {
    await setUp(true);
    await fireEvent.click(screen.getByTestId('project-transfer-menu'));
    expect(screen.queryByTestId('transfer-import-items')).toBeNull();
    expect(screen.queryByTestId('transfer-import-risks')).toBeNull();
    expect(screen.getByTestId('transfer-export-ics')).toBeTruthy();
  });
});

describe('exports', () => {
  test('the calendar export asks where, with the project name as the file name', async () => {
    const { fake, csv } = await setUp();
    fake.dialogPath = '/home/pm/Security Hardening';
    await fireEvent.click(screen.getByTestId('project-transfer-menu'));
    await fireEvent.click(screen.getByTestId('transfer-export-ics'));
    await waitFor(() => expect(csv.written).toHaveLength(1));
    expect(fake.callsOf('path_save')[0]).toMatchObject({ options: { defaultPath: 'Security Hardening.ics' } });
    expect(csv.written[0]).toEqual({
      path: '/home/pm/Security Hardening.ics',
      what: 'ics',
      project_id: fake.projects[0].id,
    });
    expect(await screen.findByText(/Exported 2 milestones to Security Hardening.ics/)).toBeTruthy();
  });

  test('the grid view has an Export CSV button for its work items', async () => {
    const { fake, csv } = await setUp();
    await fireEvent.click(screen.getByTestId('view-grid'));
    fake.dialogPath = '/home/pm/items-out.csv';
    await fireEvent.click(await screen.findByTestId('csv-export-work_items'));
    await waitFor(() => expect(csv.written).toHaveLength(1));
    expect(csv.written[0]).toMatchObject({ what: 'work_items', project_id: fake.projects[0].id });
    expect(fake.callsOf('path_save')[0]).toMatchObject({
      options: { defaultPath: 'Security Hardening Work items.csv' },
    });
  });

  test('the command palette lists the imports and the calendar exports', async () => {
    await setUp();
    registerBuiltinActions();
    const labels = allActions().map((a) => a.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Import work items from CSV…',
        'Import risks from CSV…',
        'Export work items as CSV…',
        'Export to calendar (.ics)…',
        'Export every project to calendar (.ics)…',
      ]),
    );
  });
});

test('counts and file names read well', () => {
  expect(
    describeCounts([
      { what: 'work items', count: 3 },
      { what: 'people', count: 1 },
    ]),
  ).toBe('3 work items, 1 person');
  expect(fileNameFor('R&D: phase 1/2', 'Risks')).toBe('R&D- phase 1-2 Risks');
});
