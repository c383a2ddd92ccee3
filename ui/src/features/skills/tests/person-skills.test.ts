import { describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend } from '../../../tests/fake-backend';
import { FakeSkills } from '../../../tests/fake-skills';
import { renderApp } from '../../../tests/helpers';
import { formatDate, formatDue, todayIso } from '../../../lib/shared/format';

/**
 * Ana Silva (person 1) is an IT Manager growing into an IT Project Manager. Her manager rates
 * Planning at 4 (met), she rates Risk at 2; the rest of the target role is not assessed yet.
 * Gaps: Stakeholder engagement 4 (focus), Communication 4, Agile delivery 3, Risk 2, Planning 0.
 */
async function openPerson({ readOnly = false, setUp = true } = {}) {
  const fake = standardBackend();
  fake.people.push({ id: 2, name: 'Dana Whitfield', role: 'Infrastructure lead' });
  if (readOnly) fake.workspace!.read_only = { code: 'newer_version', message: 'Made by a newer Bridgeplan.' };
  const team = new FakeSkills(fake);
  if (setUp)
    team.setUp(1, 101, 102, [
      [11, 'manager', 4, '2025-01-10'],
      [12, 'self', 2, '2025-01-12'],
    ]);
  await renderApp(fake);
  await fireEvent.click(screen.getByTestId('people-link'));
  await screen.findByText('Ana Silva', { selector: 'h2' });
  return { fake, team };
}

const rows = () => screen.queryAllByTestId('skill-row');
const rowIds = () => rows().map((r) => Number(r.dataset.skillId));
const row = (skillId: number) => rows().find((r) => r.dataset.skillId === String(skillId))!;
const inRow = (skillId: number, testid: string) => within(row(skillId)).getByTestId(testid) as HTMLSelectElement;
const pick = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
/** An element's text with runs of white space made one space. */
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('person page: header', () => {
  test('shows name, job title and roles; changing a role saves and reloads the profile', async () => {
    const { fake } = await openPerson();
    const page = screen.getByTestId('person-page');
    expect(text(page)).toContain('Security engineer');
    const current = screen.getByTestId('person-current-role') as HTMLSelectElement;
    const target = screen.getByTestId('person-target-role') as HTMLSelectElement;
    expect(current.value).toBe('101');
    expect(target.value).toBe('102');
    expect([...target.options].map((o) => o.textContent)).toEqual(['None', 'IT Manager', 'IT Project Manager']);
    expect(rowIds()).toEqual([11, 12, 13, 21, 22, 31]);

    const loads = fake.callsOf('skill_profile').length;
    await pick(target, '');
    await waitFor(() =>
      expect(fake.callsOf('person_roles_set')).toEqual([{ person_id: 1, current_role_id: 101, target_role_id: null }]),
    );
    await waitFor(() => expect(fake.callsOf('skill_profile').length).toBeGreaterThan(loads));
    // Without the target role only the current role's and the assessed skills are left.
    await waitFor(() => expect(rowIds()).toEqual([11, 12, 22, 31]));
    expect(target.value).toBe('');
  });

  test('a refused role change shows the message and keeps the choice', async () => {
    const { fake } = await openPerson();
    fake.failures.set('person_roles_set', {
      code: 'read_only',
      message: 'The workspace file is locked by another program.',
    });
    const current = screen.getByTestId('person-current-role') as HTMLSelectElement;
    await pick(current, '102');
    expect((await screen.findByTestId('person-role-error')).textContent).toContain('locked by another program');
    expect(current.value).toBe('102');
  });

  test('notes save on leaving the field; Ctrl+Z undoes the edit and the page follows', async () => {
    const { fake, team } = await openPerson();
    const notes = screen.getByTestId('person-notes') as HTMLTextAreaElement;
    notes.focus();
    await fireEvent.input(notes, { target: { value: 'Ready to run a small project.' } });
    notes.blur();
    await waitFor(() =>
      expect(fake.callsOf('skill_notes_set')).toEqual([{ person_id: 1, notes: 'Ready to run a small project.' }]),
    );
    expect(team.person(1).notes).toBe('Ready to run a small project.');

    await fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(team.person(1).notes).toBe(''));
    await waitFor(() => expect(notes.value).toBe(''));
  });
});

