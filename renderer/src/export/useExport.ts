// The export flow as a small state machine: check first, ask about uncited claims, stop on
// unfaithful passages, then write (save dialog in Electron, download in the browser).
import { useCallback, useState } from 'react';
import type { ExportRecord } from '../../../main/contract';
import type { ExportCheck } from '../../../main/contract/export';
import { ApiError, client, isDesktop } from '../api/client';
import { downloadExport, suggestedFileName } from './download';
import type { ExportFormat } from '../../../main/vocabulary';

export type { ExportFormat };

const FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  markdown: { name: 'Markdown', extensions: ['md'] },
  docx: { name: 'Word document', extensions: ['docx'] },
  csv: { name: 'CSV spreadsheet', extensions: ['csv'] },
};

export type ExportPhase =
  | { step: 'choose' }
  | { step: 'checking' }
  /** Things a reviewer would point out; the analyst may still go on. */
  | { step: 'review'; check: ExportCheck }
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

export function useExport(briefId: number, title: string) {
  const [phase, setPhase] = useState<ExportPhase>({ step: 'choose' });
  const [format, setFormat] = useState<ExportFormat>('pdf');

  const reset = useCallback(() => setPhase({ step: 'choose' }), []);

  const write = useCallback(
    async (allowUncited: boolean) => {
      try {
        let path: string | undefined;
        if (isDesktop()) {
          const picked = await client.pickSavePath({
            suggestedName: suggestedFileName(title, format),
            filters: [FILTERS[format]],
          });
          if (!picked.path) {
            setPhase({ step: 'choose' });
            return;
          }
          path = picked.path;
        }
        setPhase({ step: 'running' });
        const { record, pages } = await client.exportBrief({ briefId, format, path, allowUncited });
        if (!isDesktop()) downloadExport(await client.readExport({ recordId: record.id }));
        setPhase({ step: 'done', record, pages, downloaded: !isDesktop() });
      } catch (err) {
        // A passage may have changed between the check and the export: show what the back end found.
        if (err instanceof ApiError && err.code === 'EXPORT_UNFAITHFUL' && isCheck(err.details)) {
          setPhase({ step: 'unfaithful', problems: err.details.problems });
        } else {
          setPhase({ step: 'failed', message: err instanceof Error ? err.message : String(err) });
        }
      }
    },
    [briefId, format, title],
  );

  const start = useCallback(async () => {
    setPhase({ step: 'checking' });
    try {
      const check = await client.checkExport({ briefId });
      if (check.empty) setPhase({ step: 'empty', reason: check.empty });
      else if (check.problems.length) setPhase({ step: 'unfaithful', problems: check.problems });
      else if (needsReview(check)) setPhase({ step: 'review', check });
      else await write(false);
    } catch (err) {
      setPhase({ step: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }, [briefId, write]);

  return { phase, format, setFormat, start, exportAnyway: () => void write(true), reset };
}
