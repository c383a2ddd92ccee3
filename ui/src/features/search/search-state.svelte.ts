// Which of the two overlays is open (the search and the command palette), the search's query
// and its answer. Only one overlay is open at a time.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { SearchResults } from '../../lib/bindings/SearchResults';

/** Hits of each kind the overlay asks for. */
export const HITS_PER_KIND = 8;
/** How long typing must pause before a search runs. */
export const SEARCH_DELAY_MS = 120;

class SearchState {
  searchOpen = $state(false);
  paletteOpen = $state(false);
  query = $state('');
  results = $state.raw<SearchResults | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  /** The element that had focus before an overlay opened; focus goes back there on close. */
  #returnTo: HTMLElement | null = null;
  #generation = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  openSearch() {
    this.paletteOpen = false;
    this.#remember();
    this.searchOpen = true;
  }

  openPalette() {
    this.searchOpen = false;
    this.#remember();
    this.paletteOpen = true;
  }

  /** Closes whichever overlay is open; focus returns where it was unless the result moved it. */
  close(refocus = true) {
    this.searchOpen = false;
    this.paletteOpen = false;
    const to = this.#returnTo;
    this.#returnTo = null;
    if (refocus && to?.isConnected) to.focus();
  }

  #remember() {
    if (this.searchOpen || this.paletteOpen) return;
    const active = document.activeElement;
    this.#returnTo = active instanceof HTMLElement && active !== document.body ? active : null;
  }

  /** Sets the query and runs it after a short pause; an older answer never replaces a newer one. */
  setQuery(query: string) {
    this.query = query;
    clearTimeout(this.#timer);
    const generation = ++this.#generation;
    if (!query.trim()) {
      this.results = null;
      this.loading = false;
      this.error = null;
      return;
    }
    this.loading = true;
    this.#timer = setTimeout(() => void this.#run(query, generation), SEARCH_DELAY_MS);
  }

  async #run(query: string, generation: number) {
    try {
      const results = await api.searchRun(query, HITS_PER_KIND);
      if (generation !== this.#generation) return;
      this.results = results;
      this.error = null;
    } catch (e) {
      if (generation !== this.#generation) return;
      this.error = toCommandError(e).message;
    }
    this.loading = false;
  }

  reset() {
    clearTimeout(this.#timer);
    this.#generation++;
    this.searchOpen = false;
    this.paletteOpen = false;
    this.query = '';
    this.results = null;
    this.loading = false;
    this.error = null;
    this.#returnTo = null;
  }
}

export const search = new SearchState();
