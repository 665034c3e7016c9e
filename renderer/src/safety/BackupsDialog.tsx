// Backups…: where they are, the list, "Back up now", and restore with a confirmation. The library
// as it is now is kept as a backup first, so a restore can itself be undone from this list.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { BackupInfo } from '../../../main/contract';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { backupsChanged } from '../mutations/backups';
import { Dialog } from '../ui/Dialog';
import { BackupTable, backupDate, backupHolds } from './BackupTable';

interface Props {
  open: boolean;
  onClose(): void;
}

export function BackupsDialog({ open, onClose }: Props) {
  const qc = useQueryClient();
  const status = useQuery({ queryKey: keys.libraryStatus, queryFn: () => client.libraryStatus({}), enabled: open, refetchOnMount: 'always' });
  const list = useQuery({ queryKey: keys.backups, queryFn: () => client.listBackups({}), enabled: open, refetchOnMount: 'always' });
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = () => backupsChanged(qc);
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const restore = (b: BackupInfo) =>
    run(async () => {
      await client.restoreBackup({ name: b.name });
      // Every view now shows another library: start the page afresh on it.
      window.location.reload();
    });

  return (
    <Dialog title="Backups" open={open} onClose={onClose} className="backups-dialog">
      <div className="dialog-body">
        <p>
          Sourcemark copies the library into <code>{status.data?.backupsFolder ?? 'the backups folder'}</code> when it opens a changed library, every 10
          minutes while you work, and before a source or a brief is deleted. It keeps the last 10 and one a day for a week; each copy is checked after it is
          written.
        </p>
        {status.data?.backupWarning && (
          <p className="backup-warning" role="status">
            {status.data.backupWarning}
          </p>
        )}
        {error && (
          <p className="backup-error" role="alert">
            {error}
          </p>
        )}
        {confirming ? (
          <div className="backup-confirm" role="group" aria-label="Confirm restore">
            <p>
              Restore the backup of <strong>{backupDate(confirming)}</strong> ({backupHolds(confirming)})? The library as it is now is kept as a backup
              first, so you can undo this from this list.
            </p>
            <div className="dialog-actions">
              <button type="button" onClick={() => setConfirming(null)} disabled={busy}>
                Cancel
              </button>
              <button type="button" className="primary" onClick={() => void restore(confirming)} disabled={busy}>
                {busy ? 'Restoring…' : 'Restore this backup'}
              </button>
            </div>
          </div>
        ) : list.isPending ? (
          <p className="empty-note">Reading the backups…</p>
        ) : (
          <BackupTable backups={list.data ?? []} busy={busy} onRestore={setConfirming} />
        )}
      </div>
      <div className="dialog-actions">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              await client.backupNow({});
              await refresh();
            })
          }
        >
          Back up now
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
