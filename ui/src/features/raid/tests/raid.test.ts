import { beforeEach, describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend, type FakeBackend } from '../../../tests/fake-backend';
import { FakeRaid } from '../../../tests/fake-raid';
import { renderApp } from '../../../tests/helpers';
import { raid } from '../raid-state.svelte';

function backend(): { fake: FakeBackend; fr: FakeRaid; project: number } {
  const fake = standardBackend();
  fake.people.push({ id: 2, name: 'Dana Whitfield', role: 'IT Manager' });
  const fr = new FakeRaid(fake);
  return { fake, fr, project: fake.projects[0].id };
}

async function openRaid(fake: FakeBackend) {
  await renderApp(fake);
  await fireEvent.click(screen.getByTestId('view-raid'));
  return screen.findByTestId('raid-view');
}

const calls = (fake: FakeBackend, cmd: string) => fake.calls.filter((c) => c.cmd === cmd);
const rows = (view: HTMLElement) =>
  within(view)
    .queryAllByTestId('risk-row')
    .map((r) => r.dataset.title);
const cell = (view: HTMLElement, p: number, i: number) =>
  within(view)
    .getAllByTestId('heat-cell')
    .find((c) => c.dataset.p === String(p) && c.dataset.i === String(i))!;

beforeEach(() => raid.reset());

