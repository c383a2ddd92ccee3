import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend } from '../../../tests/fake-backend';
import { FakeTeam } from '../../../tests/fake-team';
import { renderApp } from '../../../tests/helpers';
import { skills } from '../skills.svelte';

/**
 * Ana, Dana and Sam with levels that leave four skills thin: Risk management and IT service
 * management (Dana alone), Agile delivery (Sam alone) and Stakeholder engagement (nobody).
 */
async function openMatrix() {
  const fake = standardBackend();
  fake.people.push(
    { id: 2, name: 'Dana Whitfield', role: 'Infrastructure lead' },
    { id: 3, name: 'Sam Okafor', role: 'Service desk manager' },
  );
  const team = new FakeTeam(fake);
  team.setUp(1, 101, 102, [
    [11, 'manager', 4, '2025-01-10'],
    [12, 'self', 2, '2025-01-10'],
    [22, 'self', 3, '2025-01-10'],
  ]);
  team.setUp(2, 102, null, [
    [11, 'self', 3, '2025-01-11'],
    [12, 'manager', 4, '2025-01-11'],
    [31, 'self', 5, '2025-01-11'],
  ]);
  team.setUp(3, null, null, [
    [13, 'self', 3, '2025-01-12'],
    [22, 'manager', 5, '2025-01-12'],
  ]);
  await renderApp(fake);
  await fireEvent.click(screen.getByTestId('people-link'));
  await fireEvent.click(await screen.findByTestId('skills-tab-matrix'));
  await screen.findAllByTestId('matrix-row');
  return { fake, team };
}

const rows = () => screen.getAllByTestId('matrix-row');
const row = (personId: number) => rows().find((r) => r.dataset.personId === String(personId))!;
const cell = (personId: number, skillId: number) =>
  within(row(personId))
    .getAllByTestId('matrix-cell')
    .find((c) => c.dataset.skillId === String(skillId))!;

