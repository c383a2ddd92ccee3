import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend, type FakeBackend } from '../../../tests/fake-backend';
import { FakeHealth } from '../../../tests/fake-health';
import { renderApp } from '../../../tests/helpers';
import { session } from '../../workspace/session.svelte';

function backend(): { fake: FakeBackend; fh: FakeHealth; project: number } {
  const fake = standardBackend();
  const fh = new FakeHealth(fake);
  const project = fake.projects[0].id;
  fh.set(project, 'schedule', 'amber', ['SPI 0.84 < 0.90 → schedule amber', 'Finish on or before the baseline']);
  return { fake, fh, project };
}

async function openDashboard(fake: FakeBackend) {
  await renderApp(fake);
  await fireEvent.click(screen.getByTestId('view-dashboard'));
  return screen.findByTestId('dashboard');
}

const tile = (view: HTMLElement, area: string) =>
  within(view)
    .getAllByTestId('health-tile')
    .find((t) => t.dataset.area === area)!;

describe('project dashboard', () => {
  test('shows five tiles with their reasons, the budget, risks, milestones and meetings', async () => {
    const { fake } = backend();
    const view = await openDashboard(fake);
    await waitFor(() => expect(within(view).getAllByTestId('health-tile')).toHaveLength(5));
    expect(tile(view, 'schedule').dataset.rag).toBe('amber');
    expect(tile(view, 'schedule').textContent).toContain('SPI 0.84 < 0.90 → schedule amber');
    expect(tile(view, 'overall').dataset.rag).toBe('amber');
    // Not colour alone: the word is there too.
    expect(tile(view, 'schedule').textContent).toContain('Amber');
    expect(view.textContent).toContain('Vendor delay');
    expect(view.textContent).toContain('Go-live');
    expect(view.textContent).toContain('Steering committee');
    expect(within(view).getByTestId('dash-budget').textContent).toContain('50,000');
  });

  test('the sidebar shows a dot per project with its reason', async () => {
    const { fake } = backend();
    await renderApp(fake);
    const dots = await screen.findAllByTestId('health-dot');
    expect(dots.length).toBe(fake.projects.length);
    expect(dots[0].dataset.rag).toBe('amber');
    expect(dots[0].textContent).toBe('A');
    expect(dots[0].getAttribute('title')).toContain('SPI 0.84');
  });

  test('an override needs a comment, shows beside the computed rating, and clears', async () => {
    const { fake, project } = backend();
    const view = await openDashboard(fake);
    await waitFor(() => tile(view, 'schedule'));
    await fireEvent.click(within(tile(view, 'schedule')).getByTestId('override-open'));
    const dialog = await screen.findByTestId('override-dialog');
    await fireEvent.click(within(dialog).getByTestId('override-green'));
    await fireEvent.click(within(dialog).getByTestId('override-save'));
    expect(within(dialog).getByRole('alert').textContent).toContain('comment is required');
    expect(fake.calls.filter((c) => c.cmd === 'health_override_set')).toHaveLength(0);

    await fireEvent.input(within(dialog).getByTestId('override-comment'), {
      target: { value: 'vendor confirmed date' },
    });
    await fireEvent.input(within(dialog).getByTestId('override-who'), { target: { value: 'Dana' } });
    await fireEvent.click(within(dialog).getByTestId('override-save'));
    await waitFor(() => expect(screen.queryByTestId('override-dialog')).toBeNull());
    const call = fake.calls.find((c) => c.cmd === 'health_override_set')!;
    expect(call.args).toMatchObject({
      project_id: project,
      input: { area: 'schedule', rag: 'green', comment: 'vendor confirmed date', set_by: 'Dana' },
    });
    await waitFor(() =>
      expect(tile(view, 'schedule').textContent).toContain(
        "Computed amber, overridden green by Dana: 'vendor confirmed date'",
      ),
    );
    expect(tile(view, 'schedule').dataset.rag).toBe('green');
    await fireEvent.click(within(tile(view, 'schedule')).getByTestId('override-clear'));
    await waitFor(() => expect(tile(view, 'schedule').dataset.rag).toBe('amber'));
  });

  test('taking a snapshot twice on a day keeps one, shown in the trend', async () => {
    const { fake, fh, project } = backend();
    const view = await openDashboard(fake);
    await within(view).findByText(/No snapshots yet/);
    await fireEvent.input(within(view).getByTestId('snapshot-note'), { target: { value: 'Weekly' } });
    await fireEvent.click(within(view).getByTestId('take-snapshot'));
    await within(view).findByTestId('trend-chart');
    await waitFor(() => expect((within(view).getByTestId('take-snapshot') as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(within(view).getByTestId('take-snapshot'));
    await waitFor(() => expect(fake.calls.filter((c) => c.cmd === 'health_snapshot_take')).toHaveLength(2));
    expect(fh.state.snapshots.get(project)).toHaveLength(1);
    expect(fake.calls.find((c) => c.cmd === 'health_snapshot_take')!.args).toMatchObject({ note: 'Weekly' });
    // Five area rows of one snapshot each.
    await waitFor(() => expect(within(view).getAllByTestId('trend-cell')).toHaveLength(5));
  });

  test('the thresholds dialog shows the core refusal and saves valid thresholds', async () => {
    const { fake, fh } = backend();
    const view = await openDashboard(fake);
    await fireEvent.click(await within(view).findByTestId('health-settings'));
    const dialog = await screen.findByTestId('settings-dialog');
    const spiRed = await within(dialog).findByTestId('setting-spi_red');
    await fireEvent.input(spiRed, { target: { value: '0.95' } });
    await fireEvent.click(within(dialog).getByTestId('settings-save'));
    expect((await within(dialog).findByTestId('settings-error')).textContent).toContain('amber comes first');
    await fireEvent.input(spiRed, { target: { value: '0.7' } });
    await fireEvent.click(within(dialog).getByTestId('settings-save'));
    await waitFor(() => expect(screen.queryByTestId('settings-dialog')).toBeNull());
    expect(fh.state.settings.spi_red).toBe(0.7);
  });

  test('a read-only workspace offers no override or snapshot', async () => {
    const { fake } = backend();
    fake.workspace!.read_only = { code: 'read_only', message: 'The file is read-only.' };
    const view = await openDashboard(fake);
    await waitFor(() => expect(within(view).getAllByTestId('health-tile')).toHaveLength(5));
    expect(session.readOnly).toBe(true);
    expect(within(view).queryByTestId('override-open')).toBeNull();
    expect(within(view).queryByTestId('take-snapshot')).toBeNull();
  });
});
