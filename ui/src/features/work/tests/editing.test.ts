import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend } from '../../../tests/fake-backend';
import { card, column, columnOf, renderApp } from '../../../tests/helpers';

describe('detail panel', () => {
  test('opens on click, saves a changed field with item_update and closes with Esc', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    await fireEvent.click(card('Patch VPN gateway'));
    const panel = await screen.findByTestId('detail-panel');
    const title = within(panel).getByTestId('detail-title') as HTMLInputElement;
    expect(title.value).toBe('Patch VPN gateway');

    const estimate = within(panel).getByTestId('detail-estimate') as HTMLInputElement;
    await fireEvent.input(estimate, { target: { value: '6.5' } });
    await fireEvent.blur(estimate);

    const item = fake.item('Patch VPN gateway');
    await waitFor(() => expect(fake.callsOf('item_update')).toHaveLength(1));
    expect(fake.callsOf('item_update')[0]).toEqual({
      id: item.id,
      input: {
        item_type: 'task',
        title: 'Patch VPN gateway',
        description: '',
        assignee: null,
        estimate_hours: 6.5,
        story_points: null,
        priority: 'medium',
        tags: [],
        due_date: null,
      },
    });
    await waitFor(() => expect(screen.getByTestId('saved-indicator').textContent).toContain('Saved'));

    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('detail-panel')).toBeNull();
  });

  test('Enter on the title saves it; a backend error is shown next to the field and the text kept', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    const c = card('Harden SSH config');
    c.focus();
    await fireEvent.keyDown(c, { key: 'Enter' });
    const panel = await screen.findByTestId('detail-panel');
    const title = within(panel).getByTestId('detail-title') as HTMLInputElement;

    fake.failures.set('item_update', { code: 'invalid_input', message: 'A title cannot be empty.' });
    await fireEvent.input(title, { target: { value: '   ' } });
    await fireEvent.keyDown(title, { key: 'Enter' });
    expect((await within(panel).findByTestId('field-error-title')).textContent).toContain('A title cannot be empty.');
    expect(title.value).toBe('   ');
    expect(title.getAttribute('aria-invalid')).toBe('true');

    fake.failures.delete('item_update');
    await fireEvent.input(title, { target: { value: 'Harden SSH and sudo config' } });
    await fireEvent.keyDown(title, { key: 'Enter' });
    await waitFor(() => expect(card('Harden SSH and sudo config')).toBeTruthy());
    await waitFor(() => expect(within(panel).queryByTestId('field-error-title')).toBeNull());
  });

  test('tags and a new assignee are sent as the core expects', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    await fireEvent.click(card('Audit S3 buckets'));
    const panel = await screen.findByTestId('detail-panel');
    const tags = within(panel).getByTestId('detail-tags');
    await fireEvent.input(tags, { target: { value: 'cloud, audit , cloud,' } });
    await fireEvent.blur(tags);
    await waitFor(() => expect(fake.callsOf('item_update')).toHaveLength(1));
    expect((fake.callsOf('item_update')[0].input as { tags: string[] }).tags).toEqual(['cloud', 'audit']);

    const assignee = within(panel).getByTestId('detail-assignee');
    await fireEvent.input(assignee, { target: { value: 'Bo Jensen' } });
    await fireEvent.keyDown(assignee, { key: 'Enter' });
    await waitFor(() => expect(fake.callsOf('item_update')).toHaveLength(2));
    const input = fake.callsOf('item_update')[1].input as { tags: string[]; assignee: string };
    expect(input).toMatchObject({ assignee: 'Bo Jensen', tags: ['cloud', 'audit'] });
    await waitFor(() => expect(fake.callsOf('people_list').length).toBeGreaterThan(1));
  });

  test('changing the status moves the item; Delete removes it with an Undo toast', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    await fireEvent.click(card('Enable MFA for admins'));
    const panel = await screen.findByTestId('detail-panel');
    const status = within(panel).getByTestId('detail-status') as HTMLSelectElement;
    status.value = String(fake.status('Done').id);
    await fireEvent.change(status);
    await waitFor(() => expect(columnOf('Enable MFA for admins')).toBe('Done'));
    expect(fake.callsOf('item_move')[0]).toMatchObject({ status_id: fake.status('Done').id, index: 1 });

    await fireEvent.click(within(panel).getByTestId('detail-delete'));
    await waitFor(() => expect(screen.queryByTestId('detail-panel')).toBeNull());
    expect(() => card('Enable MFA for admins')).toThrow();
    const toast = screen.getAllByRole('status')[0];
    expect(toast.textContent).toContain('Deleted "Enable MFA for admins"');
    await fireEvent.click(within(toast).getByTestId('toast-action'));
    await waitFor(() => expect(columnOf('Enable MFA for admins')).toBe('Done'));
    expect(fake.callsOf('history_undo')).toHaveLength(1);
  });
});

