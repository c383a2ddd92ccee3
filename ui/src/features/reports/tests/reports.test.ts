import { afterEach, describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { reports } from '../reports.svelte';
import { workspace } from '../../workspace/workspace.svelte';
import { FakeBackend, standardBackend } from '../../../tests/fake-backend';
import { FakeReports } from '../../../tests/fake-reports';
import { renderApp } from '../../../tests/helpers';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const pdf = { name: 'PDF document', extensions: ['pdf'] };

afterEach(() => reports.reset());

/** The app on the Reports screen, its first preview made (unless renders are held). */
async function openReports(
  setup: (fake: FakeBackend, fr: FakeReports) => void = () => {},
  { waitForBoard = true, waitForPreview = true } = {},
) {
  const fake = standardBackend();
  const fr = new FakeReports(fake);
  setup(fake, fr);
  await renderApp(fake, { waitForBoard });
  // Without a board to wait for, wait for the workspace to show that it has no projects.
  if (!waitForBoard) await screen.findByTestId('no-projects');
  fr.install();
  await fireEvent.click(await screen.findByTestId('reports-link'));
  await screen.findByTestId('reports-screen');
  if (waitForPreview) await screen.findByTestId('report-preview');
  return { fake, fr };
}

const preview = () => screen.getByTestId('report-preview') as HTMLImageElement;
const pages = () => text(screen.getByTestId('report-pages'));
const select = (testid: string) => screen.getByTestId(testid) as HTMLSelectElement;
const optionTexts = (testid: string) => [...select(testid).options].map((o) => o.textContent?.trim());

async function chooseKind(kind: string) {
  await fireEvent.click(screen.getByTestId(`report-kind-${kind}`));
  await waitFor(() => expect((screen.getByTestId(`report-kind-${kind}`) as HTMLInputElement).checked).toBe(true));
}

describe('reports screen', () => {
  test('the sidebar link opens the screen, lists every kind and previews the status report at once', async () => {
    const { fake, fr } = await openReports();
    const link = screen.getByTestId('reports-link');
    expect(text(link)).toBe('Reports');
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('people-link').getAttribute('aria-current')).toBeNull();
    expect(workspace.screen).toBe('reports');

    const kinds = within(screen.getByRole('group', { name: 'Report' })).getAllByRole('radio') as HTMLInputElement[];
    expect(kinds.map((k) => k.dataset.testid)).toEqual([
      'report-kind-status',
      'report-kind-schedule',
      'report-kind-sprint',
      'report-kind-board',
      'report-kind-budget',
      'report-kind-closure',
      'report-kind-career',
    ]);
    expect(screen.getByRole('radio', { name: /Status report/ })).toBe(kinds[0]);
    expect(kinds[0].checked).toBe(true);
    expect(text(kinds[6].closest('label'))).toContain("A person's skill levels against their targets");
    expect(kinds[6].getAttribute('aria-describedby')).toBe('report-kind-career-description');

    // The project selected in the workspace, A4, no period: made at once, without the debounce.
    expect(fr.requests()).toEqual([
      {
        kind: 'status',
        project_id: fake.projects[0].id,
        sprint_id: null,
        person_id: null,
        from: null,
        to: null,
        paper: 'a4',
      },
    ]);
    expect(preview().alt).toBe('First page of Status report – Security Hardening');
    expect(preview().getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(decodeURIComponent(preview().getAttribute('src')!)).toContain('Status report 1');
    expect(pages()).toBe('Page 1 of 5 · 123 KB');
    expect(screen.queryByTestId('report-progress')).toBeNull();
  });

  test('the collapsed sidebar keeps the Reports link with its name', async () => {
    await openReports();
    await fireEvent.click(screen.getByRole('button', { name: 'Collapse sidebar' }));
    const link = screen.getByTestId('reports-link');
    expect(link.getAttribute('aria-label')).toBe('Reports');
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(link.querySelector('.label')).toBeNull();
  });

  test('each kind shows only the options it needs', async () => {
    await openReports();
    const shown = () =>
      ['report-project', 'report-sprint', 'report-person', 'report-from', 'report-to'].filter((id) =>
        screen.queryByTestId(id),
      );
    const orientation = () => text(screen.getByTestId('report-orientation'));

    expect(shown()).toEqual(['report-project', 'report-from', 'report-to']);
    expect(optionTexts('report-project')).toEqual(['All projects', 'Security Hardening', 'Customer Portal']);
    expect(orientation()).toBe('portrait');
    expect(screen.getByText(/Status: done in the period, default the last 14 days/)).toBeTruthy();

    await chooseKind('schedule');
    expect(shown()).toEqual(['report-project', 'report-from', 'report-to']);
    expect(optionTexts('report-project')).toEqual(['Security Hardening', 'Customer Portal']);
    expect(orientation()).toBe('landscape');

    await chooseKind('sprint');
    expect(shown()).toEqual(['report-project', 'report-sprint']);
    expect(optionTexts('report-sprint')).toEqual(['Running or latest sprint']);
    expect(orientation()).toBe('portrait');

    await chooseKind('board');
    expect(shown()).toEqual(['report-project']);
    expect(orientation()).toBe('landscape');

    await chooseKind('career');
    expect(shown()).toEqual(['report-person']);
    expect(optionTexts('report-person')).toEqual(['Ana Silva · Security engineer']);
    expect(screen.getByRole('combobox', { name: 'Person' })).toBe(select('report-person'));
  });

  test('"All projects" asks for the status report of every project', async () => {
    const { fr } = await openReports();
    await fireEvent.change(select('report-project'), { target: { value: '' } });
    await waitFor(() => expect(preview().alt).toBe('First page of Status report – All projects'));
    expect(fr.requests().at(-1)).toMatchObject({ kind: 'status', project_id: null });
    expect(select('report-project').value).toBe('');

    // A schedule is about one project; back on the status report, "All projects" is kept.
    await chooseKind('schedule');
    expect(select('report-project').value).toBe(String(workspace.selectedId));
    await chooseKind('status');
    expect(select('report-project').value).toBe('');
  });

  test('with no project selected, the status report defaults to all projects and the others to the first', async () => {
    const { fake, fr } = await openReports(() => {}, { waitForPreview: false });
    // No project selected in the workspace (as after its selected project was deleted).
    workspace.selectedId = null;
    await waitFor(() => expect(fr.requests().at(-1)).toMatchObject({ kind: 'status', project_id: null }));
    await chooseKind('board');
    await waitFor(() => expect(fr.requests().at(-1)).toMatchObject({ kind: 'board', project_id: fake.projects[0].id }));
  });

  test('the request carries the paper, the period, the sprint and the person chosen', async () => {
    const { fake, fr } = await openReports((fake) => {
      const portal = fake.projects[1];
      fake.addSprint(portal.id, 'Sprint 1', { state: 'finished', start_date: '2025-02-17', finish_date: '2025-02-28' });
      fake.addSprint(portal.id, 'Sprint 2', { state: 'active', start_date: '2025-03-03', finish_date: '2025-03-14' });
      fake.people.push({ id: 2, name: 'Dana Whitfield', role: 'Infrastructure lead' });
    });
    const portal = fake.projects[1];
    const last = () => fr.requests().at(-1);

    await chooseKind('schedule');
    await fireEvent.change(select('report-project'), { target: { value: String(portal.id) } });
    await fireEvent.input(screen.getByTestId('report-from'), { target: { value: '2025-03-01' } });
    await fireEvent.input(screen.getByTestId('report-to'), { target: { value: '2025-04-30' } });
    await fireEvent.click(screen.getByTestId('report-paper-letter'));
    expect(screen.getByTestId('report-paper-letter').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('report-paper-a4').getAttribute('aria-pressed')).toBe('false');
    await waitFor(() =>
      expect(last()).toEqual({
        kind: 'schedule',
        project_id: portal.id,
        sprint_id: null,
        person_id: null,
        from: '2025-03-01',
        to: '2025-04-30',
        paper: 'letter',
      }),
    );
    await waitFor(() => expect(preview().alt).toBe('First page of Schedule report – Customer Portal'));

    // The sprint report lists the project's sprints; its period is not sent.
    await chooseKind('sprint');
    await waitFor(() => expect(optionTexts('report-sprint')).toHaveLength(3));
    expect(optionTexts('report-sprint')[0]).toBe('Running or latest sprint');
    expect(optionTexts('report-sprint')[2]).toMatch(/^Sprint 2 \(running\) · /);
    await waitFor(() => expect(last()).toMatchObject({ kind: 'sprint', sprint_id: null, from: null, to: null }));
    const sprint1 = fake.sprints.find((s) => s.name === 'Sprint 1')!;
    await fireEvent.change(select('report-sprint'), { target: { value: String(sprint1.id) } });
    await waitFor(() =>
      expect(last()).toEqual({
        kind: 'sprint',
        project_id: portal.id,
        sprint_id: sprint1.id,
        person_id: null,
        from: null,
        to: null,
        paper: 'letter',
      }),
    );

    await chooseKind('career');
    await waitFor(() => expect(last()).toMatchObject({ kind: 'career', person_id: 1, project_id: null }));
    await fireEvent.change(select('report-person'), { target: { value: '2' } });
    await waitFor(() =>
      expect(last()).toEqual({
        kind: 'career',
        project_id: null,
        sprint_id: null,
        person_id: 2,
        from: null,
        to: null,
        paper: 'letter',
      }),
    );
    await waitFor(() => expect(preview().alt).toBe('First page of Career progress report – Dana Whitfield'));
  });

  test('the sprint list follows the project', async () => {
    const { fake } = await openReports((fake) => {
      fake.addSprint(fake.projects[0].id, 'Hardening 1');
      fake.addSprint(fake.projects[1].id, 'Portal 1');
      fake.addSprint(fake.projects[1].id, 'Portal 2');
    });
    await chooseKind('sprint');
    await waitFor(() => expect(optionTexts('report-sprint')).toHaveLength(2));
    expect(optionTexts('report-sprint')[1]).toMatch(/^Hardening 1/);
    await fireEvent.change(select('report-project'), { target: { value: String(fake.projects[1].id) } });
    await waitFor(() => expect(optionTexts('report-sprint')).toHaveLength(3));
    expect(
      optionTexts('report-sprint')
        .slice(1)
        .map((t) => t?.split(' ·')[0]),
    ).toEqual(['Portal 1 (planned)', 'Portal 2 (planned)']);
    expect(fake.callsOf('sprints_list')).toEqual([
      { project_id: fake.projects[0].id },
      { project_id: fake.projects[1].id },
    ]);
  });

  test('a period that ends before it starts is pointed out and not rendered', async () => {
    const { fr } = await openReports();
    const before = fr.requests().length;
    await fireEvent.input(screen.getByTestId('report-from'), { target: { value: '2025-05-01' } });
    await fireEvent.input(screen.getByTestId('report-to'), { target: { value: '2025-04-01' } });
    expect(text(await screen.findByRole('alert'))).toBe('The period ends before it starts.');
    expect(screen.getByTestId('report-to').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByTestId('report-save') as HTMLButtonElement).disabled).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    expect(fr.requests()).toHaveLength(before);
  });

  test('a render that options have overtaken is ignored', async () => {
    const { fake, fr } = await openReports();
    expect(pages()).toBe('Page 1 of 5 · 123 KB');
    fr.hold = true;

    fr.pages = 3;
    await fireEvent.click(screen.getByTestId('report-paper-letter'));
    await waitFor(() => expect(fr.held).toHaveLength(1));
    expect(screen.getByTestId('report-progress').getAttribute('role')).toBe('progressbar');

    fr.pages = 8;
    await fireEvent.change(select('report-project'), { target: { value: String(fake.projects[1].id) } });
    await waitFor(() => expect(fr.held).toHaveLength(2));
    expect(fr.held[1].request).toMatchObject({ project_id: fake.projects[1].id, paper: 'letter' });

    // The first (Security Hardening, letter) finishes late: dropped, the newer one still runs.
    fr.held[0].release();
    await new Promise((r) => setTimeout(r, 20));
    expect(pages()).toBe('Page 1 of 5 · 123 KB');
    expect(preview().alt).toBe('First page of Status report – Security Hardening');
    expect(screen.getByTestId('report-progress')).toBeTruthy();

    fr.held[1].release();
    await waitFor(() => expect(pages()).toBe('Page 1 of 8 · 123 KB'));
    expect(preview().alt).toBe('First page of Status report – Customer Portal');
    expect(screen.queryByTestId('report-progress')).toBeNull();
  });

  test('a render overtaken after it finished first is ignored too', async () => {
    const { fr } = await openReports();
    fr.hold = true;
    fr.pages = 3;
    await fireEvent.click(screen.getByTestId('report-paper-letter'));
    await waitFor(() => expect(fr.held).toHaveLength(1));
    fr.pages = 9;
    await fireEvent.input(screen.getByTestId('report-from'), { target: { value: '2025-01-01' } });
    await waitFor(() => expect(fr.held).toHaveLength(2));
    fr.held[1].release();
    await waitFor(() => expect(pages()).toBe('Page 1 of 9 · 123 KB'));
    fr.held[0].release();
    await new Promise((r) => setTimeout(r, 20));
    expect(pages()).toBe('Page 1 of 9 · 123 KB');
  });

  test('Cancel stops waiting: the progress goes, the result is ignored and the last preview stays', async () => {
    const { fr } = await openReports();
    fr.hold = true;
    fr.pages = 12;
    await fireEvent.click(screen.getByTestId('report-paper-letter'));
    await waitFor(() => expect(fr.held).toHaveLength(1));
    expect(text(screen.getByTestId('report-status'))).toBe('Typesetting…');
    expect(screen.getByTestId('report-preview-area').getAttribute('aria-busy')).toBe('true');

    await fireEvent.click(screen.getByTestId('report-cancel'));
    expect(screen.queryByTestId('report-progress')).toBeNull();
    expect(screen.queryByTestId('report-cancel')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('report-preview-area'));
    fr.held[0].release();
    await new Promise((r) => setTimeout(r, 20));
    expect(pages()).toBe('Page 1 of 5 · 123 KB');
    expect(screen.getByText('Preview cancelled: this page shows the options chosen before.')).toBeTruthy();

    // It can be asked for again.
    fr.hold = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Update preview' }));
    await waitFor(() => expect(pages()).toBe('Page 1 of 12 · 123 KB'));
  });

  test('cancelling the first render leaves the empty state, and Escape cancels too', async () => {
    const { fr } = await openReports((_, fr) => (fr.hold = true), { waitForPreview: false });
    await screen.findByTestId('report-progress');
    await fireEvent.click(screen.getByTestId('report-cancel'));
    const empty = screen.getByTestId('report-empty');
    expect(text(empty)).toContain('Preview cancelled');
    fr.held[0].release();
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('report-preview')).toBeNull();

    await fireEvent.click(within(empty).getByRole('button', { name: 'Show preview' }));
    await waitFor(() => expect(fr.held).toHaveLength(2));
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('report-progress')).toBeNull();
    fr.held[1].release();
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('report-preview')).toBeNull();
  });

  test('a long render counts the seconds', async () => {
    const { fr } = await openReports((_, fr) => (fr.hold = true), { waitForPreview: false });
    await screen.findByTestId('report-progress');
    await waitFor(() => expect(text(screen.getByTestId('report-status'))).toBe('Typesetting… 1 s'), { timeout: 2000 });
    fr.held[0].release();
    await screen.findByTestId('report-preview');
    expect(screen.queryByTestId('report-status')).toBeNull();
  });

  test('Save PDF… saves the previewed render where the dialog says, with .pdf added, and confirms', async () => {
    const { fake, fr } = await openReports();
    fake.dialogPath = '/home/pm/Reports/weekly';
    await fireEvent.click(screen.getByTestId('report-save'));
    await waitFor(() => expect(fr.saved).toEqual([{ token: 1, path: '/home/pm/Reports/weekly.pdf' }]));
    expect(fake.callsOf('path_save')).toEqual([
      {
        options: {
          defaultPath: 'Security Hardening - Status report - 2026-03-02.pdf',
          filters: [pdf],
          title: 'Save report as',
        },
      },
    ]);
    expect(fake.callsOf('report_save')).toEqual([{ token: 1, path: '/home/pm/Reports/weekly.pdf' }]);
    expect(fr.requests()).toHaveLength(1);
    expect(text(await screen.findByRole('status'))).toContain('Saved Status report – Security Hardening (5 pages)');
  });

  test('the dialog cancelled saves nothing', async () => {
    const { fake } = await openReports();
    fake.dialogPath = null;
    await fireEvent.click(screen.getByTestId('report-save'));
    await waitFor(() => expect(fake.callsOf('path_save')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.callsOf('report_save')).toEqual([]);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByTestId('error-banner')).toBeNull();
  });

  test('options changed just before saving are rendered first, then saved', async () => {
    const { fake, fr } = await openReports();
    fake.dialogPath = '/home/dana/Reports/all.pdf';
    await fireEvent.change(select('report-project'), { target: { value: '' } });
    await fireEvent.click(screen.getByTestId('report-save'));
    await waitFor(() => expect(fr.saved).toHaveLength(1));
    expect(fr.requests()).toHaveLength(2);
    expect(fr.requests()[1]).toMatchObject({ kind: 'status', project_id: null });
    expect(fr.saved[0]).toEqual({ token: 2, path: '/home/dana/Reports/all.pdf' });
    expect(fake.callsOf('path_save')[0]).toMatchObject({
      options: { defaultPath: 'All projects - Status report - 2026-03-02.pdf' },
    });
    expect(text(await screen.findByRole('status'))).toContain('Saved Status report – All projects (5 pages)');
    expect(pages()).toBe('Page 1 of 5 · 123 KB');
    expect(preview().alt).toBe('First page of Status report – All projects');
  });

  test('a render the backend no longer keeps is made again and saved once more', async () => {
    const { fake, fr } = await openReports();
    fake.dialogPath = '/home/dana/Reports/status.pdf';
    // A render the user cancelled finished in the backend since, replacing the previewed one.
    fr.lastToken += 1;
    fr.pages = 1;
    await fireEvent.click(screen.getByTestId('report-save'));
    await waitFor(() => expect(fr.saved).toHaveLength(1));
    expect(fake.callsOf('report_save')).toEqual([
      { token: 1, path: '/home/dana/Reports/status.pdf' },
      { token: 3, path: '/home/dana/Reports/status.pdf' },
    ]);
    expect(fr.requests()).toHaveLength(2);
    expect(fake.callsOf('path_save')).toHaveLength(1);
    expect(text(await screen.findByRole('status'))).toContain('Saved Status report – Security Hardening (1 page)');
  });

  test('a save that fails shows the backend message and keeps the preview', async () => {
    const { fake } = await openReports();
    fake.dialogPath = '/readonly/status.pdf';
    fake.failures.set('report_save', {
      code: 'io',
      message: 'Could not write /readonly/status.pdf: permission denied.',
    });
    await fireEvent.click(screen.getByTestId('report-save'));
    const banner = await screen.findByTestId('error-banner');
    expect(text(banner)).toBe('Could not write /readonly/status.pdf: permission denied.');
    expect(banner.dataset.errorCode).toBe('io');
    expect(within(screen.getByTestId('report-preview-area')).getByTestId('error-banner')).toBe(banner);
    expect(screen.getByTestId('report-preview')).toBeTruthy();
  });

  test('a render error shows the message as it is; the options stay', async () => {
    const { fake, fr } = await openReports(
      (fake) =>
        fake.failures.set('report_render', { code: 'invalid_input', message: 'Customer Portal has no sprints yet.' }),
      { waitForPreview: false },
    );
    const banner = await screen.findByTestId('error-banner');
    expect(text(banner)).toBe('Customer Portal has no sprints yet.');
    expect(screen.queryByTestId('report-preview')).toBeNull();
    expect(screen.queryByTestId('report-progress')).toBeNull();
    expect((screen.getByTestId('report-kind-status') as HTMLInputElement).checked).toBe(true);
    expect(select('report-project').value).toBe(String(fake.projects[0].id));

    // Saving needs a render, which fails the same way: no dialog.
    await fireEvent.click(screen.getByTestId('report-save'));
    await waitFor(() => expect(fr.requests()).toHaveLength(2));
    expect(fake.callsOf('path_save')).toEqual([]);

    fake.failures.delete('report_render');
    await fireEvent.click(screen.getByTestId('report-paper-letter'));
    await screen.findByTestId('report-preview');
    expect(screen.queryByTestId('error-banner')).toBeNull();
  });

  test('a workspace without projects explains why project reports cannot be made', async () => {
    const { fake, fr } = await openReports(
      (fake) => {
        fake.projects = [];
        fake.statuses = [];
      },
      { waitForBoard: false, waitForPreview: false },
    );
    const blocked = await screen.findByTestId('report-blocked');
    expect(text(blocked)).toContain(
      'This workspace has no projects yet, and a status report is made from its projects.',
    );
    expect(screen.queryByTestId('report-project')).toBeNull();
    expect((screen.getByTestId('report-save') as HTMLButtonElement).disabled).toBe(true);
    await chooseKind('board');
    expect(text(screen.getByTestId('report-blocked'))).toContain('a board report is made from a project');

    // The career report needs a person, not a project.
    await chooseKind('career');
    await screen.findByTestId('report-preview');
    expect(screen.queryByTestId('report-blocked')).toBeNull();
    expect(fr.requests().map((r) => r.kind)).toEqual(['career']);
    expect(fake.callsOf('report_render')).toHaveLength(1);
  });

  test('a workspace without people explains why a career report cannot be made', async () => {
    const { fr } = await openReports((fake) => (fake.people = []));
    await chooseKind('career');
    expect(text(screen.getByTestId('report-blocked'))).toContain('This workspace has no people yet');
    expect(screen.queryByTestId('report-person')).toBeNull();
    await new Promise((r) => setTimeout(r, 400));
    expect(fr.requests().map((r) => r.kind)).toEqual(['status']);
  });

  test('coming back to the screen keeps the options and makes the preview again', async () => {
    const { fake, fr } = await openReports();
    await fireEvent.click(screen.getByTestId('report-paper-letter'));
    await waitFor(() => expect(fr.requests()).toHaveLength(2));
    await fireEvent.click(screen.getByTestId('people-link'));
    expect(screen.queryByTestId('reports-screen')).toBeNull();
    await fireEvent.click(screen.getByTestId('reports-link'));
    await waitFor(() => expect(fr.requests()).toHaveLength(3));
    expect(fr.requests()[2]).toMatchObject({ paper: 'letter', project_id: fake.projects[0].id });
    expect(screen.getByTestId('report-paper-letter').getAttribute('aria-pressed')).toBe('true');
  });
});
