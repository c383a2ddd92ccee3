import { beforeEach, describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend, type FakeBackend } from '../../../tests/fake-backend';
import { FakeStakeholders } from '../../../tests/fake-stakeholders';
import { renderApp } from '../../../tests/helpers';
import { stakeholders } from '../stakeholders-state.svelte';

function backend(): { fake: FakeBackend; fs: FakeStakeholders; project: number } {
  const fake = standardBackend();
  const fs = new FakeStakeholders(fake);
  return { fake, fs, project: fake.projects[0].id };
}

async function openTab(fake: FakeBackend) {
  await renderApp(fake);
  await fireEvent.click(screen.getByTestId('view-stakeholders'));
  return screen.findByTestId('stakeholders-view');
}

async function clickUndo() {
  const button = screen.getByTestId('undo') as HTMLButtonElement;
  await waitFor(() => expect(button.disabled).toBe(false));
  await fireEvent.click(button);
}

const calls = (fake: FakeBackend, cmd: string) => fake.calls.filter((c) => c.cmd === cmd).map((c) => c.args);

/** The grid is 300 × 300 px at (100, 100): each of the ten steps is 30 px. */
function sizeGrid(grid: HTMLElement) {
  grid.getBoundingClientRect = () =>
    ({ left: 100, top: 100, width: 300, height: 300, right: 400, bottom: 400, x: 100, y: 100 }) as DOMRect;
}

const pointer = (type: string, x: number, y: number) =>
  new PointerEvent(type, { clientX: x, clientY: y, pointerId: 1, button: 0, bubbles: true });

beforeEach(() => stakeholders.reset());

