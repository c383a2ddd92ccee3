import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend } from '../../../tests/fake-backend';
import { FakeLessons } from '../../../tests/fake-lessons';
import { FakeLifecycle } from '../../../tests/fake-lifecycle';
import { renderApp } from '../../../tests/helpers';
import { TEST_TODAY } from '../../../tests/setup';
import { workspace } from '../../workspace/workspace.svelte';
import { filterLessons, NO_FILTER, parseTags } from '../lessons';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const headings = () => screen.queryAllByTestId('lesson-heading').map((h) => text(h));

async function openLessons(fill = true, readOnly = false) {
  const fake = standardBackend();
  if (readOnly) fake.workspace!.read_only = { code: 'read_only', message: 'The file is read-only.' };
  const lessons = new FakeLessons(fake, TEST_TODAY);
  if (fill) {
    const [security, portal] = fake.projects;
    lessons.add({
      title: 'Vendor lead times',
      project_id: security.id,
      project_name: security.name,
      kind: 'improve',
      phase: 'execute',
      tags: ['vendor', 'licences'],
      what_happened: 'The vendor needed 15 days.',
    });
    lessons.add({
      title: 'Demo with real data',
      project_id: portal.id,
      project_name: portal.name,
      kind: 'went_well',
      phase: 'execute',
      tags: ['testing'],
    });
    lessons.add({
      title: 'Survey sites first',
      project_id: null,
      project_name: 'Network Refresh',
      kind: 'went_well',
      phase: 'plan',
      tags: ['Vendor'],
      recommendation: 'Survey every depot before ordering',
    });
  }
  await renderApp(fake);
  workspace.screen = 'lessons';
  await screen.findByTestId('lessons-screen');
  if (fill) await waitFor(() => expect(headings()).toHaveLength(3));
  return { fake, lessons };
}

describe('lesson filters (pure)', () => {
  test('text, project, phase, kind and tag combine; tags match ignoring case', () => {
    const base = {
      id: 1,
      project_id: 1,
      project_name: 'ERP',
      what_happened: '',
      impact: '',
      recommendation: 'Ask early',
      kind: 'improve' as const,
      phase: 'execute' as const,
      tags: ['Vendor'],
      recorded_by: '',
      recorded_on: '2026-11-01',
    };
    const list = [
      { ...base, title: 'A' },
      { ...base, id: 2, title: 'B', kind: 'went_well' as const, tags: [], project_name: 'Portal' },
    ];
    expect(filterLessons(list, { ...NO_FILTER, tag: 'vendor' }).map((l) => l.title)).toEqual(['A']);
    expect(filterLessons(list, { ...NO_FILTER, kind: 'went_well' }).map((l) => l.title)).toEqual(['B']);
    expect(filterLessons(list, { ...NO_FILTER, project: 'Portal' }).map((l) => l.title)).toEqual(['B']);
    expect(filterLessons(list, { ...NO_FILTER, text: 'ask erp' }).map((l) => l.title)).toEqual(['A']);
    expect(filterLessons(list, { ...NO_FILTER, phase: 'plan' })).toEqual([]);
    expect(parseTags(' vendor, , licences ')).toEqual(['vendor', 'licences']);
  });
});

