import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { PX_PER_DAY, shortDate } from '../timeline-geometry';
import { FakeBackend, standardBackend } from '../../../tests/fake-backend';
import { renderApp } from '../../../tests/helpers';

/** A waterfall plan (March 2026: Monday 2, Monday 9) with a summary, tasks and a milestone. */
function planBackend(): FakeBackend {
  const fake = standardBackend();
  fake.addPlan('Office move', [
    { wbs: '1', name: 'Preparation', start: '2026-03-02', finish: '2026-03-06' },
    { wbs: '1.1', name: 'Survey the new floor', start: '2026-03-02', finish: '2026-03-03' },
    { wbs: '1.2', name: 'Order furniture', start: '2026-03-04', finish: '2026-03-06' },
    { wbs: '1.3', name: 'Book movers', start: '2026-03-02', finish: '2026-03-02' },
    { wbs: '2', name: 'Pack', start: '2026-03-09', finish: '2026-03-11' },
    { wbs: '3', name: 'Keys handed over', start: '2026-03-13' },
  ]);
  return fake;
}

async function renderPlan(fake = planBackend()) {
  localStorage.setItem('bridgeplan.lastProject:/data/test.bridgeplan', String(fake.projects.at(-1)!.id));
  await renderApp(fake, { waitForBoard: false });
  await screen.findAllByTestId('timeline-row');
  return fake;
}

const rows = () => screen.queryAllByTestId('timeline-row');

function row(name: string): HTMLElement {
  const found = rows().find((r) => within(r).getAllByRole('gridcell')[1].textContent?.includes(name));
  if (!found) throw new Error(`no row ${name}`);
  return found;
}

/** The Start and Finish cells of a task's row. */
const datesOf = (name: string) =>
  within(row(name))
    .getAllByRole('gridcell')
    .slice(2, 4)
    .map((c) => c.textContent?.trim());

function lane(fake: FakeBackend, name: string): HTMLElement {
  return document.querySelector<HTMLElement>(`[data-lane-id="${fake.task(name).item_id}"]`)!;
}

const bar = (fake: FakeBackend, name: string) => within(lane(fake, name)).getByTestId('timeline-bar');
const announcer = () => screen.getByTestId('timeline-announcer');
/** Pixels for `days` days at the default (week) zoom. */
const days = (n: number) => n * PX_PER_DAY.week;

/** Presses on `el`, moves the pointer `dx` px sideways and lets go there. */
async function drag(el: HTMLElement, dx: number, { release = true } = {}) {
  await fireEvent.pointerDown(el, { button: 0, pointerId: 1, clientX: 300, clientY: 100 });
  await fireEvent.pointerMove(window, { pointerId: 1, clientX: 300 + dx / 2, clientY: 101 });
  await fireEvent.pointerMove(window, { pointerId: 1, clientX: 300 + dx, clientY: 102 });
  if (release) await fireEvent.pointerUp(window, { pointerId: 1, clientX: 300 + dx, clientY: 102 });
}

