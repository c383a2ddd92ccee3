import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend, type FakeBackend } from '../../../tests/fake-backend';
import { renderApp } from '../../../tests/helpers';

const WORKDAY = [
  [480, 720],
  [780, 1020],
];

/** The standard workspace plus a waterfall plan, opened on the plan's timeline. */
async function renderPlan(setup: (fake: FakeBackend) => void = () => undefined) {
  const fake = standardBackend();
  const plan = fake.addPlan('Office move', [
    { wbs: '1', name: 'Survey the new floor', start: '2026-03-02', finish: '2026-03-03' },
    { wbs: '2', name: 'Pack', start: '2026-03-04', finish: '2026-03-06' },
  ]);
  setup(fake);
  localStorage.setItem('bridgeplan.lastProject:/data/test.bridgeplan', String(plan.id));
  await renderApp(fake, { waitForBoard: false });
  await screen.findAllByTestId('timeline-row');
  return fake;
}

/** Opens the editor from the toolbar and waits for the week. */
async function openEditor() {
  await fireEvent.click(screen.getByTestId('calendar-editor-open'));
  const dialog = await screen.findByTestId('calendar-editor');
  await within(dialog).findAllByTestId('calendar-week-day');
  return dialog;
}

const day = (dialog: HTMLElement, n: number) =>
  within(
    within(dialog)
      .getAllByTestId('calendar-week-day')
      .find((d) => d.dataset.day === String(n))!,
  );
const total = (dialog: HTMLElement) => within(dialog).getByTestId('calendar-week-total').textContent;

