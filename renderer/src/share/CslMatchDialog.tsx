// Fill source details from CSL-JSON (Zotero, Pandoc, any reference manager): each item is matched to
// a library source by DOI, URL or title, and the analyst ticks which differing details to take.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { MethodResult } from '../../../main/contract';
import { SOURCE_DETAIL_WORDS, type SourceDetail } from '../../../main/vocabulary';
import { client } from '../api/client';
import { libraryMerged } from '../mutations/bundles';
import { Dialog } from '../ui/Dialog';
import { OfferRow } from './OfferRow';

type Report = MethodResult<'matchCslJson'>;
const key = (sourceId: number, field: string) => `${sourceId}:${field}`;

export function CslMatchDialog({ onClose }: { onClose(): void }) {
  const qc = useQueryClient();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [taken, setTaken] = useState<Set<string>>(new Set());
  const [applied, setApplied] = useState<number | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setReport(null);
    setApplied(null);
    try {
      const r = await client.matchCslJson({ text: await file.text() });
      setReport(r);
      // Details the source lacks start ticked; one that would replace what the analyst wrote starts unticked.
      setTaken(new Set(r.matches.flatMap((m) => m.offers.filter((o) => o.local === null).map((o) => key(m.sourceId, o.field)))));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const apply = async () => {
    if (!report) return;
    setError(null);
    let n = 0;
    try {
      for (const m of report.matches) {
        const patch = Object.fromEntries(m.offers.filter((o) => taken.has(key(m.sourceId, o.field))).map((o) => [o.field, o.proposed]));
        if (Object.keys(patch).length === 0) continue;
        await client.updateSource({ id: m.sourceId, patch });
        n += Object.keys(patch).length;
      }
      setApplied(n);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      await libraryMerged(qc);
    }
  };

  const toggle = (k: string) =>
    setTaken((s) => {
      const next = new Set(s);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });

  return (
    <Dialog title="Fill source details from CSL-JSON" open onClose={onClose} className="share-dialog">
      <div className="dialog-body">
        <p>Choose a CSL-JSON file (in Zotero: File, Export Library…, format “CSL JSON”). Items are matched to your sources by DOI, URL or exact title; nothing changes until you apply.</p>
        <label className="file-pick">
          CSL-JSON file <input type="file" accept=".json,.csl.json,application/json" onChange={(e) => void pick(e.target.files?.[0])} />
        </label>
        {error && (
          <p role="alert" className="share-error">
            {error}
          </p>
        )}
        {report && (
          <>
            <p role="status">
              {report.items} {report.items === 1 ? 'item' : 'items'}: {report.matches.length} matched, {report.unmatched.length} not in your library.
            </p>
            {report.matches.map((m) => (
              <table key={m.sourceId} className="offer-table" aria-label={`Details of “${m.title}”`}>
                <caption>
                  “<bdi>{m.title}</bdi>” — item {m.itemIndex}, matched by {m.matchedBy}
                  {m.offers.length === 0 && ': nothing differs'}
                </caption>
                {m.offers.length > 0 && (
                  <tbody>
                    {m.offers.map((o) => (
                      <OfferRow
                        key={o.field}
                        detail={SOURCE_DETAIL_WORDS[o.field as SourceDetail]}
                        local={o.local}
                        offered={o.proposed}
                        taken={taken.has(key(m.sourceId, o.field))}
                        label={`Use the CSL-JSON ${SOURCE_DETAIL_WORDS[o.field as SourceDetail]} for “${m.title}”`}
                        onToggle={() => toggle(key(m.sourceId, o.field))}
                      />
                    ))}
                  </tbody>
                )}
                {m.notes.length > 0 && (
                  <tfoot>
                    <tr>
                      <td colSpan={3} className="share-note">
                        {m.notes.join(' ')}
                      </td>
                    </tr>
                  </tfoot>
                )}
              </table>
            ))}
            {report.unmatched.length > 0 && (
              <p className="share-note">
                Not matched: {report.unmatched.map((u) => `item ${u.itemIndex}${u.title ? ` “${u.title}”` : ''}`).join('; ')}.
              </p>
            )}
          </>
        )}
        {applied !== null && <p role="status">Applied {applied} {applied === 1 ? 'detail' : 'details'}.</p>}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        {report && report.matches.some((m) => m.offers.length > 0) && applied === null && (
          <button type="button" className="primary" disabled={taken.size === 0} onClick={() => void apply()}>
            Apply chosen details
          </button>
        )}
      </div>
    </Dialog>
  );
}