describe('team skills matrix', () => {
  test('shows people with title and role against skills grouped by area, levels as numbers', async () => {
    const { fake } = await openMatrix();
    expect(fake.callsOf('skills_matrix')[0]).toEqual({ role_id: null, area_id: null });
    expect(rows().map((r) => r.dataset.personId)).toEqual(['1', '2', '3']);
    const dana = within(row(2)).getByRole('rowheader');
    expect(dana.textContent).toContain('Dana Whitfield');
    expect(dana.textContent).toContain('Infrastructure lead · IT Project Manager');

    const grid = screen.getByRole('grid', { name: 'Team skills matrix' });
    const headers = within(grid)
      .getAllByRole('columnheader')
      .map((h) => h.textContent?.trim());
    expect(headers).toEqual(expect.arrayContaining(['Ways of working', 'Power skills', 'Service management (ITIL)']));
    expect(within(row(1)).getAllByTestId('matrix-cell')).toHaveLength(6);

    expect(cell(1, 11).textContent).toContain('4');
    expect(cell(1, 11).textContent).toContain('Advanced');
    expect(cell(1, 11).dataset.level).toBe('4');
    expect(cell(1, 11).title).toBe('Ana Silva, Planning and scheduling: 4 Advanced');
    expect(cell(2, 31).textContent).toContain('5');
    expect(cell(3, 11).textContent?.trim()).toBe('Not assessed');
    expect(cell(3, 11).dataset.level).toBeUndefined();
  });

  test('the role filter asks for that role’s skills and shows only them', async () => {
    const { fake } = await openMatrix();
    await fireEvent.change(screen.getByTestId('matrix-role-filter'), { target: { value: '101' } });
    await waitFor(() => expect(fake.callsOf('skills_matrix').at(-1)).toEqual({ role_id: 101, area_id: null }));
    await waitFor(() =>
      expect(
        within(row(1))
          .getAllByTestId('matrix-cell')
          .map((c) => c.dataset.skillId),
      ).toEqual(['11', '12', '22', '31']),
    );

    await fireEvent.change(screen.getByTestId('matrix-area-filter'), { target: { value: '1' } });
    await waitFor(() => expect(fake.callsOf('skills_matrix').at(-1)).toEqual({ role_id: 101, area_id: 1 }));
    await waitFor(() =>
      expect(
        within(row(1))
          .getAllByTestId('matrix-cell')
          .map((c) => c.dataset.skillId),
      ).toEqual(['11', '12']),
    );
  });

  test('thin skills are flagged in their header and summarised with who carries them', async () => {
    await openMatrix();
    const flagged = screen
      .getAllByTestId('matrix-thin')
      .map((flag) => flag.closest<HTMLElement>('th')!.dataset.skillId);
    expect(flagged).toEqual(['12', '13', '21', '31']);
    expect(screen.getAllByTestId('matrix-thin')[0].textContent).toBe('thin');
    expect(screen.getByTestId('matrix-thin-summary').textContent?.trim()).toBe(
      '3 skills depend on one person: Risk management (Dana Whitfield), Agile delivery (Sam Okafor), ' +
        'IT service management (Dana Whitfield). 1 skill has nobody at level 3 or above: Stakeholder engagement.',
    );

    await fireEvent.click(screen.getByTestId('matrix-only-thin'));
    expect(
      within(row(1))
        .getAllByTestId('matrix-cell')
        .map((c) => c.dataset.skillId),
    ).toEqual(['12', '13', '21', '31']);
  });

  test('arrow keys, Home and End move the focus between cells', async () => {
    await openMatrix();
    const start = cell(1, 11);
    expect(start.tabIndex).toBe(0);
    start.focus();
    await fireEvent.keyDown(start, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(cell(1, 12));
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(cell(2, 12));
    expect(cell(2, 12).tabIndex).toBe(0);
    expect(start.tabIndex).toBe(-1);
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(cell(2, 31));
    await fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(within(row(2)).getByRole('rowheader'));
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect((document.activeElement as HTMLElement).textContent?.trim()).toBe('Person');
    await fireEvent.keyDown(document.activeElement!, { key: 'End', ctrlKey: true });
    expect(document.activeElement).toBe(cell(3, 31));
  });

  test('clicking a person, or Enter on their row header, opens their page', async () => {
    await openMatrix();
    await fireEvent.click(within(row(2)).getByText('Dana Whitfield'));
    await waitFor(() => expect(skills.personId).toBe(2));
    expect(skills.tab).toBe('person');

    await fireEvent.click(screen.getByTestId('skills-tab-matrix'));
    const sam = within((await screen.findAllByTestId('matrix-row'))[2]).getByRole('rowheader');
    sam.focus();
    await fireEvent.keyDown(sam, { key: 'Enter' });
    await waitFor(() => expect(skills.personId).toBe(3));
    expect(skills.tab).toBe('person');
  });

  test('loads again after an edit or undo elsewhere on the screen (skills.version)', async () => {
    const { team } = await openMatrix();
    expect(cell(3, 21).dataset.level).toBeUndefined();
    team.setUp(3, null, null, [[21, 'manager', 4, '2025-02-01']]);
    await skills.changed();
    await waitFor(() => expect(cell(3, 21).dataset.level).toBe('4'));
    expect(screen.getByTestId('matrix-thin-summary').textContent).toContain('Stakeholder engagement (Sam Okafor)');
  });

  test('without assessments the matrix says how to start instead of listing every skill as thin', async () => {
    const fake = standardBackend();
    new FakeTeam(fake);
    await renderApp(fake);
    await fireEvent.click(screen.getByTestId('people-link'));
    await fireEvent.click(await screen.findByTestId('skills-tab-matrix'));
    const start = await screen.findByRole('button', { name: 'Assess Ana Silva' });
    expect(screen.queryByTestId('matrix-thin-summary')).toBeNull();
    await fireEvent.click(start);
    await waitFor(() => expect(skills.tab).toBe('person'));
    expect(skills.personId).toBe(1);
  });
});
