import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import type { Baseline } from '../../../lib/bindings/Baseline';
import type { ProjectSchedule } from '../../../lib/bindings/ProjectSchedule';
import type { TaskVariance } from '../../../lib/bindings/TaskVariance';
import { timeline } from '../timeline-state.svelte';
import { FakeBackend } from '../../../tests/fake-backend';
import { renderApp } from '../../../tests/helpers';

type Saved = Baseline & { dates: Map<number, [string, string]> };

const DAY = 86_400_000;
/** Calendar days from one date-time's day to another's; the fake knows no working calendar. */
const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / DAY);

/**
 * The fake backend plus the baseline commands it does not answer yet: a baseline keeps each
 * task's start and finish, schedule_get with a baseline_id carries them, and the variance is
 * 8 hours per calendar day the finish moved.
 */
class BaselineBackend extends FakeBackend {
  baselines: Saved[] = [];
  #nextBaseline = 9000;

  /** A baseline of the project's schedule as it is now (test setup, not an edit). */
  addBaseline(projectId: number, name: string): Saved {
    const dates = new Map(
      this.schedule(projectId).tasks.map((t) => [t.item_id, [t.start, t.finish] as [string, string]]),
    );
    const saved: Saved = {
      id: this.#nextBaseline++,
      project_id: projectId,
      name,
      saved_at: '2026-11-23T10:00:00Z',
      dates,
    };
    this.baselines.push(saved);
    return saved;
  }

  #baseline(id: unknown): Saved {
    const found = this.baselines.find((b) => b.id === id);
    if (!found) throw { code: 'not_found', message: 'That baseline no longer exists.' };
    return found;
  }

  override handle(cmd: string, args: Record<string, unknown>): unknown {
    if (!['baselines_list', 'baseline_save', 'baseline_delete', 'baseline_variance'].includes(cmd)) {
      const result = super.handle(cmd, args);
      if (cmd !== 'schedule_get' || args.baseline_id == null) return result;
      const dates = this.baselines.find((b) => b.id === args.baseline_id)?.dates ?? new Map<number, [string, string]>();
      const schedule = structuredClone(result) as ProjectSchedule;
      for (const t of schedule.tasks) [t.baseline_start, t.baseline_finish] = dates.get(t.item_id) ?? [null, null];
      return schedule;
    }
    this.calls.push({ cmd, args: structuredClone(args) });
    const failure = this.failures.get(cmd);
    if (failure) throw failure;
    const strip = ({ dates: _, ...b }: Saved): Baseline => b;
    switch (cmd) {
      case 'baselines_list':
        return this.baselines.filter((b) => b.project_id === args.project_id).map(strip);
      case 'baseline_save': {
        const projectId = args.project_id as number;
        const name = (args.name as string).trim();
        const own = this.baselines.filter((b) => b.project_id === projectId);
        if (own.some((b) => b.name === name)) {
          throw { code: 'duplicate', message: `This project already has a baseline named "${name}".` };
        }
        if (own.length >= 10) {
          throw {
            code: 'invalid_input',
            message: 'A project keeps at most 10 baselines. Delete one before saving another.',
          };
        }
        return strip(this.addBaseline(projectId, name));
      }
      case 'baseline_delete':
        this.#baseline(args.id);
        this.baselines = this.baselines.filter((b) => b.id !== args.id);
        return null;
      case 'baseline_variance':
      default: {
        const baseline = this.#baseline(args.id);
        return this.schedule(baseline.project_id).tasks.flatMap((t): TaskVariance[] => {
          const saved = baseline.dates.get(t.item_id);
          if (!saved) return [];
          const [start, finish] = saved;
          return [
            {
              item_id: t.item_id,
              name: t.name,
              wbs: t.wbs,
              baseline_start: start,
              baseline_finish: finish,
              start: t.start,
              finish: t.finish,
              start_variance_hours: daysBetween(start, t.start) * 8,
              finish_variance_hours: daysBetween(finish, t.finish) * 8,
              duration_variance_hours: 0,
            },
          ];
        });
      }
    }
  }
}

function planBackend(): BaselineBackend {
  const fake = new BaselineBackend();
  fake.addPlan('Office move', [
    { wbs: '1', name: 'Preparation', start: '2026-03-02', finish: '2026-03-06' },
    { wbs: '1.1', name: 'Survey the new floor', start: '2026-03-02', finish: '2026-03-03' },
    { wbs: '1.2', name: 'Order furniture', start: '2026-03-04', finish: '2026-03-06' },
    { wbs: '2', name: 'Pack', start: '2026-03-09', finish: '2026-03-11' },
    { wbs: '3', name: 'Keys handed over', start: '2026-03-13' },
  ]);
  return fake;
}

