import { describe, expect, test } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import CertificationsPanel from '../CertificationsPanel.svelte';
import Toasts from '../../../lib/shared/Toasts.svelte';
import { formatDate } from '../../../lib/shared/format';
import { workspace } from '../../workspace/workspace.svelte';
import { standardBackend } from '../../../tests/fake-backend';
import { FakeCareer } from '../../../tests/fake-career';
import { FakeSkills } from '../../../tests/fake-skills';
import { renderApp } from '../../../tests/helpers';

const ANA = 1;

function setUp() {
  const fake = standardBackend();
  new FakeSkills(fake);
  const career = new FakeCareer(fake);
  return { fake, career };
}

/** The panel of Ana's certifications, as the People screen shows it (undo reloads it there). */
async function renderPanel(fake: ReturnType<typeof setUp>['fake']) {
  fake.install();
  workspace.screen = 'people';
  render(CertificationsPanel, { props: { personId: ANA } });
  render(Toasts);
  await waitFor(() => expect(fake.callsOf('certifications_list').length).toBeGreaterThan(0));
  await waitFor(() => expect(screen.queryByText('Loading…')).toBeNull());
}

const card = (key: string) => screen.getAllByTestId('certification-card').find((c) => c.dataset.key === key)!;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const item = (c: HTMLElement, key: string) =>
  within(c)
    .getAllByTestId('certification-eligibility-item')
    .find((i) => i.dataset.key === key)!
    .querySelector('input')!;
const progress = (c: HTMLElement, key: string) =>
  text(
    within(c)
      .getAllByTestId('units-category-progress')
      .find((r) => r.dataset.key === key),
  );

