// "Export" in the brief pane header; Ctrl+E and File > Export reach it as the command 'export'.
// The dialog walks the analyst through check, choice and result.
import { useState } from 'react';
import { client, isDesktop } from '../api/client';
import { useBrief } from '../api/queries';
import { useCommand } from '../commands/registry';
import { useErrors } from '../state/errors';
import { Dialog } from '../ui/Dialog';
import { useExport, type ExportFormat, type ExportPhase } from './useExport';
import { ExportReview } from './ExportReview';
import './export.css';

export function ExportButton({ briefId }: { briefId: number }) {
  const [open, setOpen] = useState(false);
  useCommand('export', () => setOpen(true));
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-keyshortcuts="Control+E" aria-haspopup="dialog">
        Export
      </button>
      {open && <ExportDialog briefId={briefId} onClose={() => setOpen(false)} />}
    </>
  );
}

function ExportDialog({ briefId, onClose }: { briefId: number; onClose(): void }) {
  const brief = useBrief(briefId);
  const title = brief.data?.title ?? 'brief';
  const flow = useExport(briefId);
  const { phase } = flow;
  const busy = phase.step === 'checking' || phase.step === 'running';
  return (
    <Dialog title={`Export “${title}”`} open onClose={() => !busy && onClose()} className="export-dialog">
      <div className="dialog-body">
        {phase.step === 'choose' && <FormatChoice format={flow.format} onChange={flow.setFormat} />}
        {busy && <Progress phase={phase} format={flow.format} />}
        {phase.step === 'review' && <ExportReview check={phase.check} />}
        {phase.step === 'empty' && (
          <p role="alert" className="export-error">
            Nothing was exported: {phase.reason}
          </p>
        )}
        {phase.step === 'unfaithful' && (
          <div role="alert">
            <p>The export is stopped: these cited passages no longer match their stored source text.</p>
            <ul className="export-list" aria-label="Passages that do not match their source">
              {phase.problems.map((p) => (
                <li key={`${p.claimId}-${p.citationNumber}`}>
                  Claim {p.claimNumber}, citation [{p.citationNumber}] from “<bdi>{p.sourceTitle}</bdi>”: {p.reason}
                </li>
              ))}
            </ul>
          </div>
        )}
        {phase.step === 'done' && <Done phase={phase} />}
        {phase.step === 'failed' && (
          <p role="alert" className="export-error">
            The export failed: {phase.message}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <Actions phase={phase} onClose={onClose} start={() => void flow.start()} exportAnyway={flow.exportAnyway} retry={flow.reset} />
      </div>
    </Dialog>
  );
}

function FormatChoice({ format, onChange }: { format: ExportFormat; onChange(f: ExportFormat): void }) {
  return (
    <fieldset className="export-formats">
      <legend>Format</legend>
      <label>
        <input type="radio" name="export-format" value="pdf" checked={format === 'pdf'} onChange={() => onChange('pdf')} /> PDF — for readers, with the
        evidence annex
      </label>
      <label>
        <input type="radio" name="export-format" value="markdown" checked={format === 'markdown'} onChange={() => onChange('markdown')} /> Markdown —
        for other tools, with footnotes
      </label>
      <label>
        <input type="radio" name="export-format" value="docx" checked={format === 'docx'} onChange={() => onChange('docx')} /> Word — for reviewers who
        edit, with footnotes and the evidence annex
      </label>
      <label>
        <input type="radio" name="export-format" value="csv" checked={format === 'csv'} onChange={() => onChange('csv')} /> CSV — the ACH matrix, scores
        and ranks, for a spreadsheet
      </label>
    </fieldset>
  );
}

const FORMAT_NAMES: Record<ExportFormat, string> = { pdf: 'PDF', markdown: 'Markdown file', docx: 'Word document', csv: 'CSV file of the ACH matrix' };

function Progress({ phase, format }: { phase: ExportPhase; format: ExportFormat }) {
  const text = phase.step === 'checking' ? 'Checking every cited passage against its source…' : `Writing the ${FORMAT_NAMES[format]}…`;
  return (
    <div className="export-progress">
      <progress aria-label="Export progress" />
      <p role="status">{text}</p>
    </div>
  );
}

function Done({ phase }: { phase: Extract<ExportPhase, { step: 'done' }> }) {
  const { record, pages } = phase;
  return (
    <div role="status">
      <p>
        Exported {pages !== null ? `${pages} ${pages === 1 ? 'page' : 'pages'} ` : ''}to <bdi className="export-path">{record.path}</bdi>
        {phase.downloaded ? ' and downloaded.' : '.'}
      </p>
      <p className="export-hash">SHA-256 {record.sha256} — recorded in the export history.</p>
    </div>
  );
}

interface ActionsProps {
  phase: ExportPhase;
  onClose(): void;
  start(): void;
  exportAnyway(): void;
  retry(): void;
}

function Actions({ phase, onClose, start, exportAnyway, retry }: ActionsProps) {
  const { showError } = useErrors();
  switch (phase.step) {
    case 'choose':
      return (
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={start}>
            Export
          </button>
        </>
      );
    case 'checking':
    case 'running':
      return null;
    case 'review':
      return (
        <>
          <button type="button" onClick={onClose}>
            Go back
          </button>
          <button type="button" className="primary" onClick={exportAnyway}>
            Export anyway
          </button>
        </>
      );
    case 'done':
      return (
        <>
          {isDesktop() && (
            <button type="button" onClick={() => client.openExport({ recordId: phase.record.id }).catch(showError)}>
              Open file
            </button>
          )}
          <button type="button" className="primary" onClick={onClose}>
            Close
          </button>
        </>
      );
    case 'failed':
      return (
        <>
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="button" className="primary" onClick={retry}>
            Try again
          </button>
        </>
      );
    case 'unfaithful':
    case 'empty':
      return (
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      );
  }
}