describe('undo and redo', () => {
  test('Ctrl+Z calls history_undo, names the action in a toast and reloads the board', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    const c = card('Patch VPN gateway');
    c.focus();
    await fireEvent.keyDown(c, { key: 'ArrowRight', altKey: true });
    await waitFor(() =>
      expect(screen.getByTestId('undo').getAttribute('title')).toContain('Move "Patch VPN gateway" to In progress'),
    );

    await fireEvent.keyDown(document.activeElement ?? window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(fake.callsOf('history_undo')).toHaveLength(1));
    const toast = await screen.findByRole('status');
    expect(toast.textContent).toContain('Undone: Move "Patch VPN gateway" to In progress');
    await waitFor(() => expect(columnOf('Patch VPN gateway')).toBe('Ready'));

    await fireEvent.keyDown(window, { key: 'y', ctrlKey: true });
    await waitFor(() => expect(columnOf('Patch VPN gateway')).toBe('In progress'));
    expect(screen.getAllByRole('status')[0].textContent).toContain('Redone: Move');
  });

  test('Ctrl+Z in a text field is left to the browser', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    await fireEvent.click(within(column('Backlog')).getByTestId('add-item'));
    const input = await screen.findByTestId('new-item-title');
    await fireEvent.keyDown(input, { key: 'z', ctrlKey: true });
    expect(fake.callsOf('history_undo')).toHaveLength(0);
  });

  test('undo switches to the project the replayed edit touched', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    const c = card('Inventory of servers');
    c.focus();
    await fireEvent.keyDown(c, { key: 'ArrowLeft', altKey: true });
    await waitFor(() => expect(fake.callsOf('item_move')).toHaveLength(1));
    await fireEvent.click(screen.getAllByTestId('project-link')[1]);
    await waitFor(() => expect(screen.getByTestId('project-name').textContent).toBe('Customer Portal'));

    const undoButton = screen.getByTestId('undo') as HTMLButtonElement;
    await waitFor(() => expect(undoButton.disabled).toBe(false));
    expect(undoButton.getAttribute('aria-label')).toBe('Undo Move "Inventory of servers" to Review');
    await fireEvent.click(undoButton);
    await waitFor(() => expect(screen.getByTestId('project-name').textContent).toBe('Security Hardening'));
    await waitFor(() => expect(columnOf('Inventory of servers')).toBe('Done'));
  });
});