describe('RAID log', () => {
  test('an empty register says what a risk is and offers to add one', async () => {
    const { fake } = backend();
    const view = await openRaid(fake);
    const empty = await within(view).findByTestId('risks-empty-state');
    expect(empty.textContent).toContain('cause, the event and its effect');
    expect(within(view).getByTestId('risk-new')).toBeTruthy();
  });

  test('the register is sorted by score and a heat-map cell filters it until clicked again', async () => {
    const { fake, fr, project } = backend();
    fr.addRisk(project, { title: 'Vendor delay', probability: 2, impact: 3 });
    fr.addRisk(project, { title: 'Data loss', probability: 4, impact: 5 });
    fr.addRisk(project, { title: 'Key person leaves', probability: 2, impact: 3 });
    fr.addRisk(project, { title: 'Closed one', probability: 2, impact: 3, status: 'closed' });
    const view = await openRaid(fake);
    await within(view).findByTestId('risk-register');
    expect(rows(view)).toEqual(['Data loss', 'Vendor delay', 'Key person leaves', 'Closed one']);
    const c23 = cell(view, 2, 3);
    expect(c23.textContent).toBe('2');
    expect(c23.getAttribute('aria-label')).toContain('Probability 2, impact 3 (medium): 2 risks');
    expect(cell(view, 4, 5).getAttribute('aria-label')).toContain('(critical): 1 risk');

    await fireEvent.click(c23);
    await waitFor(() => expect(rows(view)).toEqual(['Vendor delay', 'Key person leaves']));
    expect(c23.getAttribute('aria-pressed')).toBe('true');
    expect(within(view).getByTestId('risk-filter-chip').textContent).toContain('Probability 2 × impact 3');
    await fireEvent.click(c23);
    await waitFor(() => expect(rows(view)).toHaveLength(4));

    await fireEvent.click(cell(view, 4, 5));
    await waitFor(() => expect(rows(view)).toEqual(['Data loss']));
    await fireEvent.click(within(view).getByTestId('risk-filter-chip'));
    await waitFor(() => expect(rows(view)).toHaveLength(4));
  });

  test('the residual map counts residual values', async () => {
    const { fake, fr, project } = backend();
    fr.addRisk(project, { title: 'Data loss', probability: 4, impact: 5, residual_probability: 1, residual_impact: 5 });
    const view = await openRaid(fake);
    await within(view).findByTestId('risk-register');
    expect(cell(view, 4, 5).textContent).toBe('1');
    await fireEvent.click(within(view).getByTestId('heat-residual'));
    await waitFor(() => expect(cell(view, 1, 5).textContent).toBe('1'));
    expect(cell(view, 4, 5).textContent).toBe('');
    await fireEvent.click(cell(view, 1, 5));
    await waitFor(() => expect(rows(view)).toEqual(['Data loss']));
  });

  test('a risk is added from the panel with its score, and undo takes it away', async () => {
    const { fake, project } = backend();
    const view = await openRaid(fake);
    await fireEvent.click(await within(view).findByTestId('risk-new'));
    const panel = await screen.findByTestId('risk-panel');
    await fireEvent.input(within(panel).getByTestId('risk-title'), { target: { value: 'Phishing of key users' } });
    await fireEvent.change(within(panel).getByTestId('risk-category'), { target: { value: 'cybersecurity' } });
    await fireEvent.change(within(panel).getByTestId('risk-probability'), { target: { value: '4' } });
    await fireEvent.change(within(panel).getByTestId('risk-impact'), { target: { value: '5' } });
    await fireEvent.change(within(panel).getByTestId('risk-owner'), { target: { value: '2' } });
    await fireEvent.change(within(panel).getByTestId('risk-response'), { target: { value: 'mitigate' } });
    expect(within(panel).getByTestId('score').textContent).toContain('20');
    expect(within(panel).getByTestId('score').textContent).toContain('Critical');
    await fireEvent.click(within(panel).getByTestId('risk-save'));
    await waitFor(() => expect(rows(view)).toEqual(['Phishing of key users']));
    expect(calls(fake, 'risk_add')[0].args).toMatchObject({
      project_id: project,
      input: { title: 'Phishing of key users', category: 'cybersecurity', probability: 4, impact: 5, owner_id: 2 },
    });
    expect(cell(view, 4, 5).textContent).toBe('1');
    // The panel now shows the saved risk, with its actions.
    await within(screen.getByTestId('risk-panel')).findByTestId('risk-action-title');
    await fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rows(view)).toEqual([]));
  });

  test('a refusal from the core is shown in the panel', async () => {
    const { fake, fr, project } = backend();
    const risk = fr.addRisk(project, { title: 'Vendor delay' });
    const view = await openRaid(fake);
    await fireEvent.click(await within(view).findByRole('button', { name: 'Vendor delay' }));
    const panel = await screen.findByTestId('risk-panel');
    await fireEvent.change(within(panel).getByTestId('risk-residual-probability'), { target: { value: '2' } });
    await fireEvent.click(within(panel).getByTestId('risk-save'));
    expect((await within(panel).findByTestId('risk-error')).textContent).toContain('or neither');
    expect(fr.store.risks.find((r) => r.id === risk.id)!.residual_probability).toBeNull();
  });

  test('an action is added to a risk and an occurred risk is raised as an issue', async () => {
    const { fake, fr, project } = backend();
    fr.addRisk(project, { title: 'Vendor delay', probability: 4, impact: 3, owner_id: 2 });
    const view = await openRaid(fake);
    await fireEvent.click(await within(view).findByRole('button', { name: 'Vendor delay' }));
    const panel = await screen.findByTestId('risk-panel');
    await fireEvent.input(within(panel).getByTestId('risk-action-title'), { target: { value: 'Call the vendor' } });
    await fireEvent.click(within(panel).getByTestId('risk-action-add'));
    const action = await within(panel).findByTestId('risk-action');
    expect(action.textContent).toContain('Call the vendor');
    expect(action.textContent).toContain('To do');
    expect(calls(fake, 'risk_action_add')[0].args).toMatchObject({ title: 'Call the vendor', due_date: null });

    expect(within(panel).queryByTestId('risk-occurred-offer')).toBeNull();
    await fireEvent.change(within(panel).getByTestId('risk-status'), { target: { value: 'occurred' } });
    await fireEvent.click(await within(panel).findByTestId('risk-raise-issue'));
    await within(panel).findByTestId('risk-issue-link');
    expect(fr.store.issues).toHaveLength(1);
    expect(fr.store.risks[0].status).toBe('occurred');
    await fireEvent.click(within(view).getByTestId('raid-section-issues'));
    const issues = await within(view).findAllByTestId('issue-row');
    expect(issues[0].textContent).toContain('Vendor delay');
    expect(issues[0].textContent).toContain('High');
  });

  test('risks due for review are listed and badged', async () => {
    const { fake, fr, project } = backend();
    fr.addRisk(project, { title: 'Overdue review', review_date: '2026-11-30' });
    fr.addRisk(project, { title: 'Later review', review_date: '2027-01-15' });
    const view = await openRaid(fake);
    const due = await within(view).findByTestId('risks-due');
    expect(due.textContent).toContain('Overdue review');
    expect(due.textContent).not.toContain('Later review');
    expect(within(view).getAllByTestId('risk-due')).toHaveLength(1);
  });

  test('issues, assumptions and dependencies are added; a late dependency is flagged', async () => {
    const { fake, fr } = backend();
    const view = await openRaid(fake);
    await fireEvent.click(await within(view).findByTestId('raid-section-issues'));
    expect((await within(view).findByTestId('issues-empty')).textContent).toContain('gone wrong');
    await fireEvent.click(within(view).getByTestId('issue-new'));
    await fireEvent.input(await within(view).findByTestId('issue-title'), { target: { value: 'No test data' } });
    await fireEvent.click(within(view).getByTestId('issue-panel-save'));
    await within(view).findByTestId('issue-row');

    await fireEvent.click(within(view).getByTestId('raid-section-assumptions'));
    await fireEvent.click(await within(view).findByTestId('assumption-new'));
    await fireEvent.input(await within(view).findByTestId('assumption-title'), {
      target: { value: 'Key users have time' },
    });
    await fireEvent.click(within(view).getByTestId('assumption-panel-save'));
    await within(view).findByTestId('assumption-row');

    await fireEvent.click(within(view).getByTestId('raid-section-dependencies'));
    await fireEvent.click(await within(view).findByTestId('dependency-new'));
    const panel = await within(view).findByTestId('dependency-panel');
    await fireEvent.input(within(panel).getByTestId('dependency-title'), { target: { value: 'EDI connector' } });
    await fireEvent.change(panel.querySelector('input[type="date"]')!, { target: { value: '2026-11-20' } });
    await fireEvent.click(within(panel).getByTestId('dependency-panel-save'));
    await within(view).findByTestId('dependency-late');
    expect(fr.store.dependencies[0]).toMatchObject({ title: 'EDI connector', needed_by: '2026-11-20', late: true });
    expect(within(view).getByTestId('raid-section-issues').textContent).toContain('1');
  });

  test('read-only: no add buttons and the risk panel cannot be changed', async () => {
    const { fake, fr, project } = backend();
    fr.addRisk(project, { title: 'Vendor delay' });
    fake.workspace!.read_only = { code: 'read_only', message: 'This file is read-only.' };
    const view = await openRaid(fake);
    await fireEvent.click(await within(view).findByRole('button', { name: 'Vendor delay' }));
    const panel = await screen.findByTestId('risk-panel');
    expect((within(panel).getByTestId('risk-title') as HTMLInputElement).closest('fieldset')!.disabled).toBe(true);
    expect(within(panel).queryByTestId('risk-save')).toBeNull();
    expect(within(panel).queryByTestId('risk-action-add')).toBeNull();
    expect(within(view).queryByTestId('risk-new')).toBeNull();
    await fireEvent.click(within(view).getByTestId('raid-section-issues'));
    expect(within(view).queryByTestId('issue-new')).toBeNull();
  });
});
