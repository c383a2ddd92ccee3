import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend } from '../../../tests/fake-backend';
import { card, column, columnOf, columns, renderApp, resetAppState } from '../../../tests/helpers';

describe('board', () => {
  test('shows one column per status with counts, WIP limits and the over-limit mark', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    expect(screen.getByTestId('project-name').textContent).toBe('Security Hardening');
    expect(columns().map((c) => c.dataset.statusName)).toEqual(['Backlog', 'Ready', 'In progress', 'Review', 'Done']);
    expect(columns().map((c) => Number(c.dataset.statusId))).toEqual(
      ['Backlog', 'Ready', 'In progress', 'Review', 'Done'].map((n) => fake.status(n).id),
    );

    const count = (name: string) => within(column(name)).getByTestId('column-count').textContent?.replace(/\s+/g, ' ');
    expect(count('Backlog')).toBe('2');
    expect(count('Ready')).toBe('1 / 5');
    expect(count('In progress')).toBe('3 / 2');

    const inProgress = column('In progress');
    expect(inProgress.classList.contains('over')).toBe(true);
    expect(within(inProgress).getByTestId('over-limit').textContent).toContain('Over WIP limit');
    expect(within(column('Ready')).queryByTestId('over-limit')).toBeNull();
    expect(within(column('Review')).getByTestId('column-empty').textContent).toBe('No items');

    const c = card('Harden SSH config');
    expect(c.getAttribute('aria-label')).toContain('Harden SSH config');
    expect(c.getAttribute('aria-label')).toContain('In progress');
    expect(Number(c.dataset.itemId)).toBe(fake.item('Harden SSH config').id);
    await waitFor(() => expect(fake.callsOf('report_board_painted')).toHaveLength(1));
  });

  test('the inline input creates an item in its column with item_create', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    await fireEvent.click(within(column('Ready')).getByTestId('add-item'));
    const input = (await screen.findByTestId('new-item-title')) as HTMLInputElement;
    await fireEvent.input(input, { target: { value: 'Rotate the backup encryption keys' } });
    await fireEvent.keyDown(input, { key: 'Enter' });

    await waitFor(() => expect(columnOf('Rotate the backup encryption keys')).toBe('Ready'));
    const [args] = fake.callsOf('item_create');
    expect(args).toMatchObject({
      project_id: fake.projects[0].id,
      status_id: fake.status('Ready').id,
      input: { title: 'Rotate the backup encryption keys', tags: [], assignee: null },
    });
    // The input stays for the next item; Esc closes it.
    const again = screen.getByTestId('new-item-title') as HTMLInputElement;
    await waitFor(() => expect(again.value).toBe(''));
    await fireEvent.keyDown(again, { key: 'Escape' });
    expect(screen.queryByTestId('new-item-title')).toBeNull();
  });

  test('a failed create keeps the typed title and shows why', async () => {
    const fake = standardBackend();
    fake.failures.set('item_create', { code: 'invalid_input', message: 'A title can have at most 300 characters.' });
    await renderApp(fake);
    await fireEvent.click(within(column('Backlog')).getByTestId('add-item'));
    const input = (await screen.findByTestId('new-item-title')) as HTMLInputElement;
    await fireEvent.input(input, { target: { value: 'Too long' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect((await within(column('Backlog')).findByRole('alert')).textContent).toContain('at most 300 characters');
    expect((screen.getByTestId('new-item-title') as HTMLInputElement).value).toBe('Too long');
  });

  test('Alt+ArrowRight moves the focused card to the next column and keeps focus on it', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    const c = card('Patch VPN gateway');
    c.focus();
    await fireEvent.keyDown(c, { key: 'ArrowRight', altKey: true });

    const item = fake.item('Patch VPN gateway');
    await waitFor(() =>
      expect(fake.callsOf('item_move')).toEqual([{ id: item.id, status_id: fake.status('In progress').id, index: 0 }]),
    );
    expect(columnOf('Patch VPN gateway')).toBe('In progress');
    await waitFor(() => expect(document.activeElement).toBe(card('Patch VPN gateway')));
  });

  test('Alt+ArrowDown reorders within the column; plain arrows move focus', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    const first = card('Harden SSH config');
    first.focus();
    await fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(card('Review firewall rules')));
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    await waitFor(() => expect(document.activeElement).toBe(card('Patch VPN gateway')));

    const target = card('Harden SSH config');
    target.focus();
    await fireEvent.keyDown(target, { key: 'ArrowDown', altKey: true });
    const id = fake.item('Harden SSH config').id;
    await waitFor(() =>
      expect(fake.callsOf('item_move')).toEqual([{ id, status_id: fake.status('In progress').id, index: 1 }]),
    );
    const titles = within(column('In progress'))
      .getAllByTestId('card')
      .map((c) => c.textContent);
    expect(titles[0]).toContain('Review firewall rules');
    expect(titles[1]).toContain('Harden SSH config');
  });

  test('n opens the new-item input of the focused column', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    const c = card('Inventory of servers');
    c.focus();
    await fireEvent.keyDown(c, { key: 'n' });
    const input = await screen.findByTestId('new-item-title');
    expect(input.closest('[data-testid="column"]')).toBe(column('Done'));
  });

  test('dragging a card with the pointer to another column calls item_move', async () => {
    const fake = standardBackend();
    await renderApp(fake);
    const source = card('Enable MFA for admins');
    const targetList = column('Review').querySelector<HTMLElement>('[data-card-list]')!;
    // happy-dom has no layout: give the pieces the geometry a real window would.
    source.getBoundingClientRect = () => DOMRect.fromRect({ x: 20, y: 100, width: 260, height: 84 });
    targetList.getBoundingClientRect = () => DOMRect.fromRect({ x: 920, y: 100, width: 288, height: 600 });
    const original = document.elementFromPoint;
    document.elementFromPoint = (x: number) => (x > 900 ? targetList : source);
    try {
      await fireEvent.pointerDown(source, { button: 0, pointerId: 1, clientX: 40, clientY: 120 });
      await fireEvent.pointerMove(window, { pointerId: 1, clientX: 60, clientY: 130 });
      expect(screen.getByTestId('drag-ghost')).toBeTruthy();
      await fireEvent.pointerMove(window, { pointerId: 1, clientX: 1000, clientY: 110 });
      expect(within(column('Review')).getByTestId('drop-indicator')).toBeTruthy();
      await fireEvent.pointerUp(window, { pointerId: 1, clientX: 1000, clientY: 110 });
    } finally {
      document.elementFromPoint = original;
    }
    const id = fake.item('Enable MFA for admins').id;
    await waitFor(() =>
      expect(fake.callsOf('item_move')).toEqual([{ id, status_id: fake.status('Review').id, index: 0 }]),
    );
    expect(columnOf('Enable MFA for admins')).toBe('Review');
    expect(screen.queryByTestId('drag-ghost')).toBeNull();
  });

  test('a 5,000-item column renders only the cards in view', async () => {
    const fake = standardBackend();
    fake.addItems(
      'Backlog',
      Array.from({ length: 5000 }, (_, i) => `Generated item ${i + 1}`),
    );
    await renderApp(fake);
    const backlog = column('Backlog');
    expect(within(backlog).getByTestId('column-count').textContent).toBe('5002');
    const rendered = within(backlog).getAllByTestId('card').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);

    // Scrolling far down renders the cards there instead.
    const list = backlog.querySelector<HTMLElement>('[data-card-list]')!;
    list.scrollTop = 92 * 4000;
    await fireEvent.scroll(list);
    await waitFor(() => expect(within(backlog).queryAllByText('Generated item 4000')).toHaveLength(1));
    expect(within(backlog).getAllByTestId('card').length).toBeLessThan(60);
  });

  test('the last selected project is remembered per workspace', async () => {
    const fake = standardBackend();
    const { unmount } = await renderApp(fake);
    await fireEvent.click(screen.getAllByTestId('project-link')[1]);
    await waitFor(() => expect(screen.getByTestId('project-name').textContent).toBe('Customer Portal'));
    await waitFor(() => expect(columnOf('Login page')).toBe('To do'));
    unmount();
    resetAppState(); // as after a restart; localStorage is kept
    await renderApp(fake);
    expect(screen.getByTestId('project-name').textContent).toBe('Customer Portal');
  });
});
