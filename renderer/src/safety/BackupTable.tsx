// The list of backups, newest first: when, why, how big, what it holds, and a Restore button each.
import type { BackupInfo } from '../../../main/contract';
import { formatBytes } from '../../../main/vocabulary';
import { DataTable } from '../ui/DataTable';

const REASONS: Record<string, string> = {
  open: 'On opening',
  periodic: 'Every 10 minutes of work',
  'before-delete': 'Before a deletion',
  'before-restore': 'Kept aside by a restore',
  manual: 'Backed up by hand',
};

const when = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function backupDate(b: Pick<BackupInfo, 'createdAt'>): string {
  return when.format(new Date(b.createdAt));
}

export function backupHolds(b: Pick<BackupInfo, 'sources' | 'briefs'>): string {
  if (b.sources === null || b.briefs === null) return 'unreadable';
  return `${b.sources} ${b.sources === 1 ? 'source' : 'sources'}, ${b.briefs} ${b.briefs === 1 ? 'brief' : 'briefs'}`;
}

const COLUMNS = ['Taken', 'Why', 'Holds', 'Size', { hidden: 'Action' }] as const;

interface Props {
  backups: BackupInfo[];
  busy: boolean;
  onRestore(backup: BackupInfo): void;
}

export function BackupTable({ backups, busy, onRestore }: Props) {
  if (backups.length === 0) return <p className="empty-note">There are no backups yet.</p>;
  return (
    <DataTable label="Backups" columns={COLUMNS}>
      {backups.map((b) => (
        <tr key={b.name}>
          <td>{backupDate(b)}</td>
          <td>{REASONS[b.reason] ?? b.reason}</td>
          <td>{b.ok ? backupHolds(b) : <span className="backup-bad">{b.problem ?? 'unreadable'}</span>}</td>
          <td>{formatBytes(b.bytes)}</td>
          <td>
            <button type="button" className="small" disabled={busy || !b.ok} onClick={() => onRestore(b)} aria-label={`Restore the backup of ${backupDate(b)}`}>
              Restore
            </button>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
