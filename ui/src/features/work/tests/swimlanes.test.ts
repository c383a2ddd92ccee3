import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { FakeBackend, standardBackend } from '../../../tests/fake-backend';
import { card, column, renderApp } from '../../../tests/helpers';

/**
 * The standard board with people, priorities and two epics (in Review):
 * Ana has Patch VPN gateway and Harden SSH config, Bo has Enable MFA for admins.
 */
function lanesBackend(): FakeBackend {
  const fake = standardBackend();
  fake.item('Patch VPN gateway').assignee = 'Ana Silva';
  fake.item('Harden SSH config').assignee = 'Ana Silva';
  fake.item('Enable MFA for admins').assignee = 'Bo Jensen';
  fake.item('Enable MFA for admins').priority = 'highest';
  fake.item('Audit S3 buckets').priority = 'high';
  const [identity, network] = fake.addItems('Review', ['Identity epic', 'Network epic']);
  identity.item_type = 'epic';
  network.item_type = 'epic';
  fake.item('Enable MFA for admins').parent_id = identity.id;
  fake.item('Patch VPN gateway').parent_id = network.id;
  return fake;
}

const lanes = () => screen.queryAllByTestId('swimlane');
const laneKeys = () => lanes().map((l) => l.dataset.lane);
const lane = (key: string) => {
  const found = lanes().find((l) => l.dataset.lane === key);
  if (!found) throw new Error(`no lane ${key}`);
  return found;
};
const laneSummary = () =>
  lanes().map((l) => {
    const header = within(l).getByTestId('swimlane-header');
    return `${header.querySelector('.lane-name')?.textContent} ${within(header).getByTestId('swimlane-count').textContent}`;
  });
const laneOf = (title: string) => card(title).closest<HTMLElement>('[data-testid="swimlane"]')?.dataset.lane;
/** The cards of a lane in one column, by title. */
const cellTitles = (key: string, status: string) =>
  within(lane(key).querySelector<HTMLElement>(`[data-lane-cell][data-status-id="${status}"]`)!)
    .queryAllByTestId('card')
    .map((c) => c.querySelector('.title')?.textContent);

async function groupBy(value: string) {
  await fireEvent.change(screen.getByTestId('swimlane-by'), { target: { value } });
}

