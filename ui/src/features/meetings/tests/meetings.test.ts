import { beforeEach, describe, expect, test } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { standardBackend, type FakeBackend } from '../../../tests/fake-backend';
import { FakeMeetings } from '../../../tests/fake-meetings';
import { FakeReports } from '../../../tests/fake-reports';
import { FakeStakeholders } from '../../../tests/fake-stakeholders';
import { card, renderApp } from '../../../tests/helpers';
import { todayIso } from '../../../lib/shared/format';
import { meetings } from '../meetings-state.svelte';
import { reports } from '../../reports/reports.svelte';
import type { Standup } from '../../../lib/bindings/Standup';

function backend(): { fake: FakeBackend; fm: FakeMeetings; project: number } {
  const fake = standardBackend();
  fake.people.push({ id: 2, name: 'Ben Cole', role: '' });
  const fm = new FakeMeetings(fake);
  return { fake, fm, project: fake.projects[0].id };
}

async function openMeetings(fake: FakeBackend) {
  await renderApp(fake);
  await fireEvent.click(screen.getByTestId('view-meetings'));
  return screen.findByTestId('meetings-view');
}

const input = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });
const items = (fake: FakeBackend) => [...fake.columns.values()].flat();

beforeEach(() => {
  meetings.reset();
  reports.reset();
});

