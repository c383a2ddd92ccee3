// Meetings and stand-ups: a project's meetings, one meeting saved whole (attendees, decisions,
// action items that are work items), the next of a series, the stand-up view, and an item's
// blocked reason.
import { call } from './index';
import type { Meeting } from '../bindings/Meeting';
import type { MeetingInput } from '../bindings/MeetingInput';
import type { MeetingSummary } from '../bindings/MeetingSummary';
import type { Standup } from '../bindings/Standup';
import type { WorkItem } from '../bindings/WorkItem';

export const meetingsList = (project_id: number) => call<MeetingSummary[]>('meetings_list', { project_id });
export const meetingGet = (id: number) => call<Meeting>('meeting_get', { id });
export const meetingCreate = (project_id: number, input: MeetingInput) =>
  call<Meeting>('meeting_create', { project_id, input });
export const meetingUpdate = (id: number, input: MeetingInput) => call<Meeting>('meeting_update', { id, input });
export const meetingDelete = (id: number) => call<null>('meeting_delete', { id });
/** The next meeting of the series (attendees and agenda copied, one period later). */
export const meetingNext = (id: number) => call<Meeting>('meeting_next', { id });
export const standupGet = (project_id: number) => call<Standup>('standup_get', { project_id });
/** Creates today's stand-up with its attendees (or answers the one already started). */
export const standupStart = (project_id: number) => call<Meeting>('standup_start', { project_id });
/** An empty reason clears the block. */
export const itemSetBlocked = (id: number, reason: string) => call<WorkItem>('item_set_blocked', { id, reason });
