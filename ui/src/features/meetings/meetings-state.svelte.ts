// The Meetings tab's state: the project's meetings, the one open in the editor, and the
// stand-up view. Edits run in the app's edit queue; each answers with the meeting saved.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { Meeting } from '../../lib/bindings/Meeting';
import type { MeetingSummary } from '../../lib/bindings/MeetingSummary';
import type { Standup } from '../../lib/bindings/Standup';
import { enqueue } from '../../lib/shared/queue.svelte';
import { undo } from '../../lib/shared/history';
import { toasts } from '../../lib/shared/toasts-state.svelte';
import { workspace } from '../workspace/workspace.svelte';

export type MeetingsPane = 'meetings' | 'standup';

class MeetingsState {
  list = $state.raw<MeetingSummary[] | null>(null);
  error = $state<string | null>(null);
  pane = $state<MeetingsPane>('meetings');
  /** The meeting open in the editor; 'new' for one not saved yet. */
  selectedId = $state<number | 'new' | null>(null);
  selected = $state.raw<Meeting | null>(null);
  standup = $state.raw<Standup | null>(null);
  standupError = $state<string | null>(null);
  #projectId: number | null = null;

  async load(projectId: number) {
    if (this.#projectId !== projectId) {
      this.#projectId = projectId;
      this.list = null;
      this.selectedId = null;
      this.selected = null;
      this.standup = null;
    }
    try {
      const list = await api.meetingsList(projectId);
      if (this.#projectId !== projectId) return;
      this.list = list;
      this.error = null;
      const id = this.selectedId;
      if (typeof id === 'number') {
        if (list.some((m) => m.id === id)) this.selected = await api.meetingGet(id);
        else {
          this.selectedId = null;
          this.selected = null;
        }
      }
    } catch (e) {
      this.error = toCommandError(e).message;
    }
  }

  async loadStandup(projectId: number) {
    try {
      const view = await api.standupGet(projectId);
      if (this.#projectId === projectId) {
        this.standup = view;
        this.standupError = null;
      }
    } catch (e) {
      this.standupError = toCommandError(e).message;
    }
  }

  async open(id: number | 'new') {
    this.selectedId = id;
    if (id === 'new') {
      this.selected = null;
      return;
    }
    try {
      this.selected = await api.meetingGet(id);
    } catch (e) {
      toasts.error(toCommandError(e).message);
    }
  }

  close() {
    this.selectedId = null;
    this.selected = null;
  }

  /** Runs an edit answering with a meeting, which opens in the editor. Returns the refusal, or null. */
  async edit(fn: () => Promise<Meeting>, done?: string): Promise<string | null> {
    try {
      const meeting = await enqueue(fn);
      this.selectedId = meeting.id;
      this.selected = meeting;
      this.pane = 'meetings';
      workspace.afterEdit();
      if (done) toasts.show(done, { action: { label: 'Undo', run: () => void undo() } });
      return null;
    } catch (e) {
      const message = toCommandError(e).message;
      toasts.error(message);
      return message;
    }
  }

  async remove(id: number) {
    try {
      await enqueue(() => api.meetingDelete(id));
      this.close();
      workspace.afterEdit();
      toasts.show('Deleted the meeting; its action items stay on the board.', {
        action: { label: 'Undo', run: () => void undo() },
      });
    } catch (e) {
      toasts.error(toCommandError(e).message);
    }
  }

  reset() {
    this.list = null;
    this.error = null;
    this.pane = 'meetings';
    this.selectedId = null;
    this.selected = null;
    this.standup = null;
    this.standupError = null;
    this.#projectId = null;
  }
}

export const meetings = new MeetingsState();

export const KIND_LABELS: Record<MeetingSummary['kind'], string> = {
  status: 'Status meeting',
  standup: 'Daily stand-up',
  steering: 'Steering committee',
  retrospective: 'Retrospective',
  other: 'Other',
};

/** "1 h 30 min", "45 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
