import { render, screen } from '@testing-library/svelte';
import App from '../App.svelte';
import { board } from '../features/work/board-state.svelte';
import { budget } from '../features/budget/budget-state.svelte';
import { drag } from '../lib/shared/drag.svelte';
import { resetQueue } from '../lib/shared/queue.svelte';
import { session } from '../features/workspace/session.svelte';
import { timeline } from '../features/plan/timeline-state.svelte';
import { sprints } from '../features/agile/sprints-state.svelte';
import { flow } from '../features/agile/flow-state.svelte';
import { grid } from '../features/work/grid-state.svelte';
import { calendarView } from '../features/work/calendar-view.svelte';
import { skills } from '../features/skills/skills.svelte';
import { upcoming } from '../features/skills/upcoming.svelte';
import { myDay } from '../features/myday/myday.svelte';
import { toasts } from '../lib/shared/toasts-state.svelte';
import { workspace } from '../features/workspace/workspace.svelte';
import type { FakeBackend } from './fake-backend';

export function resetAppState() {
  drag.reset();
  board.reset();
  budget.reset();
  timeline.reset();
  sprints.reset();
  flow.reset();
  grid.reset();
  calendarView.reset();
  skills.reset();
  upcoming.reset();
  myDay.reset();
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
