// What the app shows while SQLite's consistency check reads the whole library before anything may
// write to it (after an unclean shutdown, or when the file changed since Sourcemark closed it): on a
// large library that takes seconds, and a named screen with its progress is not a hang.
import type { LibraryStatus } from '../../../main/contract';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

export function CheckingScreen({ status }: { status: LibraryStatus }) {
  const check = status.check;
  // The check itself cannot report how far it is; the estimate is the last check's pace on this file.
  const percent = check ? Math.min(99, Math.floor((check.elapsedMs / Math.max(1, check.expectedMs)) * 100)) : 0;
  const left = check ? Math.max(1, Math.round((check.expectedMs - check.elapsedMs) / 1000)) : null;
  return (
    <main className="recovery checking" aria-labelledby="checking-title" aria-busy="true">
      <h1 id="checking-title">Checking the library…</h1>
      <p>
        Sourcemark was not closed cleanly last time, or the file changed since it was, so it checks the library for damage before
        anything is written to it. Your work is not touched by the check.
      </p>
      <div className="recovery-card">
        <p className="recovery-file">
          <span>File</span> <code>{status.file}</code>
        </p>
        <progress className="checking-bar" max={100} value={percent} aria-label="Checking the library" aria-valuetext={`${percent}%`} />
        <p className="recovery-hint" role="status">
          {check ? `${percent}% of ${mb(check.bytes)}` : 'Finishing…'}
          {check && left !== null && check.elapsedMs < check.expectedMs ? ` · about ${left} s left` : check ? ' · taking longer than last time' : ''}
        </p>
      </div>
    </main>
  );
}
