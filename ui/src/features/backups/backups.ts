// Pure helpers of the backups dialog: sizes, the contents line, the suggested copy name.
import type { BackupInfo } from '../../lib/bindings/BackupInfo';

/** 912 bytes, 14.2 KB, 3.4 MB (powers of 1024, one decimal below 100). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 100 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "4 projects · 120 work items", or null for a damaged backup. */
export function contentsLine(backup: BackupInfo): string | null {
  const s = backup.summary;
  if (!s) return null;
  return `${plural(s.projects, 'project', 'projects')} · ${plural(s.work_items, 'work item', 'work items')}`;
}

/** The file name offered for the copy: "Acme (restored 2026-12-02 10.15).bridgeplan", local time. */
export function copyName(workspaceName: string, takenAt: string): string {
  const d = new Date(takenAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  const when = Number.isNaN(d.getTime())
    ? 'backup'
    : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}.${pad(d.getMinutes())}`;
  return `${workspaceName} (restored ${when}).bridgeplan`;
}

const instant = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Date and local time to the second: two backups of the same minute stay apart. */
export function formatInstant(rfc3339: string): string {
  const d = new Date(rfc3339);
  return Number.isNaN(d.getTime()) ? rfc3339 : instant.format(d);
}
