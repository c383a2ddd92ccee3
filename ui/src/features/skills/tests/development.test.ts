import { describe, expect, test } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import DevelopmentPanel from '../DevelopmentPanel.svelte';
import Toasts from '../../../lib/shared/Toasts.svelte';
import { formatDate, todayIso } from '../../../lib/shared/format';
import { board } from '../../work/board-state.svelte';
import { workspace } from '../../workspace/workspace.svelte';
import { standardBackend, type FakeBackend } from '../../../tests/fake-backend';
import { FakeCareer } from '../../../tests/fake-career';
import { FakeSkills } from '../../../tests/fake-skills';
import { renderApp } from '../../../tests/helpers';

const ANA = 1;

function setUp() {
  const fake = standardBackend();
  new FakeSkills(fake);
  const career = new FakeCareer(fake);
  return { fake, career };
}

/** Ana's development panel, as the People screen shows it (undo reloads it there). */
async function renderPanel(fake: FakeBackend) {
  fake.install();
  workspace.screen = 'people';
  render(DevelopmentPanel, { props: { personId: ANA } });
  render(Toasts);
  await waitFor(() => expect(screen.queryByText('Loading…')).toBeNull());
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const goal = (skill: string) => screen.getAllByTestId('goal').find((g) => g.textContent?.includes(skill))!;

describe('development panel', () => {
  test('the empty panel says what goals are for; a goal is added with skill, level and due date', async () => {
    const { fake } = setUp();
    await renderPanel(fake);
    expect(text(screen.getByTestId('goals-empty'))).toContain('Goals turn a skill gap into a plan');
    expect(screen.getByTestId('progress-empty')).toBeTruthy();

    await fireEvent.click(screen.getByTestId('goal-add'));
    const form = screen.getByTestId('goal-form');
    const skill = within(form).getByTestId('goal-form-skill') as HTMLSelectElement;
    await waitFor(() => expect(skill.options).toHaveLength(6));
    expect(document.activeElement).toBe(skill);
    await fireEvent.change(skill, { target: { value: '12' } });
    await fireEvent.change(within(form).getByTestId('goal-form-target'), { target: { value: '4' } });
    expect(text(within(form).getByTestId('goal-form-target').querySelector('option[value="4"]'))).toBe('4 Advanced');
    await fireEvent.input(within(form).getByTestId('goal-form-due'), { target: { value: '2099-06-30' } });
    await fireEvent.submit(form);

    await waitFor(() => expect(screen.getAllByTestId('goal')).toHaveLength(1));
    expect(fake.callsOf('goal_add')).toEqual([
      { person_id: ANA, input: { skill_id: 12, target_level: 4, due_date: '2099-06-30', done_on: null } },
    ]);
    const g = goal('Risk management');
    expect(text(within(g).getByTestId('goal-levels'))).toBe('Now — · target 4 Advanced');
    expect(text(within(g).getByTestId('goal-when'))).toBe(`Due ${formatDate('2099-06-30')}`);
    await waitFor(() => expect(screen.queryByTestId('goal-form')).toBeNull());
  });

  test('a goal without a due date is refused with the message, and the form keeps the choice', async () => {
    const { fake } = setUp();
    await renderPanel(fake);
    await fireEvent.click(screen.getByTestId('goal-add'));
    const form = screen.getByTestId('goal-form');
    await waitFor(() =>
      expect((within(form).getByTestId('goal-form-skill') as HTMLSelectElement).options).toHaveLength(6),
    );
    await fireEvent.change(within(form).getByTestId('goal-form-skill'), { target: { value: '21' } });
    await fireEvent.submit(form);
    expect(text(await within(form).findByTestId('goal-form-error'))).toBe('A goal needs a due date.');
    expect((within(form).getByTestId('goal-form-skill') as HTMLSelectElement).value).toBe('21');
  });

  test('an overdue goal is shown in words with an icon; marking it reached sets today', async () => {
    const { fake, career } = setUp();
    const risk = career.addGoal(ANA, { skill_id: 12, target_level: 4, due_date: '2020-01-31', done_on: null });
    career.addGoal(ANA, { skill_id: 22, target_level: 3, due_date: '2099-01-31', done_on: null });
    career.levels.set(`${ANA}:12`, 2);
    await renderPanel(fake);

    const g = goal('Risk management');
    expect(text(within(g).getByTestId('goal-overdue'))).toBe(`Overdue: due ${formatDate('2020-01-31')}`);
    expect(within(g).getByTestId('goal-overdue').querySelector('svg')).toBeTruthy();
    expect(within(g).getByRole('meter').getAttribute('aria-valuenow')).toBe('2');
    expect(within(goal('Communication')).queryByTestId('goal-overdue')).toBeNull();

    await fireEvent.click(within(g).getByTestId('goal-reached'));
    await waitFor(() =>
      expect(text(within(goal('Risk management')).getByTestId('goal-when'))).toBe(`Reached ${formatDate(todayIso())}`),
    );
    expect(fake.callsOf('goal_update')).toEqual([
      { id: risk.id, input: { skill_id: 12, target_level: 4, due_date: '2020-01-31', done_on: todayIso() } },
    ]);
    expect(within(goal('Risk management')).queryByTestId('goal-overdue')).toBeNull();

    // Removing it offers undo.
    await fireEvent.click(within(goal('Risk management')).getByTestId('goal-remove'));
    await waitFor(() => expect(screen.getAllByTestId('goal')).toHaveLength(1));
    await fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getAllByTestId('goal')).toHaveLength(2));
  });

  test('an activity linked to a work item is added, marked done, and opens the item', async () => {
    const { fake, career } = setUp();
    const g = career.addGoal(ANA, { skill_id: 12, target_level: 4, due_date: '2099-01-31', done_on: null });
    const project = fake.projects[0];
    const vpn = fake.item('Patch VPN gateway');
    await renderPanel(fake);
    // The board last shown offers its items to link.
    await board.load(project.id);

    await fireEvent.click(within(goal('Risk management')).getByTestId('activity-add'));
    const form = screen.getByTestId('activity-form');
    expect(document.activeElement).toBe(within(form).getByTestId('activity-form-title'));
    await fireEvent.change(within(form).getByTestId('activity-form-kind'), { target: { value: 'stretch' } });
    await fireEvent.input(within(form).getByTestId('activity-form-title'), {
      target: { value: 'Run the VPN risk review' },
    });
    await fireEvent.input(within(form).getByTestId('activity-form-hours'), { target: { value: '6' } });
    await fireEvent.change(within(form).getByTestId('activity-form-item'), { target: { value: String(vpn.id) } });
    await fireEvent.submit(form);

    await waitFor(() => expect(screen.getAllByTestId('activity')).toHaveLength(1));
    expect(fake.callsOf('activity_add')).toEqual([
      {
        goal_id: g.id,
        input: { kind: 'stretch', title: 'Run the VPN risk review', item_id: vpn.id, hours: 6, done_on: null },
      },
    ]);
    const row = screen.getByTestId('activity');
    expect(text(row)).toContain('Stretch assignment');
    expect(text(row)).toContain('6 h');
    expect(text(within(row).getByTestId('activity-item'))).toBe('Patch VPN gateway');
    expect(within(row).getByRole('button', { name: 'Open work item Patch VPN gateway' })).toBeTruthy();

    await fireEvent.click(within(row).getByTestId('activity-done'));
    await waitFor(() => expect(text(screen.getByTestId('activity'))).toContain(`Done ${formatDate(todayIso())}`));
    expect(fake.callsOf('activity_update').at(-1)!.input).toMatchObject({ done_on: todayIso(), item_id: vpn.id });

    // With another project on the board, the item's project is asked of the backend.
    board.reset();
    await fireEvent.click(within(screen.getByTestId('activity')).getByTestId('activity-item'));
    await waitFor(() => expect(board.selectedItemId).toBe(vpn.id));
    expect(fake.callsOf('item_get')).toEqual([{ id: vpn.id }]);
    expect(workspace.screen).toBe('project');
    expect(workspace.selectedId).toBe(project.id);
    expect(board.projectId).toBe(project.id);
  });

  test('the progress chart is drawn from skill_progress and labelled directly', async () => {
    const { fake, career } = setUp();
    career.progress.set(ANA, [
      { date: '2026-01-15', average_level: 1.5, average_target: 3.5, skills_met: 0 },
      { date: '2026-04-15', average_level: 2.25, average_target: 3.5, skills_met: 1 },
      { date: '2026-07-15', average_level: 3, average_target: 3.75, skills_met: 2 },
    ]);
    await renderPanel(fake);
    const chart = screen.getByTestId('progress-chart');
    expect(fake.callsOf('skill_progress')).toEqual([{ person_id: ANA }]);
    expect(chart.querySelector('[data-testid="progress-level"]')!.getAttribute('points')!.split(' ')).toHaveLength(3);
    expect(chart.querySelector('[data-testid="progress-target"]')!.getAttribute('points')!.split(' ')).toHaveLength(3);
    expect(
      within(chart)
        .getAllByTestId('progress-met')
        .map((t) => t.textContent),
    ).toEqual(['0 met', '1 met', '2 met']);
    expect(text(chart)).toContain('Level 3');
    expect(text(chart)).toContain('Target 3.75');
    expect(chart.querySelector('desc')!.textContent).toContain('2 skills meet their target');
  });
});

describe('development on the People screen', () => {
  test('the tab shows the goals; Ctrl+Z undoes marking one reached', async () => {
    const { fake, career } = setUp();
    career.addGoal(ANA, { skill_id: 21, target_level: 4, due_date: '2099-01-31', done_on: null });
    await renderApp(fake);
    await fireEvent.click(screen.getByTestId('people-link'));
    await fireEvent.click(await screen.findByTestId('person-tab-development'));
    const g = await screen.findByTestId('goal');
    expect(text(g)).toContain('Stakeholder engagement');

    await fireEvent.click(within(g).getByTestId('goal-reached'));
    await waitFor(() => expect(within(screen.getByTestId('goal')).queryByTestId('goal-reopen')).toBeTruthy());
    await fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(within(screen.getByTestId('goal')).queryByTestId('goal-reached')).toBeTruthy());
  });
});
