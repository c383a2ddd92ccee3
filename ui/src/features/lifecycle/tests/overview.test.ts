import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend } from '../../../tests/fake-backend';
import { FakeLifecycle } from '../../../tests/fake-lifecycle';
import { renderApp } from '../../../tests/helpers';

async function openOverview(setUp: (life: FakeLifecycle) => void = () => undefined, readOnly = false) {
  const fake = standardBackend();
  const life = new FakeLifecycle(fake);
  if (readOnly) fake.workspace!.read_only = { code: 'read_only', message: 'The file is read-only.' };
  setUp(life);
  await renderApp(fake);
  await fireEvent.click(screen.getByTestId('view-overview'));
  await screen.findByTestId('phase-stepper');
  return { fake, life };
}

const item = (key: string) => screen.getByTestId(`check-${key}`);

describe('project overview', () => {
  test('the stepper marks the current phase by shape and letter, not colour alone', async () => {
    await openOverview((life) => (life.overview(1000).phase = 'plan'));
    const current = screen.getByTestId('phase-step-plan');
    expect(current.getAttribute('aria-current')).toBe('step');
    expect(current.textContent).toContain('P');
    expect(current.textContent).toContain('(current phase)');
    expect(screen.getByTestId('phase-step-initiate').classList.contains('done')).toBe(true);
    expect(screen.getByTestId('phase-step-execute').getAttribute('aria-current')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Plan checklist' })).toBeTruthy();
  });

  test('automatic items show "from the data" and their reason; manual ones are checkboxes', async () => {
    await openOverview();
    const auto = item('objectives-defined');
    expect(auto.textContent).toContain('from the data');
    expect(within(auto).getByTestId('check-reason').textContent).toBe('3 objectives defined');
    expect(within(auto).queryByRole('checkbox')).toBeNull();
    expect(within(item('charter-approved')).getByRole('checkbox', { name: 'Project charter approved' })).toBeTruthy();
    expect(screen.getByTestId('checklist-open').textContent).toContain('2 open');
  });

  test('ticking an item saves it with who and when, and Undo takes it back', async () => {
    const { fake } = await openOverview();
    await fireEvent.click(within(item('charter-approved')).getByRole('checkbox'));
    await waitFor(() =>
      expect(fake.callsOf('checklist_tick_set')).toEqual([{ project_id: 1000, key: 'charter-approved', ticked: true }]),
    );
    await waitFor(() => expect(item('charter-approved').textContent).toContain('Ticked by dana on 1 Dec 2026'));
    expect(screen.getByTestId('checklist-open').textContent).toContain('1 open');
    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() =>
      expect((within(item('charter-approved')).getByRole('checkbox') as HTMLInputElement).checked).toBe(false),
    );
  });

  test('moving on with open items asks once, listing them, then records the move in the history', async () => {
    const { fake } = await openOverview();
    await fireEvent.click(screen.getByTestId('phase-next'));
    const confirm = await screen.findByTestId('phase-confirm');
    expect(confirm.textContent).toContain('2 items of Initiate still open');
    expect(
      within(confirm)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Project charter approved', 'Stakeholders identified']);
    expect(fake.callsOf('phase_move')).toEqual([]);
    await fireEvent.click(screen.getByTestId('phase-confirm-move'));
    await waitFor(() => expect(fake.callsOf('phase_move')).toEqual([{ project_id: 1000, to: 'plan' }]));
    await waitFor(() => expect(screen.getByTestId('phase-step-plan').getAttribute('aria-current')).toBe('step'));
    const history = screen.getByTestId('phase-history');
    expect(history.textContent).toContain('Initiate → Plan');
    expect(history.textContent).toContain('dana');
    expect(history.textContent).toContain('2 items open');
  });

  test('cancelling the confirmation moves nothing; with nothing open there is no question', async () => {
    const { fake } = await openOverview((life) => {
      const o = life.overview(1000);
      o.phase = 'monitor';
    });
    await fireEvent.click(screen.getByTestId('phase-next'));
    await waitFor(() => expect(fake.callsOf('phase_move')).toEqual([{ project_id: 1000, to: 'close' }]));
    expect(screen.queryByTestId('phase-confirm')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('phase-step-close').getAttribute('aria-current')).toBe('step'));
    await waitFor(() => expect((screen.getByTestId('phase-back') as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(screen.getByTestId('phase-back'));
    await screen.findByTestId('phase-confirm');
    await fireEvent.click(screen.getByTestId('phase-confirm-cancel'));
    expect(screen.queryByTestId('phase-confirm')).toBeNull();
    expect(fake.callsOf('phase_move').length).toBe(1);
  });

  test('changing the framework saves it; type and typical risks are listed', async () => {
    const { fake } = await openOverview((life) => {
      const o = life.overview(1000);
      o.project_type = { key: 'cybersecurity', name: 'Cybersecurity' };
      o.risks = [
        { id: 1, title: 'Breach before fixes', category: 'security', probability: 2, impact: 5, status: 'open' },
      ];
    });
    expect(screen.getByTestId('project-type').textContent).toBe('Cybersecurity');
    expect(screen.getByTestId('overview-risks').textContent).toContain('Breach before fixes');
    expect(screen.getByTestId('overview-risks').textContent).toContain('10');
    await fireEvent.change(screen.getByTestId('framework-select'), { target: { value: 'itil' } });
    await waitFor(() =>
      expect(fake.callsOf('project_framework_set')).toEqual([{ project_id: 1000, framework: 'itil' }]),
    );
  });

  test('a read-only workspace disables ticks, the framework and the moves', async () => {
    await openOverview(() => undefined, true);
    expect((within(item('charter-approved')).getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId('framework-select') as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByTestId('phase-next') as HTMLButtonElement).disabled).toBe(true);
  });
});
