import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend } from '../../../tests/fake-backend';
import { FakeEvidence } from '../../../tests/fake-evidence';
import { FakeSkills } from '../../../tests/fake-skills';
import { renderApp } from '../../../tests/helpers';
import { formatDate } from '../../../lib/shared/format';

/**
 * Ana Silva with two suggestions (a delivered work item of Security Hardening, a sprint of
 * Customer Portal) and one piece of evidence added by hand, with a link.
 */
async function openEvidence({ suggest = true, keep = true, readOnly = false } = {}) {
  const fake = standardBackend();
  if (readOnly) fake.workspace!.read_only = { code: 'newer_version', message: 'Made by a newer Bridgeplan.' };
  const team = new FakeSkills(fake);
  team.setUp(1, 101, 102);
  const evidence = new FakeEvidence(fake, team);
  const [security, portal] = fake.projects;
  const item = fake.item('Inventory of servers');
  if (suggest) {
    evidence.suggest(1, 13, {
      rule: 'items-delivered',
      source_kind: 'item',
      source_id: item.id,
      project_id: security.id,
      title: 'Delivered "Inventory of servers"',
      detail: 'Done as its assignee.',
      occurred_on: '2025-02-10',
      why: 'Work items you delivered as their assignee.',
    });
    evidence.suggest(1, 13, {
      rule: 'sprint-with-ceremonies',
      source_kind: 'sprint',
      source_id: 55,
      project_id: portal.id,
      title: 'Sprint 3 of Customer Portal',
      detail: 'Finished with review and retrospective notes.',
      occurred_on: '2025-02-20',
    });
  }
  if (keep) {
    evidence.kept.push({
      id: 1,
      person_id: 1,
      skill_id: 12,
      skill: 'Risk management',
      rule: null,
      source_kind: null,
      source_id: null,
      project_id: null,
      title: 'Risk workshop',
      detail: 'Two-day course.',
      url: 'https://example.org/cert/42',
      occurred_on: '2025-01-15',
      why: '',
    });
  }
  await renderApp(fake);
  await fireEvent.click(screen.getByTestId('people-link'));
  await fireEvent.click(await screen.findByTestId('person-tab-evidence'));
  await screen.findByTestId('evidence-panel');
  if (suggest) await screen.findAllByTestId('evidence-suggestion');
  return { fake, team, evidence, item };
}

