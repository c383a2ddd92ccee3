import { beforeEach, describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend, type FakeBackend } from '../../../tests/fake-backend';
import { FakeScope } from '../../../tests/fake-scope';
import { renderApp } from '../../../tests/helpers';
import { scope } from '../scope-state.svelte';
import { formatMoney, parseMoney } from '../money';

function backend(): { fake: FakeBackend; fs: FakeScope; project: number } {
  const fake = standardBackend();
  const fs = new FakeScope(fake);
  return { fake, fs, project: fake.projects[0].id };
}

async function openScope(fake: FakeBackend) {
  await renderApp(fake);
  await fireEvent.click(screen.getByTestId('view-scope'));
  return screen.findByTestId('scope-view');
}

const enter = async (el: HTMLElement, value: string) => {
  await fireEvent.input(el, { target: { value } });
  await fireEvent.keyDown(el, { key: 'Enter' });
};

const calls = (fake: FakeBackend, cmd: string) => fake.calls.filter((c) => c.cmd === cmd);

beforeEach(() => scope.reset());

describe('scope', () => {
  test('each empty section says what it is for', async () => {
    const { fake } = backend();
    const view = await openScope(fake);
    await within(view).findByTestId('objectives-empty');
    expect(within(view).getByTestId('objectives-empty').textContent).toContain('judged against');
    expect(within(view).getByTestId('deliverables-empty').textContent).toContain('how each is accepted');
    expect(within(view).getByTestId('in-scope-empty').textContent).toContain('includes');
    expect(within(view).getByTestId('out-of-scope-empty').textContent).toContain('does not include');
    expect(within(view).getByTestId('changes-empty').textContent).toContain('impact on');
  });

  test('objectives are added, reordered and deleted with an undo', async () => {
    const { fake, project } = backend();
    const view = await openScope(fake);
    const add = await within(view).findByTestId('objectives-add');
    await enter(add, 'Go live before the lease ends');
    await within(view).findByDisplayValue('Go live before the lease ends');
    await waitFor(() => expect((add as HTMLInputElement).value).toBe(''));
    await enter(add, 'No loss of data');
    await waitFor(() => expect(within(view).getAllByTestId('objectives-row')).toHaveLength(2));
    expect(calls(fake, 'objective_add').map((c) => c.args)).toEqual([
      { project_id: project, text: 'Go live before the lease ends' },
      { project_id: project, text: 'No loss of data' },
    ]);
    await fireEvent.click(within(view).getByLabelText('Move “No loss of data” up'));
    await waitFor(() =>
      expect(
        within(view)
          .getAllByTestId('objectives-row')
          .map((r) => r.querySelector('input')!.value),
      ).toEqual(['No loss of data', 'Go live before the lease ends']),
    );
    expect(calls(fake, 'objective_move')[0].args).toMatchObject({ index: 0 });
    await fireEvent.click(within(view).getByLabelText('Delete “No loss of data”'));
    await waitFor(() => expect(within(view).getAllByTestId('objectives-row')).toHaveLength(1));
    await fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(within(view).getAllByTestId('objectives-row')).toHaveLength(2));
  });

  test('a statement moves from out of scope into scope, and an edit saves on Enter', async () => {
    const { fake, fs, project } = backend();
    fs.of(project).out_of_scope.push({ id: 7, text: 'HR and payroll' });
    const view = await openScope(fake);
    const out = await within(view).findByTestId('out-of-scope');
    await fireEvent.click(within(out).getByTestId('statement-move'));
    const inside = within(view).getByTestId('in-scope');
    await within(inside).findByDisplayValue('HR and payroll');
    expect(calls(fake, 'scope_statement_move')[0].args).toEqual({ id: 7, in_scope: true });
    const input = within(inside).getByDisplayValue('HR and payroll');
    input.focus();
    await fireEvent.input(input, { target: { value: 'HR' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(calls(fake, 'scope_statement_update')[0].args).toEqual({ id: 7, text: 'HR' }));
  });

  test('a deliverable is added and accepted', async () => {
    const { fake, project } = backend();
    const view = await openScope(fake);
    await enter(await within(view).findByTestId('deliverable-add'), 'Cutover runbook');
    const row = await within(view).findByTestId('deliverable');
    await fireEvent.change(within(row).getByTestId('deliverable-status'), { target: { value: 'accepted' } });
    await waitFor(() => expect(within(view).getByTestId('deliverable').dataset.status).toBe('accepted'));
    expect(calls(fake, 'deliverable_add')[0].args).toMatchObject({
      project_id: project,
      input: { title: 'Cutover runbook' },
    });
    expect(calls(fake, 'deliverable_update')[0].args).toMatchObject({ input: { acceptance: 'accepted' } });
  });

  test('a change is approved, previewed and applied to the plan; its links are listed', async () => {
    const { fake, fs, project } = backend();
    fs.of(project).changes.push(
      fs.newChange(project, 1, {
        title: 'Add the Gdańsk warehouse',
        requester: 'Operations',
        cost_impact_minor: 1_850_000,
        schedule_impact_days: 6,
      }),
    );
    const view = await openScope(fake);
    const row = await within(view).findByTestId('change-row');
    expect(row.textContent).toContain('CR-1');
    expect(within(row).getByTestId('change-cost').textContent).toBe('+€18,500.00');
    expect(row.textContent).toContain('+6 working days');
    await fireEvent.click(within(row).getByRole('button', { name: /Open CR-1/ }));
    const panel = await screen.findByTestId('change-panel');
    await fireEvent.input(within(panel).getByTestId('change-decided-by'), { target: { value: 'Dana' } });
    await fireEvent.click(within(panel).getByTestId('change-approve'));
    await waitFor(() => expect(within(view).getByTestId('change-status').textContent).toBe('approved'));
    expect(calls(fake, 'change_decide')[0].args).toMatchObject({ input: { status: 'approved', decided_by: 'Dana' } });

    const apply = await within(screen.getByTestId('change-panel')).findByTestId('apply-to-plan');
    expect((within(apply).getByTestId('apply-button') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(within(apply).getByTestId('add-task-action'));
    await fireEvent.input(within(apply).getByLabelText('New task title'), { target: { value: 'Gdańsk site survey' } });
    await fireEvent.input(within(apply).getByLabelText('Duration in working days'), { target: { value: '3' } });
    await fireEvent.click(within(apply).getByTestId('apply-preview-button'));
    const preview = await within(apply).findByTestId('apply-preview');
    expect(preview.textContent).toContain('Gdańsk site survey — Added: 3 working days');
    await fireEvent.click(within(apply).getByTestId('apply-button'));
    await waitFor(() => expect(within(view).getByTestId('change-status').textContent).toBe('implemented'));
    expect(calls(fake, 'change_apply')[0].args).toEqual({
      id: fs.of(project).changes[0].id,
      actions: [{ kind: 'add_task', title: 'Gdańsk site survey', duration_days: 3, predecessor_id: null }],
    });
    const links = await screen.findByTestId('change-links');
    expect(links.textContent).toContain('Changed by CR-1');
    expect(links.textContent).toContain('Gdańsk site survey');
    expect(screen.queryByTestId('apply-to-plan')).toBeNull();
    // One undo takes it back to approved.
    await fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(within(view).getByTestId('change-status').textContent).toBe('approved'));
  });

  test('a refused decision shows the core message and changes nothing', async () => {
    const { fake, fs, project } = backend();
    fs.of(project).changes.push(fs.newChange(project, 1, { title: 'Extra report', raised_on: '2026-03-02' }));
    const view = await openScope(fake);
    await fireEvent.click(await within(view).findByRole('button', { name: /Open CR-1/ }));
    const panel = await screen.findByTestId('change-panel');
    await fireEvent.input(within(panel).getByLabelText('Decided on'), { target: { value: '2026-02-20' } });
    await fireEvent.click(within(panel).getByTestId('change-approve'));
    expect(await screen.findByText(/before CR-1 was raised/)).toBeTruthy();
    expect(within(view).getByTestId('change-status').textContent).toBe('proposed');
  });

  test('a raised change opens in the panel; a read-only workspace offers no edits', async () => {
    const { fake, project } = backend();
    const view = await openScope(fake);
    await enter(await within(view).findByTestId('change-add'), 'Second site');
    expect(await screen.findByTestId('change-panel')).toBeTruthy();
    expect(calls(fake, 'change_add')[0].args).toMatchObject({ project_id: project, input: { title: 'Second site' } });
  });

  test('read-only: no add boxes and disabled fields', async () => {
    const { fake, fs, project } = backend();
    fs.of(project).objectives.push({ id: 3, text: 'Keep' });
    fake.workspace!.read_only = { code: 'read_only', message: 'This file is read-only.' };
    const view = await openScope(fake);
    const input = await within(view).findByDisplayValue('Keep');
    expect((input as HTMLInputElement).disabled).toBe(true);
    expect(within(view).queryByTestId('objectives-add')).toBeNull();
    expect(within(view).queryByTestId('change-add')).toBeNull();
  });

  test('money follows the currency and reads what a manager types', () => {
    expect(formatMoney(-120_050, 'EUR')).toBe('-€1,200.50');
    expect(formatMoney(5000, 'JPY')).toBe('+¥5,000');
    expect(formatMoney(0, 'EUR')).toBe('—');
    expect(parseMoney('18 500', 'EUR')).toBe(1_850_000);
    expect(parseMoney('-1200,50', 'EUR')).toBe(-120_050);
    expect(parseMoney('abc', 'EUR')).toBeNull();
  });
});
