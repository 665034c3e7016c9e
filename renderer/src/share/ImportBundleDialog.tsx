// Import bundle…: pick a .sourcemark file; the back end verifies all of it and says what importing
// would do; the analyst reviews who signed it, what is new, what arrives beside their own briefs, and
// which differing source details to take. Nothing is written until they confirm.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { MethodResult } from '../../../main/contract';
import { client, isDesktop, uploadBundle } from '../api/client';
import { libraryMerged } from '../mutations/bundles';
import { Dialog } from '../ui/Dialog';
import { countsLine } from './ExportBundleDialog';
import { BundleReview, offerKey } from './BundleReview';
import { ImportedReport } from './ImportedReport';

type Summary = MethodResult<'inspectBundle'>;
type Phase =
  | { step: 'pick' }
  | { step: 'checking'; name: string }
  | { step: 'refused'; name: string; message: string }
  | { step: 'review'; summary: Summary }
  | { step: 'importing'; summary: Summary }
  | { step: 'done'; report: MethodResult<'importBundle'> };

export function ImportBundleDialog({ onClose, onCompare }: { onClose(): void; onCompare(localId: number, versionId: number): void }) {
  const qc = useQueryClient();
  const [phase, setPhase] = useState<Phase>({ step: 'pick' });
  const [file, setFile] = useState<{ name: string; upload: string } | null>(null);
  const [taken, setTaken] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);

  const inspect = async (f: { name: string; upload: string }) => {
    setPhase({ step: 'checking', name: f.name });
    setFailure(null);
    try {
      setPhase({ step: 'review', summary: await client.inspectBundle(f) });
    } catch (err) {
      setPhase({ step: 'refused', name: f.name, message: err instanceof Error ? err.message : String(err) });
    }
  };

  /** The file is handed to the back end before anything else: uploaded raw (browser mode) or picked in the main process (desktop). */
  const start = async (name: string, handOver: () => Promise<{ name: string; upload: string } | null>) => {
    setPhase({ step: 'checking', name });
    try {
      const handed = await handOver();
      if (!handed) {
        setPhase({ step: 'pick' });
        return;
      }
      const f = { name: handed.name, upload: handed.upload };
      setFile(f);
      setTaken(new Set());
      await inspect(f);
    } catch (err) {
      setPhase({ step: 'refused', name, message: err instanceof Error ? err.message : String(err) });
    }
  };
  const pick = (picked: File | undefined) => picked && void start(picked.name, () => uploadBundle(picked));
  const pickOnDesktop = () => void start('the chosen file', async () => (await client.pickBundleFile({})).picked);

  const markKnown = async (summary: Summary, name: string) => {
    if (!file || !summary.signer.fingerprint) return;
    try {
      await client.markSignerKnown({ fingerprint: summary.signer.fingerprint, name });
      await inspect(file);
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    }
  };

  const confirm = async (summary: Summary) => {
    if (!file) return;
    setPhase({ step: 'importing', summary });
    try {
      const takeMetadata = summary.plan.metadataOffers.filter((o) => taken.has(offerKey(o))).map((o) => ({ sha256: o.sha256, field: o.field }));
      const report = await client.importBundle({ ...file, acceptUnverified: summary.signer.status !== 'known', takeMetadata });
      // A bundle can touch every list on screen: sources, passages, tags, briefs.
      await libraryMerged(qc);
      setPhase({ step: 'done', report });
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
      setPhase({ step: 'review', summary });
    }
  };

  const busy = phase.step === 'checking' || phase.step === 'importing';
  return (
    <Dialog title={phase.step === 'review' ? `Review bundle “${phase.summary.fileName}”` : 'Import bundle'} open onClose={() => !busy && onClose()} className="share-dialog import-bundle">
      <div className="dialog-body">
        {(phase.step === 'pick' || phase.step === 'refused') && (
          <>
            <p>Choose a .sourcemark file. Every text, passage and row in it is checked, and its signature verified, before anything is written.</p>
            {isDesktop() ? (
              <button type="button" className="primary" onClick={pickOnDesktop}>
                Choose bundle file…
              </button>
            ) : (
              <label className="file-pick">
                Bundle file <input type="file" accept=".sourcemark" onChange={(e) => pick(e.target.files?.[0])} />
              </label>
            )}
          </>
        )}
        {phase.step === 'refused' && (
          <div role="alert" className="share-refusal">
            <p>
              <strong>
                Refused: “<bdi>{phase.name}</bdi>” was not imported.
              </strong>
            </p>
            <p>{phase.message}</p>
          </div>
        )}
        {phase.step === 'checking' && (
          <div className="share-progress">
            <progress aria-label="Bundle check progress" />
            <p role="status">Checking every text, passage and signature in “{phase.name}”…</p>
          </div>
        )}
        {(phase.step === 'review' || phase.step === 'importing') && (
          <BundleReview summary={phase.summary} taken={taken} onTake={setTaken} onMarkKnown={(name) => void markKnown(phase.summary, name)} />
        )}
        {phase.step === 'importing' && (
          <p role="status" className="share-note">
            Importing {countsLine(phase.summary.counts)}…
          </p>
        )}
        {failure && (
          <p role="alert" className="share-error">
            {failure}
          </p>
        )}
        {phase.step === 'done' && <ImportedReport report={phase.report} onCompare={onCompare} />}
      </div>
      <div className="dialog-actions">
        {phase.step === 'review' && (
          <>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className={phase.summary.signer.status === 'known' ? 'primary' : 'danger'} onClick={() => void confirm(phase.summary)}>
              {phase.summary.signer.status === 'known' ? 'Import' : 'Import anyway'}
            </button>
          </>
        )}
        {(phase.step === 'pick' || phase.step === 'refused' || phase.step === 'done') && (
          <button type="button" className={phase.step === 'done' ? 'primary' : ''} onClick={onClose}>
            Close
          </button>
        )}
      </div>
    </Dialog>
  );
}
