// What the app shows instead of the workspace when the library is damaged: which file, what is
// wrong, and the two ways out. Nothing has been written to the file; both ways keep it, unchanged,
// in the "damaged" folder beside the library.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { BackupInfo, LibraryStatus, RestoreOutcome, SalvageOutcome } from '../../../main/contract';
import { client } from '../api/client';
import { BackupTable, backupDate, backupHolds } from './BackupTable';
import { SalvageReportTable } from './SalvageReport';

type Done = { kind: 'restored'; outcome: RestoreOutcome } | { kind: 'salvaged'; outcome: SalvageOutcome };

export function RecoveryScreen({ status }: { status: LibraryStatus }) {
  const problem = status.problem;
  const list = useQuery({ queryKey: ['backups'], queryFn: () => client.listBackups({}) });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const nothingToRead = problem?.kind === 'missing' || problem?.kind === 'empty';
  const newest = status.newestGoodBackup;

  const run = async (label: string, fn: () => Promise<Done>) => {
    setBusy(label);
    setError(null);
    try {
      setDone(await fn());
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const restore = (b?: BackupInfo) =>
    run('restore', async () => ({ kind: 'restored', outcome: await client.restoreBackup(b ? { name: b.name } : {}) }));
  const salvage = () => run('salvage', async () => ({ kind: 'salvaged', outcome: await client.salvageLibrary({}) }));

  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title" className={done ? 'recovered' : undefined}>{done ? 'The library is open again' : problem?.title ?? 'The library cannot be opened'}</h1>
      {done ? (
        <section className="recovery-card" aria-label="Outcome">
          {done.kind === 'restored' ? (
            <p>
              Restored the backup of <strong>{backupDate(done.outcome.restored)}</strong> ({backupHolds(done.outcome.restored)}).
            </p>
          ) : (
            <>
              <p>
                Salvaged {done.outcome.sources} {done.outcome.sources === 1 ? 'source' : 'sources'} and {done.outcome.briefs}{' '}
                {done.outcome.briefs === 1 ? 'brief' : 'briefs'} into a new library.
                {!done.outcome.report.opened && ' Nothing could be read from the old file.'}
              </p>
              {done.outcome.report.opened && <SalvageReportTable report={done.outcome.report} />}
            </>
          )}
          {done.outcome.keptAside && (
            <p>
              The damaged file is kept, unchanged, at <code>{done.outcome.keptAside}</code> in the data folder.
            </p>
          )}
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            Open the library
          </button>
        </section>
      ) : (
        <>
          <section className="recovery-card" aria-label="What is wrong">
            <p className="recovery-file">
              <span>File</span> <code>{status.file}</code>
            </p>
            <p>{problem?.message}</p>
            <p>{problem?.wayOut}</p>
          </section>
          {error && (
            <p className="backup-error" role="alert">
              {error}
            </p>
          )}
          <section className="recovery-actions" aria-label="Ways out">
            <div>
              <button type="button" className="primary" disabled={!newest || busy !== null} onClick={() => void restore()}>
                {busy === 'restore' ? 'Restoring…' : 'Restore the newest good backup'}
              </button>
              <p className="recovery-hint">
                {newest ? `${backupDate(newest)}: ${backupHolds(newest)}.` : 'There is no usable backup in the backups folder.'}
              </p>
            </div>
            <div>
              <button type="button" disabled={busy !== null} onClick={() => void salvage()}>
                {busy === 'salvage' ? 'Salvaging…' : nothingToRead ? 'Start a new, empty library' : 'Salvage what can still be read into a new library'}
              </button>
              <p className="recovery-hint">
                {nothingToRead
                  ? 'There is nothing left in the file to read.'
                  : 'Table by table; you will see what was recovered and what was lost.'}
              </p>
            </div>
          </section>
          <section className="recovery-card" aria-labelledby="recovery-backups">
            <h2 id="recovery-backups">All backups</h2>
            <p className="recovery-hint">
              In <code>{status.backupsFolder}</code>
            </p>
            {list.isPending ? <p className="empty-note">Reading the backups…</p> : <BackupTable backups={list.data ?? []} busy={busy !== null} onRestore={(b) => void restore(b)} />}
          </section>
        </>
      )}
    </main>
  );
}
