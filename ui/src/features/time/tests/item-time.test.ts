import { afterEach, describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend } from '../../../tests/fake-backend';
import { FakeTime } from '../../../tests/fake-time';
import { card, renderApp, resetAppState } from '../../../tests/helpers';
import { todayIso } from '../../../lib/shared/format';

afterEach(resetAppState);

async function openItem(title: string) {
  const fake = standardBackend();
  const time = new FakeTime(fake);
  await renderApp(fake);
  await fireEvent.click(card(title));
  const panel = await screen.findByTestId('item-time');
  await waitFor(() => expect(within(panel).getByTestId('item-time-actual').textContent).toBe('0:00'));
  return { fake, time, panel };
}

describe('time on an item', () => {
  test('logging 1.5 h adds an entry and the actual work; refused input says why', async () => {
    const { fake, panel } = await openItem('Patch VPN gateway');
    await fireEvent.input(within(panel).getByTestId('item-time-duration'), { target: { value: '0' } });
    await fireEvent.submit(within(panel).getByTestId('item-time-form'));
    expect((await within(panel).findByTestId('item-time-error')).textContent).toContain('more than zero');

    await fireEvent.input(within(panel).getByTestId('item-time-duration'), { target: { value: '1.5' } });
    await fireEvent.input(within(panel).getByTestId('item-time-note'), { target: { value: 'Firmware' } });
    await fireEvent.submit(within(panel).getByTestId('item-time-form'));
    await waitFor(() => expect(within(panel).getByTestId('item-time-actual').textContent).toBe('1:30'));
    const [entry] = within(panel).getAllByTestId('item-time-entry');
    expect(entry.textContent).toContain('Firmware');
    expect(entry.textContent).toContain('Ana Silva');
    expect(fake.callsOf('time_log')[1].input).toMatchObject({ duration: '1.5', day: todayIso(), person_id: 1 });
    expect(screen.queryByTestId('item-time-error')).toBeNull();
  });

  test('deleting an entry offers undo, which brings it back', async () => {
    const { fake, time, panel } = await openItem('Patch VPN gateway');
    const item = [...fake.columns.values()].flat().find((i) => i.title === 'Patch VPN gateway')!;
    time.add(item.id, 1, todayIso(), 45, 'Call with vendor');
    // Any change of the panel's item reloads it; start from a reload.
    await fireEvent.click(card('Audit S3 buckets'));
    await fireEvent.click(card('Patch VPN gateway'));
    const again = await screen.findByTestId('item-time');
    await waitFor(() => expect(within(again).getAllByTestId('item-time-entry')).toHaveLength(1));
    await fireEvent.click(within(again).getByTestId('item-time-entry-delete'));
    await waitFor(() => expect(within(again).queryAllByTestId('item-time-entry')).toHaveLength(0));
    const undoButton = await screen.findByRole('button', { name: 'Undo' });
    await fireEvent.click(undoButton);
    await waitFor(() => expect(time.entries).toHaveLength(1));
    await waitFor(() => expect(within(again).getAllByTestId('item-time-entry')).toHaveLength(1));
    void panel;
  });

  test('the timer starts, shows it runs, and stops with the time logged', async () => {
    const { time, panel } = await openItem('Harden SSH config');
    const button = within(panel).getByTestId('item-time-timer');
    expect(button.textContent).toContain('Start timer');
    await fireEvent.click(button);
    await waitFor(() => expect(within(panel).getByTestId('item-time-timer').textContent).toContain('Stop'));
    expect(within(panel).getByTestId('item-time-elapsed').textContent).toBe('0:00');
    time.elapsed = 25;
    await fireEvent.click(within(panel).getByTestId('item-time-timer'));
    await waitFor(() => expect(within(panel).getByTestId('item-time-actual').textContent).toBe('0:25'));
    expect(within(panel).getByTestId('item-time-timer').textContent).toContain('Start timer');
  });

  test('a timer left running over 16 hours asks, and logs the corrected time', async () => {
    const { fake, time, panel } = await openItem('Harden SSH config');
    await fireEvent.click(within(panel).getByTestId('item-time-timer'));
    await waitFor(() => expect(within(panel).getByTestId('item-time-timer').textContent).toContain('Stop'));
    time.elapsed = 19 * 60;
    await fireEvent.click(within(panel).getByTestId('item-time-timer'));
    const box = await within(panel).findByTestId('item-time-confirm');
    const minutes = within(box).getByTestId('item-time-confirm-minutes') as HTMLInputElement;
    expect(minutes.value).toBe('19:00');
    await fireEvent.input(minutes, { target: { value: '7:30' } });
    await fireEvent.click(within(box).getByTestId('item-time-confirm-log'));
    await waitFor(() => expect(within(panel).getByTestId('item-time-actual').textContent).toBe('7:30'));
    expect(fake.callsOf('timer_stop').at(-1)).toMatchObject({ minutes: 450 });
    await waitFor(() => expect(within(panel).queryByTestId('item-time-confirm')).toBeNull());
  });

  test('an entry is corrected in place: Enter saves, Esc cancels', async () => {
    const { fake, time } = await openItem('Patch VPN gateway');
    const item = [...fake.columns.values()].flat().find((i) => i.title === 'Patch VPN gateway')!;
    time.add(item.id, 1, todayIso(), 60);
    await fireEvent.click(card('Audit S3 buckets'));
    await fireEvent.click(card('Patch VPN gateway'));
    const panel = await screen.findByTestId('item-time');
    await waitFor(() => expect(within(panel).getAllByTestId('item-time-entry')).toHaveLength(1));
    await fireEvent.click(within(panel).getByRole('button', { name: /Change the time/ }));
    const input = within(panel).getByTestId('item-time-entry-input');
    await fireEvent.input(input, { target: { value: '2:15' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(within(panel).getByTestId('item-time-actual').textContent).toBe('2:15'));
    expect(time.entries[0].minutes).toBe(135);
  });

  test('a read-only workspace shows the time but offers no edit', async () => {
    const fake = standardBackend();
    fake.workspace!.read_only = { code: 'read_only', message: 'The file is read-only.' };
    const time = new FakeTime(fake);
    const item = [...fake.columns.values()].flat().find((i) => i.title === 'Patch VPN gateway')!;
    time.add(item.id, 1, todayIso(), 60);
    await renderApp(fake);
    await fireEvent.click(card('Patch VPN gateway'));
    const panel = await screen.findByTestId('item-time');
    await waitFor(() => expect(within(panel).getByTestId('item-time-actual').textContent).toBe('1:00'));
    for (const id of ['item-time-log', 'item-time-timer', 'item-time-entry-delete', 'item-time-duration'])
      expect((within(panel).getByTestId(id) as HTMLButtonElement).disabled, id).toBe(true);
  });
});
