// Backups in the fake backend: a list kept newest first, "back up now" adding one, restore
// refusing an existing path (as the core does) and otherwise opening the copy.
import type { BackupInfo } from '../lib/bindings/BackupInfo';
import type { BackupSettings } from '../lib/bindings/BackupSettings';
import type { FakeBackend } from './fake-backend';

export class FakeBackups {
  list: BackupInfo[] = [];
  settings: BackupSettings = { interval_minutes: 10, folder: '/plans/test.bridgeplan.backups' };
  /** Paths that "exist": a restore there is refused. */
  existing = new Set<string>();
  #clock = Date.UTC(2026, 11, 2, 9, 0, 0);

  constructor(fake: FakeBackend) {
    fake
      .answer('backups_list', () => structuredClone(this.list))
      .answer('backup_now', () => {
        this.#clock += 60_000;
        const made = this.add(new Date(this.#clock).toISOString().replace('.000', ''));
        return structuredClone(made);
      })
      .answer('backup_settings', () => ({ ...this.settings }))
      .answer('backup_settings_set', (a) => {
        const minutes = a.interval_minutes as number;
        if (!(minutes >= 1 && minutes <= 1440))
          throw { code: 'invalid_input', message: `Back up every 1 to 1440 minutes (a day), not ${minutes}.` };
        this.settings = { ...this.settings, interval_minutes: minutes };
        return { ...this.settings };
      })
      .answer('backup_restore', (a) => {
        const path = a.path as string;
        const backup = this.list.find((b) => b.path === a.backup);
        if (!backup) throw { code: 'invalid_input', message: "Choose a backup from this workspace's list of backups." };
        if (this.existing.has(path))
          throw {
            code: 'duplicate',
            message: `${path} already exists. A restore never replaces a file: choose a new name.`,
          };
        if (backup.damaged) throw { code: 'damaged', message: backup.damaged };
        this.existing.add(path);
        fake.workspace = {
          ...fake.workspace!,
          path,
          name: path.split('/').pop()!.replace('.bridgeplan', ''),
          site_id: fake.workspace!.site_id + 1,
        };
        return { ...fake.workspace };
      });
  }

  /** Adds a healthy backup taken at `takenAt` (RFC 3339), keeping the list newest first. */
  add(takenAt: string, projects = 2, workItems = 7, sizeBytes = 245_760): BackupInfo {
    const stamp = takenAt.replace(/[:]/g, '').replace(/\.\d+/, '');
    const file_name = `test-${stamp}.bridgeplan-backup`;
    const backup: BackupInfo = {
      path: `${this.settings.folder}/${file_name}`,
      file_name,
      taken_at: takenAt,
      size_bytes: sizeBytes,
      summary: { workspace_name: 'test', projects, work_items: workItems, last_edit: takenAt },
      damaged: null,
    };
    this.#insert(backup);
    return backup;
  }

  addDamaged(takenAt: string): BackupInfo {
    const file_name = `test-${takenAt.replace(/[:]/g, '')}.bridgeplan-backup`;
    const backup: BackupInfo = {
      path: `${this.settings.folder}/${file_name}`,
      file_name,
      taken_at: takenAt,
      size_bytes: 4096,
      summary: null,
      damaged: `The backup "${file_name}" is damaged and cannot be restored; choose another one.`,
    };
    this.#insert(backup);
    return backup;
  }

  #insert(backup: BackupInfo) {
    this.list = [...this.list.filter((b) => b.path !== backup.path), backup].sort((a, b) =>
      b.taken_at.localeCompare(a.taken_at),
    );
  }
}
