// The list of backups, newest first: when, why, how big, what it holds, and a Restore button each.
import type { BackupInfo } from '../../../main/contract';

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

export function backupSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function backupHolds(b: Pick<BackupInfo, 'sources' | 'briefs'>): string {
  if (b.sources === null || b.briefs === null) return 'unreadable';
  return `${b.sources} ${b.sources === 1 ? 'source' : 'sources'}, ${b.briefs} ${b.briefs === 1 ? 'brief' : 'briefs'}`;
}

interface Props {
  backups: BackupInfo[];
  busy: boolean;
  onRestore(backup: BackupInfo): void;
}

export function BackupTable({ backups, busy, onRestore }: Props) {
  if (backups.length === 0) return <p className="empty-note">There are no backups yet.</p>;
  return (
    <table className="backup-table" aria-label="Backups">
      <thead>
        <tr>
          <th scope="col">Taken</th>
          <th scope="col">Why</th>
          <th scope="col">Holds</th>
          <th scope="col">Size</th>
          <th scope="col">
            <span className="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <tr key={b.name}>
            <td>{backupDate(b)}</td>
            <td>{REASONS[b.reason] ?? b.reason}</td>
            <td>{b.ok ? backupHolds(b) : <span className="backup-bad">{b.problem ?? 'unreadable'}</span>}</td>
            <td>{backupSize(b.bytes)}</td>
            <td>
              <button type="button" className="small" disabled={busy || !b.ok} onClick={() => onRestore(b)} aria-label={`Restore the backup of ${backupDate(b)}`}>
                Restore
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
