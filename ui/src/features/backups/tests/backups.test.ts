import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend } from '../../../tests/fake-backend';
import { FakeBackups } from '../../../tests/fake-backups';
import { renderApp } from '../../../tests/helpers';
import { contentsLine, copyName, formatSize } from '../backups';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function menu(testid: string) {
  await fireEvent.click(screen.getByTestId('workspace-menu'));
  await fireEvent.click(await screen.findByTestId(testid));
}

async function openDialog({ fill = true, readOnly = false } = {}) {
  const fake = standardBackend();
  if (readOnly) fake.workspace!.read_only = { code: 'read_only', message: 'The file is read-only.' };
  const backups = new FakeBackups(fake);
  if (fill) {
    backups.add('2026-12-01T16:30:00Z', 2, 6, 1_536);
    backups.addDamaged('2026-11-30T08:00:00Z');
    backups.add('2026-12-02T08:50:00Z', 2, 7, 245_760);
  }
  await renderApp(fake);
  await menu('menu-restore');
  const dialog = await screen.findByTestId('restore-dialog');
  if (fill) await waitFor(() => expect(within(dialog).getAllByTestId('backup-row')).toHaveLength(3));
  return { fake, backups, dialog };
}

describe('backup helpers (pure)', () => {
  test('sizes, the contents line and the name offered for the copy', () => {
    expect(formatSize(912)).toBe('912 bytes');
    expect(formatSize(14_540)).toBe('14.2 KB');
    expect(formatSize(3.4 * 1024 * 1024)).toBe('3.4 MB');
    expect(formatSize(250 * 1024 * 1024)).toBe('250 MB');
    const base = {
      path: '/b/x',
      file_name: 'x',
      taken_at: '2026-12-02T10:15:00Z',
      size_bytes: 1,
      damaged: null,
    };
    expect(
      contentsLine({ ...base, summary: { workspace_name: 'A', projects: 1, work_items: 1200, last_edit: null } }),
    ).toBe(`1 project · ${(1200).toLocaleString()} work items`);
    expect(contentsLine({ ...base, summary: null, damaged: 'bad' })).toBeNull();
    expect(copyName('Acme', 'not a date')).toBe('Acme (restored backup).bridgeplan');
    expect(copyName('Acme', '2026-12-02T10:15:00Z')).toMatch(
      /^Acme \(restored 2026-12-0[23] \d\d\.\d\d\)\.bridgeplan$/,
    );
  });
});