describe('dragging bars', () => {
  test('dragging a bar moves the task to start on the day it is dropped, at 08:00', async () => {
    const fake = await renderPlan();
    expect(screen.getByText('Drag a bar to move it, its edge to resize, its dot to link')).toBeTruthy();
    await drag(bar(fake, 'Order furniture'), days(5), { release: false });
    // While dragged: a ghost at the snapped dates, with the dates written beside it.
    const label = within(lane(fake, 'Order furniture')).getByTestId('timeline-bar-preview-label');
    expect(label.textContent).toBe(`${shortDate('2026-03-09')} – ${shortDate('2026-03-11')}`);
    expect(fake.callsOf('task_move')).toHaveLength(0);

    await fireEvent.pointerUp(window, { pointerId: 1, clientX: 300 + days(5), clientY: 102 });
    await waitFor(() =>
      expect(fake.callsOf('task_move')).toEqual([
        { item_id: fake.task('Order furniture').item_id, start: '2026-03-09T08:00:00' },
      ]),
    );
    // The rescheduled dates come back from the backend.
    await waitFor(() => expect(datesOf('Order furniture')).toEqual([shortDate('2026-03-09'), shortDate('2026-03-11')]));
    await waitFor(() => expect(within(lane(fake, 'Order furniture')).queryByTestId('timeline-bar-preview')).toBeNull());
    expect(announcer().textContent).toContain('Order furniture now starts');
    expect(fake.callsOf('task_finish_set')).toHaveLength(0);

    // Undone like any edit, by the backend.
    await fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(fake.callsOf('history_undo')).toHaveLength(1));
    await waitFor(() => expect(datesOf('Order furniture')).toEqual([shortDate('2026-03-04'), shortDate('2026-03-06')]));
  });

  test('a milestone moves too; a press that hardly moves is a click, which selects the row', async () => {
    const fake = await renderPlan();
    await drag(bar(fake, 'Pack'), 3);
    expect(within(lane(fake, 'Pack')).queryByTestId('timeline-bar-preview')).toBeNull();
    await fireEvent.click(bar(fake, 'Pack'));
    expect(row('Pack').classList.contains('current')).toBe(true);

    await drag(within(lane(fake, 'Keys handed over')).getByTestId('timeline-milestone'), days(3));
    await waitFor(() =>
      expect(fake.callsOf('task_move')).toEqual([
        { item_id: fake.task('Keys handed over').item_id, start: '2026-03-16T08:00:00' },
      ]),
    );
    await waitFor(() => expect(datesOf('Keys handed over')[0]).toBe(shortDate('2026-03-16')));
  });

  test('dragging the grip at a bar’s end sets its finish day; the dot next to it still links', async () => {
    const fake = await renderPlan();
    const grip = within(lane(fake, 'Order furniture')).getByTestId('timeline-resize-grip');
    expect(grip.title).toContain('finishes');
    expect(within(lane(fake, 'Order furniture')).getByTestId('timeline-link-handle')).toBeTruthy();
    await drag(grip, days(3));
    await waitFor(() =>
      expect(fake.callsOf('task_finish_set')).toEqual([
        { item_id: fake.task('Order furniture').item_id, finish: '2026-03-09' },
      ]),
    );
    await waitFor(() => expect(datesOf('Order furniture')[1]).toBe(shortDate('2026-03-09')));
    expect(fake.callsOf('task_move')).toHaveLength(0);
    // Milestones have no length to drag.
    expect(within(lane(fake, 'Keys handed over')).queryByTestId('timeline-resize-grip')).toBeNull();
  });

  test('a summary bar does not move, and says why', async () => {
    const fake = await renderPlan();
    const summary = bar(fake, 'Preparation');
    expect(summary.title).toContain('come from its tasks');
    expect(within(lane(fake, 'Preparation')).queryByTestId('timeline-resize-grip')).toBeNull();
    await drag(summary, days(5));
    expect(within(lane(fake, 'Preparation')).queryByTestId('timeline-bar-preview')).toBeNull();
    expect(fake.callsOf('task_move')).toHaveLength(0);
  });

  test('Esc during a drag puts the bar back and saves nothing', async () => {
    const fake = await renderPlan();
    await drag(bar(fake, 'Pack'), days(2), { release: false });
    expect(within(lane(fake, 'Pack')).getByTestId('timeline-bar-preview')).toBeTruthy();
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(within(lane(fake, 'Pack')).queryByTestId('timeline-bar-preview')).toBeNull();
    await fireEvent.pointerUp(window, { pointerId: 1, clientX: 300 + days(2) });
    expect(fake.callsOf('task_move')).toHaveLength(0);
  });

  test('a refused move puts the bar back and shows the backend’s message', async () => {
    const fake = planBackend();
    fake.failures.set('task_move', { code: 'invalid_input', message: 'Pack cannot start before the plan does.' });
    await renderPlan(fake);
    await drag(bar(fake, 'Pack'), -days(3));
    expect(await screen.findByText('Pack cannot start before the plan does.')).toBeTruthy();
    await waitFor(() => expect(within(lane(fake, 'Pack')).queryByTestId('timeline-bar-preview')).toBeNull());
    expect(datesOf('Pack')).toEqual([shortDate('2026-03-09'), shortDate('2026-03-11')]);
  });
});