describe('read-only workspace', () => {
  test('shows the reason and offers no editing', async () => {
    const fake = standardBackend();
    fake.workspace!.read_only = {
      code: 'newer_version',
      message: 'This file was made by a newer Bridgeplan (schema 7). It is open read-only; nothing was changed.',
    };
    await renderApp(fake);
    expect(screen.getByTestId('read-only-banner').textContent).toContain('made by a newer Bridgeplan (schema 7)');
    expect(screen.queryAllByTestId('add-item')).toHaveLength(0);
    expect(screen.queryByTestId('add-column')).toBeNull();
    expect(screen.queryByTestId('new-project')).toBeNull();
    expect(screen.queryByTestId('edit-project')).toBeNull();
    expect(screen.queryAllByTestId('column-settings-button')).toHaveLength(0);
    expect((screen.getByTestId('undo') as HTMLButtonElement).disabled).toBe(true);

    const c = card('Patch VPN gateway');
    c.focus();
    await fireEvent.keyDown(c, { key: 'ArrowRight', altKey: true });
    await fireEvent.keyDown(c, { key: 'n' });
    await fireEvent.keyDown(c, { key: 'z', ctrlKey: true });
    expect(columnOf('Patch VPN gateway')).toBe('Ready');
    expect(screen.queryByTestId('new-item-title')).toBeNull();

    await fireEvent.keyDown(card('Patch VPN gateway'), { key: 'Enter' });
    const panel = await screen.findByTestId('detail-panel');
    for (const field of within(panel).getAllByRole('textbox')) expect((field as HTMLInputElement).disabled).toBe(true);
    expect(within(panel).queryByTestId('detail-delete')).toBeNull();

    await fireEvent.pointerDown(card('Patch VPN gateway'), { button: 0, pointerId: 1, clientX: 10, clientY: 10 });
    await fireEvent.pointerMove(window, { pointerId: 1, clientX: 200, clientY: 10 });
    expect(screen.queryByTestId('drag-ghost')).toBeNull();
    await fireEvent.pointerUp(window, { pointerId: 1 });

    const edits = ['item_move', 'item_create', 'item_update', 'history_undo'];
    expect(fake.calls.filter((c) => edits.includes(c.cmd))).toEqual([]);
  });
});

describe('projects', () => {
  test('a duplicate name is explained next to the form and nothing typed is lost', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    await fireEvent.click(screen.getByTestId('new-project'));
    const form = await screen.findByTestId('project-form');
    await fireEvent.input(within(form).getByTestId('project-form-name'), { target: { value: 'Security Hardening' } });
    await fireEvent.input(within(form).getByTestId('project-form-description'), { target: { value: 'Second try' } });
    await fireEvent.submit(form.querySelector('form')!);
    expect((await within(form).findByTestId('project-form-error')).textContent).toContain('already exists');
    expect((within(form).getByTestId('project-form-name') as HTMLInputElement).value).toBe('Security Hardening');
    expect((within(form).getByTestId('project-form-description') as HTMLTextAreaElement).value).toBe('Second try');

    await fireEvent.input(within(form).getByTestId('project-form-name'), { target: { value: 'Network Refresh' } });
    const methodology = within(form).getByTestId('project-form-methodology') as HTMLSelectElement;
    await fireEvent.change(methodology, { target: { value: 'waterfall' } });
    await fireEvent.submit(form.querySelector('form')!);
    await waitFor(() => expect(screen.getByTestId('project-name').textContent).toBe('Network Refresh'));
    expect(fake.callsOf('project_create').at(-1)).toEqual({
      input: {
        name: 'Network Refresh',
        methodology: 'waterfall',
        start_date: null,
        finish_date: null,
        description: 'Second try',
      },
    });
    await waitFor(() => expect(screen.queryByTestId('project-form')).toBeNull());
  });

  test('deleting a project shows the next one and offers Undo', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    await fireEvent.click(screen.getByTestId('delete-project'));
    await waitFor(() => expect(screen.getByTestId('project-name').textContent).toBe('Customer Portal'));
    const toast = screen.getAllByRole('status')[0];
    expect(toast.textContent).toContain('Deleted project "Security Hardening"');
    await fireEvent.click(within(toast).getByTestId('toast-action'));
    await waitFor(() => expect(screen.getByTestId('project-name').textContent).toBe('Security Hardening'));
  });
});

describe('help', () => {
  test('? lists every shortcut and Esc closes it', async () => {
    await renderApp(standardBackend());
    await fireEvent.keyDown(window, { key: '?' });
    const help = await screen.findByTestId('help-overlay');
    for (const text of ['Alt+← / Alt+→', 'Alt+↑ / Alt+↓', 'Ctrl+Z', 'Ctrl+Shift+Z, Ctrl+Y', 'Enter', 'Esc']) {
      expect(help.textContent).toContain(text);
    }
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('help-overlay')).toBeNull();
  });
});
