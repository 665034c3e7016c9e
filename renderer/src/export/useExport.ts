// The export flow as a small state machine: check first, ask about uncited claims, stop on
// unfaithful passages, then one call writes the file (the desktop app asks where in its own save
// dialog; browser mode hands back an address to download it from).
import { useCallback, useState } from 'react';
import type { ExportRecord } from '../../../main/contract';
import type { ExportCheck, ExportReview } from '../../../main/contract/export';
import { ApiError, client } from '../api/client';
import { downloadExport } from '../api/download';
import type { ExportFormat } from '../../../main/vocabulary';

export type { ExportFormat };

export type ExportPhase =
  | { step: 'choose' }
  | { step: 'checking' }
  /** Things a reviewer would point out; the analyst may still go on. */
  | { step: 'review'; check: ExportReview }
  /** Nothing a reader could use: no title of its own, or nothing written. */
  | { step: 'empty'; reason: string }
  | { step: 'unfaithful'; problems: ExportCheck['problems'] }
  | { step: 'running' }
  | { step: 'done'; record: ExportRecord; pages: number | null; downloaded: boolean }
  | { step: 'failed'; message: string };

function isCheck(details: unknown): details is ExportCheck {
  return typeof details === 'object' && details !== null && Array.isArray((details as ExportCheck).problems);
}

export function needsReview(check: ExportCheck): boolean {
  return check.uncitedClaims.length + check.tradecraft.length + check.proseTradecraft.length + check.endnoteGaps.length + check.product.length > 0;
}

export function useExport(briefId: number) {
  const [phase, setPhase] = useState<ExportPhase>({ step: 'choose' });
  const [format, setFormat] = useState<ExportFormat>('pdf');

  const reset = useCallback(() => setPhase({ step: 'choose' }), []);

  const write = useCallback(
    /** checkToken: the check just shown, which the back end reuses when nothing changed since. */
    async (allowUncited: boolean, checkToken: string | undefined) => {
      try {
        setPhase({ step: 'running' });
        const { record, pages, download } = await client.exportBrief({ briefId, format, allowUncited, ...(checkToken ? { checkToken } : {}) });
        if (download) downloadExport(download);
        setPhase({ step: 'done', record, pages, downloaded: download !== null });
      } catch (err) {
        if (err instanceof ApiError && err.code === 'CANCELLED') {
          setPhase({ step: 'choose' });
          return;
        }
        // A passage may have changed between the check and the export: show what the back end found.
        if (err instanceof ApiError && err.code === 'EXPORT_UNFAITHFUL' && isCheck(err.details)) {
          setPhase({ step: 'unfaithful', problems: err.details.problems });
        } else {
          setPhase({ step: 'failed', message: err instanceof Error ? err.message : String(err) });
        }
      }
    },
    [briefId, format],
  );

  const start = useCallback(async () => {
    setPhase({ step: 'checking' });
    try {
      const check = await client.checkExport({ briefId });
      if (check.empty) setPhase({ step: 'empty', reason: check.empty });
      else if (check.problems.length) setPhase({ step: 'unfaithful', problems: check.problems });
      else if (needsReview(check)) setPhase({ step: 'review', check });
      else await write(false, check.token);
    } catch (err) {
      setPhase({ step: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }, [briefId, write]);

  return { phase, format, setFormat, start, exportAnyway: () => void write(true, phase.step === 'review' ? phase.check.token : undefined), reset };
}
