// The Operations screen's state: the dashboard as the core last answered it, the service open
// in the detail, and edits that each answer with that service's detail (then the dashboard is
// read again). Edits run in the app's edit queue, in order.
import * as api from '../../lib/api';
import { toCommandError } from '../../lib/api';
import type { OperationsDashboard } from '../../lib/bindings/OperationsDashboard';
import type { ServiceDetail } from '../../lib/bindings/ServiceDetail';
import { enqueue } from '../../lib/shared/queue.svelte';
import { undo } from '../../lib/shared/history';
import { toasts } from '../../lib/shared/toasts-state.svelte';
import { workspace } from '../workspace/workspace.svelte';

class OperationsState {
  dashboard = $state<OperationsDashboard | null>(null);
  detail = $state<ServiceDetail | null>(null);
  selected = $state<number | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);

  async load() {
    this.loading = true;
    try {
      this.dashboard = await api.operationsDashboard();
      this.error = null;
      const ids = this.dashboard.services.map((s) => s.id);
      if (this.selected !== null && !ids.includes(this.selected)) this.selected = null;
      if (this.selected === null && ids.length) this.selected = ids[0];
      this.detail = this.selected === null ? null : await api.serviceGet(this.selected);
    } catch (e) {
      this.error = toCommandError(e).message;
    } finally {
      this.loading = false;
    }
  }

  async select(id: number) {
    this.selected = id;
    try {
      this.detail = await api.serviceGet(id);
    } catch (e) {
      toasts.error(toCommandError(e).message);
    }
  }

  /** Runs an edit; returns the refusal's message, or null. `undoToast` offers an undo button. */
  async edit(fn: () => Promise<ServiceDetail | null>, undoToast?: string): Promise<string | null> {
    try {
      const detail = await enqueue(fn);
      if (detail) {
        this.selected = detail.service.id;
        this.detail = detail;
      }
      workspace.afterEdit();
      if (undoToast) toasts.show(undoToast, { action: { label: 'Undo', run: () => void undo() } });
      return null;
    } catch (e) {
      const message = toCommandError(e).message;
      toasts.error(message);
      return message;
    }
  }

  reset() {
    this.dashboard = null;
    this.detail = null;
    this.selected = null;
    this.error = null;
    this.loading = false;
  }
}

export const operations = new OperationsState();
