import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { FakeBackend, standardBackend } from '../../../tests/fake-backend';
import { renderApp } from '../../../tests/helpers';

/** The standard workspace plus a Scrum project with a backlog of three stories and an active sprint. */
function scrumBackend(): FakeBackend {
  const fake = standardBackend();
  const project = fake.addProject('Mobile app', [
    ['To do', null, 'todo'],
    ['Doing', null, 'in_progress'],
    ['Done', null, 'done'],
  ]);
  project.methodology = 'scrum';
  const [login, push, offline] = fake.addItems(
    'To do',
    ['Login screen', 'Push notifications', 'Offline mode'],
    project.id,
  );
  login.story_points = 3;
  push.story_points = 5;
  offline.story_points = 8;
  fake.addSprint(project.id, 'Sprint 1', { state: 'finished', start_date: '2025-02-17', finish_date: '2025-02-28' });
  fake.addSprint(project.id, 'Sprint 2', { state: 'active', goal: 'Sign-in works', capacity_points: 10 });
  return fake;
}

/** Opens the workspace on the Scrum project and waits for its backlog. */
async function renderScrum(fake = scrumBackend()) {
  localStorage.setItem('bridgeplan.lastProject:/data/test.bridgeplan', String(fake.projects.at(-1)!.id));
  await renderApp(fake, { waitForBoard: false });
  await screen.findByTestId('sprint-summary');
  return fake;
}

const backlogTitles = () => screen.queryAllByTestId('backlog-item').map((r) => r.querySelector('.title')?.textContent);
const backlogRow = (title: string) =>
  screen.getAllByTestId('backlog-item').find((r) => r.textContent?.includes(title))!;
/** An element's text with runs of white space made one space. */
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const selected = (view: string) => screen.getByTestId(`view-${view}`).getAttribute('aria-selected');

