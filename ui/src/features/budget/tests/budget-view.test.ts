import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend, type FakeBackend } from '../../../tests/fake-backend';
import { FakeBudget } from '../../../tests/fake-budget';
import { renderApp } from '../../../tests/helpers';
import { TEST_TODAY } from '../../../tests/setup';

async function openBudget(setUp: (fake: FakeBackend, budget: FakeBudget) => void = () => undefined) {
  const fake = standardBackend();
  const budget = new FakeBudget(fake);
  setUp(fake, budget);
  await renderApp(fake);
  await fireEvent.click(screen.getByTestId('view-budget'));
  await screen.findByTestId('evm-tiles');
  return { fake, budget, project: fake.projects[0].id };
}

const tile = (key: string) => screen.getAllByTestId('evm-tile').find((t) => t.dataset.key === key)!;
const cell = (category: string, period: string) =>
  screen
    .getAllByTestId('budget-cell')
    .find((c) => c.dataset.category === category && c.dataset.period === period) as HTMLInputElement;

describe('budget view', () => {
  test('shows the earned value as of today, with labels, formulas and the EAC rule', async () => {
    const { fake } = await openBudget();
    expect(fake.callsOf('earned_value_get')[0]).toMatchObject({ as_of: TEST_TODAY });
    expect((screen.getByTestId('budget-as-of') as HTMLInputElement).value).toBe(TEST_TODAY);
    expect(tile('cv').textContent).toContain('−5,000.00');
    expect(tile('cv').textContent).toContain('Over budget by');
    expect(tile('cv').className).toContain('bad');
    expect(tile('eac').getAttribute('title')).toBe('EAC = BAC / CPI');
    expect(tile('spi').textContent).toContain('0.80');
    expect(screen.getByTestId('eac-statement').textContent).toContain('EAC = BAC / CPI');
    expect(screen.getByTestId('eac-statement').textContent).toContain('112,500.00');
    expect(screen.getByTestId('s-curve')).toBeTruthy();
    expect(screen.getByTestId('s-curve-pv')).toBeTruthy();
    expect(screen.getByTestId('s-curve-forecast')).toBeTruthy();
  });

  test('another status date asks again; an emptied date goes back to today', async () => {
    const { fake } = await openBudget();
    await fireEvent.change(screen.getByTestId('budget-as-of'), { target: { value: '2026-04-01' } });
    await waitFor(() => expect(fake.callsOf('earned_value_get').at(-1)).toMatchObject({ as_of: '2026-04-01' }));
    await fireEvent.change(screen.getByTestId('budget-as-of'), { target: { value: '' } });
    await waitFor(() => expect(fake.callsOf('earned_value_get').at(-1)).toMatchObject({ as_of: TEST_TODAY }));
  });

  test('an empty budget offers to add the first line; a cell saves on Enter and can be undone', async () => {
    const { fake, budget, project } = await openBudget();
    await fireEvent.click(within(screen.getByTestId('budget-empty')).getByTestId('budget-start'));
    const input = cell('staff', '2026-03');
    input.value = '1,500';
    await fireEvent.keyDown(input, { key: 'Enter' });
    await fireEvent.blur(input);
    await waitFor(() =>
      expect(fake.callsOf('budget_cells_set')).toEqual([
        { project_id: project, cells: [{ category: 'staff', period: '2026-03', amount_minor: 150_000 }] },
      ]),
    );
    await waitFor(() => expect(screen.getByTestId('budget-total').textContent).toBe('1,500.00'));
    expect(budget.of(project).cells).toHaveLength(1);
    const toast = screen.getAllByTestId('toast')[0];
    await fireEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(budget.of(project).cells).toHaveLength(0));
  });

  test('a bad amount is refused on the screen and nothing is sent', async () => {
    const { fake } = await openBudget(
      (_, b) => (b.of(_.projects[0].id).cells = [{ category: 'cloud', period: '2026-04', amount_minor: 100 }]),
    );
    const input = cell('staff', '2026-03');
    input.value = '-20';
    await fireEvent.blur(input);
    expect((await screen.findByTestId('budget-grid-error')).textContent).toContain('negative');
    expect(fake.callsOf('budget_cells_set')).toEqual([]);
  });

  test('clearing the whole budget is one step', async () => {
    const { fake, project } = await openBudget((f, b) => {
      b.of(f.projects[0].id).cells = [
        { category: 'cloud', period: '2026-04', amount_minor: 100 },
        { category: 'staff', period: '2026-03', amount_minor: 200 },
      ];
    });
    expect(screen.getByTestId('budget-total').textContent).toBe('3.00');
    await fireEvent.click(screen.getByTestId('budget-clear'));
    await waitFor(() => expect(fake.callsOf('budget_cells_set')).toHaveLength(1));
    expect(fake.callsOf('budget_cells_set')[0]).toMatchObject({ project_id: project });
  });

  test('a cost entry is added, corrected and deleted; budget against actual follows', async () => {
    const { fake, budget, project } = await openBudget((f, b) => {
      b.of(f.projects[0].id).cells = [{ category: 'cloud', period: '2026-04', amount_minor: 1_000_00 }];
    });
    const select = screen.getByTestId('cost-category') as HTMLSelectElement;
    (within(select).getByRole('option', { name: 'Cloud' }) as HTMLOptionElement).selected = true;
    await fireEvent.change(select);
    await fireEvent.input(screen.getByTestId('cost-amount'), { target: { value: '1200.50' } });
    await fireEvent.input(screen.getByTestId('cost-description'), { target: { value: 'April invoice' } });
    await fireEvent.submit(screen.getByTestId('cost-add-form'));
    await waitFor(() =>
      expect(fake.callsOf('cost_entry_add')).toEqual([
        {
          project_id: project,
          input: {
            category: 'cloud',
            day: TEST_TODAY,
            amount_minor: 120_050,
            description: 'April invoice',
            item_id: null,
          },
        },
      ]),
    );
    await screen.findByTestId('cost-entry');
    const row = () => screen.getAllByTestId('budget-vs-row').find((r) => r.dataset.category === 'cloud')!;
    await waitFor(() => expect(row().textContent).toContain('1,200.50'));
    expect(row().textContent).toContain('−200.50');

    const amount = screen.getByTestId('cost-entry-amount') as HTMLInputElement;
    amount.value = '1100';
    await fireEvent.blur(amount);
    await waitFor(() => expect(budget.of(project).entries[0].amount_minor).toBe(110_000));

    await fireEvent.click(screen.getByTestId('cost-entry-delete'));
    await waitFor(() => expect(budget.of(project).entries).toHaveLength(0));
    await screen.findByTestId('cost-none');
  });

  test('a read-only workspace shows the figures but offers no edit', async () => {
    await openBudget((f, b) => {
      f.workspace!.read_only = { code: 'newer_version', message: 'Made by a newer Bridgeplan.' };
      b.of(f.projects[0].id).cells = [{ category: 'cloud', period: '2026-04', amount_minor: 100 }];
    });
    expect(tile('ev')).toBeTruthy();
    expect(screen.getAllByTestId('budget-cell').every((c) => (c as HTMLInputElement).disabled)).toBe(true);
    expect(screen.queryByTestId('cost-add-form')).toBeNull();
    expect(screen.queryByTestId('budget-clear')).toBeNull();
  });
});