describe('editing tasks by keyboard', () => {
  test('Alt+→ starts a task a working day later, Alt+Shift+→ makes it a day longer', async () => {
    const fake = await renderPlan();
    row('Order furniture').focus();
    await fireEvent.keyDown(row('Order furniture'), { key: 'ArrowRight', altKey: true });
    await waitFor(() =>
      expect(fake.callsOf('task_move')).toEqual([
        { item_id: fake.task('Order furniture').item_id, start: '2026-03-05T08:00:00' },
      ]),
    );
    await waitFor(() => expect(announcer().textContent).toContain('Order furniture now starts'));
    expect(document.activeElement).toBe(row('Order furniture'));
    // The schedule came back as what changed since the answer the timeline held.
    const [load, refresh] = fake.callsOf('schedule_refresh');
    expect(load.held).toBeNull();
    expect(refresh.held).not.toBeNull();

    row('Pack').focus();
    await fireEvent.keyDown(row('Pack'), { key: 'ArrowRight', altKey: true, shiftKey: true });
    await waitFor(() =>
      expect(fake.callsOf('task_finish_set')).toEqual([{ item_id: fake.task('Pack').item_id, finish: '2026-03-12' }]),
    );
    await waitFor(() => expect(datesOf('Pack')[1]).toBe(shortDate('2026-03-12')));
    await waitFor(() => expect(announcer().textContent).toContain('Pack now finishes'));
  });

  test('quick presses add up; a task is never shorter than its first day, nor a summary moved', async () => {
    const fake = await renderPlan();
    row('Pack').focus();
    // Each press goes a day past the one before, though the schedule has not come back yet;
    // from Friday 13 the next working day is Monday 16.
    for (let i = 0; i < 5; i++) await fireEvent.keyDown(row('Pack'), { key: 'ArrowRight', altKey: true });
    await waitFor(() =>
      expect(fake.callsOf('task_move').map((c) => c.start)).toEqual([
        '2026-03-10T08:00:00',
        '2026-03-11T08:00:00',
        '2026-03-12T08:00:00',
        '2026-03-13T08:00:00',
        '2026-03-16T08:00:00',
      ]),
    );

    row('Book movers').focus();
    await fireEvent.keyDown(row('Book movers'), { key: 'ArrowLeft', altKey: true, shiftKey: true });
    await waitFor(() => expect(announcer().textContent).toContain('already finishes on the day it starts'));

    row('Preparation').focus();
    await fireEvent.keyDown(row('Preparation'), { key: 'ArrowRight', altKey: true });
    await waitFor(() => expect(announcer().textContent).toContain('Preparation is a summary'));
    expect(fake.callsOf('task_move')).toHaveLength(5);
    expect(fake.callsOf('task_finish_set')).toHaveLength(0);
  });

  test('Tab indents and Shift+Tab outdents the focused task, which keeps focus', async () => {
    const fake = await renderPlan();
    const id = fake.task('Pack').item_id;
    row('Pack').focus();
    expect(await fireEvent.keyDown(row('Pack'), { key: 'Tab' })).toBe(false); // handled, focus stays
    await waitFor(() => expect(fake.callsOf('task_indent')).toEqual([{ item_id: id }]));
    await waitFor(() => expect(announcer().textContent).toContain('Indented Pack'));
    expect(document.activeElement).toBe(row('Pack'));

    await fireEvent.keyDown(row('Pack'), { key: 'Tab', shiftKey: true });
    await waitFor(() => expect(fake.callsOf('task_outdent')).toEqual([{ item_id: id }]));
    await waitFor(() => expect(announcer().textContent).toContain('Outdented Pack'));
    expect(document.activeElement).toBe(row('Pack'));
  });

  test('the toolbar’s Indent and Outdent act on the focused row', async () => {
    const fake = await renderPlan();
    const indent = screen.getByRole('button', { name: 'Indent' });
    const outdent = screen.getByRole('button', { name: 'Outdent' });
    expect(indent.title).toBe('Indent (Tab)');
    expect(outdent.title).toBe('Outdent (Shift+Tab)');
    expect((indent as HTMLButtonElement).disabled).toBe(true); // no row chosen yet
    await fireEvent.click(row('Book movers'));
    expect((indent as HTMLButtonElement).disabled).toBe(false);
    await fireEvent.click(outdent);
    await waitFor(() => expect(fake.callsOf('task_outdent')).toEqual([{ item_id: fake.task('Book movers').item_id }]));
    await fireEvent.click(indent);
    await waitFor(() => expect(fake.callsOf('task_indent')).toEqual([{ item_id: fake.task('Book movers').item_id }]));
  });

  test('a refused indent shows the backend’s message', async () => {
    const fake = planBackend();
    const message = '"Preparation" is the first task of its level, so there is no task above it to go under.';
    fake.failures.set('task_indent', { code: 'invalid_input', message });
    await renderPlan(fake);
    row('Preparation').focus();
    await fireEvent.keyDown(row('Preparation'), { key: 'Tab' });
    expect(await screen.findByText(message)).toBeTruthy();
    expect(document.activeElement).toBe(row('Preparation'));
  });
});

test('a read-only workspace drags nothing and edits nothing; Tab moves focus as usual', async () => {
  const fake = planBackend();
  fake.workspace!.read_only = { code: 'newer_version', message: 'Made by a newer Bridgeplan.' };
  await renderPlan(fake);
  expect(screen.queryAllByTestId('timeline-resize-grip')).toHaveLength(0);
  expect(screen.queryByText('Drag a bar to move it, its edge to resize, its dot to link')).toBeNull();
  await drag(bar(fake, 'Pack'), days(3));
  expect(within(lane(fake, 'Pack')).queryByTestId('timeline-bar-preview')).toBeNull();

  row('Pack').focus();
  await fireEvent.keyDown(row('Pack'), { key: 'ArrowRight', altKey: true });
  await fireEvent.keyDown(row('Pack'), { key: 'ArrowRight', altKey: true, shiftKey: true });
  expect(await fireEvent.keyDown(row('Pack'), { key: 'Tab' })).toBe(true); // not taken
  await fireEvent.click(row('Pack'));
  expect((screen.getByRole('button', { name: 'Indent' }) as HTMLButtonElement).disabled).toBe(true);
  expect((screen.getByRole('button', { name: 'Outdent' }) as HTMLButtonElement).disabled).toBe(true);
  for (const cmd of ['task_move', 'task_finish_set', 'task_indent', 'task_outdent'])
    expect(fake.callsOf(cmd)).toHaveLength(0);
});
