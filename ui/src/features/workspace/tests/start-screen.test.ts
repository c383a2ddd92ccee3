import { describe, expect, test } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import App from '../../../App.svelte';
import { FakeBackend } from '../../../tests/fake-backend';
import { now } from '../../../lib/shared/clock';

function startScreenBackend() {
  const fake = new FakeBackend();
  fake.workspace = null;
  fake.recent = [
    {
      path: '/home/pm/Plans/erp.bridgeplan',
      name: 'erp',
      last_opened: new Date(now().getTime() - 3600_000).toISOString(),
      missing: false,
    },
    { path: '/media/usb/old.bridgeplan', name: 'old', last_opened: '2024-01-10T10:00:00Z', missing: true },
  ];
  return fake;
}

describe('start screen', () => {
  test('lists recent workspaces with path, time and a Missing marker that can be removed', async () => {
    const fake = startScreenBackend().install();
    render(App);
    const entries = await screen.findAllByTestId('recent-entry');
    expect(entries).toHaveLength(2);
    expect(entries[0].textContent).toContain('/home/pm/Plans/erp.bridgeplan');
    expect(entries[0].textContent).toContain('1 hour ago');
    expect(within(entries[0]).queryByTestId('missing-marker')).toBeNull();
    expect(within(entries[1]).getByTestId('missing-marker').textContent).toBe('Missing');

    await fireEvent.click(within(entries[1]).getByTestId('recent-remove'));
    await waitFor(() => expect(screen.getAllByTestId('recent-entry')).toHaveLength(1));
    expect(fake.callsOf('recent_remove')).toEqual([{ path: '/media/usb/old.bridgeplan' }]);
  });

  test('clicking a recent workspace opens it', async () => {
    const fake = startScreenBackend();
    fake.addProject('ERP migration', [['Not started', null, 'todo']]);
    fake.install();
    render(App);
    const entries = await screen.findAllByTestId('recent-entry');
    await fireEvent.click(within(entries[0]).getByRole('button', { name: /^erp/ }));
    expect(await screen.findByTestId('project-name')).toBeTruthy();
    expect(fake.callsOf('workspace_open')).toEqual([{ path: '/home/pm/Plans/erp.bridgeplan' }]);
  });

  test('shows the session_start error verbatim in the error banner', async () => {
    const fake = startScreenBackend();
    const message =
      'damaged.bridgeplan is damaged and cannot be opened (database disk image is malformed). Nothing was changed; open a backup or an earlier copy.';
    fake.startError = { code: 'damaged', message };
    fake.install();
    render(App);
    const banner = await screen.findByTestId('error-banner');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain(message);
    expect(await screen.findAllByTestId('recent-entry')).toHaveLength(2);
  });

  test('an empty recent list says what to do', async () => {
    const fake = new FakeBackend();
    fake.workspace = null;
    fake.install();
    render(App);
    const empty = await screen.findByTestId('recent-empty');
    expect(empty.textContent).toMatch(/Create a new workspace/);
  });

  test('a failed open shows the message and stays on the start screen', async () => {
    const fake = startScreenBackend();
    fake.failures.set('workspace_open', {
      code: 'not_a_workspace',
      message: 'erp.bridgeplan is not a Bridgeplan workspace.',
    });
    fake.install();
    render(App);
    const entries = await screen.findAllByTestId('recent-entry');
    await fireEvent.click(within(entries[0]).getByRole('button', { name: /^erp/ }));
    expect((await screen.findByTestId('error-banner')).textContent).toContain('is not a Bridgeplan workspace');
    expect(screen.getByTestId('start-screen')).toBeTruthy();
  });

  test('Open demo opens the demo workspace', async () => {
    const fake = startScreenBackend();
    fake.addProject('Security Hardening', [['Backlog', null, 'todo']]);
    fake.install();
    render(App);
    await fireEvent.click(await screen.findByTestId('open-demo'));
    expect((await screen.findByTestId('workspace-name')).textContent).toBe('Northwind Logistics (demo)');
  });
});
