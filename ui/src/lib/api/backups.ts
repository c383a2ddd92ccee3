// Backups of the open workspace: the list, a backup now, restoring one as a copy (which then
// opens), and the interval of the automatic backups.
import { call } from './index';
import type { BackupInfo } from '../bindings/BackupInfo';
import type { BackupSettings } from '../bindings/BackupSettings';
import type { WorkspaceInfo } from '../bindings/WorkspaceInfo';

export const backupsList = () => call<BackupInfo[]>('backups_list');
export const backupNow = () => call<BackupInfo>('backup_now');
export const backupRestore = (backup: string, path: string) => call<WorkspaceInfo>('backup_restore', { backup, path });
export const backupSettings = () => call<BackupSettings>('backup_settings');
export const backupSettingsSet = (interval_minutes: number) =>
  call<BackupSettings>('backup_settings_set', { interval_minutes });
