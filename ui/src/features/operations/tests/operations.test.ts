import { beforeEach, describe, expect, test } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend, type FakeBackend } from '../../../tests/fake-backend';
import { FakeOperations } from '../../../tests/fake-operations';
import { renderApp } from '../../../tests/helpers';
import { operations } from '../operations-state.svelte';
import ProjectServices from '../ProjectServices.svelte';
import { formatMinutes, slaText, sparkline } from '../ops';

function backend() {
  const fake = standardBackend();
  const ops = new FakeOperations(fake);
  const erp = ops.add({
    name: 'ERP',
    description: 'Finance',
    owner_id: null,
    availability_target: 99.5,
    satisfaction_target: 4,
  });
  const vpn = ops.add({
    name: 'VPN',
    description: '',
    owner_id: null,
    availability_target: 99.5,
    satisfaction_target: 4,
  });
  return { fake, ops, erp, vpn, project: fake.projects[0] };
}

async function openOperations(fake: FakeBackend) {
  await renderApp(fake);
  await fireEvent.click(screen.getByTestId('operations-link'));
  return screen.findByTestId('operations-screen');
}

const set = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

beforeEach(() => operations.reset());

describe('operations screen', () => {
  test('with no services it says what the screen is for', async () => {
    const fake = standardBackend();
    new FakeOperations(fake);
    const view = await openOperations(fake);
    expect((await within(view).findByTestId('services-empty')).textContent).toContain('uptime, incidents');
    // Project health stands beside it all the same.
    expect(within(view).getAllByTestId('project-side')).toHaveLength(fake.projects.length);
  });

  test('service health sits beside project health, each service with its sparkline', async () => {
    const { fake } = backend();
    const view = await openOperations(fake);
    const tiles = await within(view).findAllByTestId('service-tile');
    expect(tiles.map((t) => within(t).getByRole('button').textContent)).toEqual(['ERP', 'VPN']);
    for (const t of tiles) {
      expect(within(t).getByTestId('sparkline').getAttribute('aria-label')).toContain('target of 99.5 %');
      expect(t.textContent).toContain('Stability');
      expect(t.textContent).toContain('Uptime');
      expect(t.textContent).toContain('Satisfaction');
    }
    const side = within(view).getAllByTestId('project-side')[0];
    expect(side.textContent).toContain('On time');
    expect(side.textContent).toContain('In scope');
    expect(side.textContent).toContain('On budget');
    // The first service is open in the detail.
    expect((await within(view).findByTestId('service-detail')).textContent).toContain('ERP');
  });

  test('an incident logged past its target shows a breach marker and is undoable', async () => {
    const { fake, ops, erp } = backend();
    const view = await openOperations(fake);
    const detail = await within(view).findByTestId('service-detail');
    await fireEvent.click(within(detail).getByTestId('incident-new'));
    const form = within(detail).getByTestId('incident-form');
    await set(within(form).getByTestId('incident-title'), 'Ledger down');
    await fireEvent.change(within(form).getByTestId('incident-severity'), { target: { value: '1' } });
    await set(within(form).getByTestId('incident-started'), '2026-12-10T08:00');
    await set(within(form).getByTestId('incident-responded'), '2026-12-10T08:10');
    await set(within(form).getByTestId('incident-resolved'), '2026-12-10T13:00');
    await fireEvent.click(within(form).getByTestId('incident-outage'));
    await fireEvent.click(within(form).getByTestId('incident-save'));
    const row = await within(detail).findByTestId('incident-row');
    expect(fake.callsOf('incident_add')).toEqual([
      {
        service_id: erp,
        input: {
          title: 'Ledger down',
          description: '',
          severity: 1,
          started_at: '2026-12-10T08:00',
          responded_at: '2026-12-10T08:10',
          resolved_at: '2026-12-10T13:00',
          outage: true,
          project_id: null,
        },
      },
    ]);
    // 5 hours against the P1's 4: the resolution breached, the response (10 min of 15) did not.
    expect(within(row).getAllByTestId('breach-marker')).toHaveLength(1);
    expect(row.textContent).toContain('5 h, over 4 h');
    await waitFor(() => expect(within(detail).queryByTestId('incident-form')).toBeNull());
    expect(ops.services.get(erp)!.detail.incidents).toHaveLength(1);
    await fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(ops.services.get(erp)!.detail.incidents).toHaveLength(0));
  });

  test('an incident ending before it starts is refused with the core’s message and nothing saved', async () => {
    const { fake, ops, erp } = backend();
    const view = await openOperations(fake);
    const detail = await within(view).findByTestId('service-detail');
    await fireEvent.click(within(detail).getByTestId('incident-new'));
    const form = within(detail).getByTestId('incident-form');
    await set(within(form).getByTestId('incident-title'), 'Backwards');
    await set(within(form).getByTestId('incident-started'), '2026-12-10T08:00');
    await set(within(form).getByTestId('incident-resolved'), '2026-12-10T07:00');
    await fireEvent.click(within(form).getByTestId('incident-save'));
    const error = await within(form).findByTestId('incident-error');
    expect(error.textContent).toContain('cannot end before it starts');
    expect(ops.services.get(erp)!.detail.incidents).toHaveLength(0);
    // The form stays open with what was typed, to be corrected.
    expect((within(form).getByTestId('incident-title') as HTMLInputElement).value).toBe('Backwards');
  });

  test('a read-only workspace shows the figures without editors', async () => {
    const { fake } = backend();
    fake.workspace!.read_only = { code: 'read_only', message: 'The file is read-only.' };
    const view = await openOperations(fake);
    const detail = await within(view).findByTestId('service-detail');
    expect(within(view).queryByTestId('service-new')).toBeNull();
    expect(within(detail).queryByTestId('incident-new')).toBeNull();
    expect(within(detail).queryByTestId('service-delete')).toBeNull();
    for (const input of within(detail).getAllByLabelText(/Measured availability/)) {
      expect((input as HTMLInputElement).disabled).toBe(true);
    }
  });
});

describe('project services', () => {
  test('a project sees the services it changes with their health', async () => {
    const { fake, ops, erp, project } = backend();
    fake.install();
    ops.services
      .get(erp)!
      .detail.projects.push({ id: 1, project_id: project.id, project_name: project.name, note: '' });
    render(ProjectServices, { project });
    const panel = await screen.findByTestId('project-services');
    await waitFor(() => expect(within(panel).getAllByTestId('service-tile')).toHaveLength(1));
    expect(panel.textContent).toContain('ERP');
  });

  test('a project that touches no service says how to link one', async () => {
    const fake = standardBackend();
    fake.install();
    render(ProjectServices, { project: fake.projects[0] });
    expect((await screen.findByTestId('project-services-empty')).textContent).toContain('Operations screen');
  });
});

describe('operations helpers', () => {
  test('durations, SLA wording and the sparkline against the target', () => {
    expect([formatMinutes(15), formatMinutes(240), formatMinutes(4320), formatMinutes(1530)]).toEqual([
      '15 min',
      '4 h',
      '3 d',
      '1 d 1 h 30 min',
    ]);
    expect(slaText('breaching_now', 300, 240)).toBe('5 h so far, over 4 h');
    const months = ['2026-11', '2026-12'].map((month, i) => ({
      month,
      measured: i ? 98 : 100,
      computed: null,
      downtime_minutes: 0,
      target: 99.5,
    }));
    const g = sparkline(months, 99.5, 100, 20);
    expect(g.points.map((p) => p.below)).toEqual([false, true]);
    expect(g.points[0].y).toBeLessThan(g.targetY);
    expect(g.points[1].y).toBe(20);
  });
});