describe('restore from backup', () => {
  test('the dialog lists the backups newest first with date, size and contents; a damaged one is marked', async () => {
    const { dialog } = await openDialog();
    const rows = within(dialog).getAllByTestId('backup-row');
    expect(text(rows[0])).toContain('240 KB');
    expect(text(rows[0])).toContain('2 projects · 7 work items');
    expect(text(rows[1])).toContain('6 work items');
    expect(text(rows[1])).toContain('1.5 KB');
    expect(within(rows[2]).getByTestId('backup-damaged').textContent).toContain('Damaged');
    expect((within(rows[2]).getByTestId('backup-open-copy') as HTMLButtonElement).disabled).toBe(true);
    expect((within(rows[0]).getByTestId('backup-open-copy') as HTMLButtonElement).disabled).toBe(false);
    expect(text(dialog)).toContain('/plans/test.bridgeplan.backups');
    expect((within(dialog).getByTestId('backup-interval') as HTMLInputElement).value).toBe('10');
  });

  test('Open as copy asks where with the save dialog, restores there and opens the copy', async () => {
    const { fake, backups, dialog } = await openDialog();
    fake.dialogPath = '/home/pm/Plans/Recovered';
    const newest = backups.list[0];
    await fireEvent.click(within(dialog).getAllByTestId('backup-open-copy')[0]);
    await waitFor(() =>
      expect(fake.callsOf('backup_restore')).toEqual([
        { backup: newest.path, path: '/home/pm/Plans/Recovered.bridgeplan' },
      ]),
    );
    const save = fake.callsOf('path_save')[0] as { options: { defaultPath: string; title: string } };
    expect(save.options.defaultPath).toMatch(/\(restored 2026-12-0\d \d\d\.\d\d\)\.bridgeplan$/);
    expect(save.options.title).toBe('Open the backup as a copy');
    await waitFor(() => expect(screen.queryByTestId('restore-dialog')).toBeNull());
    await waitFor(() => expect(screen.getByTestId('workspace-name').textContent).toBe('Recovered'));
    await waitFor(() =>
      expect(screen.queryAllByTestId('toast').some((t) => text(t).includes('is unchanged'))).toBe(true),
    );
  });

  test('cancelling the save dialog restores nothing; an existing file is refused with the reason', async () => {
    const { fake, backups, dialog } = await openDialog();
    fake.dialogPath = null;
    await fireEvent.click(within(dialog).getAllByTestId('backup-open-copy')[0]);
    await waitFor(() => expect(fake.callsOf('path_save')).toHaveLength(1));
    expect(fake.callsOf('backup_restore')).toHaveLength(0);

    backups.existing.add('/home/pm/taken.bridgeplan');
    fake.dialogPath = '/home/pm/taken.bridgeplan';
    await fireEvent.click(within(dialog).getAllByTestId('backup-open-copy')[0]);
    await waitFor(() =>
      expect(screen.queryAllByTestId('toast').some((t) => text(t).includes('never replaces a file'))).toBe(true),
    );
    expect(screen.getByTestId('restore-dialog')).toBeTruthy();
    expect(screen.getByTestId('workspace-name').textContent).not.toBe('taken');
  });

  test('Back up now adds the new backup to the top of the list', async () => {
    const { fake, dialog } = await openDialog();
    await fireEvent.click(within(dialog).getByTestId('backup-now'));
    await waitFor(() => expect(within(dialog).getAllByTestId('backup-row')).toHaveLength(4));
    expect(fake.callsOf('backup_now')).toHaveLength(1);
    await waitFor(() =>
      expect(screen.queryAllByTestId('toast').some((t) => text(t).includes('Backed up as'))).toBe(true),
    );
  });

  test('no backups yet: an empty state that says when they are made; Escape closes', async () => {
    const { dialog } = await openDialog({ fill: false });
    expect(text(await within(dialog).findByTestId('backups-empty'))).toContain('each time you open the workspace');
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByTestId('restore-dialog')).toBeNull();
  });

  test('a list that cannot be read says why', async () => {
    const fake = standardBackend();
    new FakeBackups(fake);
    fake.failures.set('backups_list', { code: 'io', message: 'Could not read the backups folder: permission denied' });
    await renderApp(fake);
    await menu('menu-restore');
    expect(text(await screen.findByTestId('backups-error'))).toContain('permission denied');
  });

  test('the interval is saved when changed', async () => {
    const { fake, dialog } = await openDialog();
    const input = within(dialog).getByTestId('backup-interval') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: '30' } });
    await fireEvent.change(input);
    await waitFor(() => expect(fake.callsOf('backup_settings_set')).toEqual([{ interval_minutes: 30 }]));
  });

  test('a read-only workspace cannot change the interval and is told it is not backed up automatically', async () => {
    const ro = await openDialog({ readOnly: true });
    expect((within(ro.dialog).getByTestId('backup-interval') as HTMLInputElement).disabled).toBe(true);
    expect(text(ro.dialog)).toContain('not backed up automatically');
    expect((within(ro.dialog).getByTestId('backup-now') as HTMLButtonElement).disabled).toBe(false);
  });

  test('the command palette reaches "Restore from backup…" and "Back up now"', async () => {
    const fake = standardBackend();
    const backups = new FakeBackups(fake);
    backups.add('2026-12-02T08:50:00Z');
    await renderApp(fake);
    await fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    let palette = await screen.findByTestId('command-palette');
    let input = within(palette).getByTestId('palette-input');
    await fireEvent.input(input, { target: { value: 'restore from' } });
    expect(within(palette).getAllByTestId('palette-option')[0].dataset.actionId).toBe('backups:restore');
    await fireEvent.keyDown(input, { key: 'Enter' });
    const dialog = await screen.findByTestId('restore-dialog');
    await waitFor(() => expect(within(dialog).getAllByTestId('backup-row')).toHaveLength(1));
    await fireEvent.keyDown(dialog, { key: 'Escape' });

    await fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    palette = await screen.findByTestId('command-palette');
    input = within(palette).getByTestId('palette-input');
    await fireEvent.input(input, { target: { value: 'back up now' } });
    expect(within(palette).getAllByTestId('palette-option')[0].dataset.actionId).toBe('backups:now');
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(fake.callsOf('backup_now')).toHaveLength(1));
  });
});
