import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend } from '../../../tests/fake-backend';
import { FakeCareer } from '../../../tests/fake-career';
import { FakeMyDay } from '../../../tests/fake-myday';
import { FakeSkills } from '../../../tests/fake-skills';
import { renderApp } from '../../../tests/helpers';
import { TEST_TODAY } from '../../../tests/setup';
import { board } from '../../work/board-state.svelte';
import { workspace } from '../../workspace/workspace.svelte';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const sections = () => screen.getAllByTestId('myday-section').map((s) => s.dataset.section);

async function openMyDay() {
  const fake = standardBackend();
  fake.people.push({ id: 2, name: 'Dana Whitfield', role: 'IT Manager' });
  new FakeSkills(fake);
  const career = new FakeCareer(fake);
  career.upcoming = [
    {
      kind: 'goal',
      person_id: 2,
      person: 'Dana Whitfield',
      title: 'Risk management to 4',
      detail: 'Now 2',
      date: '2026-12-20',
      overdue: false,
    },
  ];
  const md = new FakeMyDay(fake, TEST_TODAY);
  md.names.set(1, 'Ana Silva').set(2, 'Dana Whitfield');
  const [security, portal] = fake.projects;
  const item = (title: string) => [...fake.columns.values()].flat().find((i) => i.title === title)!;
  const patch = item('Patch VPN gateway');
  const login = item('Login page');
  md.day.due = [
    {
      id: patch.id,
      project_id: security.id,
      project: security.name,
      title: patch.title,
      assignee: 'Dana Whitfield',
      due_date: '2026-11-28',
      days_overdue: 3,
      blocked_reason: '',
    },
    {
      id: login.id,
      project_id: portal.id,
      project: portal.name,
      title: login.title,
      assignee: 'Ana Silva',
      due_date: TEST_TODAY,
      days_overdue: 0,
      blocked_reason: '',
    },
  ];
  md.day.blocked = [
    {
      id: patch.id,
      project_id: security.id,
      project: security.name,
      title: patch.title,
      assignee: 'Dana Whitfield',
      due_date: '2026-11-28',
      days_overdue: 3,
      blocked_reason: 'Waiting for the vendor',
    },
  ];
  md.day.meetings = [
    {
      id: 501,
      project_id: portal.id,
      project: portal.name,
      title: 'Daily stand-up',
      kind: 'standup',
      start_time: '09:15',
      duration_minutes: 15,
      location: 'Room 2',
    },
  ];
  md.attendees.set(501, [1]);
  md.day.risks = [
    {
      id: 601,
      project_id: security.id,
      project: security.name,
      title: 'Vendor slips',
      owner: 'Dana Whitfield',
      review_date: '2026-11-30',
      score: 16,
      status: 'open',
    },
  ];
  md.day.communications = [
    {
      id: 701,
      project_id: portal.id,
      project: portal.name,
      what: 'Weekly status e-mail',
      audience: 'Steering committee',
      channel: 'E-mail',
      owner: 'Ana Silva',
      frequency: 'weekly',
      due: TEST_TODAY,
    },
  ];
  await renderApp(fake);
  await fireEvent.click(screen.getByTestId('upcoming-link'));
  await screen.findByTestId('upcoming-panel');
  await waitFor(() => expect(screen.getAllByTestId('myday-section')).toHaveLength(5));
  return { fake, md };
}

describe('My day', () => {
  test('the sidebar says My day with the due badge; the sections come in order', async () => {
    await openMyDay();
    const link = screen.getByTestId('upcoming-link');
    expect(text(link)).toContain('My day');
    // Six project entries and one goal.
    expect(text(within(link).getByTestId('upcoming-count'))).toContain('7');
    expect(within(link).getByTestId('upcoming-count').classList.contains('overdue')).toBe(true);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('My day');
    expect(sections()).toEqual(['due', 'blocked', 'meetings', 'risks', 'communications']);
    const due = screen.getAllByTestId('myday-section')[0];
    const entries = within(due).getAllByTestId('myday-entry');
    expect(text(entries[0])).toContain('Patch VPN gateway');
    expect(text(entries[0])).toContain('3 days overdue');
    expect(text(entries[1])).toContain('Today');
    expect(text(screen.getAllByTestId('myday-section')[1])).toContain('Waiting for the vendor');
    expect(text(screen.getAllByTestId('myday-section')[2])).toContain('09:15');
    expect(text(screen.getAllByTestId('myday-section')[3])).toContain('Risk · 16');
    expect(screen.getAllByTestId('upcoming-item')).toHaveLength(1);
  });

  test('an item opens in its project with the detail panel', async () => {
    const { fake } = await openMyDay();
    const entry = within(screen.getAllByTestId('myday-section')[0]).getAllByTestId('myday-entry')[1];
    await fireEvent.click(entry);
    await waitFor(() => expect(workspace.screen).toBe('project'));
    expect(workspace.selectedId).toBe(fake.projects[1].id);
    await waitFor(() =>
      expect(board.selectedItemId).toBe([...fake.columns.values()].flat().find((i) => i.title === 'Login page')!.id),
    );
  });

  test('a risk opens the RAID tab, a meeting the meetings tab, a communication the stakeholders tab', async () => {
    const { fake } = await openMyDay();
    const open = async (section: number, view: string, project: number) => {
      await fireEvent.click(screen.getByTestId('upcoming-link'));
      await waitFor(() => expect(screen.getAllByTestId('myday-section')).toHaveLength(5));
      await fireEvent.click(within(screen.getAllByTestId('myday-section')[section]).getByTestId('myday-entry'));
      expect(workspace.screen).toBe('project');
      expect(workspace.selectedId).toBe(project);
      expect(workspace.view).toBe(view);
    };
    await open(3, 'raid', fake.projects[0].id);
    await open(2, 'meetings', fake.projects[1].id);
    await open(4, 'stakeholders', fake.projects[1].id);
  });

  test('the person filter narrows every section and is remembered', async () => {
    const { fake } = await openMyDay();
    await fireEvent.change(screen.getByTestId('myday-person'), { target: { value: '2' } });
    await waitFor(() => expect(sections()).toEqual(['due', 'blocked', 'risks']));
    expect(fake.callsOf('my_day').at(-1)).toEqual({ person_id: 2 });
    expect(screen.getAllByTestId('upcoming-item')).toHaveLength(1);
    expect(localStorage.getItem('bridgeplan.myDayPerson')).toBe('2');
    await fireEvent.change(screen.getByTestId('myday-person'), { target: { value: '1' } });
    await waitFor(() => expect(sections()).toEqual(['due', 'meetings', 'communications']));
    expect(screen.queryAllByTestId('upcoming-item')).toHaveLength(0);
    await fireEvent.change(screen.getByTestId('myday-person'), { target: { value: '' } });
    await waitFor(() => expect(sections()).toHaveLength(5));
    expect(localStorage.getItem('bridgeplan.myDayPerson')).toBeNull();
  });
});