describe('stakeholders', () => {
  test('each empty section says what it is for', async () => {
    const { fake } = backend();
    const view = await openTab(fake);
    expect((await within(view).findByTestId('stakeholders-empty')).textContent).toContain('place them on the grid');
    await fireEvent.click(within(view).getByTestId('section-communications'));
    expect((await within(view).findByTestId('communications-empty')).textContent).toContain('what is due');
    await fireEvent.click(within(view).getByTestId('section-raci'));
    expect((await within(view).findByTestId('raci-empty')).textContent).toContain('no deliverables');
  });

  test('a stakeholder is added; the register shows quadrant and attitude gap; a refusal stays in the form', async () => {
    const { fake, fs, project } = backend();
    fs.addStakeholder(project, { name: 'Works council', power: 7, interest: 4 });
    const view = await openTab(fake);
    await within(view).findByTestId('stakeholder-table');
    await fireEvent.click(within(view).getByTestId('stakeholder-new'));
    const form = within(view).getByTestId('stakeholder-form');
    await fireEvent.input(within(form).getByTestId('stakeholder-name'), { target: { value: 'Claire Dubois' } });
    await fireEvent.input(within(form).getByTestId('stakeholder-power'), { target: { value: '9' } });
    await fireEvent.input(within(form).getByTestId('stakeholder-interest'), { target: { value: '11' } });
    await fireEvent.click(within(form).getByTestId('stakeholder-save'));
    expect((await within(form).findByTestId('stakeholder-error')).textContent).toContain('1 (lowest) to 10');
    await fireEvent.input(within(form).getByTestId('stakeholder-interest'), { target: { value: '8' } });
    await fireEvent.click(within(form).getByTestId('stakeholder-save'));
    await waitFor(() => expect(within(view).queryByTestId('stakeholder-form')).toBeNull());
    expect(calls(fake, 'stakeholder_add').at(-1)).toMatchObject({
      project_id: project,
      input: {
        name: 'Claire Dubois',
        power: 9,
        interest: 8,
        current_attitude: 'neutral',
        desired_attitude: 'supportive',
      },
    });
    const rows = within(view).getAllByTestId('stakeholder-row');
    expect(rows.map((r) => r.dataset.name)).toEqual(['Claire Dubois', 'Works council']);
    expect(within(rows[0]).getByTestId('quadrant').textContent).toBe('Manage closely');
    expect(within(rows[0]).getByTestId('attitude-gap').textContent).toBe('+1');
    expect(within(rows[1]).getByTestId('quadrant').textContent).toBe('Keep satisfied');
    // A duplicate name is refused with the core's words.
    await fireEvent.click(within(view).getByTestId('stakeholder-new'));
    await fireEvent.input(within(view).getByTestId('stakeholder-name'), { target: { value: 'works council' } });
    await fireEvent.click(within(view).getByTestId('stakeholder-save'));
    expect((await within(view).findByTestId('stakeholder-error')).textContent).toContain('already a stakeholder');
  });

  test('dragging a dot on the grid saves its power and interest in one edit, which undo takes back', async () => {
    const { fake, fs, project } = backend();
    fs.addStakeholder(project, { name: 'Auditors', power: 2, interest: 2 });
    const view = await openTab(fake);
    const grid = await within(view).findByTestId('power-grid');
    sizeGrid(grid);
    const dot = within(grid).getByTestId('grid-dot');
    // From (power 2, interest 2) to the top-right cell: power 10, interest 9.
    dot.dispatchEvent(pointer('pointerdown', 145, 355));
    window.dispatchEvent(pointer('pointermove', 200, 300));
    window.dispatchEvent(pointer('pointermove', 460, 50));
    window.dispatchEvent(pointer('pointermove', 360, 110));
    window.dispatchEvent(pointer('pointerup', 360, 110));
    await waitFor(() =>
      expect(calls(fake, 'stakeholder_move')).toEqual([{ id: expect.any(Number), power: 10, interest: 9 }]),
    );
    const row = within(view).getByTestId('stakeholder-row');
    await waitFor(() => expect(within(row).getByTestId('quadrant').textContent).toBe('Manage closely'));
    expect(within(row).getByTestId('power').textContent).toBe('10');
    await clickUndo();
    await waitFor(() => expect(within(view).getByTestId('power').textContent).toBe('2'));
    expect(within(view).getByTestId('quadrant').textContent).toBe('Monitor');
  });

  test('arrow keys on a focused dot move the stakeholder one step', async () => {
    const { fake, fs, project } = backend();
    const s = fs.addStakeholder(project, { name: 'DPO', power: 5, interest: 5 });
    const view = await openTab(fake);
    const dot = await within(view).findByTestId('grid-dot');
    dot.focus();
    await fireEvent.keyDown(dot, { key: 'ArrowUp' });
    await waitFor(() => expect(calls(fake, 'stakeholder_move')).toEqual([{ id: s.id, power: 6, interest: 5 }]));
    await waitFor(() => expect(within(view).getByTestId('quadrant').textContent).toBe('Keep satisfied'));
    await fireEvent.keyDown(within(view).getByTestId('grid-dot'), { key: 'ArrowRight' });
    await waitFor(() => expect(calls(fake, 'stakeholder_move').at(-1)).toEqual({ id: s.id, power: 6, interest: 6 }));
  });

  test('a due communication is marked sent today', async () => {
    const { fake, fs, project } = backend();
    fs.of(project).communications.push({
      id: 9,
      what: 'Key-user update',
      audience: 'Finance key users',
      stakeholder_id: null,
      stakeholder_name: null,
      frequency: 'weekly',
      channel: 'E-mail',
      owner_id: null,
      owner_name: null,
      first_due: '2026-10-01',
      last_sent: '2026-11-20',
      next_due: null,
      is_due: false,
    });
    const view = await openTab(fake);
    await waitFor(() => expect(within(view).getByTestId('section-communications').textContent).toContain('1 due'));
    await fireEvent.click(within(view).getByTestId('section-communications'));
    const row = await within(view).findByTestId('communication-row');
    expect(within(row).getByTestId('next-due').textContent).toContain('2026-11-27');
    within(row).getByTestId('due-badge');
    await fireEvent.click(within(row).getByTestId('mark-sent'));
    await waitFor(() => expect(within(view).queryByTestId('due-badge')).toBeNull());
    expect(calls(fake, 'communication_mark_sent')).toEqual([{ id: 9 }]);
    expect(within(view).getByTestId('next-due').textContent).toContain('2026-12-09');
  });

  test('a RACI row without an Accountable is flagged, and a second A offers to move it in one step', async () => {
    const { fake, fs, project } = backend();
    const d = fs.of(project);
    d.deliverables.push({ id: 1, title: 'Landing zone' }, { id: 2, title: 'Cutover runbook' });
    const cfo = fs.addStakeholder(project, { name: 'Claire Dubois', power: 9, interest: 9 });
    const ops = fs.addStakeholder(project, { name: 'Pieter de Vries', power: 7, interest: 7 });
    d.cells.push(
      { target: { deliverable_id: 1, phase: null }, party: { person_id: null, stakeholder_id: cfo.id }, role: 'A' },
      { target: { deliverable_id: 2, phase: null }, party: { person_id: null, stakeholder_id: ops.id }, role: 'R' },
    );
    const view = await openTab(fake);
    await waitFor(() => expect(within(view).getByTestId('section-raci').textContent).toContain('1 flagged'));
    await fireEvent.click(within(view).getByTestId('section-raci'));
    const rows = await within(view).findAllByTestId('raci-row');
    expect(rows.map((r) => !!within(r).queryByTestId('raci-flag'))).toEqual([false, true]);
    expect(within(view).getByTestId('raci-flag-count').textContent).toContain('1 row without exactly one Accountable');

    // Type A on Pieter's cell of the landing zone: Claire already holds it.
    const cell = within(rows[0]).getAllByTestId('raci-cell')[1];
    expect(cell.getAttribute('aria-label')).toBe('Pieter de Vries for Landing zone: no role');
    cell.focus();
    await fireEvent.keyDown(cell, { key: 'a' });
    const offer = await within(view).findByTestId('raci-offer');
    expect(offer.textContent).toContain('Claire Dubois is already Accountable for "Landing zone"');
    await fireEvent.click(within(offer).getByTestId('raci-switch'));
    await waitFor(() => expect(within(view).queryByTestId('raci-offer')).toBeNull());
    expect(calls(fake, 'raci_make_accountable')).toEqual([
      {
        project_id: project,
        target: { deliverable_id: 1, phase: null },
        party: { person_id: null, stakeholder_id: ops.id },
      },
    ]);
    await waitFor(() =>
      expect(
        within(within(view).getAllByTestId('raci-row')[0])
          .getAllByTestId('raci-cell')
          .map((c) => c.textContent),
      ).toEqual(['', 'A']),
    );

    // Clicking cycles: Pieter's runbook cell R → A clears the flag.
    const runbook = within(view).getAllByTestId('raci-row')[1];
    await fireEvent.click(within(runbook).getAllByTestId('raci-cell')[1]);
    await waitFor(() => expect(within(view).queryByTestId('raci-flag')).toBeNull());
    expect(calls(fake, 'raci_set').at(-1)).toMatchObject({ role: 'A' });
    // One undo brings the flag back.
    await clickUndo();
    await within(view).findByTestId('raci-flag');
  });

  test('arrow keys move between RACI cells and a person can be added as a column', async () => {
    const { fake, fs, project } = backend();
    fs.of(project).deliverables.push({ id: 1, title: 'Landing zone' });
    fs.addStakeholder(project, { name: 'Claire Dubois' });
    const view = await openTab(fake);
    await fireEvent.click(await within(view).findByTestId('section-raci'));
    const select = await within(view).findByTestId('raci-add-person');
    await fireEvent.change(select, { target: { value: String(fake.people[0].id) } });
    const cells = within(view).getAllByTestId('raci-cell');
    expect(cells.map((c) => c.getAttribute('aria-label'))).toEqual([
      'Ana Silva for Landing zone: no role',
      'Claire Dubois for Landing zone: no role',
    ]);
    cells[0].focus();
    await fireEvent.keyDown(cells[0], { key: 'ArrowRight' });
    expect(document.activeElement).toBe(cells[1]);
    await fireEvent.keyDown(cells[0], { key: 'r' });
    await waitFor(() =>
      expect(calls(fake, 'raci_set').at(-1)).toMatchObject({ party: { person_id: fake.people[0].id }, role: 'R' }),
    );
    await fireEvent.click(within(view).getByTestId('raci-phases'));
    expect(
      within(view)
        .getAllByTestId('raci-row')
        .map((r) => r.dataset.label),
    ).toEqual(['Initiate', 'Plan', 'Execute', 'Monitor', 'Close']);
  });

  test('a read-only workspace shows everything and offers no edits', async () => {
    const { fake, fs, project } = backend();
    fake.workspace!.read_only = { code: 'read_only', message: 'This file is read-only.' };
    fs.of(project).deliverables.push({ id: 1, title: 'Landing zone' });
    fs.addStakeholder(project, { name: 'Claire Dubois' });
    const view = await openTab(fake);
    await within(view).findByTestId('stakeholder-table');
    expect(within(view).queryByTestId('stakeholder-new')).toBeNull();
    expect(within(view).queryByLabelText('Delete Claire Dubois')).toBeNull();
    await fireEvent.click(within(view).getByTestId('section-raci'));
    expect(((await within(view).findByTestId('raci-cell')) as HTMLButtonElement).disabled).toBe(true);
  });
});