describe('sprints view', () => {
  test('Scrum projects open on Sprints; Kanban projects have no Sprints tab; v cycles the tabs', async () => {
    const fake = await renderScrum();
    expect(selected('sprints')).toBe('true');
    expect(screen.queryByTestId('view-flow')).toBeNull();
    // The active sprint is the one shown.
    expect(screen.getByTestId('sprint-summary').textContent).toContain('Sprint 2');
    expect(screen.getByTestId('sprint-summary').textContent).toContain('Sign-in works');

    const order = ['grid', 'calendar', 'scope', 'budget', 'raid', 'stakeholders', 'meetings', 'dashboard', 'overview'];
    for (const view of [...order, 'board', 'timeline', 'sprints']) {
      await fireEvent.keyDown(document.body, { key: 'v' });
      expect(selected(view)).toBe('true');
    }

    await fireEvent.click(
      screen.getAllByTestId('project-link').find((l) => l.textContent?.includes('Security Hardening'))!,
    );
    await waitFor(() => expect(selected('board')).toBe('true'));
    expect(screen.queryByTestId('view-sprints')).toBeNull();
    expect(fake.callsOf('sprints_list').every((c) => c.project_id === fake.projects.at(-1)!.id)).toBe(true);
  });

  test('Alt+↓ and Alt+↑ rank the focused backlog item and keep focus on it', async () => {
    const fake = await renderScrum();
    expect(backlogTitles()).toEqual(['Login screen', 'Push notifications', 'Offline mode']);
    const login = fake.item('Login screen');
    backlogRow('Login screen').focus();
    await fireEvent.keyDown(backlogRow('Login screen'), { key: 'ArrowDown', altKey: true });
    await waitFor(() => expect(fake.callsOf('backlog_rank')).toEqual([{ item_id: login.id, index: 1 }]));
    expect(backlogTitles()).toEqual(['Push notifications', 'Login screen', 'Offline mode']);
    await waitFor(() => expect(document.activeElement).toBe(backlogRow('Login screen')));

    await fireEvent.keyDown(backlogRow('Offline mode'), { key: 'ArrowUp', altKey: true });
    await waitFor(() =>
      expect(fake.callsOf('backlog_rank')[1]).toEqual({ item_id: fake.item('Offline mode').id, index: 1 }),
    );
    await waitFor(() => expect(backlogTitles()).toEqual(['Push notifications', 'Offline mode', 'Login screen']));
    // The top item cannot go higher: nothing is sent.
    await fireEvent.keyDown(backlogRow('Push notifications'), { key: 'ArrowUp', altKey: true });
    expect(fake.callsOf('backlog_rank')).toHaveLength(2);
  });

  test('a and the + button add an item to the sprint; over-commitment shows; an item goes back', async () => {
    const fake = await renderScrum();
    const sprint = fake.sprints[1];
    expect(screen.queryByTestId('over-commitment')).toBeNull();

    await fireEvent.click(within(backlogRow('Push notifications')).getByTestId('add-to-sprint'));
    await waitFor(() => expect(screen.getAllByTestId('sprint-item')).toHaveLength(1));
    expect(fake.callsOf('sprint_assign')).toEqual([
      { item_id: fake.item('Push notifications').id, sprint_id: sprint.id },
    ]);
    expect(screen.getByTestId('commitment').textContent).toContain('5');
    expect(screen.queryByTestId('over-commitment')).toBeNull();

    await fireEvent.keyDown(backlogRow('Offline mode'), { key: 'a' });
    await waitFor(() => expect(screen.getAllByTestId('sprint-item')).toHaveLength(2));
    expect(backlogTitles()).toEqual(['Login screen']);
    // 13 points against a capacity of 10.
    expect(text(await screen.findByTestId('over-commitment'))).toContain('Over capacity by 3 points');

    const offline = screen.getAllByTestId('sprint-item').find((r) => r.textContent?.includes('Offline mode'))!;
    await fireEvent.click(within(offline).getByTestId('return-to-backlog'));
    await waitFor(() => expect(screen.queryByTestId('over-commitment')).toBeNull());
    expect(fake.callsOf('sprint_assign').at(-1)).toEqual({ item_id: fake.item('Offline mode').id, sprint_id: null });
    expect(backlogTitles()).toEqual(['Login screen', 'Offline mode']);
  });

  test('the sprint form shows a refusal at the name and keeps what was typed; a new sprint is selected', async () => {
    const fake = await renderScrum();
    await fireEvent.click(screen.getByTestId('new-sprint'));
    const name = await screen.findByTestId<HTMLInputElement>('sprint-form-name');
    await fireEvent.input(name, { target: { value: 'Sprint 1' } });
    await fireEvent.input(screen.getByTestId('sprint-form-start'), { target: { value: '2025-03-17' } });
    await fireEvent.input(screen.getByTestId('sprint-form-finish'), { target: { value: '2025-03-28' } });
    await fireEvent.input(screen.getByTestId('sprint-form-capacity'), { target: { value: '12' } });
    await fireEvent.click(screen.getByTestId('sprint-form-submit'));
    expect((await screen.findByTestId('sprint-form-error')).textContent).toContain(
      'A sprint named "Sprint 1" already exists in this project.',
    );
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.value).toBe('Sprint 1');

    await fireEvent.input(name, { target: { value: 'Sprint 3' } });
    await fireEvent.click(screen.getByTestId('sprint-form-submit'));
    await waitFor(() => expect(screen.queryByTestId('sprint-form')).toBeNull());
    expect(fake.callsOf('sprint_create').at(-1)).toEqual({
      project_id: fake.projects.at(-1)!.id,
      input: { name: 'Sprint 3', goal: '', start_date: '2025-03-17', finish_date: '2025-03-28', capacity_points: 12 },
    });
    await waitFor(() => expect(screen.getByTestId('sprint-summary').textContent).toContain('Sprint 3'));
  });

  test('with no sprints the panel says to create the first one', async () => {
    const fake = scrumBackend();
    fake.sprints = [];
    localStorage.setItem('bridgeplan.lastProject:/data/test.bridgeplan', String(fake.projects.at(-1)!.id));
    await renderApp(fake, { waitForBoard: false });
    const empty = await screen.findByTestId('sprints-empty');
    expect(within(empty).getByRole('button').textContent).toContain('Create the first sprint');
    expect(backlogTitles()).toHaveLength(3);
    // No sprint to add to: no + buttons.
    expect(screen.queryAllByTestId('add-to-sprint')).toHaveLength(0);
  });

  test('burndown draws a point per day done, velocity two bars per finished sprint', async () => {
    const fake = scrumBackend();
    const active = fake.sprints[1];
    fake.burndowns.set(active.id, {
      days: ['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07'],
      ideal: [10, 7.5, 5, 2.5, 0],
      remaining: [10, 9, 6, null, null],
    });
    fake.velocity = [
      { sprint: 'Sprint 0', committed: 8, completed: 6 },
      { sprint: 'Sprint 1', committed: 10, completed: 10 },
    ];
    await renderScrum(fake);
    const burndown = await screen.findByTestId('burndown');
    expect(within(burndown).getAllByTestId('burndown-point')).toHaveLength(3);
    expect(burndown.querySelector('title')?.textContent).toBe('Burndown');
    expect(burndown.querySelector('desc')?.textContent).toContain('6 points left');
    const velocity = screen.getByTestId('velocity');
    expect(within(velocity).getAllByTestId('velocity-bar')).toHaveLength(4);
    expect(text(velocity.querySelector('desc'))).toContain('Average completed: 8 points');
  });

  test('review and retrospective notes are saved on blur', async () => {
    const fake = await renderScrum();
    const review = screen.getByTestId<HTMLTextAreaElement>('review-notes');
    await fireEvent.input(review, { target: { value: 'Demoed sign-in.' } });
    await fireEvent.blur(review);
    await waitFor(() =>
      expect(fake.callsOf('sprint_notes_set')).toEqual([
        { id: fake.sprints[1].id, review: 'Demoed sign-in.', retro: '' },
      ]),
    );
    // A blur without a change sends nothing.
    await fireEvent.blur(screen.getByTestId('retro-notes'));
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.callsOf('sprint_notes_set')).toHaveLength(1);

    // A planned sprint has no notes yet.
    fake.addSprint(fake.projects.at(-1)!.id, 'Sprint 3');
    await fireEvent.click(screen.getByTestId('view-board'));
    await fireEvent.click(screen.getByTestId('view-sprints'));
    const picker = await screen.findByTestId<HTMLSelectElement>('sprint-picker');
    await waitFor(() => expect(picker.options).toHaveLength(3));
    await fireEvent.change(picker, { target: { value: String(fake.sprints[2].id) } });
    await waitFor(() => expect(screen.getByTestId('sprint-summary').textContent).toContain('Sprint 3'));
    expect(screen.queryByTestId('review-notes')).toBeNull();
  });
});

