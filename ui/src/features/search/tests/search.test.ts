import { beforeEach, describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend, type FakeBackend } from '../../../tests/fake-backend';
import { FakeSearch } from '../../../tests/fake-search';
import { FakeReports } from '../../../tests/fake-reports';
import { renderApp } from '../../../tests/helpers';
import { search } from '../search-state.svelte';
import { workspace } from '../../workspace/workspace.svelte';
import { board } from '../../work/board-state.svelte';
import { reports } from '../../reports/reports.svelte';
import { fuzzyMatch, markRuns } from '../fuzzy';
import { rankActions, rememberRun, type Action } from '../actions';
import { PLACES } from '../open-result';

function backend(): { fake: FakeBackend; fs: FakeSearch } {
  const fake = standardBackend();
  const fs = new FakeSearch(fake);
  const project = fake.projects[0].id;
  fs.add({ kind: 'risk', id: 7001, project_id: project, title: 'Vendor lock-in', body: 'Single cloud vendor' })
    .add({ kind: 'meeting', id: 7002, project_id: project, title: 'Steering committee', body: 'Firewall budget' })
    .add({ kind: 'service', id: 7003, project_id: null, title: 'VPN', body: 'Remote access' })
    .add({ kind: 'lesson', id: 7004, project_id: project, title: 'Rehearse the firewall change', body: '' });
  return { fake, fs };
}

const typeInto = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

async function openSearch() {
  await fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
  return screen.findByTestId('search-overlay');
}

beforeEach(() => search.reset());

describe('search overlay', () => {
  test('Ctrl+F and / open it with the field focused; Esc closes it and focus returns', async () => {
    const { fake } = backend();
    await renderApp(fake);
    const tab = screen.getByTestId('view-board');
    tab.focus();
    await fireEvent.keyDown(tab, { key: 'f', ctrlKey: true });
    const overlay = await screen.findByTestId('search-overlay');
    const input = within(overlay).getByTestId('search-input');
    await waitFor(() => expect(document.activeElement).toBe(input));
    expect(within(overlay).getByTestId('search-hint')).toBeTruthy();
    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByTestId('search-overlay')).toBeNull();
    expect(document.activeElement).toBe(tab);

    await fireEvent.keyDown(document.body, { key: '/' });
    await screen.findByTestId('search-overlay');
    await fireEvent.keyDown(screen.getByTestId('search-input'), { key: 'Escape' });
    expect(screen.queryByTestId('search-overlay')).toBeNull();
  });

  test('/ typed into a field is text, not a shortcut', async () => {
    const { fake } = backend();
    await renderApp(fake);
    const field = document.createElement('input');
    document.body.appendChild(field);
    await fireEvent.keyDown(field, { key: '/' });
    expect(screen.queryByTestId('search-overlay')).toBeNull();
    field.remove();
  });

  test('results come grouped by kind with the matching words marked, and arrows and Enter open one', async () => {
    const { fake } = backend();
    await renderApp(fake);
    const overlay = await openSearch();
    const input = within(overlay).getByTestId('search-input');
    await typeInto(input, 'firew');
    await waitFor(() => expect(within(overlay).getAllByTestId('search-group')).toHaveLength(3));
    const headings = within(overlay)
      .getAllByTestId('search-group')
      .map((g) => g.querySelector('h3')!.textContent!.replace(/\s+/g, ' ').trim());
    expect(headings).toEqual(['Work items 1', 'Meetings 1', 'Lessons learned 1']);
    const hits = within(overlay).getAllByTestId('search-hit');
    expect(hits[0].querySelector('mark')!.textContent).toBe('firewall');
    expect(hits[0].getAttribute('aria-selected')).toBe('true');
    expect(fake.callsOf('search_run').at(-1)).toEqual({ query: 'firew', limit_per_kind: 8 });

    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(within(overlay).getAllByTestId('search-hit')[2].getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(within(overlay).getAllByTestId('search-hit')[0].getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(input, { key: 'ArrowUp' });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(workspace.screen).toBe('lessons'));
    expect(screen.queryByTestId('search-overlay')).toBeNull();
  });

  test('a work item opens in the detail panel of its project', async () => {
    const { fake } = backend();
    await renderApp(fake);
    const overlay = await openSearch();
    await typeInto(within(overlay).getByTestId('search-input'), 'login');
    const hit = await within(overlay).findByTestId('search-hit');
    await fireEvent.click(hit);
    const panel = await screen.findByTestId('detail-panel');
    expect(workspace.selected?.name).toBe('Customer Portal');
    expect(board.selectedItem?.title).toBe('Login page');
    expect(panel).toBeTruthy();
  });

  test('a risk opens the RAID tab of its project', async () => {
    const { fake } = backend();
    await renderApp(fake);
    const overlay = await openSearch();
    await typeInto(within(overlay).getByTestId('search-input'), 'vendor');
    await fireEvent.click(await within(overlay).findByTestId('search-hit'));
    await waitFor(() => expect(workspace.view).toBe('raid'));
    expect(workspace.screen).toBe('project');
  });

  test('nothing found says so; punctuation is sent as typed', async () => {
    const { fake } = backend();
    await renderApp(fake);
    const overlay = await openSearch();
    await typeInto(within(overlay).getByTestId('search-input'), '"zz* -:');
    await within(overlay).findByTestId('search-empty');
    expect(within(overlay).getByTestId('search-empty').textContent).toContain('"zz* -:');
  });

  test('every kind has a place to open in', () => {
    expect(Object.keys(PLACES).sort()).toEqual([
      'assumption',
      'dependency',
      'incident',
      'issue',
      'item',
      'lesson',
      'meeting',
      'risk',
      'service',
      'stakeholder',
    ]);
  });
});