describe('person page: skills table', () => {
  test('skills are grouped under their areas with the group; focus skills carry the PM focus badge', async () => {
    await openPerson();
    const table = screen.getByTestId('skills-table');
    const areas = [...table.querySelectorAll('th[scope="colgroup"]')];
    expect(areas.map(text)).toEqual([
      'Ways of working PMI Talent Triangle',
      'Power skills PMI Talent Triangle',
      'Service management (ITIL) IT',
    ]);
    expect(within(row(11)).getByTestId('skill-focus').textContent).toBe('PM focus');
    expect(within(row(21)).queryByTestId('skill-focus')).not.toBeNull();
    expect(within(row(13)).queryByTestId('skill-focus')).toBeNull();
    // Levels, target, what the role expects now, the gap and last assessed.
    expect(inRow(11, 'skill-manager-level').value).toBe('4');
    expect(inRow(11, 'skill-self-level').value).toBe('');
    expect(text(inRow(11, 'skill-gap'))).toBe('met');
    expect(text(inRow(21, 'skill-gap'))).toBe('4');
    expect(text(row(12))).toContain(formatDue('2025-01-12'));
    expect(text(inRow(12, 'skill-target').selectedOptions[0])).toBe('Role: 4 Advanced');
  });

  test('picking a self level records an assessment dated today and the row shows it', async () => {
    const { fake } = await openPerson();
    await pick(inRow(21, 'skill-self-level'), '3');
    await waitFor(() =>
      expect(fake.callsOf('skill_assess')).toEqual([
        { person_id: 1, skill_id: 21, kind: 'self', level: 3, on: todayIso(), note: '' },
      ]),
    );
    await waitFor(() => expect(text(inRow(21, 'skill-gap'))).toBe('1'));
    expect(inRow(21, 'skill-self-level').value).toBe('3');
    expect(text(inRow(21, 'skill-self-level').selectedOptions[0])).toBe('3 Practitioner');
  });

  test('picking a manager level likewise; the manager view becomes the current level', async () => {
    const { fake } = await openPerson();
    await pick(inRow(12, 'skill-manager-level'), '4');
    await waitFor(() =>
      expect(fake.callsOf('skill_assess')).toEqual([
        { person_id: 1, skill_id: 12, kind: 'manager', level: 4, on: todayIso(), note: '' },
      ]),
    );
    await waitFor(() => expect(text(inRow(12, 'skill-gap'))).toBe('met'));
    expect(inRow(12, 'skill-manager-level').value).toBe('4');
    expect(inRow(12, 'skill-self-level').value).toBe('2');
  });

  test('a refused assessment shows the backend message under the row and keeps the level', async () => {
    const { fake } = await openPerson();
    fake.failures.set('skill_assess', {
      code: 'read_only',
      message: 'The workspace file is locked by another program.',
    });
    await pick(inRow(13, 'skill-self-level'), '2');
    expect((await screen.findByTestId('skill-error')).textContent).toContain('locked by another program');
    expect(inRow(13, 'skill-self-level').value).toBe('2');
    expect(inRow(13, 'skill-self-level').getAttribute('aria-invalid')).toBe('true');
  });

  test('the criteria of each level show with the level names, by click or Enter on the row', async () => {
    await openPerson();
    await fireEvent.click(inRow(12, 'skill-criteria'));
    const levels = await screen.findByTestId('skill-criteria-levels');
    const items = within(levels).getAllByRole('listitem').map(text);
    expect(items[0]).toContain('1 Aware');
    expect(items[0]).toContain('Risk: criteria of level 1.');
    expect(items[2]).toBe('3 Practitioner Risk: criteria of level 3.');
    // Where the person stands: her own view at 2, the target at 4.
    expect(items[1]).toContain('Self');
    expect(items[3]).toContain('Target');
    expect(items[4]).toContain('5 Expert');
    expect(inRow(12, 'skill-criteria').getAttribute('aria-expanded')).toBe('true');

    await fireEvent.click(inRow(12, 'skill-criteria'));
    expect(screen.queryByTestId('skill-criteria-levels')).toBeNull();
    row(11).focus();
    await fireEvent.keyDown(row(11), { key: 'Enter' });
    expect(text(await screen.findByTestId('skill-criteria-levels'))).toContain('Planning: criteria of level 4.');
  });

  test('the rows are one tab stop; arrows, Home and End move between them', async () => {
    await openPerson();
    expect(rows().map((r) => r.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
    row(11).focus();
    await fireEvent.keyDown(row(11), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(row(12));
    await fireEvent.keyDown(row(12), { key: 'End' });
    expect(document.activeElement).toBe(row(31));
    await fireEvent.keyDown(row(31), { key: 'ArrowUp' });
    expect(document.activeElement).toBe(row(22));
    await fireEvent.keyDown(row(22), { key: 'Home' });
    expect(document.activeElement).toBe(row(11));
    await waitFor(() => expect(row(11).tabIndex).toBe(0));
  });

  test('history lists the dated assessments; one is recorded with its own date and note', async () => {
    const { fake, team } = await openPerson();
    team.assessments.push({
      id: 1,
      person_id: 1,
      skill_id: 12,
      kind: 'manager',
      level: 1,
      assessed_on: '2024-11-02',
      note: 'First talk',
    });
    await fireEvent.click(inRow(12, 'skill-history'));
    const panel = await screen.findByTestId('skill-history-panel');
    await waitFor(() => expect(within(panel).getAllByTestId('skill-history-entry')).toHaveLength(2));
    const entries = () => within(panel).getAllByTestId('skill-history-entry').map(text);
    expect(entries()).toEqual([
      `${formatDate('2025-01-12')} Self 2 Working`,
      `${formatDate('2024-11-02')} Manager 1 Aware First talk`,
    ]);
    expect(fake.callsOf('skill_history')[0]).toEqual({ person_id: 1, skill_id: 12 });

    await pick(within(panel).getByTestId('skill-history-kind'), 'manager');
    await pick(within(panel).getByTestId('skill-history-level'), '3');
    const date = within(panel).getByTestId('skill-history-date') as HTMLInputElement;
    expect(date.value).toBe(todayIso());
    await fireEvent.input(date, { target: { value: '2025-02-14' } });
    await fireEvent.input(within(panel).getByTestId('skill-history-note'), { target: { value: 'Quarterly review' } });
    await fireEvent.click(within(panel).getByTestId('skill-history-record'));
    await waitFor(() =>
      expect(fake.callsOf('skill_assess')).toEqual([
        { person_id: 1, skill_id: 12, kind: 'manager', level: 3, on: '2025-02-14', note: 'Quarterly review' },
      ]),
    );
    await waitFor(() =>
      expect(entries()[0]).toBe(`${formatDate('2025-02-14')} Manager 3 Practitioner Quarterly review`),
    );
    // The row follows: the manager's view is now the current level.
    await waitFor(() => expect(inRow(12, 'skill-manager-level').value).toBe('3'));
  });

  test('a bad date shows the backend message and keeps what was typed; Esc closes the history', async () => {
    const { fake } = await openPerson();
    await fireEvent.click(inRow(11, 'skill-history'));
    const panel = await screen.findByTestId('skill-history-panel');
    await pick(within(panel).getByTestId('skill-history-level'), '2');
    const date = within(panel).getByTestId('skill-history-date') as HTMLInputElement;
    await fireEvent.input(date, { target: { value: '14.02.2025' } });
    await fireEvent.click(within(panel).getByTestId('skill-history-record'));
    const error = await within(panel).findByTestId('skill-history-error');
    expect(error.textContent).toContain('The assessment date "14.02.2025" is not a real date');
    expect(date.value).toBe('14.02.2025');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsOf('skill_assess')).toHaveLength(1);

    await fireEvent.keyDown(date, { key: 'Escape' });
    expect(screen.queryByTestId('skill-history-panel')).toBeNull();
    expect(document.activeElement).toBe(inRow(11, 'skill-history'));
  });

  test('an own target is set and cleared; the row says where the target comes from', async () => {
    const { fake } = await openPerson();
    const target = () => inRow(13, 'skill-target');
    expect(text(target().selectedOptions[0])).toBe('Role: 3 Practitioner');
    await pick(target(), '5');
    await waitFor(() => expect(fake.callsOf('skill_target_set')).toEqual([{ person_id: 1, skill_id: 13, level: 5 }]));
    await waitFor(() => expect(text(row(13))).toContain('own'));
    expect(target().value).toBe('5');
    expect(text(inRow(13, 'skill-gap'))).toBe('5');

    await pick(target(), '');
    await waitFor(() =>
      expect(fake.callsOf('skill_target_set')[1]).toEqual({ person_id: 1, skill_id: 13, level: null }),
    );
    await waitFor(() => expect(text(inRow(13, 'skill-gap'))).toBe('3'));
    expect(text(target().selectedOptions[0])).toBe('Role: 3 Practitioner');
  });

  test('a person without roles sees what the table is for and adds a skill to assess', async () => {
    const { fake } = await openPerson({ setUp: false });
    expect(text(screen.getByTestId('skills-empty'))).toContain('Choose a role above');
    await fireEvent.click(screen.getByTestId('skill-add'));
    const skill = screen.getByTestId('skill-add-skill') as HTMLSelectElement;
    expect(document.activeElement).toBe(skill);
    expect(skill.options).toHaveLength(6);
    await pick(skill, '22');
    await pick(screen.getByTestId('skill-add-level'), '2');
    await fireEvent.click(screen.getByTestId('skill-add-submit'));
    await waitFor(() =>
      expect(fake.callsOf('skill_assess')).toEqual([
        { person_id: 1, skill_id: 22, kind: 'self', level: 2, on: todayIso(), note: '' },
      ]),
    );
    await waitFor(() => expect(screen.queryByTestId('skill-add-form')).toBeNull());
    expect(rowIds()).toEqual([22]);
    await waitFor(() => expect(document.activeElement).toBe(row(22)));
  });

  test('a read-only workspace shows the levels but disables every picker', async () => {
    await openPerson({ readOnly: true });
    for (const testid of ['skill-self-level', 'skill-manager-level', 'skill-target']) {
      expect(inRow(12, testid).disabled).toBe(true);
    }
    expect((screen.getByTestId('person-target-role') as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByTestId('person-notes') as HTMLTextAreaElement).readOnly).toBe(true);
    expect(screen.queryByTestId('skill-add')).toBeNull();
    await fireEvent.click(inRow(12, 'skill-history'));
    const panel = await screen.findByTestId('skill-history-panel');
    expect(within(panel).queryByTestId('skill-history-record')).toBeNull();
  });

  test('the tabs move with arrows, Home and End', async () => {
    await openPerson();
    const tab = (name: string) => screen.getByTestId(`person-tab-${name}`);
    tab('skills').focus();
    await fireEvent.keyDown(tab('skills'), { key: 'ArrowRight' });
    expect(tab('gap').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tab('gap'));
    expect(screen.getByTestId('gap-report')).toBeTruthy();
    await fireEvent.keyDown(tab('gap'), { key: 'End' });
    expect(tab('development').getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(tab('development'), { key: 'ArrowRight' });
    expect(tab('skills').getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(tab('skills'), { key: 'ArrowLeft' });
    expect(tab('development').getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(tab('development'), { key: 'Home' });
    expect(tab('skills').getAttribute('aria-selected')).toBe('true');
  });
});

describe('person page: gap report', () => {
  test('skills with a target by gap, focus first among equal gaps; focus skills counted; chart bars drawn', async () => {
    await openPerson();
    await fireEvent.click(screen.getByTestId('person-tab-gap'));
    const report = screen.getByTestId('gap-report');
    expect(text(within(report).getByRole('heading', { level: 3 }))).toBe('IT Manager → IT Project Manager');
    const gapRows = within(report).getAllByTestId('gap-row');
    expect(gapRows.map((r) => Number(r.dataset.skillId))).toEqual([21, 22, 13, 12, 11]);
    expect(gapRows.map((r) => text(within(r).getByTestId('gap-value')))).toEqual(['4', '4', '3', '2', 'met']);
    expect(text(gapRows[0])).toContain('PM focus');
    expect(gapRows[0].classList.contains('focus')).toBe(true);
    expect(gapRows[1].classList.contains('focus')).toBe(false);
    expect(text(within(report).getByTestId('gap-focus-count'))).toBe('2 of 3 PM focus skills below target');
    expect(text(within(report).getByTestId('gap-summary'))).toContain('4 of 5 skills below target');

    const chart = within(report).getByTestId('gap-chart');
    expect(chart.querySelectorAll('[data-testid="gap-chart-row"]')).toHaveLength(5);
    const current = [...chart.querySelectorAll<SVGRectElement>('[data-testid="gap-bar-current"]')];
    const targets = [...chart.querySelectorAll<SVGLineElement>('[data-testid="gap-bar-target"]')];
    expect(current).toHaveLength(5);
    expect(targets).toHaveLength(5);
    // Planning: met at 4 of 4, so its bar reaches the target's tick; Stakeholder engagement has no bar yet.
    const end = (r: SVGRectElement) => Number(r.getAttribute('x')) + Number(r.getAttribute('width'));
    expect(end(current[4])).toBeCloseTo(Number(targets[4].getAttribute('x1')));
    expect(Number(current[0].getAttribute('width'))).toBe(0);
    expect(chart.textContent).toContain('Stakeholder engagement');
    expect(chart.textContent).toContain('0 of 4, gap 4');
    // Three focus skills with a target make a radar.
    expect(within(report).getByTestId('gap-radar')).toBeTruthy();
  });

  test('without a target role the report says what it is for and leads to the target role', async () => {
    await openPerson({ setUp: false });
    await fireEvent.click(screen.getByTestId('person-tab-gap'));
    expect(screen.getByTestId('gap-empty').textContent).toContain('Choose a target role to see the gap');
    expect(screen.queryByTestId('gap-chart')).toBeNull();
    await fireEvent.click(screen.getByTestId('gap-choose-target'));
    expect(document.activeElement).toBe(screen.getByTestId('person-target-role'));
  });

  test('the report follows an undo of a level picked on the Skills tab', async () => {
    const { fake } = await openPerson();
    await pick(inRow(21, 'skill-manager-level'), '4');
    await waitFor(() => expect(fake.callsOf('skill_assess')).toHaveLength(1));
    await fireEvent.click(screen.getByTestId('person-tab-gap'));
    await waitFor(() =>
      expect(screen.getByTestId('gap-focus-count').textContent).toBe('1 of 3 PM focus skills below target'),
    );
    await fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(() =>
      expect(screen.getByTestId('gap-focus-count').textContent).toBe('2 of 3 PM focus skills below target'),
    );
  });
});

describe('a person as a resource of the schedule', () => {
  test('choosing a calendar and typing an hourly rate save them; a bad amount is explained', async () => {
    const { fake } = await openPerson();
    const calendar = (await screen.findByTestId('person-calendar')) as HTMLSelectElement;
    await fireEvent.change(calendar, { target: { value: '2' } });
    await waitFor(() =>
      expect(fake.callsOf('person_resource_set').at(-1)).toMatchObject({ calendar_id: 2, cost_rate_minor: 0 }),
    );
    const rate = screen.getByTestId('person-rate') as HTMLInputElement;
    await fireEvent.input(rate, { target: { value: '85.50' } });
    await fireEvent.blur(rate);
    await waitFor(() =>
      expect(fake.callsOf('person_resource_set').at(-1)).toMatchObject({ calendar_id: 2, cost_rate_minor: 8550 }),
    );
    await waitFor(() => expect(fake.callsOf('person_resource_get').length).toBeGreaterThanOrEqual(3));
    await waitFor(() => expect(rate.value).toBe('85.50'));
    await fireEvent.input(rate, { target: { value: 'lots' } });
    await fireEvent.blur(rate);
    expect((await screen.findByText(/"lots" is not an amount/)).textContent).toContain('85.00');
  });
});
