import { afterEach, describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend } from '../../../tests/fake-backend';
import { FakeTime } from '../../../tests/fake-time';
import { renderApp, resetAppState } from '../../../tests/helpers';
import { todayIso } from '../../../lib/shared/format';
import { addDays, mondayOf } from '../time';

afterEach(resetAppState);

async function openTimesheet() {
  const fake = standardBackend();
  const time = new FakeTime(fake);
  const items = [...fake.columns.values()].flat();
  const vpn = items.find((i) => i.title === 'Patch VPN gateway')!;
  const ssh = items.find((i) => i.title === 'Harden SSH config')!;
  const monday = mondayOf(todayIso());
  time.add(vpn.id, 1, monday, 90);
  time.add(ssh.id, 1, todayIso(), 30);
  time.add(ssh.id, 1, addDays(monday, -7), 120);
  await renderApp(fake);
  await fireEvent.click(screen.getByTestId('timesheet-link'));
  const sheet = await screen.findByTestId('timesheet');
  await waitFor(() => expect(within(sheet).getAllByTestId('timesheet-row')).toHaveLength(2));
  return { fake, time, sheet, vpn, ssh, monday };
}

const dayIndex = () => (new Date(todayIso() + 'T12:00:00').getDay() + 6) % 7;

describe('the weekly timesheet', () => {
  test('shows this week per item and day with totals and the capacity', async () => {
    const { sheet, monday } = await openTimesheet();
    expect(within(sheet).getByTestId('timesheet-week').textContent).toContain(monday);
    const sameDay = dayIndex() === 0;
    expect(within(sheet).getByTestId('timesheet-total').textContent).toBe('2:00');
    expect(within(sheet).getByTestId('timesheet-capacity').textContent).toContain('2:00 of 40:00');
    const totals = within(sheet)
      .getAllByTestId('timesheet-day-total')
      .map((c) => c.textContent?.trim());
    expect(totals[0]).toBe(sameDay ? '2:00' : '1:30');
  });

  test('the week switcher goes back, forward and to this week', async () => {
    const { sheet, monday } = await openTimesheet();
    await fireEvent.click(within(sheet).getByTestId('timesheet-prev'));
    await waitFor(() => expect(within(sheet).getByTestId('timesheet-total').textContent).toBe('2:00'));
    expect(within(sheet).getByTestId('timesheet-week').textContent).toContain(addDays(monday, -7));
    await fireEvent.click(within(sheet).getByTestId('timesheet-next'));
    await fireEvent.click(within(sheet).getByTestId('timesheet-next'));
    await waitFor(() => expect(within(sheet).getByTestId('timesheet-week').textContent).toContain(addDays(monday, 7)));
    await fireEvent.click(within(sheet).getByTestId('timesheet-this-week'));
    await waitFor(() => expect(within(sheet).getByTestId('timesheet-week').textContent).toContain(monday));
  });

  test('arrows move, Enter edits and saves the day total, Esc cancels', async () => {
    const { fake, sheet, vpn } = await openTimesheet();
    const cells = () => within(sheet).getAllByTestId('timesheet-cell');
    const row = within(sheet)
      .getAllByTestId('timesheet-row')
      .findIndex((r) => r.dataset.item === String(vpn.id));
    const first = cells().find((c) => c.dataset.row === String(row) && c.dataset.col === '0')!;
    first.focus();
    await fireEvent.keyDown(first, { key: 'ArrowRight' });
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(first);
    // Esc leaves the cell as it was.
    await fireEvent.keyDown(first, { key: 'Enter' });
    let input = within(sheet).getByTestId('timesheet-input') as HTMLInputElement;
    expect(input.value).toBe('1:30');
    await fireEvent.input(input, { target: { value: '9' } });
    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(within(sheet).queryByTestId('timesheet-input')).toBeNull();
    expect(fake.callsOf('timesheet_cell_set')).toHaveLength(0);
    // Enter saves the typed total.
    await fireEvent.keyDown(first, { key: 'Enter' });
    input = within(sheet).getByTestId('timesheet-input') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: '2:45' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(fake.callsOf('timesheet_cell_set')).toHaveLength(1));
    expect(fake.callsOf('timesheet_cell_set')[0]).toMatchObject({ item_id: vpn.id, text: '2:45' });
    const vpnRow = within(sheet)
      .getAllByTestId('timesheet-row')
      .find((r) => r.dataset.item === String(vpn.id))!;
    await waitFor(() => expect(within(vpnRow).getByTestId('timesheet-row-total').textContent).toBe('2:45'));
    expect(await screen.findByRole('button', { name: 'Undo' })).toBeTruthy();
  });
});
