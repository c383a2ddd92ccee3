import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { addDays } from '../career';
import { formatDate, todayIso } from '../../../lib/shared/format';
import { skills } from '../skills.svelte';
import { workspace } from '../../workspace/workspace.svelte';
import { standardBackend } from '../../../tests/fake-backend';
import { FakeCareer } from '../../../tests/fake-career';
import { FakeSkills } from '../../../tests/fake-skills';
import { renderApp } from '../../../tests/helpers';

const today = todayIso();
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function openUpcoming(fill = true) {
  const fake = standardBackend();
  fake.people.push({ id: 2, name: 'Dana Whitfield', role: 'Infrastructure lead' });
  new FakeSkills(fake);
  const career = new FakeCareer(fake);
  career.addCert(2, 'pmp', { status: 'passed', earned_on: addDays(today, 30 - 3 * 365) });
  if (fill) {
    // Soonest first, as the backend sends them.
    career.upcoming = [
      {
        kind: 'goal',
        person_id: 1,
        person: 'Ana Silva',
        title: 'Risk management to 4',
        detail: 'Now 2',
        date: addDays(today, -5),
        overdue: true,
      },
      {
        kind: 'exam',
        person_id: 1,
        person: 'Ana Silva',
        title: 'ITIL 4 Foundation exam',
        detail: 'Booked',
        date: addDays(today, 3),
        overdue: false,
      },
      {
        kind: 'goal',
        person_id: 2,
        person: 'Dana Whitfield',
        title: 'Communication to 3',
        detail: '',
        date: addDays(today, 14),
        overdue: false,
      },
      {
        kind: 'renewal',
        person_id: 2,
        person: 'Dana Whitfield',
        title: 'PMP renewal',
        detail: '20 PDUs still due',
        date: addDays(today, 30),
        overdue: false,
      },
    ];
  }
  await renderApp(fake);
  await fireEvent.click(screen.getByTestId('upcoming-link'));
  await screen.findByTestId('upcoming-panel');
  return { fake, career };
}

describe('upcoming screen', () => {
  test('groups overdue, the next 14 days and later, each soonest first', async () => {
    const { fake } = await openUpcoming();
    await waitFor(() => expect(screen.getAllByTestId('upcoming-item')).toHaveLength(4));
    expect(fake.callsOf('upcoming_list').at(-1)).toEqual({ days: 60 });
    const groups = screen.getAllByTestId('upcoming-group');
    expect(groups.map((g) => g.dataset.group)).toEqual(['overdue', 'soon', 'later']);
    expect(text(groups[0].querySelector('h2'))).toBe('Goals and certifications: Overdue (1)');
    expect(text(groups[1].querySelector('h2'))).toBe('Goals and certifications: Next 14 days (2)');
    const kinds = (g: HTMLElement) =>
      within(g)
        .getAllByTestId('upcoming-item')
        .map((i) => i.dataset.kind);
    expect(kinds(groups[0])).toEqual(['goal']);
    expect(kinds(groups[1])).toEqual(['exam', 'goal']);
    expect(kinds(groups[2])).toEqual(['renewal']);

    const overdue = within(groups[0]).getByTestId('upcoming-item');
    expect(text(overdue)).toBe(`Goal Ana Silva Risk management to 4 Now 2 Overdue: ${formatDate(addDays(today, -5))}`);
    expect(overdue.querySelector('.date.overdue svg')).toBeTruthy();
    expect(text(within(groups[2]).getByTestId('upcoming-item'))).toContain('20 PDUs still due');
  });

  test('clicking a renewal opens the person on their certifications', async () => {
    await openUpcoming();
    const renewal = (await screen.findAllByTestId('upcoming-item')).find((i) => i.dataset.kind === 'renewal')!;
    await fireEvent.click(renewal);
    expect(workspace.screen).toBe('people');
    await screen.findByText('Dana Whitfield', { selector: 'h2' });
    expect(skills.personId).toBe(2);
    expect(screen.getByTestId('person-tab-certifications').getAttribute('aria-selected')).toBe('true');
    const card = await screen.findByTestId('certification-card');
    expect(card.dataset.key).toBe('pmp');
  });

  test('clicking a goal opens the person on their development', async () => {
    await openUpcoming();
    const goal = (await screen.findAllByTestId('upcoming-item')).find((i) => i.dataset.kind === 'goal')!;
    await fireEvent.click(goal);
    await screen.findByText('Ana Silva', { selector: 'h2' });
    expect(screen.getByTestId('person-tab-development').getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByTestId('development-panel')).toBeTruthy();
  });

  test('with nothing due the screen says what it is for', async () => {
    await openUpcoming(false);
    const empty = await screen.findByTestId('upcoming-empty');
    expect(text(empty)).toContain('Nothing due today');
    expect(text(empty)).toContain('Goals, exams and renewals of the people in this workspace show here');
    expect(screen.queryByTestId('upcoming-count')).toBeNull();
  });
});
