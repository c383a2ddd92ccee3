import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend } from '../../../tests/fake-backend';
import { FakeInterchange } from '../../../tests/fake-interchange';
import { renderApp } from '../../../tests/helpers';
import { summary } from '../json.svelte';

const jsonFilter = { name: 'Bridgeplan workspace JSON', extensions: ['json'] };
const typeInto = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });
const workspaceFilter = { name: 'Bridgeplan workspace', extensions: ['bridgeplan'] };

async function menu(testid: string) {
  await fireEvent.click(screen.getByTestId('workspace-menu'));
  await fireEvent.click(await screen.findByTestId(testid));
}

function backend() {
  const fake = standardBackend();
  const interchange = new FakeInterchange(fake);
  return { fake, interchange };
}

describe('workspace JSON', () => {
  test('Export workspace as JSON… asks where, adds .json and says what it wrote', async () => {
    const { fake } = backend();
    await renderApp(fake);
    const name = fake.workspace!.name;
    fake.dialogPath = '/backup/plans';
    await menu('menu-export-json');
    await waitFor(() => expect(fake.callsOf('workspace_export_json')).toEqual([{ path: '/backup/plans.json' }]));
    expect(fake.callsOf('path_save')[0]).toMatchObject({
      options: { defaultPath: `${name}.json`, filters: [jsonFilter] },
    });
    const toast = (await screen.findByRole('status')).textContent!;
    expect(toast).toContain('to plans.json');
    expect(toast).toContain('2 projects');
  });

  test('cancelling the export dialog writes nothing', async () => {
    const { fake } = backend();
    await renderApp(fake);
    fake.dialogPath = null;
    await menu('menu-export-json');
    await waitFor(() => expect(fake.callsOf('path_save')).toHaveLength(1));
    expect(fake.callsOf('workspace_export_json')).toHaveLength(0);
  });

  test('Import workspace from JSON… picks the export, then the new file, then opens it', async () => {
    const { fake, interchange } = backend();
    interchange.fromSchema = 9;
    await renderApp(fake);
    fake.dialogQueue = ['/backup/Northwind.json', '/home/pm/Restored'];
    await menu('menu-import-json');
    await waitFor(() =>
      expect(fake.callsOf('workspace_import_json')).toEqual([
        { source: '/backup/Northwind.json', dest: '/home/pm/Restored.bridgeplan' },
      ]),
    );
    expect(fake.callsOf('path_open')[0]).toMatchObject({
      options: { filters: [jsonFilter] },
    });
    expect(fake.callsOf('path_save')[0]).toMatchObject({
      options: { defaultPath: 'Northwind.bridgeplan', filters: [workspaceFilter] },
    });
    await waitFor(() => expect(fake.callsOf('workspace_open')).toEqual([{ path: '/home/pm/Restored.bridgeplan' }]));
    await waitFor(() => expect(screen.getByTestId('workspace-name').textContent).toBe('Restored'));
    const toast = (await screen.findByRole('status')).textContent!;
    expect(toast).toContain('Imported Northwind Logistics IT into Restored.bridgeplan: 4 projects, 96 work items');
    expect(toast).toContain('upgraded from an older Bridgeplan');
  });

  test('cancelling either dialog imports nothing', async () => {
    const { fake } = backend();
    await renderApp(fake);
    fake.dialogQueue = [null];
    await menu('menu-import-json');
    await waitFor(() => expect(fake.callsOf('path_open')).toHaveLength(1));
    expect(fake.callsOf('path_save')).toHaveLength(0);
    fake.dialogQueue = ['/backup/a.json', null];
    await menu('menu-import-json');
    await waitFor(() => expect(fake.callsOf('path_save')).toHaveLength(1));
    expect(fake.callsOf('workspace_import_json')).toHaveLength(0);
  });

  test('an import the core refuses says why and keeps the current workspace open', async () => {
    const { fake, interchange } = backend();
    interchange.existing.add('/home/pm/taken.bridgeplan');
    await renderApp(fake);
    fake.dialogQueue = ['/backup/a.json', '/home/pm/taken.bridgeplan'];
    await menu('menu-import-json');
    const toast = await screen.findByTestId('toast');
    expect(toast.textContent).toContain('already exists');
    expect(fake.callsOf('workspace_open')).toHaveLength(0);
    expect(screen.getByTestId('project-name').textContent).toBe('Security Hardening');
  });

  test('both are in the command palette', async () => {
    const { fake } = backend();
    await renderApp(fake);
    await fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    const palette = await screen.findByTestId('command-palette');
    const input = within(palette).getByTestId('palette-input');
    await typeInto(input, 'workspace json');
    const ids = within(palette)
      .getAllByTestId('palette-option')
      .map((o) => o.dataset.actionId);
    expect(ids).toContain('workspace:export-json');
    expect(ids).toContain('workspace:import-json');
  });

  test('a summary names the first counts, not the total', () => {
    expect(
      summary([
        { what: 'projects', count: 4 },
        { what: 'work items', count: 1200 },
        { what: 'rows in all, in 60 tables', count: 9000 },
      ]),
    ).toBe('4 projects, 1,200 work items');
  });
});
