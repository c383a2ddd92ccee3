// The sidebar's health dot per project, from one core call; reloaded after every edit.
import * as api from '../../lib/api';
import type { HealthDot } from '../../lib/bindings/HealthDot';

class HealthDots {
  byProject = $state.raw<Map<number, HealthDot>>(new Map());

  async load() {
    try {
      const dots = await api.healthDots();
      this.byProject = new Map(dots.map((d) => [d.project_id, d]));
    } catch {
      this.byProject = new Map();
    }
  }
}

export const healthDots = new HealthDots();
