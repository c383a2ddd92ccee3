// The people of the workspace, and a person as a resource (calendar and hourly rate).
import { call } from './index';
import type { Person } from '../bindings/Person';
import type { PersonResource } from '../bindings/PersonResource';

export const peopleList = () => call<Person[]>('people_list');
/** A person as a resource: their calendar (null: each project's) and hourly rate in minor units. */
export const personResourceGet = (person_id: number) => call<PersonResource>('person_resource_get', { person_id });
export const personResourceSet = (person_id: number, calendar_id: number | null, cost_rate_minor: number) =>
  call<null>('person_resource_set', { person_id, calendar_id, cost_rate_minor });
