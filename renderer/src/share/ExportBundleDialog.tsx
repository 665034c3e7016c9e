// Export bundle…: the open brief, a chosen set of briefs, or the whole library, as one signed
// .sourcemark file, written and recorded like every export: the desktop app asks where in its save
// dialog, browser mode downloads it from GET /exports/:id.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { MethodResult } from '../../../main/contract';
import { ApiError, client } from '../api/client';
import { downloadExport } from '../api/download';
import { useBriefs } from '../api/queries';
import { Dialog } from '../ui/Dialog';
import { groupedFingerprint } from './files';

type Scope = 'brief' | 'chosen' | 'library';

const COUNT_WORDS: [string, string, string][] = [
  ['brief', 'brief', 'briefs'],
  ['claim', 'claim', 'claims'],
  ['citation', 'citation', 'citations'],
  ['source', 'source', 'sources'],
  ['quote', 'passage', 'passages'],
  ['tag', 'tag', 'tags'],
];

/** The record's file name, for the sentence that says where the bundle went (the page never sends a path back). */
const fileNameOf = (file: string) => file.split(/[\\/]/).pop() ?? file;

export function countsLine(counts: Record<string, number>): string {
  return COUNT_WORDS.map(([key, one, many]) => `${counts[key] ?? 0} ${(counts[key] ?? 0) === 1 ? one : many}`).join(', ');
}

export function ExportBundleDialog({ briefId, onClose }: { briefId: number | null; onClose(): void }) {
  const briefs = useBriefs();
  const identity = useQuery({ queryKey: ['bundleIdentity'], queryFn: () => client.bundleIdentity({}) });
  const [scope, setScope] = useState<Scope>(briefId !== null ? 'brief' : 'library');
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(briefId !== null ? [briefId] : []));
  const [phase, setPhase] = useState<{ step: 'choose' } | { step: 'running' } | { step: 'done'; result: MethodResult<'exportBundle'> } | { step: 'failed'; message: string }>({
    step: 'choose',
  });
  const open = briefs.data?.find((b) => b.id === briefId);
  const ids = scope === 'brief' ? (briefId !== null ? [briefId] : []) : scope === 'chosen' ? [...chosen] : undefined;
  const nothing = ids !== undefined && ids.length === 0;

  const run = async () => {
    setPhase({ step: 'running' });
    try {
      const result = await client.exportBundle({ briefIds: ids });
      if (result.download) downloadExport(result.download);
      setPhase({ step: 'done', result });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CANCELLED') {
        setPhase({ step: 'choose' });
        return;
      }
      setPhase({ step: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };

  const toggle = (id: number) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Dialog title="Export bundle" open onClose={() => phase.step !== 'running' && onClose()} className="share-dialog">
      <div className="dialog-body">
        {phase.step === 'choose' && (
          <>
            <fieldset className="share-scope">
              <legend>What to share</legend>
              <label>
                <input type="radio" name="bundle-scope" checked={scope === 'brief'} disabled={!open} onChange={() => setScope('brief')} /> This brief
                {open && (
                  <>
                    : “<bdi>{open.title}</bdi>”
                  </>
                )}
              </label>
              <label>
                <input type="radio" name="bundle-scope" checked={scope === 'chosen'} onChange={() => setScope('chosen')} /> Chosen briefs
              </label>
              {scope === 'chosen' && (
                <ul className="share-brief-list" aria-label="Briefs to share">
                  {briefs.data?.map((b) => (
                    <li key={b.id}>
                      <label>
                        <input type="checkbox" checked={chosen.has(b.id)} onChange={() => toggle(b.id)} /> <bdi>{b.title}</bdi>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
              <label>
                <input type="radio" name="bundle-scope" checked={scope === 'library'} onChange={() => setScope('library')} /> The whole library (every
                source and passage, cited or not)
              </label>
            </fieldset>
            <p className="share-note">
              The bundle holds the briefs, their claims and citations, every cited passage, the full text of each source used and its tags, signed
              with this installation’s key
              {identity.data && (
                <>
                  {' '}
                  (<span className="fingerprint">{groupedFingerprint(identity.data.fingerprint).slice(0, 19)}…</span>)
                </>
              )}
              {identity.data?.authorName ? <> as “<bdi>{identity.data.authorName}</bdi>”</> : ' with no author name (set one in Sharing identity…)'}.
            </p>
          </>
        )}
        {phase.step === 'running' && (
          <div className="share-progress">
            <progress aria-label="Bundle export progress" />
            <p role="status">Writing and signing the bundle…</p>
          </div>
        )}
        {phase.step === 'done' && (
          <div role="status">
            <p>
              {phase.result.download ? 'Downloaded' : 'Saved'} <bdi className="share-path">{fileNameOf(phase.result.record.path)}</bdi>: {countsLine(phase.result.counts)}.
            </p>
            <p className="share-hash">Content digest SHA-256 {phase.result.digest}</p>
            <p className="share-hash">Signed by key {groupedFingerprint(phase.result.fingerprint)}</p>
          </div>
        )}
        {phase.step === 'failed' && (
          <p role="alert" className="share-error">
            The bundle was not written: {phase.message}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        {phase.step === 'choose' && (
          <>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={nothing} onClick={() => void run()}>
              Export bundle
            </button>
          </>
        )}
        {(phase.step === 'done' || phase.step === 'failed') && (
          <button type="button" className="primary" onClick={onClose}>
            Close
          </button>
        )}
      </div>
    </Dialog>
  );
}
