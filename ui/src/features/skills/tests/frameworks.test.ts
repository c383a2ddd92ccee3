import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend, type FakeBackend } from '../../../tests/fake-backend';
import { FakeTeam } from '../../../tests/fake-team';
import { renderApp } from '../../../tests/helpers';

async function openFrameworks(setUp: (fake: FakeBackend) => void = () => undefined) {
  const fake = standardBackend();
  const team = new FakeTeam(fake);
  setUp(fake);
  await renderApp(fake);
  await fireEvent.click(screen.getByTestId('people-link'));
  await fireEvent.click(await screen.findByTestId('skills-tab-frameworks'));
  await screen.findAllByTestId('framework-role');
  return { fake, team };
}

const role = (id: number) => screen.getAllByTestId('framework-role').find((r) => r.dataset.roleId === String(id))!;
const roleSkill = (id: number) =>
  screen.queryAllByTestId('framework-role-skill').find((r) => r.dataset.skillId === String(id)) ?? null;
const catalogueSkill = (id: number) =>
  screen.getAllByTestId('framework-skill').find((s) => s.dataset.skillId === String(id))!;
const toast = () => screen.getAllByTestId('toast')[0].textContent;

describe('frameworks', () => {
  test('lists the roles with description and number of skills; the first one is shown by area', async () => {
    await openFrameworks();
    expect(screen.getAllByTestId('framework-role').map((r) => r.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'IT Manager 4 skills Runs IT operations.',
      'IT Project Manager 5 skills Runs IT projects.',
    ]);
    expect(role(101).getAttribute('aria-current')).toBe('true');
    const panel = screen.getByTestId('frameworks-panel');
    expect(within(panel).getByRole('heading', { name: 'IT Manager' })).toBeTruthy();
    expect(within(panel).getByRole('heading', { name: 'Ways of working' })).toBeTruthy();
    const level = within(roleSkill(31)!).getByTestId('framework-level') as HTMLSelectElement;
    expect(level.value).toBe('4');
    expect(level.selectedOptions[0].textContent).toBe('4 Advanced');
  });

  test('changing an expected level saves it at once; adding a skill puts it in the role', async () => {
    const { fake } = await openFrameworks();
    await fireEvent.click(role(102));
    const level = within(roleSkill(12)!).getByTestId('framework-level');
    await fireEvent.change(level, { target: { value: '5' } });
    await waitFor(() => expect(fake.callsOf('role_skill_set')).toEqual([{ role_id: 102, skill_id: 12, level: 5 }]));
    await waitFor(() => expect(fake.callsOf('skill_catalog').length).toBeGreaterThan(1));
    expect((within(roleSkill(12)!).getByTestId('framework-level') as HTMLSelectElement).value).toBe('5');

    await fireEvent.change(screen.getByTestId('framework-add-skill'), { target: { value: '31' } });
    await fireEvent.change(screen.getByTestId('framework-add-level'), { target: { value: '2' } });
    await fireEvent.click(screen.getByTestId('framework-add'));
    await waitFor(() =>
      expect(fake.callsOf('role_skill_set').at(-1)).toEqual({ role_id: 102, skill_id: 31, level: 2 }),
    );
    await waitFor(() => expect(roleSkill(31)).not.toBeNull());
    expect(role(102).textContent).toContain('6 skills');
  });

  test('removing a skill from a role sends no level and offers Undo', async () => {
    const { fake } = await openFrameworks();
    await fireEvent.click(role(102));
    await fireEvent.click(screen.getByRole('button', { name: 'Remove Agile delivery from IT Project Manager' }));
    await waitFor(() => expect(fake.callsOf('role_skill_set')).toEqual([{ role_id: 102, skill_id: 13, level: null }]));
    await waitFor(() => expect(roleSkill(13)).toBeNull());
    await waitFor(() => expect(toast()).toContain('Removed Agile delivery from IT Project Manager'));

    await fireEvent.click(screen.getAllByTestId('toast-action')[0]);
    await waitFor(() => expect(roleSkill(13)).not.toBeNull());
  });

  test('a refused level change is shown beside it and the choice stays', async () => {
    const { fake } = await openFrameworks();
    fake.failures.set('role_skill_set', { code: 'not_found', message: 'That role is no longer in the frameworks.' });
    const level = within(roleSkill(12)!).getByTestId('framework-level') as HTMLSelectElement;
    await fireEvent.change(level, { target: { value: '1' } });
    expect((await within(roleSkill(12)!).findByRole('alert')).textContent).toContain('no longer in the frameworks');
    expect(level.value).toBe('1');
  });

  test('editing a skill’s criteria saves name, description and all five levels on blur', async () => {
    const { fake } = await openFrameworks();
    await fireEvent.click(screen.getByTestId('framework-catalogue'));
    const risk = catalogueSkill(12);
    expect(risk.textContent).toContain('PM focus');
    const criteria = within(risk).getAllByTestId('framework-criterion');
    expect(within(risk).getByLabelText('2 Working')).toBe(criteria[1]);
    await fireEvent.input(criteria[1], { target: { value: 'Keeps a risk register for a small project.' } });
    await fireEvent.blur(criteria[1]);
    await waitFor(() =>
      expect(fake.callsOf('skill_update')).toEqual([
        {
          skill_id: 12,
          input: {
            name: 'Risk management',
            description: 'Risks.',
            levels: [
              'Risk: criteria of level 1.',
              'Keeps a risk register for a small project.',
              'Risk: criteria of level 3.',
              'Risk: criteria of level 4.',
              'Risk: criteria of level 5.',
            ],
          },
        },
      ]),
    );
    // Leaving a field unchanged saves nothing.
    await fireEvent.blur(criteria[2]);
    expect(fake.callsOf('skill_update')).toHaveLength(1);
  });

  test('a refused skill edit keeps what was typed and says why', async () => {
    const { fake } = await openFrameworks();
    await fireEvent.click(screen.getByTestId('framework-catalogue'));
    const name = within(catalogueSkill(22)).getByTestId('framework-skill-name') as HTMLInputElement;
    await fireEvent.input(name, { target: { value: '  ' } });
    await fireEvent.blur(name);
    expect((await within(catalogueSkill(22)).findByTestId('framework-skill-error')).textContent).toContain(
      'A skill needs a name.',
    );
    expect(name.value).toBe('  ');
    expect(fake.callsOf('skill_update')).toHaveLength(1);
  });

  test('Import… reads the chosen JSON file, says what came in and shows the new roles', async () => {
    const { fake, team } = await openFrameworks();
    team.toImport = [
      {
        id: 103,
        key: 'pmo-lead',
        name: 'PMO Lead',
        description: 'Runs the PMO.',
        skills: [{ skill_id: 11, level: 5 }],
      },
    ];
    fake.dialogPath = '/home/pm/pmo.json';
    await fireEvent.click(screen.getByTestId('frameworks-import'));
    await waitFor(() => expect(fake.callsOf('frameworks_import')).toEqual([{ path: '/home/pm/pmo.json' }]));
    expect(fake.callsOf('path_open')[0]).toMatchObject({
      options: { filters: [{ name: 'Frameworks (JSON)', extensions: ['json'] }] },
    });
    await waitFor(() => expect(toast()).toContain('Imported 1 role, 6 skills'));
    await waitFor(() => expect(role(103).textContent).toContain('PMO Lead'));
    expect(screen.queryByTestId('frameworks-error')).toBeNull();
  });

  test('a refused import shows the message naming the bad entry in full', async () => {
    const { fake } = await openFrameworks();
    const message = 'skills[3] ("risk-management"): "levels" has 4 entries; a skill has 5. Nothing was imported.';
    fake.failures.set('frameworks_import', { code: 'invalid_input', message });
    fake.dialogPath = '/home/pm/broken.json';
    await fireEvent.click(screen.getByTestId('frameworks-import'));
    expect((await screen.findByTestId('frameworks-error')).textContent?.trim()).toBe(message);
    expect(screen.getAllByTestId('framework-role')).toHaveLength(2);

    // Cancelling the dialog changes nothing.
    fake.failures.delete('frameworks_import');
    fake.dialogPath = null;
    await fireEvent.click(screen.getByTestId('frameworks-import'));
    await waitFor(() => expect(fake.callsOf('path_open')).toHaveLength(2));
    expect(fake.callsOf('frameworks_import')).toHaveLength(1);
  });

  test('Export… writes to the chosen path, named frameworks.json by default', async () => {
    const { fake, team } = await openFrameworks();
    fake.dialogPath = '/home/pm/shared/frameworks';
    await fireEvent.click(screen.getByTestId('frameworks-export'));
    await waitFor(() =>
      expect(fake.callsOf('frameworks_export')).toEqual([{ path: '/home/pm/shared/frameworks.json' }]),
    );
    expect(fake.callsOf('path_save')[0]).toMatchObject({ options: { defaultPath: 'frameworks.json' } });
    expect(team.exported).toEqual(['/home/pm/shared/frameworks.json']);
    await waitFor(() => expect(toast()).toContain('Exported to frameworks.json'));
  });

  test('a read-only workspace shows the frameworks but allows no edit and no import', async () => {
    await openFrameworks((fake) => {
      fake.workspace!.read_only = { code: 'locked', message: 'Open in another window.' };
    });
    expect((screen.getByTestId('frameworks-import') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('frameworks-export') as HTMLButtonElement).disabled).toBe(false);
    for (const select of screen.getAllByTestId('framework-level'))
      expect((select as HTMLSelectElement).disabled).toBe(true);
    for (const button of screen.getAllByTestId('framework-remove'))
      expect((button as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('framework-add-skill') as HTMLSelectElement).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId('framework-catalogue'));
    for (const field of screen.getAllByTestId('framework-criterion'))
      expect((field as HTMLTextAreaElement).readOnly).toBe(true);
  });
});
