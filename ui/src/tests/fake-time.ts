// Time tracking in the fake backend: entries, timers, remaining estimates and the weekly
// timesheet, with the core's main refusals (zero, over 24 h, the future, a full day).
import type { ItemActuals } from '../lib/bindings/ItemActuals';
import type { RunningTimer } from '../lib/bindings/RunningTimer';
import type { TimeEntry } from '../lib/bindings/TimeEntry';
import type { TimeEntryInput } from '../lib/bindings/TimeEntryInput';
import type { Timesheet } from '../lib/bindings/Timesheet';
import type { WorkItem } from '../lib/bindings/WorkItem';
import { addDays, mondayOf, parseMinutes } from '../features/time/time';
import { todayIso } from '../lib/shared/format';
import { now } from '../lib/shared/clock';
import type { FakeBackend } from './fake-backend';

type State = { entries: TimeEntry[]; timers: RunningTimer[]; remaining: [number, number | null][] };
const invalid = (message: string) => ({ code: 'invalid_input', message });

export class FakeTime {
  entries: TimeEntry[] = [];
  timers: RunningTimer[] = [];
  remaining = new Map<number, number | null>();
  /** Hourly rate per person id, minor units (default 6000). */
  rates = new Map<number, number>();
  /** The elapsed minutes a stop answers (set by a test; else from started_at). */
  elapsed: number | null = null;
  #next = 50_000;

