import { beforeEach, describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend } from '../../../tests/fake-backend';
import { FakeInterchangeImport } from '../../../tests/fake-interchange-import';
import { renderApp } from '../../../tests/helpers';
import { allActions } from '../../search/actions';
import { registerInterchangeActions } from '../actions';
import { formatOf, imports } from '../imports.svelte';
import { workspace } from '../../workspace/workspace.svelte';

async function start(path: string | null = '/data/simple-project-board.json') {
  const fake = standardBackend();
  const interchange = new FakeInterchangeImport(fake);
  fake.dialogPath = path;
  await renderApp(fake);
  return { fake, interchange };
}

async function menu(testid: string) {
  await fireEvent.click(screen.getByTestId('workspace-menu'));
  await fireEvent.click(screen.getByTestId(testid));
}

beforeEach(() => imports.close());

describe('import', () => {
  test('the format follows the file name', () => {
    expect(formatOf('/a/board.JSON')).toBe('trello');
    expect(formatOf('/a/issues.csv')).toBe('jira');
    expect(formatOf('C:\\plans\\erp.xml')).toBe('mspdi');
    expect(formatOf('/a/notes.txt')).toBeNull();
  });

  test('Import… shows the preview; nothing is written until Import, then the new project opens', async () => {
    const { fake } = await start();
    await menu('menu-import');
    const dialog = await screen.findByTestId('import-dialog');
    await within(dialog).findByTestId('import-project');
    expect(within(dialog).getByRole('heading', { name: /Import Trello board/ })).toBeTruthy();
    expect(within(dialog).getByTestId('import-file').textContent).toBe('simple-project-board.json');
    expect(within(dialog).getByTestId('import-project').textContent).toBe('Simple Project Board');
    expect(within(dialog).getByTestId('import-creates').textContent).toContain('3 work items');
    expect(within(dialog).getByTestId('import-not-kept').textContent).toContain('4 comments.');
    expect(within(dialog).getByTestId('import-skipped').textContent).toContain('1 archived card skipped.');
    expect(fake.callsOf('interchange_import_preview')).toEqual([
      { path: '/data/simple-project-board.json', format: 'trello' },
    ]);
    expect(fake.callsOf('interchange_import_apply')).toEqual([]);

    await fireEvent.click(within(dialog).getByTestId('import-confirm'));
    await waitFor(() => expect(screen.queryByTestId('import-dialog')).toBeNull());
    expect(fake.callsOf('interchange_import_apply')).toEqual([
      { path: '/data/simple-project-board.json', format: 'trello' },
    ]);
    const made = fake.projects.find((p) => p.name === 'Simple Project Board')!;
    await waitFor(() => expect(workspace.selectedId).toBe(made.id));
    expect(screen.getAllByTestId('toast')[0].textContent).toContain('Imported "Simple Project Board"');
    await waitFor(() => expect(screen.getByTestId('undo').getAttribute('title') ?? '').toContain('Import'));
  });

  test('Cancel closes the preview and writes nothing; Escape too', async () => {
    const { fake } = await start('/data/issues.csv');
    await menu('menu-import');
    await screen.findByTestId('import-project');
    expect(screen.getByRole('heading', { name: /Import Jira CSV/ })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('import-dialog')).toBeNull();
    await menu('menu-import');
    await screen.findByTestId('import-project');
    await fireEvent.keyDown(screen.getByTestId('import-dialog'), { key: 'Escape' });
    expect(screen.queryByTestId('import-dialog')).toBeNull();
    expect(fake.callsOf('interchange_import_apply')).toEqual([]);
  });

  test('a refused file shows the message and cannot be imported', async () => {
    await start('/data/bad.json');
    await menu('menu-import');
    const error = await screen.findByTestId('import-error');
    expect(error.textContent).toContain('not a Trello board export');
    expect((screen.getByTestId('import-confirm') as HTMLButtonElement).disabled).toBe(true);
  });

  test('a taken project name is refused at the preview', async () => {
    const { interchange } = await start();
    interchange.project = 'Security Hardening';
    await menu('menu-import');
    const error = await screen.findByTestId('import-error');
    expect(error.querySelector('[data-error-code]')?.getAttribute('data-error-code')).toBe('duplicate');
  });

  test('a file of no known format is refused before the backend is asked', async () => {
    const { fake } = await start('/data/notes.txt');
    await menu('menu-import');
    expect((await screen.findByTestId('import-error')).textContent).toContain('"notes.txt" is none of these');
    expect(fake.callsOf('interchange_import_preview')).toEqual([]);
  });

  test('a cancelled file dialog opens nothing', async () => {
    const { fake } = await start(null);
    await menu('menu-import');
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('import-dialog')).toBeNull();
    expect(fake.callsOf('interchange_import_preview')).toEqual([]);
  });

  test('the command palette offers each import; a read-only workspace none', async () => {
    await start();
    registerInterchangeActions();
    const ids = allActions().map((a) => a.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'interchange:import',
        'interchange:import-trello',
        'interchange:import-jira',
        'interchange:import-mspdi',
      ]),
    );
    expect(ids).not.toContain('interchange:export-mspdi');
  });

  test('read-only workspaces have no Import… in the menu', async () => {
    const fake = standardBackend();
    new FakeInterchangeImport(fake);
    fake.workspace!.read_only = { code: 'locked', message: 'Another Bridgeplan has this workspace open.' };
    await renderApp(fake);
    await fireEvent.click(screen.getByTestId('workspace-menu'));
    expect(screen.queryByTestId('menu-import')).toBeNull();
    registerInterchangeActions();
    expect(allActions().map((a) => a.id)).not.toContain('interchange:import');
  });
});

describe('export to Microsoft Project', () => {
  test('a waterfall project exports through the save dialog and reports what was not kept', async () => {
    const fake = standardBackend();
    const interchange = new FakeInterchangeImport(fake);
    const plan = fake.addPlan('ERP Rollout', []);
    fake.dialogPath = '/data/erp';
    await renderApp(fake);
    workspace.select(plan.id);
    await menu('menu-export-mspdi');
    const dialog = await screen.findByTestId('import-dialog');
    await within(dialog).findByTestId('export-written');
    expect(interchange.exports).toEqual([{ project_id: plan.id, path: '/data/erp.xml' }]);
    expect(within(dialog).getByTestId('export-written').textContent).toContain('4 tasks');
    expect(within(dialog).getByTestId('export-not-kept').textContent).toContain('Story points of 2 tasks');
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('import-dialog')).toBeNull();
  });

  test('a Kanban project has no export entry', async () => {
    await start();
    await fireEvent.click(screen.getByTestId('workspace-menu'));
    expect(screen.queryByTestId('menu-export-mspdi')).toBeNull();
  });
});
