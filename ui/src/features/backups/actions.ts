// The backups' entries in the command palette: "Restore from backup…" and "Back up now".
import { registerAction } from '../search/actions';
import { backups } from './backups.svelte';

export function registerBackupActions() {
  registerAction({
    id: 'backups:restore',
    label: 'Restore from backup…',
    group: 'Workspace',
    keywords: ['backup', 'restore', 'recover', 'earlier version', 'undo'],
    run: () => backups.show(),
  });
  registerAction({
    id: 'backups:now',
    label: 'Back up now',
    group: 'Workspace',
    keywords: ['backup', 'save', 'snapshot'],
    run: () => backups.backUpNow(),
  });
}
