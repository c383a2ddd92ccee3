import { render, screen } from '@testing-library/svelte';
import App from '../App.svelte';
import { board } from '../lib/state/board.svelte';
import { drag } from '../lib/state/drag.svelte';
import { resetQueue } from '../lib/state/queue.svelte';
import { session } from '../lib/state/session.svelte';
import { timeline } from '../lib/state/timeline.svelte';
import { sprints } from '../lib/state/sprints.svelte';
import { flow } from '../lib/state/flow.svelte';
import { grid } from '../lib/state/grid.svelte';
import { calendarView } from '../lib/state/calendar-view.svelte';
import { skills } from '../lib/state/skills.svelte';
import { upcoming } from '../lib/state/upcoming.svelte';
import { toasts } from '../lib/state/toasts.svelte';
import { workspace } from '../lib/state/workspace.svelte';
import type { FakeBackend } from './fake-backend';

export function resetAppState() {
  drag.reset();
  board.reset();
  timeline.reset();
  sprints.reset();
  flow.reset();
  grid.reset();
  calendarView.reset();
  skills.reset();
  upcoming.reset();
  workspace.reset();
  session.reset();
  toasts.reset();
  resetQueue();
}

/** Starts the whole app against the fake backend and waits for the board's columns. */
export async function renderApp(fake: FakeBackend, { waitForBoard = true } = {}) {
  fake.install();
  const result = render(App);
  if (waitForBoard) await screen.findAllByTestId('column');
  return result;
}

export function columns(): HTMLElement[] {
  return screen.queryAllByTestId('column');
}

export function column(name: string): HTMLElement {
  const found = columns().find((c) => c.dataset.statusName === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
}

export function card(title: string): HTMLElement {
  const found = screen.queryAllByTestId('card').find((c) => c.textContent?.includes(title));
  if (!found) throw new Error(`no card ${title}`);
  return found;
}

export function columnOf(title: string): string | undefined {
  return card(title).closest<HTMLElement>('[data-testid="column"]')?.dataset.statusName;
}
