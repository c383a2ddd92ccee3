import { afterEach, describe, expect, test, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import type { ScheduledTask } from '../../../lib/bindings/ScheduledTask';
import { FakeBackend, standardBackend } from '../../../tests/fake-backend';
import { renderApp } from '../../../tests/helpers';
import { setToday } from '../../../lib/shared/clock';

/** The standard (Kanban) workspace plus a waterfall plan with two phases, a milestone and links. */
function planBackend(): FakeBackend {
  const fake = standardBackend();
  fake.addPlan('Office move', [
    { wbs: '1', name: 'Preparation', start: '2026-03-02', finish: '2026-03-06', critical: true },
    {
      wbs: '1.1',
      name: 'Survey the new floor',
      start: '2026-03-02',
      finish: '2026-03-03',
      critical: true,
      percent: 100,
    },
    { wbs: '1.2', name: 'Order furniture', start: '2026-03-04', finish: '2026-03-06', critical: true, percent: 50 },
    { wbs: '1.3', name: 'Book movers', start: '2026-03-02', finish: '2026-03-02', floatHours: 16 },
    { wbs: '2', name: 'Move', start: '2026-03-09', finish: '2026-03-13', critical: true },
    { wbs: '2.1', name: 'Pack', start: '2026-03-09', finish: '2026-03-11', critical: true },
    { wbs: '2.2', name: 'Moving day', start: '2026-03-12', finish: '2026-03-12', critical: true },
    { wbs: '2.3', name: 'Keys handed over', start: '2026-03-13', critical: true },
    { wbs: '3', name: 'Update the address book', start: '2026-03-09', finish: '2026-03-10', floatHours: -12 },
  ]);
  fake.link('Survey the new floor', 'Order furniture');
  fake.link('Order furniture', 'Pack');
  fake.link('Book movers', 'Pack');
  fake.link('Pack', 'Moving day');
  return fake;
}

/** Opens the workspace on its last project (the plan) and waits for the timeline's rows. */
async function renderPlan(fake = planBackend()) {
  localStorage.setItem('bridgeplan.lastProject:/data/test.bridgeplan', String(fake.projects.at(-1)!.id));
  await renderApp(fake, { waitForBoard: false });
  await screen.findAllByTestId('timeline-row');
  return fake;
}

const rows = () => screen.queryAllByTestId('timeline-row');
const rowNames = () => rows().map((r) => within(r).getAllByRole('gridcell')[1].textContent?.replace(/,.*$/, '').trim());

function row(name: string): HTMLElement {
  const found = rows().find((r) => within(r).getAllByRole('gridcell')[1].textContent?.includes(name));
  if (!found) throw new Error(`no row ${name}`);
  return found;
}

function lane(fake: FakeBackend, name: string): HTMLElement {
  return document.querySelector<HTMLElement>(`[data-lane-id="${fake.task(name).item_id}"]`)!;
}

const selected = (view: 'board' | 'timeline') => screen.getByTestId(`view-${view}`).getAttribute('aria-selected');

afterEach(() => {
  vi.useRealTimers();
});

describe('timeline view', () => {
  test('Kanban projects open on the board, Scrum on the sprints, Waterfall and Hybrid on the timeline; tabs and v switch', async () => {
    const fake = planBackend();
    fake.addPlan(
      'Data centre exit',
      [{ wbs: '1', name: 'Inventory racks', start: '2026-03-02', finish: '2026-03-04' }],
      'hybrid',
    );
    fake.addProject('Mobile app', [['To do', null, 'todo']]).methodology = 'scrum';
    await renderApp(fake);
    const link = (name: string) => screen.getAllByTestId('project-link').find((l) => l.textContent?.includes(name))!;

    // Kanban: the board, and the tabs say so.
    expect(selected('board')).toBe('true');
    expect(selected('timeline')).toBe('false');
    expect(screen.getByTestId('view-board').tabIndex).toBe(0);
    expect(screen.getByTestId('view-timeline').tabIndex).toBe(-1);
    expect(screen.queryByTestId('timeline')).toBeNull();

    // The tab, then arrow keys on the tabs, then `v` anywhere.
    await fireEvent.click(screen.getByTestId('view-timeline'));
    expect(await screen.findByTestId('timeline')).toBeTruthy();
    expect(screen.queryByTestId('board')).toBeNull();
    await waitFor(() => expect(fake.callsOf('schedule_get').at(-1)).toMatchObject({ project_id: fake.projects[0].id }));
    await fireEvent.keyDown(screen.getByTestId('view-timeline'), { key: 'ArrowLeft' });
    expect(selected('board')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('view-board'));
    await screen.findByTestId('board');
    await fireEvent.keyDown(document.body, { key: 'v' });
    expect(selected('timeline')).toBe('true');
    await screen.findByTestId('timeline');

    // `v` typed into a text field is text.
    await fireEvent.click(screen.getByTestId('view-board'));
    await screen.findAllByTestId('card');
    await fireEvent.click(screen.getAllByTestId('add-item')[0]);
    await fireEvent.keyDown(await screen.findByTestId('new-item-title'), { key: 'v' });
    expect(selected('board')).toBe('true');

    await fireEvent.click(link('Office move'));
    await waitFor(() => expect(selected('timeline')).toBe('true'));
    expect(await screen.findAllByTestId('timeline-row')).toHaveLength(9);
    await fireEvent.click(link('Data centre exit'));
    await waitFor(() => expect(rowNames()).toEqual(['Inventory racks']));
    await fireEvent.click(link('Mobile app'));
    await waitFor(() => expect(screen.getByTestId('view-sprints').getAttribute('aria-selected')).toBe('true'));

    // Each project keeps the view last chosen in it.
    await fireEvent.click(link('Office move'));
    await fireEvent.click(await screen.findByTestId('view-board'));
    await fireEvent.click(link('Security Hardening'));
    await fireEvent.click(link('Office move'));
    await waitFor(() => expect(selected('board')).toBe('true'));
  });

  test('rows follow the WBS, indented by depth; summaries fold with the chevron and ← →', async () => {
    const fake = await renderPlan();
    expect(rowNames()).toEqual([
      'Preparation',
      'Survey the new floor',
      'Order furniture',
      'Book movers',
      'Move',
      'Pack',
      'Moving day',
      'Keys handed over',
      'Update the address book',
    ]);
    expect(rows().map((r) => r.getAttribute('aria-level'))).toEqual(['1', '2', '2', '2', '1', '2', '2', '2', '1']);
    const nameCell = (name: string) => within(row(name)).getAllByRole('gridcell')[1];
    expect(nameCell('Pack').style.paddingLeft).toBe('16px');
    expect(nameCell('Move').style.paddingLeft).toBe('0px');
    expect(
      within(row('Order furniture'))
        .getAllByRole('gridcell')
        .map((c) => c.textContent?.trim())
        .slice(4),
    ).toEqual(['3 d', '0 d']);

    // The chevron folds "Preparation": its three tasks go, and their bars with them.
    expect(row('Preparation').getAttribute('aria-expanded')).toBe('true');
    await fireEvent.click(within(row('Preparation')).getByTestId('timeline-toggle'));
    expect(rowNames()).toEqual([
      'Preparation',
      'Move',
      'Pack',
      'Moving day',
      'Keys handed over',
      'Update the address book',
    ]);
    expect(row('Preparation').getAttribute('aria-expanded')).toBe('false');
    expect(lane(fake, 'Order furniture')).toBeNull();

    // → unfolds, ↓ goes to its first task, ← from there goes up to the summary, ← again folds it.
    row('Preparation').focus();
    await fireEvent.keyDown(row('Preparation'), { key: 'ArrowRight' });
    expect(rowNames()).toContain('Survey the new floor');
    await fireEvent.keyDown(row('Preparation'), { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(row('Survey the new floor')));
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    await waitFor(() => expect(document.activeElement).toBe(row('Preparation')));
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(rowNames()).not.toContain('Survey the new floor');
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(document.activeElement).toBe(row('Update the address book')));
    // One row is in the Tab order: the focused one.
    expect(rows().filter((r) => r.tabIndex === 0)).toEqual([row('Update the address book')]);
  });

  test('critical tasks and links are marked, a milestone is a diamond, negative float is red', async () => {
    const fake = await renderPlan();
    expect(row('Order furniture').dataset.critical).toBe('true');
    expect(row('Book movers').dataset.critical).toBe('false');
    const bar = (name: string) => within(lane(fake, name)).getByTestId('timeline-bar');
    expect(bar('Order furniture').dataset.critical).toBe('true');
    expect(bar('Book movers').dataset.critical).toBe('false');
    expect(bar('Preparation').dataset.summary).toBe('true');
    // Half done: the darker fill covers half the bar.
    expect(bar('Order furniture').querySelector<HTMLElement>('.done')?.style.width).toBe('50%');

    const milestones = screen.getAllByTestId('timeline-milestone');
    expect(milestones).toHaveLength(1);
    expect(lane(fake, 'Keys handed over').contains(milestones[0])).toBe(true);
    expect(within(lane(fake, 'Keys handed over')).queryByTestId('timeline-bar')).toBeNull();

    const links = screen.getAllByTestId('timeline-link');
    const linkBetween = (a: string, b: string) =>
      links.find((l) => {
        const found = fake.schedule(fake.projects.at(-1)!.id).links.find((x) => x.id === Number(l.dataset.linkId))!;
        return found.predecessor_id === fake.task(a).item_id && found.successor_id === fake.task(b).item_id;
      })!;
    expect(links).toHaveLength(4);
    expect(linkBetween('Survey the new floor', 'Order furniture').dataset.critical).toBe('true');
    expect(linkBetween('Book movers', 'Pack').dataset.critical).toBe('false');

    const float = (name: string) => within(row(name)).getByTestId('timeline-float');
    expect(float('Book movers').textContent).toBe('2 d');
    expect(float('Book movers').classList.contains('negative')).toBe(false);
    expect(float('Update the address book').textContent).toBe('-1.5 d');
    expect(float('Update the address book').classList.contains('negative')).toBe(true);
  });

  test('the zoom buttons and + / − change the scale', async () => {
    const fake = await renderPlan();
    const scale = () => screen.getByTestId('timeline-scale');
    const width = () => parseFloat(within(lane(fake, 'Order furniture')).getByTestId('timeline-bar').style.width);
    const pressed = () => screen.getAllByRole('button', { pressed: true }).map((b) => b.dataset.testid);

    expect(scale().dataset.zoom).toBe('week');
    expect(pressed()).toEqual(['timeline-zoom-week']);
    // 4 March 08:00 to 6 March 17:00 is 2 3/8 days, at 16 px a day.
    expect(width()).toBeCloseTo(2.375 * 16);

    await fireEvent.click(screen.getByTestId('timeline-zoom-day'));
    expect(scale().dataset.zoom).toBe('day');
    expect(pressed()).toEqual(['timeline-zoom-day']);
    expect(width()).toBeCloseTo(2.375 * 56);

    await fireEvent.click(screen.getByTestId('timeline-zoom-quarter'));
    expect(width()).toBeCloseTo(2.375 * 1.5);
    expect(screen.getAllByTestId('timeline-scale-cell').map((c) => c.textContent?.trim())).toContain('Q1');

    row('Pack').focus();
    await fireEvent.keyDown(row('Pack'), { key: '+' });
    expect(scale().dataset.zoom).toBe('month');
    await fireEvent.keyDown(row('Pack'), { key: '-' });
    expect(scale().dataset.zoom).toBe('quarter');
    await fireEvent.keyDown(row('Pack'), { key: '-' }); // already the widest
    expect(scale().dataset.zoom).toBe('quarter');
  });

  test('the today line is drawn when today falls inside the chart', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 2, 5, 12, 0));
    setToday('2026-03-05');
    await renderPlan();
    expect(screen.getByTestId('today-line')).toBeTruthy();
  });

  test('no today line for a plan far from today', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2031, 0, 15, 12, 0));
    setToday('2031-01-15');
    await renderPlan();
    expect(screen.queryByTestId('today-line')).toBeNull();
  });

  test('a 10,000-task schedule renders only the rows in view, and their links', async () => {
    const fake = planBackend();
    const schedule = fake.schedule(fake.projects.at(-1)!.id);
    const template = schedule.tasks[1];
    schedule.tasks = Array.from({ length: 10_000 }, (_, i): ScheduledTask => ({
      ...template,
      item_id: 100_000 + i,
      wbs: String(i + 1),
      name: `Generated task ${i + 1}`,
    }));
    schedule.links = schedule.tasks.slice(1).map((t, i) => ({
      id: 200_000 + i,
      predecessor_id: 100_000 + i,
      successor_id: t.item_id,
      kind: 'fs',
      lag_minutes: 0,
      lag_percent: null,
    }));
    const started = performance.now();
    await renderPlan(fake);
    const elapsed = performance.now() - started;

    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(100);
    expect(screen.getAllByTestId('timeline-bar').length).toBe(rows().length);
    expect(screen.getAllByTestId('timeline-link').length).toBeLessThan(100);
    expect(elapsed).toBeLessThan(5000);

    const scroller = document.querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop = 32 * 5000;
    await fireEvent.scroll(scroller);
    await waitFor(() => expect(rowNames()).toContain('Generated task 5001'));
    expect(rows().length).toBeLessThan(100);
    expect(rowNames()).not.toContain('Generated task 1');
  });
});