describe('swimlanes', () => {
  test('each grouping shows its lanes with counts', async () => {
    const fake = lanesBackend();
    await renderApp(fake);
    expect(lanes()).toHaveLength(0);

    await groupBy('assignee');
    expect(laneKeys()).toEqual(['person:Ana Silva', 'person:Bo Jensen', 'unassigned']);
    expect(laneSummary()).toEqual(['Ana Silva 2', 'Bo Jensen 1', 'Unassigned 6']);
    const inProgress = String(fake.status('In progress').id);
    expect(cellTitles('person:Ana Silva', inProgress)).toEqual(['Harden SSH config']);
    expect(cellTitles('unassigned', inProgress)).toEqual(['Review firewall rules', 'Audit S3 buckets']);
    // Column heads stay on top and count the whole column.
    expect(within(column('In progress')).getByTestId('column-count').textContent?.replace(/\s+/g, ' ')).toBe('3 / 2');

    await groupBy('priority');
    expect(laneSummary()).toEqual(['Highest 1', 'High 1', 'Medium 7']);

    await groupBy('epic');
    expect(laneKeys()).toEqual([
      `epic:${fake.item('Identity epic').id}`,
      `epic:${fake.item('Network epic').id}`,
      'no-epic',
    ]);
    expect(laneSummary()).toEqual(['Identity epic 2', 'Network epic 2', 'No epic 5']);
    // An epic sits in its own lane.
    expect(laneOf('Identity epic')).toBe(`epic:${fake.item('Identity epic').id}`);
    expect(laneOf('Enable MFA for admins')).toBe(`epic:${fake.item('Identity epic').id}`);

    await groupBy('none');
    expect(lanes()).toHaveLength(0);
    expect(within(column('In progress')).getAllByTestId('card')).toHaveLength(3);
  });

  test('the choice is kept per project for the session', async () => {
    const fake = lanesBackend();
    await renderApp(fake);
    await groupBy('priority');
    await fireEvent.click(screen.getAllByTestId('project-link')[1]);
    await waitFor(() => expect(screen.getByTestId('project-name').textContent).toBe('Customer Portal'));
    await waitFor(() => expect(screen.getByTestId<HTMLSelectElement>('swimlane-by').value).toBe('none'));
    expect(lanes()).toHaveLength(0);
    await fireEvent.click(screen.getAllByTestId('project-link')[0]);
    await waitFor(() => expect(laneSummary()).toEqual(['Highest 1', 'High 1', 'Medium 7']));
    expect(screen.getByTestId<HTMLSelectElement>('swimlane-by').value).toBe('priority');
  });

  test('dragging a card into another assignee lane sets the assignee (and the column)', async () => {
    const fake = lanesBackend();
    await renderApp(fake);
    await groupBy('assignee');
    const source = card('Rotate service passwords');
    const ready = String(fake.status('Ready').id);
    const targetList = lane('person:Bo Jensen').querySelector<HTMLElement>(
      `[data-lane-cell][data-status-id="${ready}"] [data-lane-list]`,
    )!;
    // happy-dom has no layout: give the pieces the geometry a real window would.
    source.getBoundingClientRect = () => DOMRect.fromRect({ x: 20, y: 100, width: 260, height: 84 });
    targetList.getBoundingClientRect = () => DOMRect.fromRect({ x: 320, y: 300, width: 288, height: 100 });
    const original = document.elementFromPoint;
    document.elementFromPoint = (x: number) => (x > 300 ? targetList : source);
    try {
      await fireEvent.pointerDown(source, { button: 0, pointerId: 1, clientX: 40, clientY: 120 });
      await fireEvent.pointerMove(window, { pointerId: 1, clientX: 60, clientY: 130 });
      await fireEvent.pointerMove(window, { pointerId: 1, clientX: 400, clientY: 320 });
      expect(within(targetList).getByTestId('drop-indicator')).toBeTruthy();
      await fireEvent.pointerUp(window, { pointerId: 1, clientX: 400, clientY: 320 });
    } finally {
      document.elementFromPoint = original;
    }
    const item = fake.item('Rotate service passwords');
    // Bo has nothing in Ready: the card goes to the end of that column.
    await waitFor(() =>
      expect(fake.callsOf('item_move')).toEqual([{ id: item.id, status_id: Number(ready), index: 1 }]),
    );
    await waitFor(() => expect(fake.callsOf('item_update')).toHaveLength(1));
    expect(fake.callsOf('item_update')[0]).toMatchObject({
      id: item.id,
      input: { assignee: 'Bo Jensen', title: item.title },
    });
    await waitFor(() => expect(laneOf('Rotate service passwords')).toBe('person:Bo Jensen'));
    expect(cellTitles('person:Bo Jensen', ready)).toEqual(['Rotate service passwords']);
  });

  test('Alt+Shift+↓ moves the focused card to the lane below and keeps focus on it', async () => {
    const fake = lanesBackend();
    await renderApp(fake);
    await groupBy('assignee');
    const c = card('Harden SSH config');
    c.focus();
    await fireEvent.keyDown(c, { key: 'ArrowDown', altKey: true, shiftKey: true });
    const item = fake.item('Harden SSH config');
    await waitFor(() => expect(fake.callsOf('item_update')).toHaveLength(1));
    expect(fake.callsOf('item_update')[0]).toMatchObject({ id: item.id, input: { assignee: 'Bo Jensen' } });
    await waitFor(() => expect(laneOf('Harden SSH config')).toBe('person:Bo Jensen'));
    await waitFor(() => expect(document.activeElement).toBe(card('Harden SSH config')));
    expect(fake.callsOf('item_move')).toHaveLength(0);

    // Down again: Unassigned, sent as no assignee.
    await fireEvent.keyDown(card('Harden SSH config'), { key: 'ArrowDown', altKey: true, shiftKey: true });
    await waitFor(() => expect(fake.callsOf('item_update')).toHaveLength(2));
    expect((fake.callsOf('item_update')[1].input as { assignee: string | null }).assignee).toBeNull();
    await waitFor(() => expect(laneOf('Harden SSH config')).toBe('unassigned'));
  });

  test('Alt+Shift+↑ into an epic lane calls item_epic_set; plain arrows cross lanes', async () => {
    const fake = lanesBackend();
    await renderApp(fake);
    await groupBy('epic');
    const network = fake.item('Network epic');
    // From the Network lane's last Ready card, ↓ goes to the No epic lane below.
    card('Patch VPN gateway').focus();
    await fireEvent.keyDown(card('Patch VPN gateway'), { key: 'ArrowLeft' });
    // Network has nothing in Backlog: focus is on that empty cell; ↓ reaches the lane below.
    await waitFor(() => expect(document.activeElement?.hasAttribute('data-column-focus')).toBe(true));
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(card('Rotate service passwords')));

    await fireEvent.keyDown(card('Rotate service passwords'), { key: 'ArrowUp', altKey: true, shiftKey: true });
    const item = fake.item('Rotate service passwords');
    await waitFor(() => expect(fake.callsOf('item_epic_set')).toEqual([{ id: item.id, epic_id: network.id }]));
    await waitFor(() => expect(laneOf('Rotate service passwords')).toBe(`epic:${network.id}`));
    expect(fake.callsOf('item_update')).toHaveLength(0);
  });

  test('a refused lane change shows the backend message', async () => {
    const fake = lanesBackend();
    fake.failures.set('item_update', {
      code: 'read_only',
      message: 'The workspace file is locked by another program.',
    });
    await renderApp(fake);
    await groupBy('priority');
    card('Enable MFA for admins').focus();
    await fireEvent.keyDown(card('Enable MFA for admins'), { key: 'ArrowDown', altKey: true, shiftKey: true });
    expect((await screen.findByRole('status')).textContent).toContain(
      'The workspace file is locked by another program.',
    );
    expect(laneOf('Enable MFA for admins')).toBe('priority:highest');
  });

  test('collapsing a lane hides its cards and keeps its count', async () => {
    const fake = lanesBackend();
    await renderApp(fake);
    await groupBy('assignee');
    const toggle = within(lane('person:Ana Silva')).getByTestId('swimlane-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(lane('person:Ana Silva')).queryAllByTestId('card')).toHaveLength(0);
    expect(within(lane('person:Ana Silva')).getByTestId('swimlane-count').textContent).toBe('2');
    expect(screen.queryAllByTestId('card').some((c) => c.textContent?.includes('Harden SSH config'))).toBe(false);
    // Other lanes are untouched; expanding shows the cards again.
    expect(card('Enable MFA for admins')).toBeTruthy();
    await fireEvent.click(toggle);
    expect(card('Harden SSH config')).toBeTruthy();
    expect(fake.calls.filter((c) => c.cmd.startsWith('item_'))).toHaveLength(0);
  });

  test('the column WIP over-limit mark still shows with lanes on', async () => {
    const fake = lanesBackend();
    await renderApp(fake);
    await groupBy('assignee');
    const inProgress = column('In progress');
    expect(inProgress.classList.contains('over')).toBe(true);
    expect(within(inProgress).getByTestId('over-limit').textContent).toContain('Over WIP limit');
    expect(within(column('Ready')).queryByTestId('over-limit')).toBeNull();
    expect(inProgress.getAttribute('aria-label')).toContain('over WIP limit');
  });

  test('a 10,000-item board in lanes renders only the cards in view', async () => {
    const fake = standardBackend();
    const items = fake.addItems(
      'Backlog',
      Array.from({ length: 10_000 }, (_, i) => `Generated item ${i + 1}`),
    );
    items.forEach((item, i) => (item.assignee = `Person ${i % 40}`));
    await renderApp(fake);
    await groupBy('assignee');
    expect(within(column('Backlog')).getByTestId('column-count').textContent).toBe('10002');
    // 41 lanes; only those in view are rendered, each with a few cards per cell.
    expect(lanes().length).toBeLessThan(5);
    expect(screen.getAllByTestId('card').length).toBeLessThan(40);
  });

  test('the detail panel Epic select puts the item in an epic; not shown for epics', async () => {
    const fake = lanesBackend();
    await renderApp(fake);
    await fireEvent.click(card('Review firewall rules'));
    const panel = await screen.findByTestId('detail-panel');
    const select = within(panel).getByTestId<HTMLSelectElement>('detail-epic');
    expect([...select.options].map((o) => o.textContent)).toEqual(['No epic', 'Identity epic', 'Network epic']);
    expect(select.value).toBe('');

    const identity = fake.item('Identity epic');
    fake.failures.set('item_epic_set', { code: 'invalid_input', message: 'That epic belongs to another project.' });
    await fireEvent.change(select, { target: { value: String(identity.id) } });
    expect((await within(panel).findByTestId('field-error-epic')).textContent).toContain(
      'That epic belongs to another project.',
    );
    expect(select.value).toBe(String(identity.id));

    fake.failures.delete('item_epic_set');
    await fireEvent.change(select, { target: { value: String(identity.id) } });
    const item = fake.item('Review firewall rules');
    await waitFor(() => expect(fake.callsOf('item_epic_set').at(-1)).toEqual({ id: item.id, epic_id: identity.id }));
    await waitFor(() => expect(within(panel).queryByTestId('field-error-epic')).toBeNull());
    expect(select.value).toBe(String(identity.id));

    await fireEvent.change(select, { target: { value: '' } });
    await waitFor(() => expect(fake.callsOf('item_epic_set').at(-1)).toEqual({ id: item.id, epic_id: null }));

    await fireEvent.click(card('Identity epic'));
    await waitFor(() => expect(screen.getByTestId('detail-panel').dataset.itemId).toBe(String(identity.id)));
    expect(screen.queryByTestId('detail-epic')).toBeNull();
  });
});