describe('certifications panel', () => {
  test('lists tracked certifications with their rules, source and date checked', async () => {
    const { fake, career } = setUp();
    career.addCert(ANA, 'pmp', { status: 'passed', earned_on: '2026-03-12', result: 'Above target' });
    career.addCert(ANA, 'itil4-foundation', { status: 'exam_booked', exam_date: '2026-12-01' });
    career.addCert(2, 'capm');
    await renderPanel(fake);

    expect(screen.getAllByTestId('certification-card').map((c) => c.dataset.key)).toEqual(['pmp', 'itil4-foundation']);
    const pmp = card('pmp');
    expect(text(pmp)).toContain('Project Management Professional (PMP)');
    expect(text(within(pmp).getByTestId('certification-status'))).toBe('Status: Passed');
    expect(text(within(pmp).getByTestId('certification-source'))).toBe(
      `Source: PMI: Maintain Your Certification, checked ${formatDate('2026-11-23')} https://www.pmi.org/certifications/certification-resources/maintain`,
    );
    // The address is text to copy, not a link (the app is offline).
    expect(pmp.querySelector('a')).toBeNull();
    expect(text(pmp)).toContain('180 questions · 230 minutes · passing: Not published by PMI');
    expect(text(within(pmp).getByTestId('certification-rule-notes'))).toContain('Unconfirmed');
    expect(text(within(pmp).getByTestId('certification-expiry'))).toBe(`Renew by ${formatDate('2029-03-12')}`);
    expect(text(pmp)).toContain('Result: Above target');

    // ITIL 4 Foundation never expires, and it has no checklist or continuing education.
    const itil = card('itil4-foundation');
    expect(text(within(itil).getByTestId('certification-expiry'))).toBe('Never expires');
    expect(text(within(itil).getByTestId('certification-validity'))).toBe('Valid: never expires');
    expect(text(within(itil).getByTestId('certification-status'))).toBe('Status: Exam booked');
    expect(within(itil).queryByTestId('certification-eligible')).toBeNull();
    expect(within(itil).queryByTestId('units-log')).toBeNull();
  });

  test('ticking eligibility saves it; eligible once the required items and one of each group are met', async () => {
    const { fake, career } = setUp();
    const pmp = career.addCert(ANA, 'pmp', { status: 'studying', notes: 'Voucher paid' });
    await renderPanel(fake);
    const c = card('pmp');
    expect(text(within(c).getByTestId('certification-eligible'))).toBe('Not yet eligible');
    // The two alternatives show under "One of:".
    const oneOf = within(c).getByText('One of:').parentElement!;
    expect(
      within(oneOf)
        .getAllByTestId('certification-eligibility-item')
        .map((i) => i.dataset.key),
    ).toEqual(['degree-36', 'diploma-60']);

    await fireEvent.click(item(c, 'diploma-60'));
    await waitFor(() => expect(fake.callsOf('certification_update')).toHaveLength(1));
    expect(fake.callsOf('certification_update')[0]).toEqual({
      id: pmp.id,
      input: {
        status: 'studying',
        exam_date: null,
        result: '',
        earned_on: null,
        eligibility_met: ['diploma-60'],
        notes: 'Voucher paid',
      },
    });
    await waitFor(() => expect(item(card('pmp'), 'diploma-60').checked).toBe(true));
    expect(text(within(card('pmp')).getByTestId('certification-eligible'))).toBe('Not yet eligible');

    await fireEvent.click(item(card('pmp'), 'education-35'));
    await waitFor(() => expect(text(within(card('pmp')).getByTestId('certification-eligible'))).toBe('Eligible'));
    expect((fake.callsOf('certification_update')[1].input as { eligibility_met: string[] }).eligibility_met).toEqual([
      'education-35',
      'diploma-60',
    ]);
  });

  test('marking passed without a date shows the backend message; adding the date saves both', async () => {
    const { fake, career } = setUp();
    career.addCert(ANA, 'capm', { status: 'exam_booked', exam_date: '2026-05-04' });
    await renderPanel(fake);
    const c = card('capm');
    const status = within(c).getByTestId('certification-status-select') as HTMLSelectElement;
    await fireEvent.change(status, { target: { value: 'passed' } });
    const error = await within(c).findByTestId('certification-error');
    expect(text(error)).toBe('A passed certification needs the date it was passed.');
    // What the user chose stays, and the date field is marked.
    expect(status.value).toBe('passed');
    expect(within(c).getByTestId('certification-earned-on').getAttribute('aria-invalid')).toBe('true');
    expect(text(within(c).getByTestId('certification-status'))).toBe('Status: Exam booked');

    await fireEvent.change(within(c).getByTestId('certification-earned-on'), { target: { value: '2026-05-04' } });
    await waitFor(() => expect(text(within(card('capm')).getByTestId('certification-status'))).toBe('Status: Passed'));
    expect(within(card('capm')).queryByTestId('certification-error')).toBeNull();
    expect(fake.callsOf('certification_update').at(-1)!.input).toMatchObject({
      status: 'passed',
      earned_on: '2026-05-04',
    });
    expect(text(within(card('capm')).getByTestId('certification-expiry'))).toBe(`Renew by ${formatDate('2029-05-04')}`);
  });

  test('logging units calls units_log; category progress and units due follow; a bad category is refused', async () => {
    const { fake, career } = setUp();
    const pmp = career.addCert(ANA, 'pmp', {
      status: 'passed',
      earned_on: '2099-01-10',
      log: [{ id: 1, earned_on: '2099-02-01', category: 'education', units: 20, activity: 'Scheduling course' }],
    });
    await renderPanel(fake);
    let c = card('pmp');
    expect(text(within(c).getByTestId('units-counted'))).toBe('20 of 60 PDUs');
    expect(text(within(c).getByTestId('units-due'))).toBe(`Still due by ${formatDate('2102-01-10')}: 40 PDUs`);
    expect(progress(c, 'education')).toContain('20 of at least 35 · 15 still needed');
    expect(progress(c, 'giving-back')).toContain('0 (at most 25 count)');
    // Categories within Education come right under it, indented.
    const rows = within(c).getAllByTestId('units-category-progress');
    expect(rows.map((r) => r.dataset.key)).toEqual(['education', 'ways-of-working', 'power-skills', 'giving-back']);
    expect(rows[1].style.paddingLeft).toBe('20px');
    expect(text(within(c).getByTestId('units-log'))).toContain('Scheduling course');

    await fireEvent.click(within(c).getByTestId('units-add'));
    const form = within(c).getByTestId('units-form');
    await fireEvent.change(within(form).getByTestId('units-form-category'), { target: { value: 'ways-of-working' } });
    await fireEvent.input(within(form).getByTestId('units-form-units'), { target: { value: '10' } });
    await fireEvent.input(within(form).getByTestId('units-form-date'), { target: { value: '2099-03-01' } });
    await fireEvent.input(within(form).getByTestId('units-form-activity'), { target: { value: 'Agile workshop' } });
    await fireEvent.submit(form);
    await waitFor(() => expect(within(card('pmp')).queryByTestId('units-form')).toBeNull());
    expect(fake.callsOf('units_log')).toEqual([
      {
        id: pmp.id,
        input: { category: 'ways-of-working', units: 10, earned_on: '2099-03-01', activity: 'Agile workshop' },
      },
    ]);
    c = card('pmp');
    expect(progress(c, 'education')).toContain('30 of at least 35');
    expect(progress(c, 'ways-of-working')).toContain('10 of at least 8');
    expect(text(within(c).getByTestId('units-due'))).toBe(`Still due by ${formatDate('2102-01-10')}: 30 PDUs`);
    expect(text(within(c).getByTestId('units-log'))).toContain('Agile workshop');

    // The rules changed since the panel loaded: the backend refuses the category, the form keeps what was typed.
    career.rules[0].renewal!.categories.pop();
    await fireEvent.click(within(c).getByTestId('units-add'));
    const again = within(c).getByTestId('units-form');
    await fireEvent.change(within(again).getByTestId('units-form-category'), { target: { value: 'giving-back' } });
    await fireEvent.input(within(again).getByTestId('units-form-units'), { target: { value: '5' } });
    await fireEvent.input(within(again).getByTestId('units-form-activity'), { target: { value: 'Mentoring' } });
    await fireEvent.submit(again);
    const error = await within(again).findByTestId('units-form-error');
    expect(text(error)).toBe(
      `"giving-back" is not a category of Project Management Professional (PMP)'s continuing education.`,
    );
    expect((within(again).getByTestId('units-form-activity') as HTMLInputElement).value).toBe('Mentoring');
  });

  test('an expired renewal is overdue in red with words; removing units offers undo', async () => {
    const { fake, career } = setUp();
    career.addCert(ANA, 'capm', {
      status: 'passed',
      earned_on: '2020-01-10',
      log: [{ id: 1, earned_on: '2021-02-01', category: 'education', units: 3, activity: 'Webinar' }],
    });
    await renderPanel(fake);
    const c = card('capm');
    expect(text(within(c).getByTestId('certification-expiry'))).toContain('renewal overdue');
    expect(text(within(c).getByTestId('units-due'))).toBe(`Overdue: 12 PDUs were due by ${formatDate('2023-01-10')}`);

    await fireEvent.click(within(c).getByTestId('units-remove'));
    await waitFor(() => expect(within(card('capm')).queryByTestId('units-entry')).toBeNull());
    expect(fake.callsOf('units_remove')).toEqual([{ id: 1 }]);
    await fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(within(card('capm')).getAllByTestId('units-entry')).toHaveLength(1));
  });

  test('add a certification from the rules not tracked, remove it with undo; a duplicate is refused', async () => {
    const { fake, career } = setUp();
    career.addCert(ANA, 'pmp');
    await renderPanel(fake);

    await fireEvent.click(screen.getByTestId('certification-add'));
    const select = screen.getByTestId('certification-add-key') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['itil4-foundation', 'capm']);
    await fireEvent.change(select, { target: { value: 'capm' } });
    await fireEvent.submit(screen.getByTestId('certification-add-form'));
    await waitFor(() => expect(screen.getAllByTestId('certification-card')).toHaveLength(2));
    expect(fake.callsOf('certification_add')).toEqual([{ person_id: ANA, key: 'capm' }]);
    await waitFor(() => expect(screen.queryByTestId('certification-add-form')).toBeNull());

    await fireEvent.click(within(card('capm')).getByTestId('certification-remove'));
    await waitFor(() => expect(screen.getAllByTestId('certification-card')).toHaveLength(1));
    await fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getAllByTestId('certification-card')).toHaveLength(2));

    fake.failures.set('certification_add', {
      code: 'duplicate',
      message: 'ITIL 4 Foundation is already tracked for this person.',
    });
    await fireEvent.click(screen.getByTestId('certification-add'));
    await fireEvent.submit(screen.getByTestId('certification-add-form'));
    expect(text(await screen.findByTestId('certification-add-error'))).toBe(
      'ITIL 4 Foundation is already tracked for this person.',
    );
    expect(screen.getByTestId('certification-add-form')).toBeTruthy();
  });

  test('with nothing tracked the panel says what it is for and offers the first action', async () => {
    const { fake } = setUp();
    await renderPanel(fake);
    expect(text(screen.getByTestId('certifications-empty'))).toContain('Track the certifications');
    await fireEvent.click(screen.getByTestId('certification-add'));
    expect(document.activeElement).toBe(screen.getByTestId('certification-add-key'));
  });
});

