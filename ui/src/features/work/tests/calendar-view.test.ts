import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { calendarView } from '../calendar-view.svelte';
import { FakeBackend, standardBackend } from '../../../tests/fake-backend';
import { renderApp } from '../../../tests/helpers';
import { setToday } from '../../../lib/shared/clock';

/** The standard workspace with due dates around "today", Thursday 5 March 2026. */
function datedBackend(): FakeBackend {
  const fake = standardBackend();
  fake.item('Enable MFA for admins').due_date = '2026-03-10';
  fake.item('Patch VPN gateway').due_date = '2026-03-03'; // overdue
  fake.item('Harden SSH config').due_date = '2026-03-10';
  fake.item('Inventory of servers').due_date = '2026-03-02'; // done, so not overdue
  fake.item('Review firewall rules').due_date = '2026-04-02';
  return fake;
}

async function renderCalendar(fake = datedBackend(), { project }: { project?: number } = {}) {
  if (project != null) localStorage.setItem('bridgeplan.lastProject:/data/test.bridgeplan', String(project));
  await renderApp(fake, { waitForBoard: project == null });
  await fireEvent.click(await screen.findByTestId('view-calendar'));
  await screen.findAllByTestId('calendar-day');
  return fake;
}

const day = (date: string) => document.querySelector<HTMLElement>(`[data-testid="calendar-day"][data-date="${date}"]`)!;
const days = () => screen.queryAllByTestId('calendar-day');
const title = () => screen.getByTestId('calendar-title').textContent;
const entryTitles = (date: string) =>
  within(day(date))
    .queryAllByTestId('calendar-entry')
    .map((e) => e.textContent?.trim());

function entry(fake: FakeBackend, titleText: string, kind = 'item'): HTMLElement {
  const id = fake.item(titleText).id;
  const found = document.querySelector<HTMLElement>(
    `[data-testid="calendar-entry"][data-item-id="${id}"][data-kind="${kind}"]`,
  );
  if (!found) throw new Error(`no ${kind} entry ${titleText}`);
  return found;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 2, 5, 12, 0));
  setToday('2026-03-05');
});

afterEach(() => {
  vi.useRealTimers();
  calendarView.reset();
});

