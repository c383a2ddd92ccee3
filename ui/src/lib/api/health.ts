// Project health: ratings with reasons, the manager's overrides, dated snapshots, the thresholds,
// the sidebar's dots and the project dashboard (one call).
import { call } from './index';
import type { HealthArea } from '../bindings/HealthArea';
import type { HealthDot } from '../bindings/HealthDot';
import type { HealthSettings } from '../bindings/HealthSettings';
import type { HealthSettingsView } from '../bindings/HealthSettingsView';
import type { OverrideInput } from '../bindings/OverrideInput';
import type { ProjectDashboard } from '../bindings/ProjectDashboard';
import type { ProjectHealth } from '../bindings/ProjectHealth';
import type { StatusSnapshot } from '../bindings/StatusSnapshot';

export const healthDots = (): Promise<HealthDot[]> => call('health_dots');
export const healthDashboard = (project_id: number): Promise<ProjectDashboard> =>
  call('health_dashboard', { project_id });
export const healthOverrideSet = (project_id: number, input: OverrideInput): Promise<ProjectHealth> =>
  call('health_override_set', { project_id, input });
export const healthOverrideClear = (project_id: number, area: HealthArea): Promise<ProjectHealth> =>
  call('health_override_clear', { project_id, area });
/** Saves today's ratings; a snapshot already taken today is replaced. Answers oldest first. */
export const healthSnapshotTake = (project_id: number, note: string): Promise<StatusSnapshot[]> =>
  call('health_snapshot_take', { project_id, note });
export const healthSettingsGet = (): Promise<HealthSettingsView> => call('health_settings_get');
export const healthSettingsSet = (settings: HealthSettings): Promise<HealthSettingsView> =>
  call('health_settings_set', { settings });
