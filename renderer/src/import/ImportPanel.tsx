// Import of files into the library: the "Import files…" button (the browser's file picker, or the
// desktop open dialog), files dropped anywhere on the window, and File > Import (the command
// 'import'). A batch shows per-file progress and can be cancelled; bad files are named
// with their reason, duplicates link to the source already in the library, and new sources get a
// metadata review.
import { useCallback, useRef, useState } from 'react';
import type { ImportOutcome } from '../../../main/contract/import';
import { client, isDesktop } from '../api/client';
import { useCommand } from '../commands/registry';
import { useErrors } from '../state/errors';
import { ReviewDialog } from './ReviewDialog';
import { ACCEPTED } from './readFiles';
import { IMPORTABLE_EXTENSIONS } from '../../../main/vocabulary';
import { ImportRows } from './ImportRows';
import { useImportQueue, type Job, type Row } from './useImportQueue';
import { useWindowDrop } from './useWindowDrop';
import './import.css';

interface Props {
  onImported(sourceId: number): void;
}

/** Legacy encodings an analyst may need to name when detection guesses wrong (files with a byte order mark ignore this). */
const ENCODINGS: [string, string][] = [
  ['', 'Encoding: detect'],
  ['utf-8', 'UTF-8'],
  ['windows-1252', 'Western (Windows-1252)'],
  ['windows-1251', 'Cyrillic (Windows-1251)'],
  ['koi8-r', 'Cyrillic (KOI8-R)'],
  ['windows-1250', 'Central European (Windows-1250)'],
  ['windows-1253', 'Greek (Windows-1253)'],
  ['windows-1254', 'Turkish (Windows-1254)'],
  ['windows-1256', 'Arabic (Windows-1256)'],
  ['iso-8859-2', 'Central European (ISO-8859-2)'],
  ['shift_jis', 'Japanese (Shift JIS)'],
  ['gb18030', 'Chinese (GB18030)'],
  ['big5', 'Chinese (Big5)'],
];

export function ImportPanel({ onImported }: Props) {
  const { showError } = useErrors();
  const inputRef = useRef<HTMLInputElement>(null);
  const [review, setReview] = useState<ImportOutcome | null>(null);
  const [encoding, setEncoding] = useState('');

  const finished = useCallback(
    (outcomes: ImportOutcome[]) => {
      const created = outcomes.filter((o) => o.status === 'created');
      const first = created[0] ?? outcomes[0];
      if (first) onImported(first.source.id);
      // One new source: review it straight away. Several: each row offers its own review.
      if (created.length === 1 && created[0]) setReview(created[0]);
    },
    [onImported],
  );
  const queue = useImportQueue(finished);
  const { start, running, isBusy } = queue;

  const startJobs = useCallback(
    (jobs: Job[]) => {
      if (isBusy()) {
        showError(new Error('An import is already running; wait for it to finish or cancel it.'));
        return;
      }
      void start(jobs, encoding || undefined);
    },
    [isBusy, start, showError, encoding],
  );

  const pick = useCallback(async () => {
    if (!isDesktop()) {
      inputRef.current?.click();
      return;
    }
    try {
      const { paths } = await client.pickOpenPaths({ filters: [{ name: 'Sources', extensions: [...IMPORTABLE_EXTENSIONS] }], multiple: true });
      startJobs(paths.map((path) => ({ kind: 'path', path })));
    } catch (err) {
      showError(err);
    }
  }, [startJobs, showError]);

  useCommand('import', () => void pick());

  const dragging = useWindowDrop((files) => startJobs(files.map((file) => ({ kind: 'file', file }))));

  const rows = queue.rows;
  const done = rows.filter((r) => r.state.step !== 'waiting' && r.state.step !== 'reading').length;
  const failed = rows.filter((r) => r.state.step === 'failed').length;

  return (
    <div className="import-panel">
      <div className="import-actions">
        <button type="button" onClick={() => void pick()} disabled={running} aria-haspopup={isDesktop() ? 'dialog' : undefined}>
          Import files…
        </button>
        <select aria-label="Text encoding of imported files" value={encoding} onChange={(e) => setEncoding(e.target.value)} disabled={running}>
          {ENCODINGS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept={ACCEPTED}
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Choose files to import"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          startJobs(files.map((file) => ({ kind: 'file', file })));
        }}
      />
      {rows.length > 0 && (
        <section className="import-progress" aria-label="Import progress">
          <div className="import-progress-head">
            <progress aria-label="Files imported" max={rows.length} value={done} />
            <p role="status" className="import-summary">
              {running ? `Importing ${done} of ${rows.length} files…` : summary(rows, failed)}
            </p>
            {running ? (
              <button type="button" className="small" onClick={queue.cancel}>
                Cancel import
              </button>
            ) : (
              <button type="button" className="small" onClick={queue.clear}>
                Dismiss
              </button>
            )}
          </div>
          <ImportRows rows={rows} onOpen={onImported} onReview={setReview} />
        </section>
      )}
      {dragging && (
        <div className="import-drop-overlay" aria-hidden="true">
          <p>Drop files to import them</p>
        </div>
      )}
      {review && (
        <ReviewDialog
          key={review.source.id}
          source={review.source}
          warnings={review.warnings}
          onClose={() => setReview(null)}
          onSaved={() => {
            setReview(null);
            onImported(review.source.id);
          }}
        />
      )}
    </div>
  );
}

function summary(rows: Row[], failed: number): string {
  const imported = rows.filter((r) => r.state.step === 'done' && r.state.outcome.status === 'created').length;
  const duplicates = rows.filter((r) => r.state.step === 'done' && r.state.outcome.status === 'duplicate').length;
  const cancelled = rows.filter((r) => r.state.step === 'cancelled').length;
  const parts = [`${imported} imported`];
  if (duplicates) parts.push(`${duplicates} already in the library`);
  if (failed) parts.push(`${failed} could not be imported`);
  if (cancelled) parts.push(`${cancelled} cancelled`);
  return `Import finished: ${parts.join(', ')}.`;
}
