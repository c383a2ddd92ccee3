// Full-text search over the open workspace (the search overlay, Ctrl+F or /).
import { call } from './index';
import type { SearchResults } from '../bindings/SearchResults';

/** Ranked hits grouped by kind, at most `limit_per_kind` of each (1–50). */
export const searchRun = (query: string, limit_per_kind: number): Promise<SearchResults> =>
  call('search_run', { query, limit_per_kind });
