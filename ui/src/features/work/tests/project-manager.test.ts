import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend, type FakeBackend } from '../../../tests/fake-backend';
import { FakeTeam } from '../../../tests/fake-team';
import { renderApp } from '../../../tests/helpers';

function backend(): FakeBackend {
  const fake = standardBackend();
  fake.people.push({ id: 2, name: 'Dana Whitfield', role: 'Infrastructure lead' });
  new FakeTeam(fake);
  return fake;
}

async function openForm(testid: 'new-project' | 'edit-project') {
  await fireEvent.click(screen.getByTestId(testid));
  const form = await screen.findByTestId('project-form');
  return { form, manager: within(form).getByTestId('project-manager') as HTMLInputElement };
}

const submit = (form: HTMLElement) => fireEvent.submit(form.querySelector('form')!);
const order = (fake: FakeBackend) =>
  fake.calls
    .map((c) => c.cmd)
    .filter((cmd) => ['project_create', 'project_update', 'project_manager_set', 'projects_list'].includes(cmd));

describe('project manager', () => {
  test('a new project with a manager sets the manager after the project is created', async () => {
    const fake = backend();
    await renderApp(fake);
    const { form, manager } = await openForm('new-project');
    const suggestions = [...form.querySelectorAll<HTMLOptionElement>(`#${manager.getAttribute('list')} option`)].map(
      (o) => o.value,
    );
    expect(suggestions).toEqual(['Ana Silva', 'Dana Whitfield']);
    expect(within(form).getByLabelText('Project manager')).toBe(manager);
    expect(form.textContent).toContain(
      "Evidence from the project's baselines, sprints and WIP limits is suggested for this person.",
    );

    await fireEvent.input(within(form).getByTestId('project-form-name'), { target: { value: 'Network Refresh' } });
    await fireEvent.input(manager, { target: { value: 'Dana Whitfield' } });
    await submit(form);
    await waitFor(() => expect(screen.queryByTestId('project-form')).toBeNull());
    const created = fake.projects.find((p) => p.name === 'Network Refresh')!;
    expect(fake.callsOf('project_manager_set')).toEqual([{ id: created.id, manager: 'Dana Whitfield' }]);
    expect(order(fake).slice(1)).toEqual(['project_create', 'project_manager_set', 'projects_list']);
    expect(created.manager).toBe('Dana Whitfield');
  });

  test('editing shows the current manager and sends a change, trimmed', async () => {
    const fake = backend();
    fake.projects[0].manager = 'Ana Silva';
    await renderApp(fake);
    const { form, manager } = await openForm('edit-project');
    expect(manager.value).toBe('Ana Silva');
    await fireEvent.input(manager, { target: { value: ' Priya Raman ' } });
    await submit(form);
    await waitFor(() => expect(screen.queryByTestId('project-form')).toBeNull());
    expect(fake.callsOf('project_manager_set')).toEqual([{ id: fake.projects[0].id, manager: 'Priya Raman' }]);
    expect(order(fake).slice(1)).toEqual(['project_update', 'project_manager_set', 'projects_list']);
    // A new name adds that person (the backend's rule), so the next form suggests them.
    expect(fake.people.map((p) => p.name)).toContain('Priya Raman');
  });

  test('clearing the field sends null; leaving it as it was sends nothing', async () => {
    const fake = backend();
    fake.projects[0].manager = 'Ana Silva';
    await renderApp(fake);
    let { form, manager } = await openForm('edit-project');
    await submit(form);
    await waitFor(() => expect(screen.queryByTestId('project-form')).toBeNull());
    expect(fake.callsOf('project_manager_set')).toEqual([]);

    ({ form, manager } = await openForm('edit-project'));
    await fireEvent.input(manager, { target: { value: '' } });
    await submit(form);
    await waitFor(() =>
      expect(fake.callsOf('project_manager_set')).toEqual([{ id: fake.projects[0].id, manager: null }]),
    );
    await waitFor(() => expect(screen.queryByTestId('project-form')).toBeNull());
    expect(fake.projects[0].manager).toBeNull();
  });

  test('a refused manager keeps the form open with the message; saving again updates the created project', async () => {
    const fake = backend();
    fake.failures.set('project_manager_set', {
      code: 'invalid_input',
      message: 'A name cannot be longer than 200 characters.',
    });
    await renderApp(fake);
    const { form, manager } = await openForm('new-project');
    await fireEvent.input(within(form).getByTestId('project-form-name'), { target: { value: 'Network Refresh' } });
    await fireEvent.input(manager, { target: { value: 'Dana' } });
    await submit(form);
    expect((await within(form).findByTestId('project-manager-error')).textContent).toContain(
      'longer than 200 characters',
    );
    expect(manager.value).toBe('Dana');
    expect(manager.getAttribute('aria-invalid')).toBe('true');

    fake.failures.delete('project_manager_set');
    await submit(screen.getByTestId('project-form'));
    await waitFor(() => expect(screen.queryByTestId('project-form')).toBeNull());
    expect(fake.callsOf('project_create')).toHaveLength(1);
    expect(fake.callsOf('project_update')).toHaveLength(1);
    expect(fake.projects.find((p) => p.name === 'Network Refresh')!.manager).toBe('Dana');
  });
});
