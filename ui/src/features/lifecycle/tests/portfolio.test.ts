import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend } from '../../../tests/fake-backend';
import { FakeLifecycle, template } from '../../../tests/fake-lifecycle';
import { renderApp } from '../../../tests/helpers';
import { money, sortRows } from '../lifecycle';
import type { PortfolioRow } from '../../../lib/bindings/PortfolioRow';

async function openPortfolio(setUp: (life: FakeLifecycle) => void = () => undefined) {
  const fake = standardBackend();
  const life = new FakeLifecycle(fake);
  setUp(life);
  await renderApp(fake);
  await fireEvent.click(screen.getByTestId('portfolio-link'));
  await screen.findAllByTestId('portfolio-row');
  return { fake, life };
}

const names = () => screen.getAllByTestId('portfolio-open').map((b) => b.textContent?.trim());

describe('portfolio', () => {
  test('lists every project with phase, health, money and owner', async () => {
    await openPortfolio((life) => {
      life.overview(1000).phase = 'monitor';
      life.rows.set(1000, {
        budget_minor: 41_200_000,
        actual_minor: 1_250_050,
        health: { rag: 'amber', reason: 'Finishes 6 days after the baseline; 2 items overdue' },
        owner: 'Aisha Okafor',
      });
    });
    const row = screen.getAllByTestId('portfolio-row')[1];
    expect(row.textContent).toContain('Security Hardening');
    expect(row.textContent).toContain('Monitor');
    expect(row.textContent).toContain('€412,000');
    expect(row.textContent).toContain('€12,500.50');
    expect(row.textContent).toContain('Aisha Okafor');
    const health = within(row).getByTestId('portfolio-health');
    expect(health.textContent).toContain('Amber');
    expect(health.getAttribute('title')).toBe('Finishes 6 days after the baseline; 2 items overdue');
  });

  test('every column sorts, by click or keyboard, and says how in aria-sort', async () => {
    await openPortfolio((life) => life.rows.set(1000, { budget_minor: 100 }));
    expect(names()).toEqual(['Customer Portal', 'Security Hardening']);
    const sortName = screen.getByTestId('sort-name');
    await fireEvent.click(sortName);
    expect(names()).toEqual(['Security Hardening', 'Customer Portal']);
    expect(sortName.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    const budget = screen.getByTestId('sort-budget');
    budget.focus();
    await fireEvent.keyDown(budget, { key: 'Enter' });
    await fireEvent.click(budget); // a button: Enter and Space click it
    expect(budget.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['Customer Portal', 'Security Hardening']);
  });

  test('a row opens its project on the Overview', async () => {
    await openPortfolio();
    await fireEvent.click(screen.getAllByTestId('portfolio-open')[0]);
    await screen.findByTestId('project-overview');
    expect(screen.getByTestId('project-name').textContent).toBe('Customer Portal');
  });

  test('sortRows keeps empty values last and money() shows whole units', () => {
    const row = (name: string, owner: string | null): PortfolioRow => ({
      project_id: name.length,
      name,
      methodology: 'kanban',
      phase: 'plan',
      framework: 'pmbok',
      health: { rag: 'green', reason: '' },
      start: null,
      finish: null,
      budget_minor: 0,
      actual_minor: 0,
      forecast_minor: null,
      owner,
    });
    const rows = [row('A', null), row('B', 'Zoe'), row('C', 'Adam')];
    expect(sortRows(rows, 'owner', true).map((r) => r.name)).toEqual(['C', 'B', 'A']);
    expect(sortRows(rows, 'owner', false).map((r) => r.name)).toEqual(['B', 'C', 'A']);
    expect(money(41_200_000, 'EUR')).toBe('€412,000');
  });
});

describe('project types', () => {
  test('renaming saves on blur and duplicate and delete are undoable edits', async () => {
    const { fake, life } = await openPortfolio();
    const name = screen.getByTestId('template-name') as HTMLInputElement;
    expect(name.value).toBe('Infrastructure upgrade');
    await fireEvent.input(name, { target: { value: 'Network upgrade' } });
    await fireEvent.blur(name);
    await waitFor(() => expect(fake.callsOf('project_template_update').length).toBe(1));
    expect((fake.callsOf('project_template_update')[0].template as { name: string }).name).toBe('Network upgrade');
    await waitFor(() => expect(life.templates[0].template.name).toBe('Network upgrade'));
    await fireEvent.click(screen.getByTestId('template-duplicate'));
    await waitFor(() => expect(screen.getAllByTestId('template-choice').length).toBe(3));
    await fireEvent.click(screen.getByTestId('template-delete'));
    await waitFor(() => expect(screen.getAllByTestId('template-choice').length).toBe(2));
  });

  test('adding a task links it after the last one', async () => {
    const { fake } = await openPortfolio();
    await fireEvent.click(screen.getByTestId('template-add-task'));
    await waitFor(() => expect(fake.callsOf('project_template_update').length).toBe(1));
    const body = fake.callsOf('project_template_update')[0].template as { tasks: { title: string; after: string[] }[] };
    expect(body.tasks.at(-1)).toEqual({ title: 'New task', duration_minutes: 480, after: ['Build'] });
  });

  test('a refused import shows the message and changes nothing; export goes to the chosen file', async () => {
    const { fake, life } = await openPortfolio((life) => {
      life.importError = {
        code: 'invalid_input',
        message:
          'The project type is not valid: version: this Bridgeplan reads version 1, the file is version 7. Nothing was changed.',
      };
    });
    fake.dialogPath = '/tmp/types.json';
    await fireEvent.click(screen.getByTestId('templates-import'));
    expect(await screen.findByText(/the file is version 7/)).toBeTruthy();
    expect(life.templates.length).toBe(2);
    await fireEvent.click(screen.getByTestId('templates-export'));
    await waitFor(() => expect(life.exported).toEqual(['/tmp/types.json']));
    life.importError = null;
    life.toImport = [template(900, 'Mobile app')];
    await fireEvent.click(screen.getByTestId('templates-import'));
    await waitFor(() => expect(screen.getAllByTestId('template-choice').length).toBe(3));
  });
});

describe('new project from a type', () => {
  test('the form offers the types; choosing one sets the methodology and creates from it', async () => {
    const fake = standardBackend();
    const life = new FakeLifecycle(fake);
    await renderApp(fake);
    await fireEvent.click(screen.getByTestId('new-project'));
    const type = (await screen.findByTestId('project-form-type')) as HTMLSelectElement;
    await waitFor(() => expect(type.options.length).toBe(3));
    await fireEvent.input(screen.getByTestId('project-form-name'), { target: { value: 'Mobile app' } });
    await fireEvent.change(type, { target: { value: '502' } });
    expect((screen.getByTestId('project-form-methodology') as HTMLSelectElement).value).toBe('scrum');
    await fireEvent.click(screen.getByTestId('project-form-submit'));
    await waitFor(() => expect(fake.callsOf('project_create_from_template').length).toBe(1));
    expect(fake.callsOf('project_create_from_template')[0].template_id).toBe(502);
    expect(fake.callsOf('project_create').length).toBe(0);
    await screen.findByTestId('project-overview');
    await waitFor(() => expect(screen.getByTestId('project-type').textContent).toBe('Software development'));
    expect(life.overview(fake.projects.at(-1)!.id).framework).toBe('agile');
  });
});
