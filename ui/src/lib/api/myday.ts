// My day: what is due, blocked, meeting, to review or to send today across all projects.
import { call } from './index';
import type { MyDay } from '../bindings/MyDay';

/** For everyone (`null`) or one person. */
export const myDay = (person_id: number | null): Promise<MyDay> => call('my_day', { person_id });