describe('working-calendar editor', () => {
  test('opens from the toolbar as a modal dialog showing the shared week, 40 h, and takes focus', async () => {
    await renderPlan();
    const button = screen.getByTestId('calendar-editor-open');
    expect(button.getAttribute('title')).toBe('Working calendar');
    const dialog = await openEditor();
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe('Working calendar: Standard');
    expect(within(dialog).getByTestId('calendar-shared').textContent).toContain(
      'Shared by 3 projects: Security Hardening, Customer Portal, Office move — changes move all their schedules',
    );

    const days = within(dialog).getAllByTestId('calendar-week-day');
    expect(days.map((d) => d.getAttribute('aria-label'))).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(days.map((d) => (within(d).getByTestId('calendar-day-working') as HTMLInputElement).checked)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect((day(dialog, 0).getByTestId('calendar-day-hours') as HTMLInputElement).value).toBe(
      '08:00–12:00, 13:00–17:00',
    );
    expect(day(dialog, 0).getByTestId('calendar-day-total').textContent).toBe('8 h');
    expect(day(dialog, 5).queryByTestId('calendar-day-hours')).toBeNull();
    expect(total(dialog)).toBe('40 h a week');
    await waitFor(() => expect(document.activeElement).toBe(day(dialog, 0).getByTestId('calendar-day-working')));
    expect(within(dialog).getByTestId('calendar-exceptions-empty')).toBeTruthy();
  });

  test('unticking Friday saves the whole week with Friday empty; the total and the timeline follow', async () => {
    const fake = await renderPlan();
    const dialog = await openEditor();
    const fetched = fake.callsOf('schedule_get').length;
    await fireEvent.click(day(dialog, 4).getByTestId('calendar-day-working'));
    await waitFor(() =>
      expect(fake.callsOf('calendar_week_set')).toEqual([
        { calendar_id: 1, week: [WORKDAY, WORKDAY, WORKDAY, WORKDAY, [], [], []] },
      ]),
    );
    expect(total(dialog)).toBe('32 h a week');
    expect(day(dialog, 4).getByText('Not working')).toBeTruthy();
    await waitFor(() => expect(fake.callsOf('schedule_get').length).toBeGreaterThan(fetched));

    // Ticking it again brings its hours back.
    await fireEvent.click(day(dialog, 4).getByTestId('calendar-day-working'));
    await waitFor(() =>
      expect(fake.callsOf('calendar_week_set').at(-1)!.week).toEqual([
        WORKDAY,
        WORKDAY,
        WORKDAY,
        WORKDAY,
        WORKDAY,
        [],
        [],
      ]),
    );
    expect(total(dialog)).toBe('40 h a week');

    // Ctrl+Z in the dialog undoes the last change, and the dialog shows the week it restored.
    await fireEvent.keyDown(day(dialog, 4).getByTestId('calendar-day-working'), { key: 'z', ctrlKey: true });
    await waitFor(() => expect(fake.callsOf('history_undo')).toHaveLength(1));
    await waitFor(() => expect(total(dialog)).toBe('32 h a week'));
    expect(screen.getByTestId('calendar-editor')).toBe(dialog);
  });

  test('hours save on Enter; bad text shows why and saves nothing; a refusal is shown and undone on screen', async () => {
    const fake = await renderPlan();
    const dialog = await openEditor();
    const monday = day(dialog, 0).getByTestId('calendar-day-hours') as HTMLInputElement;

    await fireEvent.input(monday, { target: { value: '09:00–08:00' } });
    await fireEvent.blur(monday);
    const error = day(dialog, 0).getByRole('alert');
    expect(error.textContent).toContain('09:00–08:00 ends before it starts');
    expect(monday.value).toBe('09:00–08:00');
    expect(monday.getAttribute('aria-invalid')).toBe('true');
    await fireEvent.input(monday, { target: { value: '8-12, 13-17' } });
    await fireEvent.keyDown(monday, { key: 'Enter' });
    expect(day(dialog, 0).getByRole('alert').textContent).toContain('"8-12" is not a span of time');
    expect(fake.callsOf('calendar_week_set')).toHaveLength(0);

    await fireEvent.input(monday, { target: { value: '8:00-12:00, 13:00-16:30' } });
    await fireEvent.keyDown(monday, { key: 'Enter' });
    await waitFor(() => expect(fake.callsOf('calendar_week_set')).toHaveLength(1));
    expect(fake.callsOf('calendar_week_set')[0].week).toEqual([
      [
        [480, 720],
        [780, 990],
      ],
      WORKDAY,
      WORKDAY,
      WORKDAY,
      WORKDAY,
      [],
      [],
    ]);
    await waitFor(() => expect(monday.value).toBe('08:00–12:00, 13:00–16:30'));
    expect(day(dialog, 0).queryByRole('alert')).toBeNull();
    expect(day(dialog, 0).getByTestId('calendar-day-total').textContent).toBe('7 h 30 min');
    expect(total(dialog)).toBe('39 h 30 min a week');

    fake.failures.set('calendar_week_set', {
      code: 'invalid_input',
      message: 'The calendar "Standard" has no working time on any weekday.',
    });
    await fireEvent.click(day(dialog, 1).getByTestId('calendar-day-working'));
    const refusal = await day(dialog, 1).findByRole('alert');
    expect(refusal.textContent).toContain('has no working time on any weekday');
    expect((day(dialog, 1).getByTestId('calendar-day-working') as HTMLInputElement).checked).toBe(true);
    expect(total(dialog)).toBe('39 h 30 min a week');
  });

  test('adding a holiday calls calendar_exception_set with no spans and lists it; removing offers Undo', async () => {
    const fake = await renderPlan((f) => {
      f.calendar.exceptions = [{ day: '2026-05-01', name: 'Labour Day', spans: [] }];
    });
    const dialog = await openEditor();
    expect(
      within(dialog)
        .getAllByTestId('calendar-exception')
        .map((e) => e.dataset.day),
    ).toEqual(['2026-05-01']);

    // No date: said, nothing sent.
    await fireEvent.click(within(dialog).getByTestId('calendar-exception-add'));
    expect(within(dialog).getByTestId('calendar-exception-error').textContent).toContain('Choose the date');
    expect(fake.callsOf('calendar_exception_set')).toHaveLength(0);

    await fireEvent.input(within(dialog).getByTestId('calendar-exception-date'), { target: { value: '2026-12-25' } });
    await fireEvent.input(within(dialog).getByTestId('calendar-exception-name'), { target: { value: 'Christmas' } });
    await fireEvent.click(within(dialog).getByTestId('calendar-exception-add'));
    await waitFor(() =>
      expect(fake.callsOf('calendar_exception_set')).toEqual([
        { calendar_id: 1, exception: { day: '2026-12-25', name: 'Christmas', spans: [] } },
      ]),
    );
    await waitFor(() => expect(within(dialog).getAllByTestId('calendar-exception')).toHaveLength(2));
    const christmas = within(dialog).getAllByTestId('calendar-exception')[1];
    expect(christmas.dataset.day).toBe('2026-12-25');
    expect(christmas.textContent).toContain('Christmas');
    expect(christmas.textContent).toContain('Holiday');
    expect((within(dialog).getByTestId('calendar-exception-date') as HTMLInputElement).value).toBe('');

    // A short day: working, with its own hours.
    await fireEvent.input(within(dialog).getByTestId('calendar-exception-date'), { target: { value: '2026-12-24' } });
    await fireEvent.click(within(dialog).getByTestId('calendar-exception-working'));
    await fireEvent.input(within(dialog).getByTestId('calendar-exception-hours'), { target: { value: '08:00–12:00' } });
    await fireEvent.click(within(dialog).getByTestId('calendar-exception-add'));
    await waitFor(() =>
      expect(fake.callsOf('calendar_exception_set').at(-1)).toEqual({
        calendar_id: 1,
        exception: { day: '2026-12-24', name: '', spans: [[480, 720]] },
      }),
    );
    await waitFor(() =>
      expect(
        within(dialog)
          .getAllByTestId('calendar-exception')
          .map((e) => e.dataset.day),
      ).toEqual(['2026-05-01', '2026-12-24', '2026-12-25']),
    );
    expect(within(dialog).getAllByTestId('calendar-exception')[1].textContent).toContain('08:00–12:00');

    const labourDay = within(dialog).getAllByTestId('calendar-exception')[0];
    await fireEvent.click(within(labourDay).getByTestId('calendar-exception-remove'));
    await waitFor(() =>
      expect(fake.callsOf('calendar_exception_remove')).toEqual([{ calendar_id: 1, day: '2026-05-01' }]),
    );
    await waitFor(() => expect(within(dialog).getAllByTestId('calendar-exception')).toHaveLength(2));
    const toast = screen.getAllByRole('status')[0];
    expect(toast.textContent).toContain('Removed the exception on');
    await fireEvent.click(within(toast).getByTestId('toast-action'));
    await waitFor(() =>
      expect(
        within(dialog)
          .getAllByTestId('calendar-exception')
          .map((e) => e.dataset.day),
      ).toContain('2026-05-01'),
    );
  });

  test('Esc closes the dialog without closing anything else, and focus returns to the Calendar button', async () => {
    await renderPlan();
    const row = screen.getAllByTestId('timeline-row')[1];
    row.focus();
    await fireEvent.keyDown(row, { key: 'Enter' });
    await screen.findByTestId('detail-panel');
    const dialog = await openEditor();
    // Keys stay in the dialog: `v` does not switch views behind it.
    await fireEvent.keyDown(day(dialog, 2).getByTestId('calendar-day-working'), { key: 'v' });
    expect(screen.getByTestId('view-timeline').getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(day(dialog, 2).getByTestId('calendar-day-working'), { key: 'Escape' });
    expect(screen.queryByTestId('calendar-editor')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('calendar-editor-open')));
    expect(screen.getByTestId('detail-panel')).toBeTruthy();
  });

  test('a read-only workspace shows the calendar without ways to change it', async () => {
    await renderPlan((f) => {
      f.workspace!.read_only = { code: 'newer_version', message: 'Made by a newer Bridgeplan.' };
      f.calendar.exceptions = [{ day: '2026-05-01', name: 'Labour Day', spans: [] }];
    });
    const dialog = await openEditor();
    expect(
      within(dialog)
        .getAllByTestId('calendar-day-working')
        .every((c) => (c as HTMLInputElement).disabled),
    ).toBe(true);
    expect(within(dialog).queryByTestId('calendar-exception-add')).toBeNull();
    expect(within(dialog).queryByTestId('calendar-exception-remove')).toBeNull();
    expect(within(dialog).getByText(/read-only/)).toBeTruthy();
  });
});