describe('certifications on the People screen', () => {
  async function openTab({ readOnly = false } = {}) {
    const { fake, career } = setUp();
    if (readOnly) fake.workspace!.read_only = { code: 'newer_version', message: 'Made by a newer Bridgeplan.' };
    career.addCert(ANA, 'pmp', { status: 'passed', earned_on: '2099-01-10' });
    await renderApp(fake);
    await fireEvent.click(screen.getByTestId('people-link'));
    await fireEvent.click(await screen.findByTestId('person-tab-certifications'));
    await screen.findByTestId('certification-card');
    return { fake, career };
  }

  test('an edit is undone with Ctrl+Z and the card follows; the Upcoming count reloads after edits', async () => {
    const { fake } = await openTab();
    const loads = fake.callsOf('upcoming_list').length;
    await fireEvent.click(item(card('pmp'), 'education-35'));
    await waitFor(() => expect(item(card('pmp'), 'education-35').checked).toBe(true));
    await waitFor(() => expect(fake.callsOf('upcoming_list').length).toBeGreaterThan(loads));

    await fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(item(card('pmp'), 'education-35').checked).toBe(false));
  });

  test('a read-only workspace shows everything but offers no edits', async () => {
    await openTab({ readOnly: true });
    const c = card('pmp');
    expect(screen.queryByTestId('certification-add')).toBeNull();
    expect(within(c).queryByTestId('certification-remove')).toBeNull();
    expect(within(c).queryByTestId('units-add')).toBeNull();
    expect((within(c).getByTestId('certification-status-select') as HTMLSelectElement).disabled).toBe(true);
    expect(item(c, 'education-35').disabled).toBe(true);
    expect(within(c).getByTestId('units-log')).toBeTruthy();
  });
});
