// The Meetings tab's side of the fake backend: meetings held whole, edits undoable through
// fake.edit, action items that become work items on the fake's board (owner required, as the
// core refuses one without), blocked reasons on items, and a stand-up view a test sets.
import type { Meeting } from '../lib/bindings/Meeting';
import type { MeetingInput } from '../lib/bindings/MeetingInput';
import type { MeetingSummary } from '../lib/bindings/MeetingSummary';
import type { Standup } from '../lib/bindings/Standup';
import type { WorkItem } from '../lib/bindings/WorkItem';
import { todayIso } from '../lib/shared/format';
import type { FakeBackend } from './fake-backend';

const invalid = (message: string) => ({ code: 'invalid_input', message });

export class FakeMeetings {
  meetings: Meeting[] = [];
  /** What standup_get answers per project (else an empty view). */
  standups = new Map<number, Standup>();
  #nextId = 70_000;

  constructor(private fake: FakeBackend) {
    const snapshot = () => structuredClone(this.meetings);
    const restore = (s: Meeting[]) => (this.meetings = structuredClone(s));
    const edit = <T>(label: string, fn: () => T): T => fake.edit(label, snapshot, restore, fn);
    fake
      .answer('meetings_list', (a) =>
        this.meetings
          .filter((m) => m.project_id === a.project_id)
          .map((m) => this.summary(m))
          .sort((x, y) => (x.day < y.day ? 1 : x.day > y.day ? -1 : 0)),
      )
      .answer('meeting_get', (a) => this.live(this.#get(a.id as number)))
      .answer('meeting_create', (a) => {
        const input = a.input as MeetingInput;
        this.#check(input);
        return edit(`Add meeting "${input.title}"`, () => {
          const m = this.#build(this.#nextId++, a.project_id as number, input, []);
          this.meetings.push(m);
          return this.live(m);
        });
      })
      .answer('meeting_update', (a) => {
        const old = this.#get(a.id as number);
        const input = a.input as MeetingInput;
        this.#check(input);
        return edit(`Edit meeting "${input.title}"`, () => {
          const m = this.#build(old.id, old.project_id, input, old.actions);
          this.meetings = this.meetings.map((x) => (x.id === m.id ? m : x));
          return this.live(m);
        });
      })
      .answer('meeting_delete', (a) => {
        const m = this.#get(a.id as number);
        return edit(`Delete meeting "${m.title}"`, () => {
          this.meetings = this.meetings.filter((x) => x.id !== m.id);
          return null;
        });
      })
      .answer('meeting_next', (a) => {
        const m = this.#get(a.id as number);
        const day = new Date(`${m.day}T12:00:00Z`);
        day.setUTCDate(day.getUTCDate() + (m.kind === 'standup' ? 1 : 7));
        return edit(`Add meeting "${m.title}"`, () => {
          const next: Meeting = {
            ...structuredClone(m),
            id: this.#nextId++,
            day: day.toISOString().slice(0, 10),
            notes: '',
            decisions: [],
            actions: [],
            attendees: m.attendees.map((x) => ({ ...x, attended: true })),
          };
          this.meetings.push(next);
          return next;
        });
      })
      .answer(
        'standup_get',
        (a) =>
          this.standups.get(a.project_id as number) ?? {
            project_id: a.project_id,
            today: todayIso(),
            since: todayIso(),
            last_standup_id: null,
            today_standup_id: null,
            people: [],
          },
      )
      .answer('standup_start', (a) => {
        const project_id = a.project_id as number;
        const existing = this.meetings.find(
          (m) => m.project_id === project_id && m.kind === 'standup' && m.day === todayIso(),
        );
        if (existing) return this.live(existing);
        const view = this.standups.get(project_id);
        return edit('Add meeting "Daily stand-up"', () => {
          const m = this.#build(
            this.#nextId++,
            project_id,
            {
              kind: 'standup',
              title: 'Daily stand-up',
              day: todayIso(),
              start_time: '09:30',
              duration_minutes: 15,
              location: '',
              agenda: '',
              notes: '',
              attendees: (view?.people ?? [])
                .filter((p) => p.person_id != null)
                .map((p) => ({ person_id: p.person_id, stakeholder_id: null, attended: true })),
              decisions: [],
              actions: [],
            },
            [],
          );
          this.meetings.push(m);
          return m;
        });
      })
      .answer('item_set_blocked', (a) => {
        const item = this.#item(a.id as number)!;
        if (!item) throw { code: 'not_found', message: 'That item no longer exists.' };
        const reason = String(a.reason ?? '').trim();
        return fake.edit(
          reason ? `Mark "${item.title}" blocked` : `Unblock "${item.title}"`,
          () => null,
          () => {},
          () => {
            const next: WorkItem = { ...item, blocked_reason: reason || undefined };
            if (!reason) delete next.blocked_reason;
            this.#replaceItem(next);
            return next;
          },
        );
      });
  }

  #get(id: number): Meeting {
    const m = this.meetings.find((x) => x.id === id);
    if (!m) throw { code: 'not_found', message: 'That meeting no longer exists (it may have been deleted or undone).' };
    return m;
  }

