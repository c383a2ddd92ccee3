// The People & Skills screen: which part is shown (a person, the team matrix, the
// frameworks), the frameworks of the workspace (loaded once per workspace), the selected
// person and their skill profile. Each panel of a person loads its own data (evidence,
// certifications, goals) and, after an edit, calls `changed()` so the profile follows.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { SkillCatalog } from '../../lib/bindings/SkillCatalog';
import type { SkillProfile } from '../../lib/bindings/SkillProfile';
import { enqueue } from '../../lib/shared/queue.svelte';
import { upcoming } from './upcoming.svelte';
import { workspace } from '../workspace/workspace.svelte';

export type SkillsTab = 'person' | 'matrix' | 'frameworks';
export type PersonTab = 'skills' | 'gap' | 'evidence' | 'certifications' | 'development';

class SkillsState {
  tab = $state<SkillsTab>('person');
  personTab = $state<PersonTab>('skills');
  catalog = $state.raw<SkillCatalog | null>(null);
  personId = $state<number | null>(null);
  profile = $state.raw<SkillProfile | null>(null);
  loadError = $state<string | null>(null);
  /** Bumped after every edit on this screen (and after undo/redo), for panels to reload. */
  version = $state(0);

  #token = 0;

  async loadCatalog() {
    try {
      this.catalog = await api.skillCatalog();
      this.loadError = null;
    } catch (e) {
      this.loadError = toCommandError(e).message;
    }
  }

  async showPerson(personId: number) {
    if (personId !== this.personId) this.profile = null;
    this.personId = personId;
    this.tab = 'person';
    await this.reloadProfile();
  }

  async reloadProfile() {
    const id = this.personId;
    if (id == null) return;
    const token = ++this.#token;
    try {
      const profile = await api.skillProfile(id);
      if (token === this.#token) {
        this.profile = profile;
        this.loadError = null;
      }
    } catch (e) {
      if (token === this.#token) this.loadError = toCommandError(e).message;
    }
  }

  /** After an edit here, or an undo/redo: the profile and every open panel load again. */
  async changed() {
    this.version++;
    await Promise.all([this.reloadProfile(), this.catalog ? this.loadCatalog() : undefined]);
  }

  /**
   * Runs an edit of this screen in the edit queue, then lets the screen, the undo labels and
   * the Upcoming count follow. A refusal comes back as its message, for the control to show.
   */
  edit = async (run: () => Promise<unknown>): Promise<string | null> => {
    try {
      await enqueue(run);
    } catch (e) {
      return toCommandError(e).message;
    }
    workspace.afterEdit();
    void upcoming.load();
    await this.changed();
    return null;
  };

  skillName(id: number): string {
    return this.catalog?.skills.find((s) => s.id === id)?.name ?? '';
  }

  reset() {
    this.#token++;
    this.tab = 'person';
    this.personTab = 'skills';
    this.catalog = null;
    this.personId = null;
    this.profile = null;
    this.loadError = null;
    this.version = 0;
  }
}

export const skills = new SkillsState();