describe('timeline links', () => {
  test('l on a task, then Enter on another, links them with dependency_add and reloads', async () => {
    const fake = await renderPlan();
    const announcer = screen.getByTestId('timeline-announcer');
    row('Book movers').focus();
    await fireEvent.keyDown(row('Book movers'), { key: 'l' });
    expect(announcer.textContent).toContain('Linking from Book movers');
    expect(screen.getByTestId('timeline-link-mode').textContent).toContain('Book movers');
    expect(row('Book movers').classList.contains('link-source')).toBe(true);

    const loads = fake.callsOf('schedule_get').length;
    await fireEvent.keyDown(row('Book movers'), { key: 'ArrowDown' });
    await fireEvent.keyDown(row('Move'), { key: 'ArrowDown' });
    await fireEvent.keyDown(row('Pack'), { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(row('Moving day')));
    await fireEvent.keyDown(row('Moving day'), { key: 'Enter' });

    await waitFor(() =>
      expect(fake.callsOf('dependency_add')).toEqual([
        {
          predecessor_id: fake.task('Book movers').item_id,
          successor_id: fake.task('Moving day').item_id,
          kind: 'fs',
          lag_minutes: 0,
        },
      ]),
    );
    await waitFor(() => expect(fake.callsOf('schedule_get').length).toBe(loads + 1));
    expect(screen.getAllByRole('status')[0].textContent).toContain('Linked Book movers → Moving day');
    await waitFor(() => expect(screen.getAllByTestId('timeline-link')).toHaveLength(5));
    expect(screen.queryByTestId('timeline-link-mode')).toBeNull();
    expect(screen.queryByTestId('detail-panel')).toBeNull(); // Enter linked; it did not open the task
  });

  test('Escape leaves the link mode without linking', async () => {
    const fake = await renderPlan();
    row('Pack').focus();
    await fireEvent.keyDown(row('Pack'), { key: 'l' });
    await fireEvent.keyDown(row('Pack'), { key: 'Escape' });
    expect(screen.queryByTestId('timeline-link-mode')).toBeNull();
    expect(screen.getByTestId('timeline-announcer').textContent).toBe('Linking cancelled.');
    await fireEvent.keyDown(row('Pack'), { key: 'Enter' });
    expect(fake.callsOf('dependency_add')).toHaveLength(0);
    expect(await screen.findByTestId('detail-panel')).toBeTruthy();
  });

  test('a link that would close a loop is refused, and the message names the tasks', async () => {
    const fake = await renderPlan();
    row('Moving day').focus();
    await fireEvent.keyDown(row('Moving day'), { key: 'l' });
    await fireEvent.keyDown(row('Moving day'), { key: 'Home' });
    await fireEvent.keyDown(row('Preparation'), { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(row('Survey the new floor')));
    await fireEvent.keyDown(row('Survey the new floor'), { key: 'Enter' });

    const toast = await screen.findByText(/in a loop/);
    expect(toast.textContent).toContain('Moving day → Survey the new floor → Order furniture → Pack → Moving day');
    expect(fake.callsOf('dependency_add')).toHaveLength(1);
    expect(screen.getAllByTestId('timeline-link')).toHaveLength(4);
  });

  test('any refusal from the backend is shown as it is', async () => {
    const fake = planBackend();
    fake.failures.set('dependency_add', {
      code: 'read_only',
      message: 'This workspace was opened read-only by another program.',
    });
    await renderPlan(fake);
    row('Pack').focus();
    await fireEvent.keyDown(row('Pack'), { key: 'l' });
    await fireEvent.keyDown(row('Pack'), { key: 'ArrowDown' });
    await fireEvent.keyDown(row('Moving day'), { key: 'Enter' });
    expect(await screen.findByText('This workspace was opened read-only by another program.')).toBeTruthy();
  });

  test('dragging from a bar’s handle onto another task links them', async () => {
    const fake = await renderPlan();
    const handle = within(lane(fake, 'Book movers')).getByTestId('timeline-link-handle');
    const target = within(lane(fake, 'Update the address book')).getByTestId('timeline-bar');
    const original = document.elementFromPoint;
    document.elementFromPoint = (x: number) => (x > 500 ? target : handle);
    try {
      await fireEvent.pointerDown(handle, { button: 0, pointerId: 1, clientX: 100, clientY: 100 });
      await fireEvent.pointerMove(window, { pointerId: 1, clientX: 600, clientY: 300 });
      expect(screen.getByTestId('timeline-link-draft')).toBeTruthy();
      expect(lane(fake, 'Update the address book').classList.contains('link-target')).toBe(true);
      await fireEvent.pointerUp(window, { pointerId: 1, clientX: 600, clientY: 300 });
    } finally {
      document.elementFromPoint = original;
    }
    expect(screen.queryByTestId('timeline-link-draft')).toBeNull();
    await waitFor(() =>
      expect(fake.callsOf('dependency_add')).toEqual([
        {
          predecessor_id: fake.task('Book movers').item_id,
          successor_id: fake.task('Update the address book').item_id,
          kind: 'fs',
          lag_minutes: 0,
        },
      ]),
    );
    // Summaries have no handle.
    expect(within(lane(fake, 'Preparation')).queryByTestId('timeline-link-handle')).toBeNull();
  });

  test('a clicked link is selected; Delete removes it with Undo, and Undo brings it back', async () => {
    const fake = await renderPlan();
    const id = fake.schedule(fake.projects.at(-1)!.id).links[0].id;
    const link = () => document.querySelector<HTMLElement>(`[data-testid="timeline-link"][data-link-id="${id}"]`);
    await fireEvent.click(within(link()!).getByTestId('timeline-link-hit'));
    expect(link()!.dataset.selected).toBe('true');
    expect(screen.getByTestId('timeline-announcer').textContent).toContain(
      'Selected the link Survey the new floor → Order furniture',
    );

    await fireEvent.keyDown(document.body, { key: 'Delete' });
    await waitFor(() => expect(fake.callsOf('dependency_remove')).toEqual([{ id }]));
    await waitFor(() => expect(link()).toBeNull());
    const toast = screen.getAllByRole('status')[0];
    expect(toast.textContent).toContain('Removed the link Survey the new floor → Order furniture');

    const loads = fake.callsOf('schedule_get').length;
    await fireEvent.click(within(toast).getByTestId('toast-action'));
    await waitFor(() => expect(fake.callsOf('history_undo')).toHaveLength(1));
    await waitFor(() => expect(link()).toBeTruthy());
    expect(fake.callsOf('schedule_get').length).toBeGreaterThan(loads);
  });

  test('k selects the focused task’s links in turn, for the keyboard', async () => {
    const fake = await renderPlan();
    const links = fake.schedule(fake.projects.at(-1)!.id).links;
    const second = links.find((l) => l.predecessor_id === fake.task('Book movers').item_id)!;
    row('Pack').focus();
    await fireEvent.keyDown(row('Pack'), { key: 'k' });
    const announcer = screen.getByTestId('timeline-announcer');
    expect(announcer.textContent).toBe(
      'Selected the link Order furniture → Pack. E edits its type and lag; Delete removes it.',
    );
    await fireEvent.keyDown(row('Pack'), { key: 'k' });
    expect(announcer.textContent).toContain('Book movers → Pack');
    await fireEvent.keyDown(row('Pack'), { key: 'Delete' });
    await waitFor(() => expect(fake.callsOf('dependency_remove')).toEqual([{ id: second.id }]));
  });
});

describe('timeline states', () => {
  test('Enter opens the task in the detail panel; Esc gives focus back to its row', async () => {
    await renderPlan();
    row('Pack').focus();
    await fireEvent.keyDown(row('Pack'), { key: 'Enter' });
    const panel = await screen.findByTestId('detail-panel');
    expect((within(panel).getByTestId('detail-title') as HTMLInputElement).value).toBe('Pack');
    expect(row('Pack').getAttribute('aria-current')).toBe('true');
    (document.activeElement as HTMLElement).blur();
    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('detail-panel')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(row('Pack')));
  });

  test('a rename in the detail panel shows in the timeline', async () => {
    const fake = await renderPlan();
    await fireEvent.dblClick(row('Pack'));
    const title = within(await screen.findByTestId('detail-panel')).getByTestId('detail-title');
    // The fake's schedule is fixed, so rename it there as the backend would.
    fake.task('Pack').name = 'Pack the archive';
    await fireEvent.input(title, { target: { value: 'Pack the archive' } });
    await fireEvent.keyDown(title, { key: 'Enter' });
    await waitFor(() => expect(rowNames()).toContain('Pack the archive'));
  });

  test('a project without tasks says how to get some', async () => {
    const fake = planBackend();
    fake.addPlan('Empty plan', []);
    localStorage.setItem('bridgeplan.lastProject:/data/test.bridgeplan', String(fake.projects.at(-1)!.id));
    await renderApp(fake, { waitForBoard: false });
    const empty = await screen.findByTestId('timeline-empty');
    expect(empty.textContent).toContain('No tasks yet');
    expect(empty.textContent).toContain('on the board');
    expect(empty.textContent).toContain('bridgeplan import PLAN.xml --into WORKSPACE');
  });

  test('a schedule that cannot be loaded says why; Retry loads it', async () => {
    const fake = planBackend();
    fake.failures.set('schedule_get', { code: 'internal', message: 'The schedule could not be computed.' });
    localStorage.setItem('bridgeplan.lastProject:/data/test.bridgeplan', String(fake.projects.at(-1)!.id));
    await renderApp(fake, { waitForBoard: false });
    expect((await screen.findByTestId('timeline-error')).textContent).toContain('The schedule could not be computed.');
    fake.failures.delete('schedule_get');
    await fireEvent.click(screen.getByTestId('timeline-retry'));
    expect(await screen.findAllByTestId('timeline-row')).toHaveLength(9);
  });

  test('a read-only workspace has no link handles, no link mode and no deleting', async () => {
    const fake = planBackend();
    fake.workspace!.read_only = { code: 'newer_version', message: 'Made by a newer Bridgeplan.' };
    await renderPlan(fake);
    expect(screen.queryAllByTestId('timeline-link-handle')).toHaveLength(0);
    row('Pack').focus();
    await fireEvent.keyDown(row('Pack'), { key: 'l' });
    expect(screen.queryByTestId('timeline-link-mode')).toBeNull();
    await fireEvent.click(screen.getAllByTestId('timeline-link-hit')[0]);
    await fireEvent.keyDown(document.body, { key: 'Delete' });
    expect(fake.callsOf('dependency_remove')).toHaveLength(0);
    expect(screen.getAllByTestId('timeline-link')).toHaveLength(4);
  });

  test('the shortcut list names v and the timeline keys', async () => {
    await renderPlan();
    await fireEvent.keyDown(window, { key: '?' });
    const help = await screen.findByTestId('help-overlay');
    for (const text of [
      "Switch to the project's next view",
      'l, then Enter',
      'Remove the selected link',
      'Zoom in / out',
    ]) {
      expect(help.textContent).toContain(text);
    }
  });
});
