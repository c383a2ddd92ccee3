import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { FakeBackend, standardBackend } from '../../../tests/fake-backend';
import { renderApp } from '../../../tests/helpers';

/** A waterfall plan (March 2026) whose Pack follows Order furniture. */
function planBackend(): FakeBackend {
  const fake = standardBackend();
  fake.addPlan('Office move', [
    { wbs: '1', name: 'Preparation', start: '2026-03-02', finish: '2026-03-06' },
    { wbs: '1.1', name: 'Survey the new floor', start: '2026-03-02', finish: '2026-03-03' },
    { wbs: '1.2', name: 'Order furniture', start: '2026-03-04', finish: '2026-03-06' },
    { wbs: '2', name: 'Pack', start: '2026-03-09', finish: '2026-03-11' },
    { wbs: '3', name: 'Keys handed over', start: '2026-03-13' },
  ]);
  fake.link('Order furniture', 'Pack');
  return fake;
}

async function renderPlan(fake = planBackend()) {
  localStorage.setItem('bridgeplan.lastProject:/data/test.bridgeplan', String(fake.projects.at(-1)!.id));
  await renderApp(fake, { waitForBoard: false });
  await screen.findAllByTestId('timeline-row');
  return fake;
}

function row(name: string): HTMLElement {
  const found = screen
    .queryAllByTestId('timeline-row')
    .find((r) => within(r).getAllByRole('gridcell')[1].textContent?.includes(name));
  if (!found) throw new Error(`no row ${name}`);
  return found;
}

async function openTask(name: string) {
  await fireEvent.dblClick(row(name));
  return within(await screen.findByTestId('item-schedule'));
}

describe('the detail panel’s Schedule section', () => {
  test('percent complete saves on Enter and blur, with Undo', async () => {
    const fake = await renderPlan();
    const section = await openTask('Pack');
    const percent = section.getByTestId('schedule-percent') as HTMLInputElement;
    expect(percent.value).toBe('0');
    await fireEvent.input(percent, { target: { value: '50' } });
    await fireEvent.blur(percent);
    const id = fake.task('Pack').item_id;
    await waitFor(() =>
      expect(fake.callsOf('task_plan_set')).toEqual([
        {
          item_id: id,
          input: {
            constraint_type: 'asap',
            constraint_date: null,
            percent_complete: 50,
            actual_start: null,
            actual_finish: null,
          },
        },
      ]),
    );
    await waitFor(() => expect(fake.task('Pack').percent_complete).toBe(50));
    const toast = await waitFor(() => {
      const found = screen.getAllByRole('status').find((t) => t.textContent?.includes('Pack is 50% complete'));
      if (!found) throw new Error('no toast yet');
      return found;
    });
    await fireEvent.click(within(toast).getByTestId('toast-action'));
    await waitFor(() => expect(fake.callsOf('history_undo')).toHaveLength(1));
    await waitFor(() => expect(fake.task('Pack').percent_complete).toBe(0));

    // Out of range: said at once, nothing sent.
    await fireEvent.input(percent, { target: { value: '120' } });
    await fireEvent.blur(percent);
    expect((await section.findByTestId('schedule-error')).textContent).toContain('0 to 100');
    expect(fake.callsOf('task_plan_set')).toHaveLength(1);
  });

  test('a constraint waits for its date, then saves both; the bar shows a marker', async () => {
    const fake = await renderPlan();
    const section = await openTask('Pack');
    await fireEvent.change(section.getByTestId('schedule-constraint'), { target: { value: 'snet' } });
    expect(fake.callsOf('task_plan_set')).toHaveLength(0);
    const date = section.getByTestId('schedule-constraint-date');
    await fireEvent.change(date, { target: { value: '2026-03-16' } });
    await waitFor(() =>
      expect(fake.callsOf('task_plan_set').at(-1)).toMatchObject({
        input: { constraint_type: 'snet', constraint_date: '2026-03-16' },
      }),
    );
    await waitFor(() => expect(fake.task('Pack').plan.constraint_type).toBe('snet'));
    const lane = document.querySelector<HTMLElement>(`[data-lane-id="${fake.task('Pack').item_id}"]`)!;
    await waitFor(() => expect(within(lane).getByTestId('timeline-constraint').dataset.kind).toBe('snet'));
  });

  test('an actual finish without a start is refused with the backend’s reason', async () => {
    const fake = await renderPlan();
    const section = await openTask('Pack');
    await fireEvent.change(section.getByTestId('schedule-actual-finish'), { target: { value: '2026-03-11' } });
    expect((await section.findByTestId('schedule-error')).textContent).toContain('no actual start');
    await fireEvent.change(section.getByTestId('schedule-actual-start'), { target: { value: '2026-03-09' } });
    await waitFor(() => expect(fake.task('Pack').plan.actual_start).toBe('2026-03-09T08:00:00'));
    await waitFor(() => expect(section.queryByTestId('schedule-error')).toBeNull());
  });

  test('a predecessor’s type and lag are edited in the list; a bad lag is explained', async () => {
    const fake = await renderPlan();
    const section = await openTask('Pack');
    const link = section.getByTestId('schedule-link');
    expect(link.textContent).toContain('Order furniture');
    const lag = within(link).getByTestId('schedule-link-lag') as HTMLInputElement;
    expect(lag.value).toBe('0');
    await fireEvent.input(lag, { target: { value: 'soon' } });
    await fireEvent.blur(lag);
    expect((await within(link).findByTestId('schedule-link-error')).textContent).toContain('2d, 4h, 50%');
    expect(fake.callsOf('dependency_set')).toHaveLength(0);

    await fireEvent.input(lag, { target: { value: '2d' } });
    await fireEvent.keyDown(lag, { key: 'Enter' });
    await fireEvent.blur(lag);
    const id = Number(link.dataset.linkId);
    await waitFor(() =>
      expect(fake.callsOf('dependency_set')).toEqual([
        { id, input: { kind: 'fs', lag_minutes: 960, lag_percent: null } },
      ]),
    );
    await fireEvent.change(within(section.getByTestId('schedule-link')).getByTestId('schedule-link-kind'), {
      target: { value: 'ss' },
    });
    await waitFor(() =>
      expect(fake.callsOf('dependency_set').at(-1)).toEqual({
        id,
        input: { kind: 'ss', lag_minutes: 960, lag_percent: null },
      }),
    );
  });

  test('summaries and projects without a plan have no Schedule section', async () => {
    const fake = await renderPlan();
    await fireEvent.dblClick(row('Preparation'));
    await screen.findByTestId('detail-panel');
    expect(screen.queryByTestId('item-schedule')).toBeNull();
    expect(fake.callsOf('task_plan_set')).toHaveLength(0);
  });
});

