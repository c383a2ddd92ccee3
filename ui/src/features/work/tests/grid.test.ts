import { afterEach, describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { grid } from '../grid-state.svelte';
import { standardBackend, type FakeBackend } from '../../../tests/fake-backend';
import { renderApp } from '../../../tests/helpers';

// The grid's settings live for the session; each test starts from none.
afterEach(() => grid.reset());

async function openGrid(fake: FakeBackend): Promise<HTMLElement> {
  await renderApp(fake);
  await fireEvent.click(screen.getByTestId('view-grid'));
  return screen.findByTestId('grid');
}

/** The rendered item rows, top to bottom. */
function rows(): HTMLElement[] {
  return screen
    .queryAllByTestId('grid-row')
    .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')));
}

function titles(): string[] {
  return rows().map((r) => cellIn(r, 'title').textContent!.trim());
}

function cellIn(row: HTMLElement, column: string): HTMLElement {
  return row.querySelector<HTMLElement>(`[data-testid="grid-cell"][data-column="${column}"]`)!;
}

function cell(fake: FakeBackend, title: string, column: string): HTMLElement {
  const row = rows().find((r) => Number(r.dataset.itemId) === fake.item(title).id);
  if (!row) throw new Error(`no row ${title}`);
  return cellIn(row, column);
}

function header(column: string): HTMLElement {
  return screen.getAllByTestId('grid-header').find((h) => h.dataset.column === column)!;
}

function editor<T extends HTMLElement = HTMLInputElement>(): T {
  return screen.getByTestId('grid-editor') as T;
}

describe('grid', () => {
  test('shows one row per item with a sticky, sortable header and grid semantics', async () => {
    const fake = standardBackend();
    fake.item('Patch VPN gateway').estimate_hours = 6.5;
    const root = await openGrid(fake);
    const table = within(root).getByRole('grid');
    expect(table.getAttribute('aria-rowcount')).toBe('8');
    expect(screen.getAllByTestId('grid-header').map((h) => h.dataset.column)).toEqual([
      'title',
      'type',
      'status',
      'assignee',
      'priority',
      'estimate',
      'points',
      'due',
      'epic',
      'tags',
    ]);
    expect(titles()).toEqual([
      'Enable MFA for admins',
      'Rotate service passwords',
      'Patch VPN gateway',
      'Harden SSH config',
      'Review firewall rules',
      'Audit S3 buckets',
      'Inventory of servers',
    ]);
    expect(cell(fake, 'Patch VPN gateway', 'status').textContent).toContain('Ready');
    expect(cell(fake, 'Patch VPN gateway', 'estimate').textContent).toContain('6.5');
    expect(screen.getByTestId('grid-count').textContent).toBe('7 items');
    // Exactly one cell is in the Tab order.
    expect(root.querySelectorAll('[role="grid"] [tabindex="0"]')).toHaveLength(1);
  });

  test('editing a title inline calls item_update with the new title and shows it', async () => {
    const fake = standardBackend();
    await openGrid(fake);
    const title = cell(fake, 'Patch VPN gateway', 'title');
    title.focus();
    await fireEvent.keyDown(title, { key: 'F2' });
    const input = editor();
    expect(input.value).toBe('Patch VPN gateway');
    await fireEvent.input(input, { target: { value: 'Patch the VPN gateway' } });
    await fireEvent.keyDown(input, { key: 'Enter' });

    const id = fake.item('Patch the VPN gateway').id;
    await waitFor(() => expect(fake.callsOf('item_update')).toHaveLength(1));
    expect(fake.callsOf('item_update')[0]).toEqual({
      id,
      input: {
        item_type: 'task',
        title: 'Patch the VPN gateway',
        description: '',
        assignee: null,
        estimate_hours: null,
        story_points: null,
        priority: 'medium',
        tags: [],
        due_date: null,
      },
    });
    await waitFor(() => expect(titles()).toContain('Patch the VPN gateway'));
    // Enter saved and moved down, like a spreadsheet.
    await waitFor(() => expect(document.activeElement).toBe(cell(fake, 'Harden SSH config', 'title')));
    expect(screen.queryByTestId('grid-editor')).toBeNull();
  });

  test('typing on a text cell starts editing with that character; Esc cancels', async () => {
    const fake = standardBackend();
    await openGrid(fake);
    const points = cell(fake, 'Audit S3 buckets', 'points');
    points.focus();
    await fireEvent.keyDown(points, { key: '5' });
    expect(editor().value).toBe('5');
    await fireEvent.keyDown(editor(), { key: 'Escape' });
    expect(screen.queryByTestId('grid-editor')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(cell(fake, 'Audit S3 buckets', 'points')));

    await fireEvent.keyDown(document.activeElement!, { key: '8' });
    await fireEvent.keyDown(editor(), { key: 'Tab' });
    await waitFor(() => expect(fake.callsOf('item_update')).toHaveLength(1));
    expect(fake.callsOf('item_update')[0]).toMatchObject({ input: { story_points: 8 } });
    // Tab saved and moved right.
    await waitFor(() => expect(document.activeElement).toBe(cell(fake, 'Audit S3 buckets', 'due')));
  });

  test('changing the status through its cell calls item_move to the end of that column', async () => {
    const fake = standardBackend();
    await openGrid(fake);
    const status = cell(fake, 'Enable MFA for admins', 'status');
    status.focus();
    await fireEvent.keyDown(status, { key: 'Enter' });
    const select = editor<HTMLSelectElement>();
    expect(select.tagName).toBe('SELECT');
    select.value = String(fake.status('Done').id);
    await fireEvent.change(select);

    const id = fake.item('Enable MFA for admins').id;
    await waitFor(() =>
      expect(fake.callsOf('item_move')).toEqual([{ id, status_id: fake.status('Done').id, index: 1 }]),
    );
    await waitFor(() => expect(cell(fake, 'Enable MFA for admins', 'status').textContent).toContain('Done'));
    await waitFor(() => expect(document.activeElement).toBe(cell(fake, 'Enable MFA for admins', 'status')));
  });

  test('a refused edit shows the backend message next to the cell and keeps the typed text', async () => {
    const fake = standardBackend();
    await openGrid(fake);
    const message = 'The date "2025-02-30" is not a real date; use the form YYYY-MM-DD, e.g. 2026-03-31.';
    fake.failures.set('item_update', { code: 'invalid_input', message });
    const due = cell(fake, 'Harden SSH config', 'due');
    due.focus();
    await fireEvent.keyDown(due, { key: '2' });
    await fireEvent.input(editor(), { target: { value: '2025-02-30' } });
    await fireEvent.keyDown(editor(), { key: 'Enter' });

    const error = await screen.findByTestId('grid-cell-error');
    expect(error.textContent).toContain(message);
    expect(error.closest('[data-column]')).toBe(cell(fake, 'Harden SSH config', 'due'));
    expect(editor().value).toBe('2025-02-30');
    expect(editor().getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsOf('item_update')[0]).toMatchObject({ input: { due_date: '2025-02-30' } });

    // Fixed and saved: the message goes.
    fake.failures.delete('item_update');
    await fireEvent.input(editor(), { target: { value: '2025-03-30' } });
    await fireEvent.keyDown(editor(), { key: 'Enter' });
    await waitFor(() => expect(screen.queryByTestId('grid-cell-error')).toBeNull());
    expect(fake.item('Harden SSH config').due_date).toBe('2025-03-30');
  });

  test('a refused edit left by clicking elsewhere keeps its text in the cell until fixed', async () => {
    const fake = standardBackend();
    await openGrid(fake);
    fake.failures.set('item_update', { code: 'invalid_input', message: 'A title cannot be empty.' });
    const title = cell(fake, 'Rotate service passwords', 'title');
    title.focus();
    await fireEvent.keyDown(title, { key: 'Enter' });
    await fireEvent.input(editor(), { target: { value: ' ' } });
    await fireEvent.blur(editor());
    expect((await screen.findByTestId('grid-cell-error')).textContent).toContain('A title cannot be empty.');

    // Editing another cell parks the refused text in its cell.
    const other = cell(fake, 'Patch VPN gateway', 'tags');
    other.focus();
    await fireEvent.keyDown(other, { key: 'F2' });
    const parked = cell(fake, 'Rotate service passwords', 'title');
    await waitFor(() => expect(parked.getAttribute('title')).toContain('A title cannot be empty.'));
    expect(parked.textContent).toContain(' ');
    await fireEvent.keyDown(editor(), { key: 'Escape' });
    parked.focus();
    await fireEvent.keyDown(parked, { key: 'F2' });
    expect(editor().value).toBe(' ');
    expect(screen.getByTestId('grid-cell-error').textContent).toContain('A title cannot be empty.');
  });

  test('sorting by due date orders the rows, empty dates last; a third click unsorts', async () => {
    const fake = standardBackend();
    fake.item('Audit S3 buckets').due_date = '2025-04-02';
    fake.item('Patch VPN gateway').due_date = '2025-03-10';
    fake.item('Inventory of servers').due_date = '2024-11-30';
    await openGrid(fake);
    const board = titles();

    await fireEvent.click(header('due'));
    expect(titles().slice(0, 3)).toEqual(['Inventory of servers', 'Patch VPN gateway', 'Audit S3 buckets']);
    expect(header('due').getAttribute('aria-sort')).toBe('ascending');

    await fireEvent.click(header('due'));
    expect(titles().slice(0, 3)).toEqual(['Audit S3 buckets', 'Patch VPN gateway', 'Inventory of servers']);
    expect(header('due').getAttribute('aria-sort')).toBe('descending');

    // By keyboard on the focused header.
    header('due').focus();
    await fireEvent.keyDown(header('due'), { key: 'Enter' });
    expect(titles()).toEqual(board);
    expect(header('due').hasAttribute('aria-sort')).toBe(false);
  });

  test('the text filter and a status filter narrow the rows and show the count', async () => {
    const fake = standardBackend();
    fake.item('Harden SSH config').tags = ['ssh'];
    await openGrid(fake);
    const text = screen.getByTestId('grid-filter-text') as HTMLInputElement;
    await fireEvent.input(text, { target: { value: 'r' } });
    expect(screen.getByTestId('grid-count').textContent).toBe('5 of 7 items');

    const status = screen.getByTestId('grid-filter-status') as HTMLSelectElement;
    status.value = String(fake.status('In progress').id);
    await fireEvent.change(status);
    expect(titles()).toEqual(['Harden SSH config', 'Review firewall rules']);
    expect(screen.getByTestId('grid-count').textContent).toBe('2 of 7 items');

    // Tags count for the text.
    await fireEvent.input(text, { target: { value: 'SSH' } });
    expect(titles()).toEqual(['Harden SSH config']);

    await fireEvent.input(text, { target: { value: 'nothing like this' } });
    expect(screen.getByTestId('grid-no-match').textContent).toContain('No items match — clear filters');
    await fireEvent.click(within(screen.getByTestId('grid-no-match')).getByRole('button', { name: /clear filters/i }));
    expect(titles()).toHaveLength(7);
    expect(screen.getByTestId('grid-count').textContent).toBe('7 items');
    expect(text.value).toBe('');
  });

  test('/ on a cell focuses the filter box', async () => {
    const fake = standardBackend();
    await openGrid(fake);
    const c = cell(fake, 'Patch VPN gateway', 'type');
    c.focus();
    await fireEvent.keyDown(c, { key: '/' });
    expect(document.activeElement).toBe(screen.getByTestId('grid-filter-text'));
  });

  test('grouping by assignee shows group headers with counts; collapsing hides their rows', async () => {
    const fake = standardBackend();
    fake.item('Harden SSH config').assignee = 'Ana Silva';
    fake.item('Audit S3 buckets').assignee = 'Ana Silva';
    fake.item('Patch VPN gateway').assignee = 'Bo Jensen';
    await openGrid(fake);
    const groupBy = screen.getByTestId('grid-group-by') as HTMLSelectElement;
    groupBy.value = 'assignee';
    await fireEvent.change(groupBy);

    const groups = () => screen.getAllByTestId('grid-group');
    const summary = () =>
      groups().map(
        (g) =>
          `${g.querySelector('.group-label')!.textContent} ${within(g).getByTestId('grid-group-count').textContent}`,
      );
    expect(summary()).toEqual(['Ana Silva 2', 'Bo Jensen 1', 'Unassigned 4']);
    expect(titles()).toHaveLength(7);

    await fireEvent.click(groups()[0].querySelector('[data-group-cell]')!);
    expect(groups()[0].getAttribute('aria-expanded')).toBe('false');
    expect(titles()).not.toContain('Harden SSH config');
    expect(titles()).toHaveLength(5);

    // By keyboard: → expands the focused group again.
    const first = groups()[0].querySelector<HTMLElement>('[data-group-cell]')!;
    first.focus();
    await fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(titles()).toContain('Harden SSH config');
  });

  test('arrow keys, Home/End and Ctrl+End move the focused cell', async () => {
    const fake = standardBackend();
    await openGrid(fake);
    const start = cell(fake, 'Enable MFA for admins', 'title');
    expect(start.tabIndex).toBe(0);
    start.focus();
    await fireEvent.keyDown(start, { key: 'ArrowRight' });
    await waitFor(() => expect(document.activeElement).toBe(cell(fake, 'Enable MFA for admins', 'type')));
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(cell(fake, 'Rotate service passwords', 'type')));
    expect(cell(fake, 'Rotate service passwords', 'type').tabIndex).toBe(0);
    expect(cell(fake, 'Enable MFA for admins', 'type').tabIndex).toBe(-1);
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(document.activeElement).toBe(cell(fake, 'Rotate service passwords', 'tags')));
    await fireEvent.keyDown(document.activeElement!, { key: 'End', ctrlKey: true });
    await waitFor(() => expect(document.activeElement).toBe(cell(fake, 'Inventory of servers', 'tags')));
    await fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await waitFor(() => expect(document.activeElement).toBe(cell(fake, 'Inventory of servers', 'title')));
    await fireEvent.keyDown(document.activeElement!, { key: 'Home', ctrlKey: true });
    await waitFor(() => expect(document.activeElement).toBe(cell(fake, 'Enable MFA for admins', 'title')));
    // Up from the first row is the header.
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    await waitFor(() => expect(document.activeElement).toBe(header('title')));
  });

  test('setting the epic through its cell calls item_epic_set and shows the epic', async () => {
    const fake = standardBackend();
    fake.item('Enable MFA for admins').item_type = 'epic';
    await openGrid(fake);
    const epicCell = cell(fake, 'Patch VPN gateway', 'epic');
    epicCell.focus();
    await fireEvent.keyDown(epicCell, { key: 'Enter' });
    const select = editor<HTMLSelectElement>();
    expect([...select.options].map((o) => o.textContent)).toEqual(['No epic', 'Enable MFA for admins']);
    select.value = String(fake.item('Enable MFA for admins').id);
    await fireEvent.change(select);

    const id = fake.item('Patch VPN gateway').id;
    await waitFor(() =>
      expect(fake.callsOf('item_epic_set')).toEqual([{ id, epic_id: fake.item('Enable MFA for admins').id }]),
    );
    await waitFor(() => expect(cell(fake, 'Patch VPN gateway', 'epic').textContent).toContain('Enable MFA for admins'));
  });

  test('an assignee typed into the cell is sent by name (a new name adds that person)', async () => {
    const fake = standardBackend();
    await openGrid(fake);
    const assignee = cell(fake, 'Review firewall rules', 'assignee');
    assignee.focus();
    await fireEvent.keyDown(assignee, { key: 'C' });
    await fireEvent.input(editor(), { target: { value: 'Cleo Park' } });
    await fireEvent.keyDown(editor(), { key: 'Enter' });
    await waitFor(() => expect(fake.callsOf('item_update')[0]).toMatchObject({ input: { assignee: 'Cleo Park' } }));
    await waitFor(() => expect(cell(fake, 'Review firewall rules', 'assignee').textContent).toContain('Cleo Park'));
  });

  test('o opens the focused item in the detail panel; Esc brings focus back to the cell', async () => {
    const fake = standardBackend();
    await openGrid(fake);
    const c = cell(fake, 'Audit S3 buckets', 'priority');
    c.focus();
    await fireEvent.keyDown(c, { key: 'o' });
    const panel = await screen.findByTestId('detail-panel');
    expect(Number(panel.dataset.itemId)).toBe(fake.item('Audit S3 buckets').id);
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('detail-panel')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(cell(fake, 'Audit S3 buckets', 'priority')));
  });

  test('n asks for a title and creates the item in the first column', async () => {
    const fake = standardBackend();
    await openGrid(fake);
    const c = cell(fake, 'Harden SSH config', 'title');
    c.focus();
    await fireEvent.keyDown(c, { key: 'n' });
    const input = screen.getByTestId('grid-new-title') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    await fireEvent.input(input, { target: { value: 'Rotate the backup keys' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(fake.callsOf('item_create')).toHaveLength(1));
    expect(fake.callsOf('item_create')[0]).toMatchObject({
      status_id: fake.status('Backlog').id,
      input: { title: 'Rotate the backup keys' },
    });
    await waitFor(() => expect(document.activeElement).toBe(cell(fake, 'Rotate the backup keys', 'title')));
    expect(screen.queryByTestId('grid-new-title')).toBeNull();
  });

  test('an empty project says what the grid is for and offers the first item', async () => {
    const fake = standardBackend();
    for (const items of fake.columns.values()) items.length = 0;
    await openGrid(fake);
    const empty = screen.getByTestId('grid-empty');
    expect(empty.textContent).toContain('No items yet — add the first one');
    await fireEvent.click(within(empty).getByRole('button', { name: /new item/i }));
    expect(screen.getByTestId('grid-new-title')).toBeTruthy();
  });

  test('read-only: no cell can be edited and nothing can be added', async () => {
    const fake = standardBackend();
    fake.workspace!.read_only = { code: 'newer_version', message: 'Made by a newer Bridgeplan.' };
    const root = await openGrid(fake);
    expect(within(root).getByRole('grid').getAttribute('aria-readonly')).toBe('true');
    expect(screen.queryByTestId('grid-new-item')).toBeNull();
    const title = cell(fake, 'Patch VPN gateway', 'title');
    title.focus();
    await fireEvent.keyDown(title, { key: 'F2' });
    await fireEvent.keyDown(title, { key: 'x' });
    await fireEvent.dblClick(title);
    await fireEvent.keyDown(title, { key: 'n' });
    expect(screen.queryByTestId('grid-editor')).toBeNull();
    expect(screen.queryByTestId('grid-new-title')).toBeNull();
    expect(fake.callsOf('item_update')).toHaveLength(0);
  });

  test('a 10,000-item project renders only the rows in view; Ctrl+End reaches the last', async () => {
    const fake = standardBackend();
    fake.addItems(
      'Backlog',
      Array.from({ length: 10_000 }, (_, i) => `Generated item ${i + 1}`),
    );
    await openGrid(fake);
    expect(screen.getByTestId('grid-count').textContent).toBe(`${(10_007).toLocaleString()} items`);
    expect(rows().length).toBeLessThan(60);
    const first = rows()[0];
    cellIn(first, 'title').focus();
    await fireEvent.keyDown(cellIn(first, 'title'), { key: 'End', ctrlKey: true });
    await waitFor(() => expect(document.activeElement).toBe(cell(fake, 'Inventory of servers', 'title')));
    expect(rows().length).toBeLessThan(60);
  });

  test('sort, filter and grouping are kept while another view shows', async () => {
    const fake = standardBackend();
    await openGrid(fake);
    await fireEvent.click(header('title'));
    await fireEvent.input(screen.getByTestId('grid-filter-text'), { target: { value: 'e' } });
    const before = titles();
    await fireEvent.click(screen.getByTestId('view-board'));
    await screen.findAllByTestId('column');
    await fireEvent.click(screen.getByTestId('view-grid'));
    await screen.findByTestId('grid');
    expect(titles()).toEqual(before);
    expect(header('title').getAttribute('aria-sort')).toBe('ascending');
    expect((screen.getByTestId('grid-filter-text') as HTMLInputElement).value).toBe('e');
  });
});