describe('command palette', () => {
  async function openPalette() {
    await fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    return screen.findByTestId('command-palette');
  }

  test('Ctrl+K opens it; typing a screen name and Enter goes there', async () => {
    const { fake } = backend();
    await renderApp(fake);
    const palette = await openPalette();
    const input = within(palette).getByTestId('palette-input');
    await waitFor(() => expect(document.activeElement).toBe(input));
    await typeInto(input, 'operat');
    const first = within(palette).getAllByTestId('palette-option')[0];
    expect(first.dataset.actionId).toBe('screen:operations');
    expect(first.querySelector('mark')!.textContent).toBe('Operat');
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(workspace.screen).toBe('operations');
    expect(screen.queryByTestId('command-palette')).toBeNull();
  });

  test('it reaches each project and each view of the selected one', async () => {
    const { fake } = backend();
    await renderApp(fake);
    let palette = await openPalette();
    let input = within(palette).getByTestId('palette-input');
    await typeInto(input, 'customer portal');
    expect(within(palette).getAllByTestId('palette-option')[0].dataset.actionId).toBe(`project:${fake.projects[1].id}`);
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(workspace.selected?.name).toBe('Customer Portal');

    palette = await openPalette();
    input = within(palette).getByTestId('palette-input');
    await typeInto(input, 'timeline');
    expect(within(palette).getAllByTestId('palette-option')[0].dataset.actionId).toBe('view:timeline');
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(workspace.view).toBe('timeline');
  });

  test('it reaches the reports by kind and the window actions; Esc closes', async () => {
    const { fake } = backend();
    new FakeReports(fake);
    await renderApp(fake);
    let palette = await openPalette();
    let input = within(palette).getByTestId('palette-input');
    await typeInto(input, 'export budget');
    await waitFor(() =>
      expect(within(palette).getAllByTestId('palette-option')[0].dataset.actionId).toBe('report:budget'),
    );
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(workspace.screen).toBe('reports'));
    await waitFor(() => expect(reports.kind).toBe('budget'));

    palette = await openPalette();
    input = within(palette).getByTestId('palette-input');
    await typeInto(input, 'toggle sidebar');
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(workspace.sidebarCollapsed).toBe(true);

    palette = await openPalette();
    await fireEvent.keyDown(within(palette).getByTestId('palette-input'), { key: 'Escape' });
    expect(screen.queryByTestId('command-palette')).toBeNull();
  });

  test('the recently run action comes first; nothing matching says so', async () => {
    const { fake } = backend();
    await renderApp(fake);
    let palette = await openPalette();
    await typeInto(within(palette).getByTestId('palette-input'), 'keyboard');
    await fireEvent.keyDown(within(palette).getByTestId('palette-input'), { key: 'Enter' });
    expect(workspace.helpOpen).toBe(true);
    workspace.helpOpen = false;

    palette = await openPalette();
    const first = within(palette).getAllByTestId('palette-option')[0];
    expect(first.dataset.actionId).toBe('help:keys');
    expect(first.textContent).toContain('Recent');
    await typeInto(within(palette).getByTestId('palette-input'), 'qqqzzz');
    expect(within(palette).getByTestId('palette-empty')).toBeTruthy();
  });

  test('a read-only workspace offers no edits', async () => {
    const { fake } = backend();
    fake.workspace!.read_only = { code: 'read_only', message: 'Opened read-only.' };
    await renderApp(fake);
    const palette = await openPalette();
    const ids = within(palette)
      .getAllByTestId('palette-option')
      .map((o) => o.dataset.actionId);
    expect(ids).toContain('screen:reports');
    expect(ids).not.toContain('item:new');
    expect(ids).not.toContain('project:new');
    expect(ids).not.toContain('history:undo');
  });

  test('New item opens the first column of the board for a title', async () => {
    const { fake } = backend();
    await renderApp(fake);
    const palette = await openPalette();
    await typeInto(within(palette).getByTestId('palette-input'), 'new item');
    await fireEvent.keyDown(within(palette).getByTestId('palette-input'), { key: 'Enter' });
    await waitFor(() => expect(board.composingIn).toBe(board.board!.columns[0].status.id));
  });
});

describe('fuzzy matching', () => {
  test('letters in order match, word starts and runs rank higher', () => {
    expect(fuzzyMatch('np', 'New project')!.indices).toEqual([0, 4]);
    expect(fuzzyMatch('xyz', 'New project')).toBeNull();
    const a = fuzzyMatch('res', 'Resources')!.score;
    const b = fuzzyMatch('res', 'Show the sprints')?.score ?? -Infinity;
    expect(a).toBeGreaterThan(b);
    expect(markRuns('Reports', [0, 1])).toEqual([
      { text: 'Re', hit: true },
      { text: 'ports', hit: false },
    ]);
  });

  test('ranking: label before keyword, recent first among equals', () => {
    const noop = () => undefined;
    const actions: Action[] = [
      { id: 'a', label: 'Timesheets', group: 'Go to', keywords: ['hours'], run: noop },
      { id: 'b', label: 'Hours report', group: 'Reports', run: noop },
      { id: 'c', label: 'Upcoming', group: 'Go to', run: noop },
    ];
    expect(rankActions(actions, 'hours', []).map((r) => r.action.id)).toEqual(['b', 'a']);
    rememberRun('c');
    expect(rankActions(actions, '').map((r) => r.action.id)).toEqual(['c', 'a', 'b']);
  });
});
