import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend } from '../../../tests/fake-backend';
import { column, renderApp } from '../../../tests/helpers';

const filter = { name: 'Bridgeplan workspace', extensions: ['bridgeplan'] };

async function menu(testid: string) {
  await fireEvent.click(screen.getByTestId('workspace-menu'));
  await fireEvent.click(await screen.findByTestId(testid));
}

describe('workspace menu', () => {
  test('New… asks where with a save dialog named Untitled.bridgeplan, then opens the new workspace', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    fake.dialogPath = '/home/pm/Plans/Q3';
    await menu('menu-new');
    await waitFor(() => expect(fake.callsOf('workspace_new')).toEqual([{ path: '/home/pm/Plans/Q3.bridgeplan' }]));
    expect(fake.callsOf('path_save')[0]).toMatchObject({
      options: { defaultPath: 'Untitled.bridgeplan', filters: [filter] },
    });
    await waitFor(() => expect(screen.getByTestId('workspace-name').textContent).toBe('Q3'));
  });

  test('Open… uses the open dialog; cancelling it changes nothing', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    fake.dialogPath = null;
    await menu('menu-open');
    await waitFor(() => expect(fake.callsOf('path_open')).toHaveLength(1));
    expect(fake.callsOf('path_open')[0]).toMatchObject({ options: { filters: [filter] } });
    expect(fake.callsOf('workspace_open')).toHaveLength(0);
  });

  test('a workspace that cannot be opened leaves the current one open and says why', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    fake.dialogPath = '/home/pm/other.bridgeplan';
    fake.failures.set('workspace_open', {
      code: 'locked',
      message: 'other.bridgeplan is open in another Bridgeplan window. Close it there first.',
    });
    await menu('menu-open');
    expect((await screen.findByTestId('error-banner')).textContent).toContain('open in another Bridgeplan window');
    expect(screen.getByTestId('project-name').textContent).toBe('Security Hardening');
  });

  test('Save a copy as… writes the copy and keeps working in the original', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    fake.dialogPath = '/backup/test copy.bridgeplan';
    await menu('menu-save-copy');
    await waitFor(() =>
      expect(fake.callsOf('workspace_save_copy')).toEqual([{ path: '/backup/test copy.bridgeplan' }]),
    );
    expect((await screen.findByRole('status')).textContent).toContain('Saved a copy as test copy.bridgeplan');
  });

  test('Close workspace returns to the start screen', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    await menu('menu-close');
    expect(await screen.findByTestId('start-screen')).toBeTruthy();
    expect(fake.callsOf('workspace_close')).toHaveLength(1);
  });
});

describe('columns', () => {
  test('renaming a column and setting its WIP limit call status_update', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    const id = fake.status('Review').id;
    await fireEvent.click(within(column('Review')).getByTestId('column-settings-button'));
    const settings = await screen.findByTestId('column-settings');
    const name = within(settings).getByTestId('column-name-input');
    await fireEvent.input(name, { target: { value: 'Peer review' } });
    await fireEvent.blur(name);
    await waitFor(() =>
      expect(fake.callsOf('status_update')).toEqual([
        { id, input: { name: 'Peer review', category: 'in_progress', wip_limit: 2 } },
      ]),
    );
    await waitFor(() => expect(column('Peer review')).toBeTruthy());

    const limit = within(screen.getByTestId('column-settings')).getByTestId('column-wip-limit');
    await fireEvent.input(limit, { target: { value: '-1' } });
    await fireEvent.blur(limit);
    expect(within(screen.getByTestId('column-settings')).getByRole('alert').textContent).toContain('whole number');
    await fireEvent.input(limit, { target: { value: '' } });
    await fireEvent.blur(limit);
    await waitFor(() => expect(fake.callsOf('status_update')).toHaveLength(2));
    expect(fake.callsOf('status_update')[1]).toEqual({
      id,
      input: { name: 'Peer review', category: 'in_progress', wip_limit: null },
    });
  });

  test('only an empty column can be deleted', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    const review = fake.status('Review').id;
    await fireEvent.click(within(column('Backlog')).getByTestId('column-settings-button'));
    expect((within(column('Backlog')).getByTestId('column-delete') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(within(column('Review')).getByTestId('column-settings-button'));
    await fireEvent.click(within(column('Review')).getByTestId('column-delete'));
    await waitFor(() =>
      expect(screen.getAllByTestId('column').map((c) => c.dataset.statusName)).not.toContain('Review'),
    );
    expect(fake.callsOf('status_delete')).toEqual([{ id: review }]);
  });

  test('Add column adds a status at the end', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    await fireEvent.click(screen.getByTestId('add-column'));
    const input = await screen.findByTestId('new-column-name');
    await fireEvent.input(input, { target: { value: 'Blocked' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.getAllByTestId('column').at(-1)?.dataset.statusName).toBe('Blocked'));
    expect(fake.callsOf('status_add')).toEqual([
      { project_id: fake.projects[0].id, input: { name: 'Blocked', category: 'in_progress', wip_limit: null } },
    ]);
  });
});

describe('reopening a workspace', () => {
  test('loads the remembered project at once, and falls back to the first when it is gone', async () => {
    localStorage.setItem('bridgeplan.lastProject:/data/test.bridgeplan', '999');
    const fake = standardBackend();
    await renderApp(fake);
    const shown = screen.getByTestId('project-name').textContent;
    expect(fake.callsOf('board_get').at(-1)).not.toEqual({ project_id: 999 });
    expect(screen.queryByText(/no longer exists/)).toBeNull();
    expect(localStorage.getItem('bridgeplan.lastProject:/data/test.bridgeplan')).not.toBe('999');
    expect(shown).toBeTruthy();
  });
});

test('the remembered project is the first board asked for', async () => {
  const fake = standardBackend();
  const second = fake.projects[1];
  localStorage.setItem('bridgeplan.lastProject:/data/test.bridgeplan', String(second.id));
  await renderApp(fake);
  expect(fake.callsOf('board_get')[0]).toEqual({ project_id: second.id });
  expect(screen.getByTestId('project-name').textContent).toBe(second.name);
});

describe('quitting', () => {
  test('Ctrl+Q asks the app to quit, even from a text field', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    await fireEvent.keyDown(field, { key: 'q', ctrlKey: true });
    await waitFor(() => expect(fake.quit).toBe(true));
    field.remove();
  });
});
