import { beforeEach, describe, expect, test } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import ResourcesScreen from '../ResourcesScreen.svelte';
import ItemAssignments from '../ItemAssignments.svelte';
import { band, mondayBefore, resources } from '../resources-state.svelte';
import { standardBackend, type FakeBackend } from '../../../tests/fake-backend';
import { installResources, type FakeResources } from '../../../tests/fake-resources';
import { resetAppState } from '../../../tests/helpers';
import { toasts } from '../../../lib/shared/toasts-state.svelte';
import { workspace } from '../../workspace/workspace.svelte';
import type { Project } from '../../../lib/bindings/Project';

let fake: FakeBackend;
let res: FakeResources;

const plan: Project = {
  id: 77,
  name: 'Network Refresh',
  methodology: 'hybrid',
  start_date: null,
  finish_date: null,
  description: '',
  item_count: 0,
  manager: null,
} as Project;

beforeEach(() => {
  resetAppState();
  fake = standardBackend();
  res = installResources(fake);
  fake.install();
  Object.assign(resources, {
    tab: 'people',
    preview: null,
    utilisation: null,
    levelProject: null,
    allowFinishMove: false,
  });
  workspace.projects = [plan];
});

describe('helpers', () => {
  test('weeks start on Monday and loads fall in named bands', () => {
    expect(mondayBefore('2026-03-05', 0)).toBe('2026-03-02');
    expect(mondayBefore('2026-03-02', 4)).toBe('2026-02-02');
    expect([band(0, false), band(30, false), band(70, false), band(100, false), band(100, true)]).toEqual([
      'none',
      'low',
      'ok',
      'full',
      'over',
    ]);
  });
});