describe('lessons screen', () => {
  test('lists every project’s lessons, a deleted project’s by its kept name', async () => {
    await openLessons();
    expect(headings()).toEqual(['Vendor lead times', 'Demo with real data', 'Survey sites first']);
    const survey = screen.getAllByTestId('lesson')[2];
    expect(text(survey)).toContain('Network Refresh (deleted)');
    expect(text(survey)).toContain('Plan phase');
    expect(text(survey)).toContain('Recommendation. Survey every depot before ordering');
  });

  test('filters by project, phase, kind, tag and text, and clears them', async () => {
    await openLessons();
    await fireEvent.change(screen.getByTestId('lessons-kind'), { target: { value: 'went_well' } });
    expect(headings()).toEqual(['Demo with real data', 'Survey sites first']);
    await fireEvent.change(screen.getByTestId('lessons-phase'), { target: { value: 'plan' } });
    expect(headings()).toEqual(['Survey sites first']);
    await fireEvent.click(screen.getByTestId('lessons-clear'));
    expect(headings()).toHaveLength(3);
    await fireEvent.change(screen.getByTestId('lessons-project'), { target: { value: 'Customer Portal' } });
    expect(headings()).toEqual(['Demo with real data']);
    await fireEvent.click(screen.getByTestId('lessons-clear'));
    await fireEvent.change(screen.getByTestId('lessons-tag'), { target: { value: 'licences' } });
    expect(headings()).toEqual(['Vendor lead times']);
    await fireEvent.click(screen.getByTestId('lessons-clear'));
    await fireEvent.input(screen.getByTestId('lessons-text'), { target: { value: 'depot' } });
    expect(headings()).toEqual(['Survey sites first']);
    await fireEvent.input(screen.getByTestId('lessons-text'), { target: { value: 'nothing like this' } });
    expect(screen.getByTestId('lessons-none-match')).toBeTruthy();
  });

  test('a tag on a lesson filters by it', async () => {
    await openLessons();
    const first = screen.getAllByTestId('lesson')[0];
    await fireEvent.click(within(first).getByRole('button', { name: 'vendor' }));
    expect(headings()).toEqual(['Vendor lead times', 'Survey sites first']);
  });

  test('adds a lesson with tags from commas, shows a refusal as the core words it, and undoes', async () => {
    const { fake, lessons } = await openLessons(false);
    expect(await screen.findByTestId('lessons-empty')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('lesson-add'));
    await fireEvent.click(screen.getByTestId('lesson-save'));
    // The browser's own required check stops an empty title; the core refuses a blank one.
    await fireEvent.input(screen.getByTestId('lesson-title'), { target: { value: '   ' } });
    await fireEvent.submit(screen.getByTestId('lesson-form'));
    expect(text(await screen.findByTestId('lesson-error'))).toBe("A lesson's title cannot be empty.");
    await fireEvent.input(screen.getByTestId('lesson-title'), { target: { value: 'Book the test lab early' } });
    await fireEvent.change(screen.getByTestId('lesson-project'), { target: { value: String(fake.projects[0].id) } });
    await fireEvent.click(screen.getByTestId('lesson-kind-went_well'));
    await fireEvent.change(screen.getByTestId('lesson-phase'), { target: { value: 'plan' } });
    await fireEvent.input(screen.getByTestId('lesson-tags'), { target: { value: 'testing, lab' } });
    await fireEvent.submit(screen.getByTestId('lesson-form'));
    await waitFor(() => expect(headings()).toEqual(['Book the test lab early']));
    expect(fake.callsOf('lesson_add').at(-1)).toMatchObject({
      input: { project_id: fake.projects[0].id, kind: 'went_well', phase: 'plan', tags: ['testing', 'lab'] },
    });
    expect(lessons.items[0].project_name).toBe('Security Hardening');
    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(headings()).toEqual([]));
    expect(lessons.items).toEqual([]);
  });

  test('edits and deletes a lesson, the delete after a confirmation, both undoable', async () => {
    const { lessons } = await openLessons();
    await fireEvent.click(screen.getAllByTestId('lesson-edit')[0]);
    const title = screen.getByTestId('lesson-title') as HTMLInputElement;
    expect(title.value).toBe('Vendor lead times');
    await fireEvent.input(title, { target: { value: 'Ask vendors for lead times' } });
    await fireEvent.submit(screen.getByTestId('lesson-form'));
    await waitFor(() => expect(headings()[0]).toBe('Ask vendors for lead times'));
    expect(lessons.items[0].tags).toEqual(['vendor', 'licences']);
    await fireEvent.click(screen.getAllByTestId('lesson-delete')[1]);
    await fireEvent.click(screen.getByTestId('lesson-confirm-delete'));
    await waitFor(() => expect(headings()).toEqual(['Ask vendors for lead times', 'Survey sites first']));
    await fireEvent.click(screen.getAllByRole('button', { name: 'Undo' }).at(-1)!);
    await waitFor(() => expect(headings()).toHaveLength(3));
  });

  test('a read-only workspace shows the lessons without edits', async () => {
    await openLessons(true, true);
    expect(screen.queryByTestId('lesson-add')).toBeNull();
    expect(screen.queryByTestId('lesson-edit')).toBeNull();
    expect(screen.queryByTestId('lesson-delete')).toBeNull();
  });
});

describe('closing a project asks for lessons', () => {
  async function toClose() {
    const fake = standardBackend();
    const life = new FakeLifecycle(fake);
    const lessons = new FakeLessons(fake, TEST_TODAY);
    life.overview(1000).phase = 'monitor';
    await renderApp(fake);
    await fireEvent.click(screen.getByTestId('view-overview'));
    await screen.findByTestId('phase-stepper');
    await fireEvent.click(screen.getByTestId('phase-next'));
    const confirm = screen.queryByTestId('phase-confirm-move');
    if (confirm) await fireEvent.click(confirm);
    return { fake, lessons, prompt: await screen.findByTestId('lessons-prompt') };
  }

  test('adds one or more lessons to the closing project, then Done closes the prompt', async () => {
    const { fake, lessons, prompt } = await toClose();
    expect(fake.callsOf('phase_move').at(-1)).toEqual({ project_id: 1000, to: 'close' });
    expect(text(prompt)).toContain('Lessons learned from Security Hardening');
    expect((within(prompt).getByTestId('lesson-phase') as HTMLSelectElement).value).toBe('close');
    expect(within(prompt).queryByTestId('lesson-project')).toBeNull();
    await fireEvent.input(within(prompt).getByTestId('lesson-title'), { target: { value: 'Hand over earlier' } });
    await fireEvent.submit(within(prompt).getByTestId('lesson-form'));
    await waitFor(() => expect(text(within(prompt).getByTestId('lessons-prompt-added'))).toBe('Hand over earlier'));
    expect((within(prompt).getByTestId('lesson-title') as HTMLInputElement).value).toBe('');
    await fireEvent.input(within(prompt).getByTestId('lesson-title'), { target: { value: 'Close contracts sooner' } });
    await fireEvent.submit(within(prompt).getByTestId('lesson-form'));
    await waitFor(() => expect(lessons.items).toHaveLength(2));
    expect(lessons.items.every((l) => l.project_id === 1000 && l.phase === 'close')).toBe(true);
    await fireEvent.click(within(prompt).getByRole('button', { name: 'Done' }));
    expect(screen.queryByTestId('lessons-prompt')).toBeNull();
  });

  test('Skip closes it with nothing saved', async () => {
    const { fake, prompt } = await toClose();
    await fireEvent.click(within(prompt).getByRole('button', { name: 'Skip' }));
    expect(screen.queryByTestId('lessons-prompt')).toBeNull();
    expect(fake.callsOf('lesson_add')).toEqual([]);
  });
});