const suggestions = () => screen.queryAllByTestId('evidence-suggestion');
const items = () => screen.queryAllByTestId('evidence-item');
const titles = (list: HTMLElement[]) => list.map((e) => e.querySelector('.title')?.textContent);
/** An element's text with runs of white space made one space. */
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('evidence', () => {
  test('suggestions are listed newest first with skill, title, detail, date and where they come from', async () => {
    const { fake } = await openEvidence();
    expect(fake.callsOf('evidence_suggestions')[0]).toEqual({ person_id: 1 });
    expect(titles(suggestions())).toEqual(['Sprint 3 of Customer Portal', 'Delivered "Inventory of servers"']);
    const sprint = text(suggestions()[0]);
    expect(sprint).toContain('Agile delivery');
    expect(sprint).toContain('Finished with review and retrospective notes.');
    expect(sprint).toContain(formatDate('2025-02-20'));
    expect(sprint).toContain('From a sprint');
    // Why the rule suggests it, as the backend says.
    expect(text(suggestions()[1])).toContain('From a work item · Work items you delivered as their assignee.');
    expect(within(suggestions()[0]).getByTestId('evidence-open').textContent).toContain('Open sprints');
    // The evidence kept, with its link shown as text (never opened) and a copy button.
    expect(titles(items())).toEqual(['Risk workshop']);
    expect(within(items()[0]).getByTestId('evidence-url').textContent).toBe('https://example.org/cert/42');
    expect(within(items()[0]).queryByRole('link')).toBeNull();
  });

  test('accepting a suggestion decides it, moves it to the evidence list and updates the count', async () => {
    const { fake, item } = await openEvidence();
    const loads = fake.callsOf('skill_profile').length;
    await fireEvent.click(within(suggestions()[1]).getByTestId('evidence-accept'));
    await waitFor(() =>
      expect(fake.callsOf('evidence_decide')).toEqual([
        { person_id: 1, decision: { rule: 'items-delivered', source_kind: 'item', source_id: item.id, accept: true } },
      ]),
    );
    await waitFor(() => expect(titles(suggestions())).toEqual(['Sprint 3 of Customer Portal']));
    await waitFor(() => expect(titles(items())).toEqual(['Delivered "Inventory of servers"', 'Risk workshop']));
    expect(text(items()[0])).toContain('Accepted suggestion');
    expect(fake.callsOf('skill_profile').length).toBeGreaterThan(loads);

    await fireEvent.click(screen.getByTestId('person-tab-skills'));
    const agile = screen.getAllByTestId('skill-row').find((r) => r.dataset.skillId === '13')!;
    expect(within(agile).getByTestId('skill-evidence').textContent?.trim()).toBe('1');
  });

  test('rejecting a suggestion removes it without keeping it', async () => {
    const { fake } = await openEvidence();
    await fireEvent.click(within(suggestions()[0]).getByTestId('evidence-reject'));
    await waitFor(() =>
      expect(fake.callsOf('evidence_decide')).toEqual([
        {
          person_id: 1,
          decision: { rule: 'sprint-with-ceremonies', source_kind: 'sprint', source_id: 55, accept: false },
        },
      ]),
    );
    await waitFor(() => expect(titles(suggestions())).toEqual(['Delivered "Inventory of servers"']));
    expect(titles(items())).toEqual(['Risk workshop']);
  });

  test('evidence is added by hand; a refused one shows the message and keeps what was typed', async () => {
    const { fake } = await openEvidence();
    await fireEvent.click(screen.getByTestId('evidence-add'));
    const form = screen.getByTestId('evidence-form');
    expect(document.activeElement).toBe(within(form).getByTestId('evidence-form-skill'));
    await fireEvent.change(within(form).getByTestId('evidence-form-skill'), { target: { value: '21' } });
    await fireEvent.input(within(form).getByTestId('evidence-form-url'), { target: { value: 'intranet/steerco.pdf' } });
    await fireEvent.input(within(form).getByTestId('evidence-form-date'), { target: { value: '2025-03-03' } });
    await fireEvent.click(within(form).getByTestId('evidence-form-submit'));
    expect((await within(form).findByTestId('evidence-form-error')).textContent).toContain(
      'The evidence title cannot be empty.',
    );

    await fireEvent.input(within(form).getByTestId('evidence-form-title'), {
      target: { value: 'Steering committee pack' },
    });
    await fireEvent.click(within(form).getByTestId('evidence-form-submit'));
    await waitFor(() =>
      expect(within(form).getByTestId('evidence-form-error').textContent).toContain(
        '"intranet/steerco.pdf" is not a link',
      ),
    );
    expect((within(form).getByTestId('evidence-form-title') as HTMLInputElement).value).toBe('Steering committee pack');
    expect((within(form).getByTestId('evidence-form-skill') as HTMLSelectElement).value).toBe('21');

    await fireEvent.input(within(form).getByTestId('evidence-form-url'), {
      target: { value: 'file:///share/steerco.pdf' },
    });
    await fireEvent.click(within(form).getByTestId('evidence-form-submit'));
    await waitFor(() => expect(screen.queryByTestId('evidence-form')).toBeNull());
    expect(fake.callsOf('evidence_add').at(-1)).toEqual({
      person_id: 1,
      skill_id: 21,
      input: {
        title: 'Steering committee pack',
        detail: '',
        url: 'file:///share/steerco.pdf',
        occurred_on: '2025-03-03',
      },
    });
    await waitFor(() => expect(titles(items())).toEqual(['Steering committee pack', 'Risk workshop']));
    expect(text(items()[0])).toContain('Stakeholder engagement');
    expect(text(items()[0])).toContain('Added by hand');
  });

  test('removing evidence offers Undo, which brings it back', async () => {
    const { fake } = await openEvidence();
    await fireEvent.click(within(items()[0]).getByTestId('evidence-remove'));
    await waitFor(() => expect(fake.callsOf('evidence_remove')).toEqual([{ id: 1 }]));
    await waitFor(() => expect(items()).toHaveLength(0));
    expect(screen.getByTestId('evidence-empty').textContent).toContain('accept a suggestion above');
    const toast = (await screen.findAllByTestId('toast')).find((t) =>
      t.textContent?.includes('Evidence "Risk workshop" removed'),
    )!;
    await fireEvent.click(within(toast).getByTestId('toast-action'));
    await waitFor(() => expect(titles(items())).toEqual(['Risk workshop']));
  });

  test('a work item source opens its project board with the item in the detail panel', async () => {
    const { item } = await openEvidence();
    await fireEvent.click(within(suggestions()[1]).getByTestId('evidence-open'));
    const panel = await screen.findByTestId('detail-panel');
    expect(panel.dataset.itemId).toBe(String(item.id));
    expect(screen.queryByTestId('person-page')).toBeNull();
    expect(screen.getAllByTestId('column').length).toBeGreaterThan(0);
  });

  test('copying a link puts it on the clipboard', async () => {
    await openEvidence();
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (t: string) => void (copied = t) },
    });
    await fireEvent.click(within(items()[0]).getByRole('button', { name: 'Copy the link' }));
    await waitFor(() => expect(copied).toBe('https://example.org/cert/42'));
    expect(screen.getAllByTestId('toast').some((t) => t.textContent?.includes('Link copied'))).toBe(true);
  });

  test('empty states explain how evidence is suggested and offer adding it; read-only hides the actions', async () => {
    await openEvidence({ suggest: false, keep: false });
    await waitFor(() =>
      expect(screen.getByTestId('evidence-suggestions-empty').textContent).toContain('a baseline saved and tracked'),
    );
    expect(screen.getByTestId('evidence-empty')).toBeTruthy();
    expect(screen.getByTestId('evidence-add')).toBeTruthy();
  });

  test('a read-only workspace lists suggestions and evidence without the actions', async () => {
    await openEvidence({ readOnly: true });
    expect(within(suggestions()[0]).queryByTestId('evidence-accept')).toBeNull();
    expect(within(suggestions()[0]).getByTestId('evidence-open')).toBeTruthy();
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(within(items()[0]).queryByTestId('evidence-remove')).toBeNull();
    expect(screen.queryByTestId('evidence-add')).toBeNull();
  });
});