  constructor(private fake: FakeBackend) {
    const snapshot = (): State =>
      structuredClone({ entries: this.entries, timers: this.timers, remaining: [...this.remaining] });
    const restore = (s: State) => {
      this.entries = structuredClone(s.entries);
      this.timers = structuredClone(s.timers);
      this.remaining = new Map(s.remaining);
    };
    const edit = <T>(label: string, fn: () => T) => fake.edit(label, snapshot, restore, fn);
    fake
      .answer('time_entries_list', (a) =>
        this.entries.filter((e) => e.item_id === a.item_id).sort((x, y) => y.day.localeCompare(x.day)),
      )
      .answer('time_log', (a) => {
        const input = a.input as TimeEntryInput;
        const entry = this.#check(input, null);
        return edit(`Log time on "${entry.item_title}"`, () => {
          this.entries.push(entry);
          return entry;
        });
      })
      .answer('time_entry_update', (a) => {
        const old = this.#entry(a.id as number);
        const checked = this.#check(a.input as TimeEntryInput, old.id);
        return edit(`Change the time logged on "${old.item_title}"`, () => {
          Object.assign(old, { ...checked, id: old.id });
          return { ...old };
        });
      })
      .answer('time_entry_delete', (a) => {
        const old = this.#entry(a.id as number);
        return edit(`Delete time logged on "${old.item_title}"`, () => {
          this.entries = this.entries.filter((e) => e.id !== old.id);
          return null;
        });
      })
      .answer('item_actuals_get', (a) => this.actuals(a.item_id as number))
      .answer('remaining_hours_set', (a) => {
        const hours = a.hours as number | null;
        if (hours != null && hours < 0) throw invalid('The remaining estimate must be zero or more.');
        return edit('Set the remaining work', () => {
          this.remaining.set(a.item_id as number, hours);
          return this.actuals(a.item_id as number);
        });
      })
      .answer('timers_list', () => structuredClone(this.timers))
      .answer('timer_start', (a) => {
        const item = this.#item(a.item_id as number);
        const person = this.#person(a.person_id as number);
        const running = this.timers.find((t) => t.person_id === person.id);
        return edit(`Start ${person.name}'s timer on "${item.title}"`, () => {
          const stopped = running ? this.#stop(running, this.elapsed ?? running.elapsed_minutes) : null;
          const timer: RunningTimer = {
            person_id: person.id,
            person_name: person.name,
            item_id: item.id,
            item_title: item.title,
            // The core's clock, as the panel's elapsed time reads it.
            started_at: now().toISOString(),
            elapsed_minutes: 0,
          };
          this.timers.push(timer);
          return { timer, stopped };
        });
      })
      .answer('timer_stop', (a) => {
        const timer = this.timers.find((t) => t.person_id === a.person_id);
        if (!timer) throw { code: 'not_found', message: 'No timer is running.' };
        const elapsed = this.elapsed ?? timer.elapsed_minutes;
        const minutes = a.minutes as number | null;
        if (minutes == null && elapsed > 16 * 60)
          return {
            needs_confirmation: true,
            elapsed_minutes: elapsed,
            logged: [],
            message: `The timer on "${timer.item_title}" has run for a long time. Correct the time before it is logged.`,
          };
        return edit(`Stop the timer on "${timer.item_title}"`, () => this.#stop(timer, minutes ?? elapsed));
      })
      .answer('timesheet_get', (a) => this.timesheet(a.person_id as number, a.day as string))
      .answer('timesheet_cell_set', (a) => {
        const [personId, itemId, day] = [a.person_id as number, a.item_id as number, a.day as string];
        const text = (a.text as string).trim();
        const minutes = text === '' ? 0 : parseMinutes(text);
        if (minutes == null) throw invalid(`"${text}" is not a duration; type hours like 1.5 or 1:30.`);
        if (minutes > 0) {
          if (day > todayIso()) throw invalid(`${day} is in the future.`);
          if (minutes > 1440) throw invalid('One entry can hold at most 24 hours.');
        }
        const item = this.#item(itemId);
        return edit(`Set the time on "${item.title}" for ${day}`, () => {
          this.entries = this.entries.filter(
            (e) => !(e.person_id === personId && e.item_id === itemId && e.day === day),
          );
          if (minutes > 0) this.entries.push(this.#make(itemId, personId, day, minutes, ''));
          return this.timesheet(personId, day);
        });
      });
  }

  /** Test setup: an entry already in the file (not an edit). */
  add(itemId: number, personId: number, day: string, minutes: number, note = ''): TimeEntry {
    const entry = this.#make(itemId, personId, day, minutes, note);
    this.entries.push(entry);
    return entry;
  }

  actuals(itemId: number): ItemActuals {
    const item = this.#item(itemId);
    const mine = this.entries.filter((e) => e.item_id === itemId);
    const actual = mine.reduce((s, e) => s + e.minutes, 0);
    const set = this.remaining.get(itemId) ?? null;
    return {
      item_id: itemId,
      actual_minutes: actual,
      estimate_hours: item.estimate_hours,
      remaining_hours_set: set,
      remaining_hours: set ?? (item.estimate_hours == null ? null : Math.max(item.estimate_hours - actual / 60, 0)),
      actual_cost_minor: mine.reduce(
        (s, e) => s + Math.round((e.minutes * (this.rates.get(e.person_id) ?? 6000)) / 60),
        0,
      ),
      currency: 'EUR',
    };
  }

  timesheet(personId: number, day: string): Timesheet {
    const person = this.#person(personId);
    const monday = mondayOf(day);
    const days = [0, 1, 2, 3, 4, 5, 6].map((d) => addDays(monday, d));
    const week = this.entries.filter((e) => e.person_id === personId && e.day >= days[0] && e.day <= days[6]);
    const items = this.#items().filter((i) => week.some((e) => e.item_id === i.id) || i.assignee === person.name);
    const rows = items.map((item) => {
      const minutes = days.map((d) =>
        week.filter((e) => e.item_id === item.id && e.day === d).reduce((s, e) => s + e.minutes, 0),
      );
      return {
        item_id: item.id,
        item_title: item.title,
        project_id: item.project_id,
        project_name: this.fake.projects.find((p) => p.id === item.project_id)?.name ?? '',
        minutes,
        total_minutes: minutes.reduce((s, m) => s + m, 0),
        assigned: item.assignee === person.name,
      };
    });
    const day_totals = days.map((d) => week.filter((e) => e.day === d).reduce((s, e) => s + e.minutes, 0));
    return {
      person_id: personId,
      person_name: person.name,
      week_start: monday,
      days,
      rows,
      day_totals,
      total_minutes: day_totals.reduce((s, m) => s + m, 0),
      capacity_minutes: 2400,
    };
  }

  #stop(timer: RunningTimer, minutes: number) {
    this.timers = this.timers.filter((t) => t.person_id !== timer.person_id);
    const logged = minutes > 0 ? [this.#make(timer.item_id, timer.person_id, todayIso(), minutes, 'Timer')] : [];
    this.entries.push(...logged);
    return {
      needs_confirmation: false,
      elapsed_minutes: minutes,
      logged,
      message: logged.length ? 'Logged.' : 'Nothing was logged.',
    };
  }

  #check(input: TimeEntryInput, except: number | null): TimeEntry {
    this.#item(input.item_id);
    this.#person(input.person_id);
    const minutes = parseMinutes(input.duration);
    if (minutes == null) throw invalid(`"${input.duration}" is not a duration; type hours like 1.5 or 1:30.`);
    if (minutes <= 0) throw invalid('Logged time must be more than zero; delete the entry to remove it.');
    if (minutes > 1440) throw invalid('One entry can hold at most 24 hours.');
    if (input.day > todayIso()) throw invalid(`${input.day} is in the future; time can be logged up to today.`);
    const others = this.entries
      .filter((e) => e.person_id === input.person_id && e.day === input.day && e.id !== except)
      .reduce((s, e) => s + e.minutes, 0);
    if (others + minutes > 1440) throw invalid(`A day holds at most 24 hours.`);
    return this.#make(input.item_id, input.person_id, input.day, minutes, input.note.trim());
  }

  #make(itemId: number, personId: number, day: string, minutes: number, note: string): TimeEntry {
    return {
      id: this.#next++,
      item_id: itemId,
      item_title: this.#item(itemId).title,
      person_id: personId,
      person_name: this.#person(personId).name,
      day,
      minutes,
      note,
      created_at: '2026-12-01T09:00:00Z',
    };
  }

  #items(): WorkItem[] {
    return [...this.fake.columns.values()].flat();
  }

  #item(id: number): WorkItem {
    const item = this.#items().find((i) => i.id === id);
    if (!item) throw { code: 'not_found', message: 'That item no longer exists.' };
    return item;
  }

  #person(id: number) {
    const person = this.fake.people.find((p) => p.id === id);
    if (!person) throw { code: 'not_found', message: 'That person is no longer in this workspace.' };
    return person;
  }

  #entry(id: number): TimeEntry {
    const entry = this.entries.find((e) => e.id === id);
    if (!entry) throw { code: 'not_found', message: 'That time entry no longer exists.' };
    return entry;
  }
}