  #item(id: number): WorkItem | undefined {
    for (const items of this.fake.columns.values()) {
      const found = items.find((i) => i.id === id);
      if (found) return found;
    }
    return undefined;
  }

  #replaceItem(item: WorkItem) {
    for (const [status, items] of this.fake.columns) {
      const at = items.findIndex((i) => i.id === item.id);
      if (at >= 0) this.fake.columns.get(status)![at] = item;
    }
  }

  #check(input: MeetingInput) {
    if (!input.title.trim()) throw invalid("The meeting's title cannot be empty.");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.day)) throw invalid(`The meeting's day "${input.day}" is not a real date.`);
    if (input.duration_minutes < 1 || input.duration_minutes > 1440)
      throw invalid('A meeting lasts between 1 minute and 24 hours (1440 minutes).');
    for (const a of input.actions) {
      if (!a.title.trim()) throw invalid("An action's title cannot be empty.");
      if (a.owner_id == null)
        throw invalid(`The action "${a.title.trim()}" has no owner: choose who will do it. Nothing was saved.`);
      if (!this.fake.people.some((p) => p.id === a.owner_id))
        throw invalid(`The owner of the action "${a.title.trim()}" is not a person of this workspace.`);
    }
  }

  /** A meeting from its input; new actions become work items in the project's first column. */
  #build(id: number, project_id: number, input: MeetingInput, old: Meeting['actions']): Meeting {
    const project = this.fake.projects.find((p) => p.id === project_id)!;
    const first = this.fake.statuses
      .filter((s) => s.project_id === project_id)
      .sort((a, b) => a.position - b.position)[0];
    const actions = input.actions.map((a) => {
      const owner = this.fake.people.find((p) => p.id === a.owner_id)!;
      const existing = a.item_id != null ? this.#item(a.item_id) : undefined;
      if (existing) {
        const item = { ...existing, title: a.title.trim(), assignee: owner.name, due_date: a.due_date ?? null };
        this.#replaceItem(item);
        return old.find((o) => o.item_id === existing.id)!;
      }
      const item = this.fake.addItems(first.name, [a.title.trim()], project_id)[0];
      Object.assign(item, { assignee: owner.name, due_date: a.due_date ?? null });
      return {
        item_id: item.id,
        title: item.title,
        owner_id: owner.id,
        owner: owner.name,
        due_date: item.due_date,
        status: first.name,
        category: first.category,
        blocked_reason: null,
      };
    });
    return {
      id,
      project_id,
      project_name: project.name,
      kind: input.kind,
      title: input.title.trim(),
      day: input.day,
      start_time: input.start_time ?? null,
      duration_minutes: input.duration_minutes,
      location: input.location,
      agenda: input.agenda,
      notes: input.notes,
      attendees: input.attendees.map((a) => {
        const person = this.fake.people.find((p) => p.id === a.person_id);
        return {
          person_id: a.person_id ?? null,
          stakeholder_id: a.stakeholder_id ?? null,
          name: person?.name ?? 'Stakeholder',
          detail: '',
          attended: a.attended ?? true,
        };
      }),
      decisions: input.decisions.filter((d) => d.trim()).map((text, i) => ({ id: id * 100 + i, text: text.trim() })),
      actions,
    };
  }

  /** The meeting with each action's state read from the board now. */
  live(m: Meeting): Meeting {
    return {
      ...structuredClone(m),
      actions: m.actions
        .filter((a) => this.#item(a.item_id))
        .map((a) => {
          const item = this.#item(a.item_id)!;
          const status = this.fake.statuses.find((s) => s.id === item.status_id)!;
          const owner = this.fake.people.find((p) => p.name === item.assignee);
          return {
            ...a,
            title: item.title,
            owner: item.assignee,
            owner_id: owner?.id ?? null,
            due_date: item.due_date,
            status: status.name,
            category: status.category,
            blocked_reason: item.blocked_reason ?? null,
          };
        }),
    };
  }

  summary(m: Meeting): MeetingSummary {
    const live = this.live(m);
    return {
      id: m.id,
      project_id: m.project_id,
      project_name: m.project_name,
      kind: m.kind,
      title: m.title,
      day: m.day,
      start_time: m.start_time,
      duration_minutes: m.duration_minutes,
      location: m.location,
      attendee_count: m.attendees.length,
      decision_count: m.decisions.length,
      action_count: live.actions.length,
      open_actions: live.actions.filter((a) => a.category !== 'done').length,
    };
  }
}