async function renderPlan(fake = planBackend()) {
  localStorage.setItem('bridgeplan.lastProject:/data/test.bridgeplan', String(fake.projects[0].id));
  await renderApp(fake, { waitForBoard: false });
  await screen.findAllByTestId('timeline-row');
  return fake;
}

async function openMenu() {
  await fireEvent.click(screen.getByTestId('baseline-menu'));
  return screen.findByTestId('baseline-panel');
}

const option = (id: number | '') =>
  screen.getAllByTestId('baseline-option').find((o) => o.dataset.baselineId === String(id)) as HTMLInputElement;
const barOf = (fake: FakeBackend, name: string) =>
  within(document.querySelector<HTMLElement>(`[data-lane-id="${fake.task(name).item_id}"]`)!);

describe('baselines', () => {
  test('saving a baseline calls baseline_save with the typed name and lists it, counting up to ten', async () => {
    const fake = await renderPlan();
    const panel = await openMenu();
    const name = within(panel).getByTestId('baseline-name') as HTMLInputElement;
    await waitFor(() => expect(name.value).toMatch(/^Baseline 1 — /));
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(within(panel).getByTestId('baseline-count').textContent).toBe('0 of 10');
    expect(within(panel).getByTestId('baseline-empty').textContent).toContain('No baselines yet');

    await fireEvent.input(name, { target: { value: 'Signed-off plan' } });
    await fireEvent.click(within(panel).getByTestId('baseline-save'));
    await waitFor(() =>
      expect(fake.callsOf('baseline_save')).toEqual([{ project_id: fake.projects[0].id, name: 'Signed-off plan' }]),
    );
    await waitFor(() => expect(within(panel).getByText('Signed-off plan')).toBeTruthy());
    expect(within(panel).getByTestId('baseline-count').textContent).toBe('1 of 10');
    // The next name is offered; the new baseline is listed, not yet compared with.
    await waitFor(() => expect(name.value).toMatch(/^Baseline 2 — /));
    expect(option(fake.baselines[0].id).checked).toBe(false);
    expect(option('').checked).toBe(true);
  });

  test('a taken name shows the backend’s message and keeps the text; ten saved disable saving', async () => {
    const fake = planBackend();
    const projectId = fake.projects[0].id;
    fake.addBaseline(projectId, 'Signed-off plan');
    await renderPlan(fake);
    let panel = await openMenu();
    const name = within(panel).getByTestId('baseline-name') as HTMLInputElement;
    await fireEvent.input(name, { target: { value: 'Signed-off plan' } });
    await fireEvent.click(within(panel).getByTestId('baseline-save'));
    const error = await within(panel).findByTestId('baseline-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('This project already has a baseline named "Signed-off plan".');
    expect(name.value).toBe('Signed-off plan');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(fake.baselines).toHaveLength(1);

    // Esc closes the menu and gives focus back to its button.
    await fireEvent.keyDown(name, { key: 'Escape' });
    expect(screen.queryByTestId('baseline-panel')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('baseline-menu'));

    for (let i = 2; i <= 10; i++) fake.addBaseline(projectId, `Plan ${i}`);
    panel = await openMenu();
    await waitFor(() => expect(within(panel).getByTestId('baseline-count').textContent).toBe('10 of 10'));
    expect((within(panel).getByTestId('baseline-save') as HTMLButtonElement).disabled).toBe(true);
    expect(within(panel).getByText(/delete one to save another/)).toBeTruthy();
  });

  test('choosing a baseline fetches the schedule with its id and draws baseline bars with the slip', async () => {
    const fake = planBackend();
    const baseline = fake.addBaseline(fake.projects[0].id, 'Signed-off plan');
    // Since the baseline, Pack slipped three days.
    const pack = fake.task('Pack');
    pack.finish = pack.early_finish = '2026-03-14T17:00:00';
    await renderPlan(fake);
    expect(screen.queryAllByTestId('baseline-bar')).toHaveLength(0);
    const rowsBefore = screen.getAllByTestId('timeline-row');

    await openMenu();
    await fireEvent.click(option(baseline.id));
    await waitFor(() =>
      expect(fake.callsOf('schedule_get').at(-1)).toEqual({
        project_id: fake.projects[0].id,
        baseline_id: baseline.id,
      }),
    );
    await waitFor(() => expect(screen.getAllByTestId('baseline-bar')).toHaveLength(5));
    // The rows stayed on screen: the same elements, not a reload.
    expect(screen.getAllByTestId('timeline-row')).toEqual(rowsBefore);

    const packBaseline = barOf(fake, 'Pack').getByTestId('baseline-bar');
    expect(packBaseline.title).toMatch(/^Baseline: .*9.* – .*11/);
    expect(packBaseline.title).toContain('Finish slips 3 working days');
    expect(barOf(fake, 'Pack').getByTestId('timeline-bar').title).toContain('Finish slips 3 working days');
    expect(barOf(fake, 'Order furniture').getByTestId('timeline-bar').title).not.toContain('slips');
    expect(barOf(fake, 'Keys handed over').getByTestId('baseline-bar').dataset.milestone).toBe('true');
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toContain('Baseline');
    expect(screen.getByTestId('baseline-menu').textContent).toContain('Signed-off plan');

    // None: the bars and the legend entry go.
    await fireEvent.click(option(''));
    await waitFor(() => expect(screen.queryAllByTestId('baseline-bar')).toHaveLength(0));
    expect(fake.callsOf('schedule_get').at(-1)).toEqual({ project_id: fake.projects[0].id, baseline_id: null });
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).not.toContain('Baseline');
  });

  test('delete calls baseline_delete, stops comparing with it, and offers Undo', async () => {
    const fake = planBackend();
    const kept = fake.addBaseline(fake.projects[0].id, 'First plan');
    const doomed = fake.addBaseline(fake.projects[0].id, 'Signed-off plan');
    await renderPlan(fake);
    const panel = await openMenu();
    await fireEvent.click(option(doomed.id));
    await waitFor(() => expect(screen.getAllByTestId('baseline-bar').length).toBeGreaterThan(0));

    const deleteButton = within(panel)
      .getAllByTestId('baseline-delete')
      .find((b) => b.getAttribute('aria-label') === 'Delete the baseline Signed-off plan')!;
    await fireEvent.click(deleteButton);
    await waitFor(() => expect(fake.callsOf('baseline_delete')).toEqual([{ id: doomed.id }]));
    await waitFor(() => expect(screen.queryAllByTestId('baseline-bar')).toHaveLength(0));
    expect(within(panel).queryByText('Signed-off plan')).toBeNull();
    expect(within(panel).getByTestId('baseline-count').textContent).toBe('1 of 10');
    expect(option(kept.id)).toBeTruthy();

    const toast = screen.getAllByRole('status')[0];
    expect(toast.textContent).toContain('Deleted baseline "Signed-off plan"');
    await fireEvent.click(within(toast).getByTestId('toast-action'));
    await waitFor(() => expect(fake.callsOf('history_undo')).toHaveLength(1));
  });

  test('when an undo takes the compared baseline away, the chart compares with none', async () => {
    const fake = planBackend();
    const baseline = fake.addBaseline(fake.projects[0].id, 'Signed-off plan');
    await renderPlan(fake);
    await openMenu();
    await fireEvent.click(option(baseline.id));
    await waitFor(() => expect(screen.getAllByTestId('baseline-bar')).toHaveLength(5));

    fake.baselines = [];
    await timeline.reload();
    await waitFor(() => expect(screen.queryAllByTestId('baseline-bar')).toHaveLength(0));
    expect(timeline.baselineId).toBeNull();
    expect(fake.callsOf('schedule_get').at(-1)).toEqual({ project_id: fake.projects[0].id, baseline_id: null });
  });

  test('a read-only workspace can compare but not save or delete', async () => {
    const fake = planBackend();
    const baseline = fake.addBaseline(fake.projects[0].id, 'Signed-off plan');
    fake.workspace!.read_only = { code: 'newer_version', message: 'Made by a newer Bridgeplan.' };
    await renderPlan(fake);
    const panel = await openMenu();
    await waitFor(() => expect(option(baseline.id)).toBeTruthy());
    expect(within(panel).queryByTestId('baseline-name')).toBeNull();
    expect(within(panel).queryByTestId('baseline-save')).toBeNull();
    expect(within(panel).queryByTestId('baseline-delete')).toBeNull();
    await fireEvent.click(option(baseline.id));
    await waitFor(() => expect(screen.getAllByTestId('baseline-bar')).toHaveLength(5));
  });
});
