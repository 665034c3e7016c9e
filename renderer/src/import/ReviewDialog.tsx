// The details review after import: what the file said about itself, prefilled, for the analyst to
// correct and rate before relying on the source. The same form as Edit source details.
import type { SourceSummary } from '../../../main/contract';
import { SourceDetailsDialog } from '../ui/source-form/SourceDetailsDialog';

interface Props {
  source: SourceSummary;
  warnings: string[];
  onClose(): void;
  onSaved(source: SourceSummary): void;
}

export function ReviewDialog({ source, warnings, onClose, onSaved }: Props) {
  return (
    <SourceDetailsDialog
      source={source}
      title="Review imported source"
      cancelLabel="Later"
      onClose={onClose}
      onSaved={onSaved}
      intro={
        <>
          <p className="import-review-note">Check what was read from the file, correct it, and rate the source’s reliability.</p>
          {warnings.length > 0 && (
            <ul className="import-warnings" aria-label="Warnings">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}