describe('calendar view', () => {
  test('month view: items on their due dates, today marked, weekends and other months told apart, undated in the tray', async () => {
    const fake = await renderCalendar();
    expect(screen.getByTestId('calendar-view')).toBeTruthy();
    expect(title()).toBe('March 2026');
    // March 2026 starts on a Sunday: six weeks, Monday 23 February to Sunday 5 April.
    expect(days()).toHaveLength(42);
    expect(days()[0].dataset.date).toBe('2026-02-23');
    expect(days().at(-1)!.dataset.date).toBe('2026-04-05');
    expect(screen.getByRole('grid').getAttribute('aria-label')).toBe('Security Hardening, March 2026');

    expect(entryTitles('2026-03-10')).toEqual(['Enable MFA for admins', 'Harden SSH config']);
    expect(day('2026-03-10').getAttribute('aria-label')).toBe('Tuesday 10 March 2026, 2 items');
    expect(day('2026-03-05').getAttribute('aria-label')).toBe('Thursday 5 March 2026, no items, today');
    expect(day('2026-03-05').getAttribute('aria-current')).toBe('date');
    expect(day('2026-03-05').tabIndex).toBe(0);
    expect(day('2026-03-07').classList.contains('weekend')).toBe(true);
    expect(day('2026-02-23').classList.contains('outside')).toBe(true);
    // An April item shows in the days of April the March grid holds.
    expect(entryTitles('2026-04-02')).toEqual(['Review firewall rules']);

    const overdue = entry(fake, 'Patch VPN gateway');
    expect(overdue.classList.contains('overdue')).toBe(true);
    expect(overdue.getAttribute('aria-label')).toContain('overdue');
    const done = entry(fake, 'Inventory of servers');
    expect(done.classList.contains('done')).toBe(true);
    expect(done.classList.contains('overdue')).toBe(false);

    const tray = screen.getByTestId('calendar-undated');
    expect(within(tray).getByRole('heading').textContent).toBe('No due date (2)');
    expect(
      within(tray)
        .getAllByTestId('calendar-entry')
        .map((e) => e.textContent?.trim()),
    ).toEqual(['Rotate service passwords', 'Audit S3 buckets']);
  });

  test('previous, next and today move the month shown', async () => {
    await renderCalendar();
    await fireEvent.click(screen.getByTestId('calendar-next'));
    expect(title()).toBe('April 2026');
    expect(days()[0].dataset.date).toBe('2026-03-30');
    await fireEvent.click(screen.getByTestId('calendar-prev'));
    await fireEvent.click(screen.getByTestId('calendar-prev'));
    expect(title()).toBe('February 2026');
    await fireEvent.click(screen.getByTestId('calendar-today'));
    expect(title()).toBe('March 2026');
  });

  test('the week view shows seven days, and the calendar keeps its mode and period across views', async () => {
    await renderCalendar();
    await fireEvent.click(screen.getByTestId('calendar-mode-week'));
    expect(screen.getByTestId('calendar-mode-week').getAttribute('aria-pressed')).toBe('true');
    expect(title()).toBe('Week 10 · 2–8 Mar 2026');
    expect(days().map((d) => d.dataset.date)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
    ]);
    expect(entryTitles('2026-03-03')).toEqual(['Patch VPN gateway']);
    await fireEvent.click(screen.getByTestId('calendar-next'));
    expect(title()).toBe('Week 11 · 9–15 Mar 2026');
    expect(entryTitles('2026-03-10')).toEqual(['Enable MFA for admins', 'Harden SSH config']);

    // The mode and the period are kept while another view shows.
    await fireEvent.click(screen.getByTestId('view-board'));
    await screen.findByTestId('board');
    await fireEvent.click(screen.getByTestId('view-calendar'));
    await screen.findAllByTestId('calendar-day');
    expect(title()).toBe('Week 11 · 9–15 Mar 2026');
  });

  test('the keyboard moves the focused day across months; t goes back to today', async () => {
    await renderCalendar();
    day('2026-03-05').focus();
    await fireEvent.keyDown(day('2026-03-05'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(day('2026-03-12'));
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(day('2026-03-15'));
    await fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(day('2026-03-09'));
    await fireEvent.keyDown(document.activeElement!, { key: 'PageDown' });
    expect(title()).toBe('April 2026');
    expect(document.activeElement).toBe(day('2026-04-09'));
    await fireEvent.keyDown(document.activeElement!, { key: 'PageUp' });
    await fireEvent.keyDown(document.activeElement!, { key: 'PageUp' });
    expect(title()).toBe('February 2026');
    // Across the month's edge by arrow: the month shown follows.
    for (let i = 0; i < 3; i++) await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(title()).toBe('March 2026');
    expect(document.activeElement).toBe(day('2026-03-02'));
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(title()).toBe('March 2026');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(title()).toBe('February 2026');
    expect(document.activeElement).toBe(day('2026-02-28'));
    expect(day('2026-02-28').tabIndex).toBe(0);
    await fireEvent.keyDown(document.activeElement!, { key: 't' });
    expect(title()).toBe('March 2026');
    expect(document.activeElement).toBe(day('2026-03-05'));
  });

  test('Alt+arrows on a focused entry move its due date by a day or a week, and focus goes along', async () => {
    const fake = await renderCalendar();
    const id = fake.item('Patch VPN gateway').id;
    // Tab from the focused day reaches its entries.
    await fireEvent.keyDown(day('2026-03-05'), { key: 'ArrowLeft' });
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(entry(fake, 'Patch VPN gateway').tabIndex).toBe(0);
    entry(fake, 'Patch VPN gateway').focus();
    await fireEvent.keyDown(entry(fake, 'Patch VPN gateway'), { key: 'ArrowRight', altKey: true });
    await waitFor(() =>
      expect(fake.callsOf('item_update').at(-1)).toMatchObject({
        id,
        input: { due_date: '2026-03-04', title: 'Patch VPN gateway' },
      }),
    );
    expect(entryTitles('2026-03-04')).toEqual(['Patch VPN gateway']);
    expect(document.activeElement).toBe(entry(fake, 'Patch VPN gateway'));
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown', altKey: true });
    await waitFor(() =>
      expect(fake.callsOf('item_update').at(-1)).toMatchObject({ id, input: { due_date: '2026-03-11' } }),
    );
    await waitFor(() => expect(fake.item('Patch VPN gateway').due_date).toBe('2026-03-11'));
    expect(document.activeElement).toBe(entry(fake, 'Patch VPN gateway'));
    expect(day('2026-03-11').contains(document.activeElement)).toBe(true);
    // Undo puts it back (the board is fetched again).
    await fireEvent.keyDown(document.activeElement!, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(entryTitles('2026-03-04')).toEqual(['Patch VPN gateway']));
  });

  test('dragging an entry to another day with the pointer changes its due date', async () => {
    const fake = await renderCalendar();
    const source = entry(fake, 'Enable MFA for admins');
    const target = day('2026-03-13');
    const original = document.elementFromPoint;
    // happy-dom has no layout: the pointer is over the target day past x = 500.
    document.elementFromPoint = (x: number) => (x > 500 ? target : source);
    try {
      await fireEvent.pointerDown(source, { button: 0, pointerId: 1, clientX: 100, clientY: 100 });
      await fireEvent.pointerMove(window, { pointerId: 1, clientX: 110, clientY: 104 });
      expect(screen.getByTestId('calendar-drag-ghost')).toBeTruthy();
      await fireEvent.pointerMove(window, { pointerId: 1, clientX: 600, clientY: 200 });
      expect(target.classList.contains('drop')).toBe(true);
      await fireEvent.pointerUp(window, { pointerId: 1, clientX: 600, clientY: 200 });
    } finally {
      document.elementFromPoint = original;
    }
    const id = fake.item('Enable MFA for admins').id;
    await waitFor(() =>
      expect(fake.callsOf('item_update')).toEqual([{ id, input: expect.objectContaining({ due_date: '2026-03-13' }) }]),
    );
    expect(entryTitles('2026-03-13')).toEqual(['Enable MFA for admins']);
    expect(entryTitles('2026-03-10')).toEqual(['Harden SSH config']);
    expect(screen.queryByTestId('calendar-drag-ghost')).toBeNull();
  });

  test('a refused move shows the backend message and puts the entry back', async () => {
    const fake = await renderCalendar();
    fake.failures.set('item_update', {
      code: 'locked',
      message: 'Another program is writing to this file. Try again in a moment.',
    });
    entry(fake, 'Harden SSH config').focus();
    await fireEvent.keyDown(entry(fake, 'Harden SSH config'), { key: 'ArrowLeft', altKey: true });
    expect((await screen.findByTestId('calendar-error')).textContent).toContain(
      'Another program is writing to this file.',
    );
    expect(entryTitles('2026-03-10')).toEqual(['Enable MFA for admins', 'Harden SSH config']);
    expect(entryTitles('2026-03-09')).toEqual([]);
  });

  test('Enter and double-click open an entry in the detail panel; Esc gives focus back to it', async () => {
    const fake = await renderCalendar();
    const e = entry(fake, 'Harden SSH config');
    e.focus();
    await fireEvent.keyDown(e, { key: 'Enter' });
    const panel = await screen.findByTestId('detail-panel');
    expect(panel.dataset.itemId).toBe(String(fake.item('Harden SSH config').id));
    await fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('detail-panel')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(entry(fake, 'Harden SSH config')));

    await fireEvent.dblClick(within(screen.getByTestId('calendar-undated')).getAllByTestId('calendar-entry')[0]);
    expect((await screen.findByTestId('detail-panel')).dataset.itemId).toBe(
      String(fake.item('Rotate service passwords').id),
    );
  });

  test('n asks for a title and adds an item due on the focused day; errors keep what was typed', async () => {
    const fake = await renderCalendar();
    day('2026-03-05').focus();
    await fireEvent.keyDown(day('2026-03-05'), { key: 'ArrowRight' });
    fake.failures.set('item_create', { code: 'invalid_input', message: 'A title can be at most 200 characters.' });
    await fireEvent.keyDown(document.activeElement!, { key: 'n' });
    const input = await screen.findByTestId('calendar-new-title');
    expect(day('2026-03-06').contains(input)).toBe(true);
    expect(document.activeElement).toBe(input);
    await fireEvent.input(input, { target: { value: 'Book the auditors' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect((await screen.findByTestId('calendar-new-error')).textContent).toContain('at most 200 characters');
    expect((screen.getByTestId('calendar-new-title') as HTMLInputElement).value).toBe('Book the auditors');

    fake.failures.delete('item_create');
    await fireEvent.keyDown(screen.getByTestId('calendar-new-title'), { key: 'Enter' });
    await waitFor(() => expect(screen.queryByTestId('calendar-new-title')).toBeNull());
    const created = fake.item('Book the auditors');
    expect(fake.callsOf('item_create').at(-1)).toMatchObject({ status_id: fake.status('Backlog').id });
    expect(created.due_date).toBe('2026-03-06');
    await waitFor(() => expect(entryTitles('2026-03-06')).toEqual(['Book the auditors']));
    expect(document.activeElement).toBe(day('2026-03-06'));

    // The + button of a day does the same; Esc closes it.
    expect(within(day('2026-03-20')).queryByTestId('calendar-add')).toBeNull();
    await fireEvent.pointerEnter(day('2026-03-20'));
    await fireEvent.click(within(day('2026-03-20')).getByTestId('calendar-add'));
    await fireEvent.keyDown(await screen.findByTestId('calendar-new-title'), { key: 'Escape' });
    expect(screen.queryByTestId('calendar-new-title')).toBeNull();
  });

  test('adding from the calendar is one edit: item_create carries the due date, no item_update follows', async () => {
    const fake = await renderCalendar();
    const edits = fake.calls.length;
    await fireEvent.pointerEnter(day('2026-03-12'));
    await fireEvent.click(within(day('2026-03-12')).getByTestId('calendar-add'));
    const input = await screen.findByTestId('calendar-new-title');
    await fireEvent.input(input, { target: { value: 'Book the auditors' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(entryTitles('2026-03-12')).toEqual(['Book the auditors']));
    expect(fake.callsOf('item_create')).toHaveLength(1);
    expect(fake.callsOf('item_create')[0]).toMatchObject({
      input: { title: 'Book the auditors', due_date: '2026-03-12' },
    });
    expect(fake.callsOf('item_update')).toHaveLength(0);
    expect(fake.calls.slice(edits).filter((c) => c.cmd.startsWith('item_'))).toHaveLength(1);
  });

  test('a day with more entries than fit shows "+N more", which lists them all', async () => {
    const fake = datedBackend();
    const extra = fake.addItems('Backlog', ['One', 'Two', 'Three', 'Four']);
    for (const item of extra) item.due_date = '2026-03-18';
    await renderCalendar(fake);
    expect(entryTitles('2026-03-18')).toEqual(['One', 'Two', 'Three']);
    const more = within(day('2026-03-18')).getByTestId('calendar-more');
    expect(more.textContent).toBe('+1 more');
    await fireEvent.click(more);
    const list = await screen.findByTestId('calendar-day-list');
    expect(list.getAttribute('aria-label')).toBe('Everything on Wednesday 18 March 2026');
    expect(
      within(list)
        .getAllByTestId('calendar-entry')
        .map((e) => e.textContent?.trim()),
    ).toEqual(['One', 'Two', 'Three', 'Four']);
    await waitFor(() => expect(list.contains(document.activeElement)).toBe(true));
    await fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByTestId('calendar-day-list')).toBeNull();
    expect(document.activeElement).toBe(day('2026-03-18'));
    // Enter on a day opens the same list.
    await fireEvent.keyDown(day('2026-03-18'), { key: 'Enter' });
    expect(await screen.findByTestId('calendar-day-list')).toBeTruthy();
  });

  test('a waterfall plan shows its tasks as spans across the weeks, milestones as diamonds, due dates as markers', async () => {
    const fake = standardBackend();
    const plan = fake.addPlan('Office move', [
      { wbs: '1', name: 'Preparation', start: '2026-03-02', finish: '2026-03-13' },
      { wbs: '1.1', name: 'Pack', start: '2026-03-05', finish: '2026-03-10', critical: true },
      { wbs: '1.2', name: 'Keys handed over', start: '2026-03-13' },
    ]);
    fake.item('Pack').due_date = '2026-03-12';
    await renderCalendar(fake, { project: plan.id });
    await waitFor(() => expect(fake.callsOf('schedule_get').at(-1)).toMatchObject({ project_id: plan.id }));
    const taskBars = () => screen.queryAllByTestId('calendar-entry').filter((e) => e.dataset.kind === 'task');
    // Thursday 5 to Tuesday 10 March: drawn from Thursday in week 10 and again from Monday in week 11.
    await waitFor(() => expect(taskBars()).toHaveLength(2));
    const bars = taskBars();
    expect(day('2026-03-05').contains(bars[0])).toBe(true);
    expect(day('2026-03-09').contains(bars[1])).toBe(true);
    expect(bars.every((b) => b.dataset.critical === 'true')).toBe(true);
    expect(bars[0].classList.contains('after')).toBe(true);
    expect(bars[1].classList.contains('before')).toBe(true);
    expect(bars[0].getAttribute('title')).toContain('on the timeline');
    expect(day('2026-03-06').getAttribute('aria-label')).toBe('Friday 6 March 2026, 1 item');
    // The summary is no span; the milestone is a diamond on its day; Pack's due date a marker.
    expect(within(screen.getByRole('grid')).queryAllByText('Preparation')).toHaveLength(0);
    const milestone = entry(fake, 'Keys handed over', 'milestone');
    expect(day('2026-03-13').contains(milestone)).toBe(true);
    expect(within(milestone).getByTestId('calendar-milestone')).toBeTruthy();
    expect(day('2026-03-12').contains(entry(fake, 'Pack', 'due'))).toBe(true);
    expect(
      screen
        .queryAllByTestId('calendar-entry')
        .filter((e) => e.dataset.kind === 'item' && e.textContent?.includes('Pack')),
    ).toHaveLength(0);
    expect(within(screen.getByTestId('calendar-undated')).getByRole('heading').textContent).toBe('No due date (1)');

    // Spans do not move here; their due-date markers do.
    const bar = bars[0];
    bar.focus();
    await fireEvent.keyDown(bar, { key: 'ArrowRight', altKey: true });
    expect(screen.getByTestId('calendar-announcer').textContent).toBe('Scheduled tasks move on the timeline.');
    expect(fake.callsOf('item_update')).toEqual([]);
    const marker = entry(fake, 'Pack', 'due');
    marker.focus();
    await fireEvent.keyDown(marker, { key: 'ArrowRight', altKey: true });
    await waitFor(() =>
      expect(fake.callsOf('item_update').at(-1)).toMatchObject({ input: { due_date: '2026-03-13' } }),
    );
    // The edit refetches the schedule.
    await waitFor(() => expect(fake.callsOf('schedule_get').length).toBeGreaterThan(1));
  });

  test('read-only: nothing moves, no adding', async () => {
    const fake = datedBackend();
    fake.workspace!.read_only = { code: 'newer_version', message: 'Made by a newer Bridgeplan.' };
    await renderCalendar(fake);
    expect(screen.queryAllByTestId('calendar-add')).toHaveLength(0);
    expect(screen.getByRole('grid').getAttribute('aria-readonly')).toBe('true');
    const e = entry(fake, 'Harden SSH config');
    e.focus();
    await fireEvent.keyDown(e, { key: 'ArrowRight', altKey: true });
    await fireEvent.keyDown(e, { key: 'n' });
    expect(screen.queryByTestId('calendar-new-title')).toBeNull();
    await fireEvent.pointerDown(e, { button: 0, pointerId: 1, clientX: 100, clientY: 100 });
    await fireEvent.pointerMove(window, { pointerId: 1, clientX: 300, clientY: 300 });
    expect(screen.queryByTestId('calendar-drag-ghost')).toBeNull();
    await fireEvent.pointerUp(window, { pointerId: 1, clientX: 300, clientY: 300 });
    expect(fake.callsOf('item_update')).toEqual([]);
    expect(entryTitles('2026-03-10')).toEqual(['Enable MFA for admins', 'Harden SSH config']);
  });

  test('an empty project says what the calendar is for and offers the first item', async () => {
    const fake = standardBackend();
    const empty = fake.addProject('Fresh start', [['To do', null, 'todo']]);
    await renderCalendar(fake, { project: empty.id });
    expect(screen.getByTestId('calendar-empty').textContent).toContain('work items on their due dates');
    await fireEvent.click(within(screen.getByTestId('calendar-empty')).getByRole('button'));
    expect(day('2026-03-05').contains(await screen.findByTestId('calendar-new-title'))).toBe(true);
  });

  test('10,000 items over three years: the month renders only what fits', async () => {
    const fake = standardBackend();
    const big = fake.addProject('Big', [['To do', null, 'todo']]);
    const items = fake.addItems(
      'To do',
      Array.from({ length: 10_000 }, (_, i) => `Item ${i}`),
      big.id,
    );
    items.forEach((item, i) => {
      if (i % 10 !== 0) item.due_date = new Date(Date.UTC(2025, 0, 1 + (i % 1095))).toISOString().slice(0, 10);
    });
    await renderCalendar(fake, { project: big.id });
    expect(days()).toHaveLength(42);
    // Three lanes a day at most, and the tray's 1,000 undated items are virtualised.
    expect(screen.getAllByTestId('calendar-entry').length).toBeLessThan(42 * 3 + 60);
    expect(within(screen.getByTestId('calendar-undated')).getByRole('heading').textContent).toBe('No due date (1000)');
    expect(day('2026-03-05').getAttribute('aria-label')).toMatch(/^Thursday 5 March 2026, \d+ items, today$/);
    expect(within(day('2026-03-05')).getByTestId('calendar-more')).toBeTruthy();
    // Setting up and copying 10,000 items through the fake IPC takes a while in happy-dom.
  }, 20_000);
});