describe('meetings', () => {
  test('an empty project says what meetings are for', async () => {
    const { fake } = backend();
    const view = await openMeetings(fake);
    expect((await within(view).findByTestId('meetings-empty')).textContent).toContain('becomes a work item');
  });

  test('a new meeting with an attendee, a decision and an action: the action becomes a work item', async () => {
    const { fake, fm, project } = backend();
    const view = await openMeetings(fake);
    await fireEvent.click(await within(view).findByTestId('meeting-new'));
    const editor = await within(view).findByTestId('meeting-editor');
    await input(within(editor).getByTestId('meeting-title'), 'Weekly status');
    await input(within(editor).getByTestId('meeting-day'), '2026-12-08');
    await fireEvent.change(within(editor).getByTestId('attendee-add'), { target: { value: 'p1' } });
    expect(
      within(editor)
        .getAllByTestId('attendee')
        .map((a) => a.textContent?.trim()),
    ).toEqual(['Ana Silva']);
    await fireEvent.click(within(editor).getByTestId('decision-add'));
    await input(within(editor).getByTestId('decision'), 'Go live on the 14th');
    await fireEvent.click(within(editor).getByTestId('action-add'));
    await input(within(editor).getByTestId('action-title'), 'Book the room');
    await fireEvent.change(within(editor).getByTestId('action-owner'), { target: { value: '2' } });
    await input(within(editor).getByTestId('action-due'), '2026-12-10');
    await fireEvent.click(within(editor).getByTestId('meeting-save'));
    await waitFor(() => expect(fm.meetings).toHaveLength(1));
    const call = fake.callsOf('meeting_create')[0] as { project_id: number; input: Record<string, unknown> };
    expect(call.project_id).toBe(project);
    expect(call.input).toMatchObject({
      title: 'Weekly status',
      day: '2026-12-08',
      attendees: [{ person_id: 1, stakeholder_id: null, attended: true }],
      decisions: ['Go live on the 14th'],
      actions: [{ item_id: null, title: 'Book the room', owner_id: 2, due_date: '2026-12-10' }],
    });
    const item = items(fake).find((i) => i.title === 'Book the room')!;
    expect(item.assignee).toBe('Ben Cole');
    // The saved meeting shows its action's live status and sits in the list.
    await waitFor(() => expect(within(view).getByTestId('action-status').textContent).toBe('Backlog'));
    expect((await within(view).findAllByTestId('meeting-row'))[0].textContent).toContain('Weekly status');
  });

  test("the project's stakeholders can be invited beside the workspace's people", async () => {
    const { fake, project } = backend();
    const fs = new FakeStakeholders(fake);
    const sponsor = fs.addStakeholder(project, { name: 'Dana Okafor', organisation: 'Finance' });
    const view = await openMeetings(fake);
    await fireEvent.click(await within(view).findByTestId('meeting-new'));
    const editor = await within(view).findByTestId('meeting-editor');
    await input(within(editor).getByTestId('meeting-title'), 'Steering committee');
    const picker = within(editor).getByTestId('attendee-add') as HTMLSelectElement;
    await waitFor(() => expect(picker.textContent).toContain('Dana Okafor (Finance)'));
    expect([...picker.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['People', 'Stakeholders']);
    await fireEvent.change(picker, { target: { value: `s${sponsor.id}` } });
    expect(within(editor).getByTestId('attendee').textContent).toContain('Dana Okafor · stakeholder');
    // Once invited, she leaves the picker.
    expect(picker.textContent).not.toContain('Dana Okafor');
    await fireEvent.click(within(editor).getByTestId('meeting-save'));
    await waitFor(() => expect(fake.callsOf('meeting_create')).toHaveLength(1));
    const call = fake.callsOf('meeting_create')[0] as { input: { attendees: unknown[] } };
    expect(call.input.attendees).toEqual([{ person_id: null, stakeholder_id: sponsor.id, attended: true }]);
  });

  test('an action with no owner is refused with a clear message and nothing is saved', async () => {
    const { fake, fm } = backend();
    const before = items(fake).length;
    const view = await openMeetings(fake);
    await fireEvent.click(await within(view).findByTestId('meeting-new'));
    const editor = await within(view).findByTestId('meeting-editor');
    await input(within(editor).getByTestId('meeting-title'), 'Status');
    await fireEvent.click(within(editor).getByTestId('action-add'));
    await input(within(editor).getByTestId('action-title'), 'Call the vendor');
    await fireEvent.click(within(editor).getByTestId('meeting-save'));
    const error = await within(editor).findByTestId('meeting-error');
    expect(error.textContent).toContain('"Call the vendor" has no owner');
    expect(fm.meetings).toHaveLength(0);
    expect(items(fake)).toHaveLength(before);
  });

  test('editing, the next meeting of the series and deleting with undo', async () => {
    const { fake, fm, project } = backend();
    fake.handle('meeting_create', {
      project_id: project,
      input: {
        kind: 'status',
        title: 'Weekly status',
        day: '2026-12-01',
        start_time: '10:00',
        duration_minutes: 45,
        location: '',
        agenda: 'Risks',
        notes: '',
        attendees: [{ person_id: 1, stakeholder_id: null, attended: true }],
        decisions: [],
        actions: [],
      },
    });
    const view = await openMeetings(fake);
    await fireEvent.click((await within(view).findAllByTestId('meeting-row'))[0]);
    const editor = await within(view).findByTestId('meeting-editor');
    await input(within(editor).getByTestId('meeting-notes'), 'All on track');
    await fireEvent.click(within(editor).getByTestId('meeting-save'));
    await waitFor(() => expect(fm.meetings[0].notes).toBe('All on track'));
    await fireEvent.click(within(editor).getByTestId('meeting-next'));
    await waitFor(() => expect(fm.meetings).toHaveLength(2));
    expect(fm.meetings[1]).toMatchObject({ day: '2026-12-08', agenda: 'Risks', notes: '' });
    await fireEvent.click(within(view).getByTestId('meeting-delete'));
    await fireEvent.click(within(view).getByTestId('meeting-delete-confirm'));
    await waitFor(() => expect(fm.meetings).toHaveLength(1));
    await fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(fm.meetings).toHaveLength(2));
  });

  test('the stand-up shows a card per person and starts today’s stand-up with them invited', async () => {
    const { fake, fm, project } = backend();
    const view0: Standup = {
      project_id: project,
      today: todayIso(),
      since: '2026-12-01',
      last_standup_id: null,
      today_standup_id: null,
      people: [
        {
          person_id: 1,
          name: 'Ana Silva',
          moved: [{ item_id: 5, title: 'Login page', status: 'Done', done: true, day: '2026-12-01' }],
          time: [{ item_id: 5, title: 'Login page', minutes: 90 }],
          logged_minutes: 90,
          due: [{ item_id: 6, title: 'Search', due_date: '2026-11-30', overdue: true }],
          blocked: [{ item_id: 7, title: 'API', reason: 'Waiting for the gateway' }],
        },
      ],
    };
    fm.standups.set(project, view0);
    const view = await openMeetings(fake);
    await fireEvent.click(within(view).getByTestId('meetings-pane-standup'));
    const cardEl = await within(view).findByTestId('standup-card');
    expect(cardEl.textContent).toContain('Done: Login page');
    expect(cardEl.textContent).toContain('Logged 1 h 30 min on 1 item');
    expect(within(cardEl).getByTestId('standup-due').textContent).toContain('overdue');
    expect(within(cardEl).getByTestId('standup-blocked').textContent).toContain('Waiting for the gateway');
    await fireEvent.click(within(view).getByTestId('standup-start'));
    await waitFor(() => expect(fm.meetings).toHaveLength(1));
    expect(fm.meetings[0]).toMatchObject({ kind: 'standup', day: todayIso() });
    expect(fm.meetings[0].attendees.map((a) => a.person_id)).toEqual([1]);
    expect(await within(view).findByTestId('meeting-editor')).toBeTruthy();
  });

  test('an item is marked blocked in its detail panel, shows on its card, and is cleared', async () => {
    const { fake } = backend();
    new FakeMeetings(fake);
    await renderApp(fake);
    await fireEvent.click(card('Patch VPN gateway'));
    const panel = await screen.findByTestId('detail-panel');
    await fireEvent.click(within(panel).getByTestId('blocked-mark'));
    const reason = within(panel).getByTestId('blocked-reason');
    await input(reason, 'Waiting for the vendor');
    await fireEvent.keyDown(reason, { key: 'Enter' });
    await waitFor(() => expect(within(panel).getByTestId('blocked-shown').textContent).toBe('Waiting for the vendor'));
    expect(fake.callsOf('item_set_blocked')).toEqual([
      { id: fake.item('Patch VPN gateway').id, reason: 'Waiting for the vendor' },
    ]);
    await waitFor(() => expect(within(card('Patch VPN gateway')).getByTestId('card-blocked')).toBeTruthy());
    await fireEvent.click(within(panel).getByTestId('blocked-clear'));
    await waitFor(() => expect(within(panel).getByTestId('blocked-mark')).toBeTruthy());
    expect(within(card('Patch VPN gateway')).queryByTestId('card-blocked')).toBeNull();
  });

  test('the minutes report offers the project’s meetings and sends the one chosen', async () => {
    const { fake, fm, project } = backend();
    const fr = new FakeReports(fake);
    fr.kinds.push({
      kind: 'minutes',
      name: 'minutes',
      title: 'Meeting minutes',
      description: 'The minutes of one meeting.',
      project: 'one',
      sprint: false,
      person: false,
      period: false,
      landscape: false,
      meeting: true,
    });
    const made = fake.handle('meeting_create', {
      project_id: project,
      input: {
        kind: 'steering',
        title: 'Steering committee',
        day: '2026-11-20',
        start_time: null,
        duration_minutes: 60,
        location: '',
        agenda: '',
        notes: '',
        attendees: [],
        decisions: [],
        actions: [],
      },
    }) as { id: number };
    void fm;
    await renderApp(fake);
    fr.install();
    await fireEvent.click(await screen.findByTestId('reports-link'));
    await fireEvent.click(await screen.findByTestId('report-kind-minutes'));
    const select = (await screen.findByTestId('report-meeting')) as HTMLSelectElement;
    await waitFor(() => expect(select.options).toHaveLength(2));
    expect(select.options[1].textContent).toContain('Steering committee');
    await fireEvent.change(select, { target: { value: String(made.id) } });
    await waitFor(() =>
      expect(
        fake.callsOf('report_render').some((c) => (c.request as { meeting_id?: number }).meeting_id === made.id),
      ).toBe(true),
    );
  });
});