describe('Resources screen', () => {
  test('a person’s capacity is edited in place and a refused value shows its message', async () => {
    render(ResourcesScreen);
    const capacity = await screen.findByTestId('capacity-1');
    await fireEvent.input(capacity, { target: { value: '32' } });
    await fireEvent.blur(capacity, { target: { value: '32' } });
    await waitFor(() => expect(res.state.people[0].capacity_hours_per_week).toBe(32));
    const rate = screen.getByTestId('rate-1');
    await fireEvent.blur(rate, { target: { value: '-5' } });
    await waitFor(() => expect(toasts.list[0]?.message).toContain('cannot be negative'));
    expect(res.state.people[0].cost_rate_minor).toBe(8000);
  });

  test('equipment is added from the form and a duplicate is refused', async () => {
    render(ResourcesScreen);
    await fireEvent.click(screen.getByTestId('resources-tab-equipment'));
    const form = screen.getByTestId('equipment-form');
    await fireEvent.input(within(form).getByLabelText('Equipment name'), { target: { value: 'Switch' } });
    await fireEvent.input(within(form).getByLabelText('Quantity'), { target: { value: '12' } });
    await fireEvent.click(screen.getByTestId('equipment-add'));
    await waitFor(() => expect(res.state.equipment.map((e) => e.name)).toEqual(['Switch']));
    await screen.findByText('Switch');
    await waitFor(() => expect((within(form).getByLabelText('Equipment name') as HTMLInputElement).value).toBe(''));
    await fireEvent.input(within(form).getByLabelText('Equipment name'), { target: { value: 'switch' } });
    await fireEvent.click(screen.getByTestId('equipment-add'));
    await waitFor(() => expect(toasts.list[0]?.message).toContain('already equipment'));
    expect(res.state.equipment).toHaveLength(1);
  });

  test('an over-allocated cell lists the tasks that cause it', async () => {
    res.utilisation = {
      weeks: [{ label: '2026-W10', start: '2026-03-02' }],
      rows: [
        {
          id: 1,
          kind: 'person',
          name: 'Ana Silva',
          cells: [
            {
              allocated: 64,
              capacity: 40,
              percent: 160,
              over: true,
              outside_window: false,
              tasks: [
                { item_id: 1, name: 'Core switch', amount: 40 },
                { item_id: 2, name: 'Diagrams', amount: 24 },
              ],
            },
          ],
        },
      ],
      over_cells: 1,
    };
    render(ResourcesScreen);
    await fireEvent.click(screen.getByTestId('resources-tab-utilisation'));
    const cell = await screen.findByTestId('over-person-1-0');
    expect(cell.textContent).toContain('▲160');
    await fireEvent.click(cell);
    const causes = screen.getByTestId('over-causes');
    expect(causes.textContent).toContain('Core switch');
    expect(causes.textContent).toContain('Diagrams');
  });

  test('levelling is previewed, applied as one step and undone from the toast', async () => {
    res.preview = {
      project_id: 77,
      project: 'Network Refresh',
      allow_finish_move: false,
      changes: [
        {
          item_id: 5,
          name: 'Update network diagrams and CMDB',
          wbs: '8',
          old_start: '2026-03-13T08:00:00',
          new_start: '2026-03-17T08:00:00',
          new_finish: '2026-03-18T17:00:00',
          delay_minutes: 960,
          delay_days: 2,
          reason: 'Raj Patel is busy with "Replace core switch in Rotterdam depot" then',
        },
      ],
      conflicts: [],
      old_finish: '2026-03-25T17:00:00',
      new_finish: '2026-03-25T17:00:00',
      finish_moved_days: 0,
      applied: false,
    };
    render(ResourcesScreen);
    await fireEvent.click(screen.getByTestId('resources-tab-levelling'));
    await fireEvent.click(screen.getByTestId('level-preview'));
    const table = await screen.findByTestId('level-changes');
    expect(table.textContent).toContain('2026-03-13 08:00');
    expect(table.textContent).toContain('2026-03-17 08:00');
    expect(screen.getByTestId('level-summary').textContent).toContain('(unchanged)');
    expect(res.state.delays.size).toBe(0);
    await fireEvent.click(screen.getByTestId('level-apply'));
    await waitFor(() => expect(res.state.delays.get(5)).toBe(960));
    await waitFor(() => expect(toasts.list[0]?.action?.label).toBe('Undo levelling'));
    const toast = toasts.list[0];
    expect(toast.action?.label).toBe('Undo levelling');
    toast.action!.run();
    await waitFor(() => expect(res.state.delays.size).toBe(0));
  });
});

/** Picks an option as a user does (the option becomes selected, then the select changes). */
async function choose(value: string) {
  const select = screen.getByTestId('assign-choice') as HTMLSelectElement;
  for (const option of select.options) option.selected = option.value === value;
  await fireEvent.change(select);
}

describe('Item assignments', () => {
  test('people with units and equipment with a count are added and removed', async () => {
    res.state.equipment.push({
      id: 9,
      name: 'Access point',
      kind: 'hardware',
      quantity: 40,
      unit_cost_minor: 45000,
      available_from: null,
      available_to: null,
      notes: '',
    });
    const item = fake.columns.values().next().value![0];
    render(ItemAssignments, { item });
    await screen.findByText('Access point (equipment)');
    await choose('p:1');
    await fireEvent.input(screen.getByTestId('assign-units'), { target: { value: '50' } });
    await fireEvent.click(screen.getByTestId('assign-add'));
    await waitFor(() => expect(res.state.assignments).toHaveLength(1));
    await screen.findByText(/Ana Silva — 50 %/);
    await choose('e:9');
    await fireEvent.input(screen.getByTestId('assign-units'), { target: { value: '20' } });
    await fireEvent.click(screen.getByTestId('assign-add'));
    await screen.findByText(/Access point — × 20/);
    expect(res.state.assignments.map((a) => [a.kind, a.units])).toEqual([
      ['person', 0.5],
      ['equipment', 20],
    ]);
    await fireEvent.click(screen.getByLabelText('Remove Ana Silva'));
    await waitFor(() => expect(res.state.assignments).toHaveLength(1));
  });
});