describe('the link popover', () => {
  test('a clicked link opens its editor: type and lag save, Delete removes it, Esc closes', async () => {
    const fake = await renderPlan();
    const id = fake.schedule(fake.projects.at(-1)!.id).links[0].id;
    const link = () => document.querySelector<HTMLElement>(`[data-testid="timeline-link"][data-link-id="${id}"]`);
    await fireEvent.click(within(link()!).getByTestId('timeline-link-hit'));
    const popover = within(await screen.findByTestId('link-popover'));
    const kind = popover.getByTestId('link-popover-kind');
    await waitFor(() => expect(document.activeElement).toBe(kind));
    await fireEvent.change(kind, { target: { value: 'ss' } });
    await waitFor(() =>
      expect(fake.callsOf('dependency_set')).toEqual([
        { id, input: { kind: 'ss', lag_minutes: 0, lag_percent: null } },
      ]),
    );
    const lag = screen.getByTestId('link-popover-lag') as HTMLInputElement;
    await fireEvent.input(lag, { target: { value: '50%' } });
    await fireEvent.keyDown(lag, { key: 'Enter' });
    await waitFor(() =>
      expect(fake.callsOf('dependency_set').at(-1)).toEqual({
        id,
        input: { kind: 'ss', lag_minutes: 0, lag_percent: 50 },
      }),
    );
    await waitFor(() =>
      expect(screen.getAllByRole('status').some((t) => t.textContent?.includes('is now SS 50%'))).toBe(true),
    );

    await fireEvent.input(lag, { target: { value: '400d' } });
    await fireEvent.keyDown(lag, { key: 'Enter' });
    expect((await screen.findByTestId('link-popover-error')).textContent).toContain('a year');

    await fireEvent.keyDown(screen.getByTestId('link-popover-lag'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('link-popover')).toBeNull());

    await fireEvent.click(within(link()!).getByTestId('timeline-link-hit'));
    await fireEvent.click(await screen.findByTestId('link-popover-delete'));
    await waitFor(() => expect(fake.callsOf('dependency_remove')).toEqual([{ id }]));
    await waitFor(() => expect(screen.queryByTestId('link-popover')).toBeNull());
  });

  test('k selects a link on a row and e moves focus into its editor', async () => {
    await renderPlan();
    row('Pack').focus();
    await fireEvent.keyDown(row('Pack'), { key: 'k' });
    await screen.findByTestId('link-popover');
    await fireEvent.keyDown(row('Pack'), { key: 'e' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('link-popover-kind')));
  });
});