describe('deleting a sprint', () => {
  test('Delete in the sprint form calls sprint_delete, offers Undo, and its items go back to the backlog', async () => {
    const fake = scrumBackend();
    const active = fake.sprints[1];
    fake.sprintOf.set(fake.item('Push notifications').id, active.id);
    await renderScrum(fake);
    expect(backlogTitles()).toEqual(['Login screen', 'Offline mode']);

    await fireEvent.click(screen.getByTestId('edit-sprint'));
    await fireEvent.click(await screen.findByTestId('sprint-delete'));
    await waitFor(() => expect(fake.callsOf('sprint_delete')).toEqual([{ id: active.id }]));
    const toast = (await screen.findAllByTestId('toast'))[0];
    expect(toast.textContent).toContain('Deleted sprint "Sprint 2"');

    await waitFor(() => expect(screen.queryByTestId('sprint-form')).toBeNull());
    const picker = screen.getByTestId<HTMLSelectElement>('sprint-picker');
    await waitFor(() => expect([...picker.options].map((o) => o.textContent)).toEqual(['Sprint 1 — Finished']));
    expect(screen.getByTestId('sprint-summary').textContent).toContain('Sprint 1');
    await waitFor(() => expect(backlogTitles()).toContain('Push notifications'));

    await fireEvent.click(within(toast).getByTestId('toast-action'));
    await waitFor(() => expect(fake.callsOf('history_undo')).toHaveLength(1));
  });

  test('a refused delete is shown in the form and the sprint stays', async () => {
    const fake = scrumBackend();
    fake.failures.set('sprint_delete', {
      code: 'read_only',
      message: 'The workspace file is locked by another program.',
    });
    await renderScrum(fake);
    await fireEvent.click(screen.getByTestId('edit-sprint'));
    await fireEvent.click(await screen.findByTestId('sprint-delete'));
    expect((await screen.findByTestId('sprint-form-error')).textContent).toContain(
      'The workspace file is locked by another program.',
    );
    expect(screen.getByTestId('sprint-summary').textContent).toContain('Sprint 2');
    expect(screen.getByTestId<HTMLSelectElement>('sprint-picker').options).toHaveLength(2);
  });
});
