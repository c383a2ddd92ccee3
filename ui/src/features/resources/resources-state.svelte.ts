// The Resources screen's state: people and equipment, the heat map, the levelling preview.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { Equipment } from '../../lib/bindings/Equipment';
import type { EquipmentInput } from '../../lib/bindings/EquipmentInput';
import type { LevellingPreview } from '../../lib/bindings/LevellingPreview';
import type { ResourcePerson } from '../../lib/bindings/ResourcePerson';
import type { ResourcePersonInput } from '../../lib/bindings/ResourcePersonInput';
import type { Utilisation } from '../../lib/bindings/Utilisation';
import { undo } from '../../lib/shared/history';
import { enqueue } from '../../lib/shared/queue.svelte';
import { toasts } from '../../lib/shared/toasts-state.svelte';
import { todayIso } from '../../lib/shared/format';
import { workspace } from '../workspace/workspace.svelte';

export type Tab = 'people' | 'equipment' | 'utilisation' | 'levelling';

/** The Monday `weeksBack` weeks before the week of `iso`. */
export function mondayBefore(iso: string, weeksBack: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const back = ((d.getUTCDay() + 6) % 7) + 7 * weeksBack;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

/** The band a load falls in, named for the cell's shape and text (not its colour alone). */
export function band(percent: number, over: boolean): 'none' | 'low' | 'ok' | 'full' | 'over' {
  if (over) return 'over';
  if (percent <= 0) return 'none';
  if (percent < 50) return 'low';
  return percent < 90 ? 'ok' : 'full';
}

class ResourcesState {
  tab = $state<Tab>('people');
  people = $state<ResourcePerson[]>([]);
  equipment = $state<Equipment[]>([]);
  utilisation = $state<Utilisation | null>(null);
  utilisationProject = $state<number | null>(null);
  preview = $state<LevellingPreview | null>(null);
  levelProject = $state<number | null>(null);
  allowFinishMove = $state(false);
  busy = $state(false);
  error = $state<string | null>(null);

  async load() {
    try {
      [this.people, this.equipment] = await Promise.all([api.resourcePeopleList(), api.equipmentList()]);
      this.error = null;
    } catch (e) {
      this.error = toCommandError(e).message;
    }
  }

  async loadUtilisation() {
    try {
      this.utilisation = await api.utilisationGet(this.utilisationProject, mondayBefore(todayIso(), 4), 16);
    } catch (e) {
      this.error = toCommandError(e).message;
    }
  }

  /** Runs an edit; a refusal shows its message and changes nothing. */
  async #run<T>(fn: () => Promise<T>): Promise<T | null> {
    try {
      const out = await enqueue(fn);
      workspace.afterEdit();
      return out;
    } catch (e) {
      toasts.error(toCommandError(e).message);
      return null;
    }
  }

  async updatePerson(id: number, input: ResourcePersonInput) {
    const saved = await this.#run(() => api.resourcePersonUpdate(id, input));
    await this.load();
    return saved != null;
  }

  async addEquipment(input: EquipmentInput) {
    const saved = await this.#run(() => api.equipmentAdd(input));
    await this.load();
    return saved != null;
  }

  async updateEquipment(id: number, input: EquipmentInput) {
    const saved = await this.#run(() => api.equipmentUpdate(id, input));
    await this.load();
    return saved != null;
  }

  async deleteEquipment(e: Equipment) {
    if ((await this.#run(() => api.equipmentDelete(e.id))) === null) return;
    toasts.show(`Deleted ${e.name}`, { action: { label: 'Undo', run: () => void this.undoThen() } });
    await this.load();
  }

  async previewLevelling() {
    if (this.levelProject == null) return;
    this.busy = true;
    try {
      this.preview = await api.levellingPreview(this.levelProject, this.allowFinishMove);
    } catch (e) {
      toasts.error(toCommandError(e).message);
    } finally {
      this.busy = false;
    }
  }

  async applyLevelling() {
    if (this.levelProject == null) return;
    this.busy = true;
    const id = this.levelProject;
    const applied = await this.#run(() => api.levellingApply(id, this.allowFinishMove));
    this.busy = false;
    if (!applied) return;
    this.preview = applied;
    toasts.show(`Levelled ${applied.project}: ${applied.changes.length} task(s) moved`, {
      action: { label: 'Undo levelling', run: () => void this.undoThen() },
    });
  }

  async clearLevelling() {
    if (this.levelProject == null) return;
    const id = this.levelProject;
    const n = await this.#run(() => api.levellingClear(id));
    if (n == null) return;
    this.preview = null;
    toasts.show(n === 0 ? 'No levelling delays to clear' : `Cleared the levelling of ${n} task(s)`, {
      action: n === 0 ? undefined : { label: 'Undo', run: () => void this.undoThen() },
    });
  }

  async undoThen() {
    await undo();
    this.preview = null;
    await this.load();
    if (this.utilisation) await this.loadUtilisation();
  }
}

export const resources = new ResourcesState();
