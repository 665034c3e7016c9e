// The review of a verified bundle before it is imported: who signed it (and whether this library knows
// the key), what it holds, what importing would change, and the differing source details to take or keep.
import { useState } from 'react';
import type { MethodResult } from '../../../main/contract';
import { SOURCE_DETAIL_WORDS } from '../../../main/vocabulary';
import { countsLine } from './ExportBundleDialog';
import { groupedFingerprint } from './files';
import { OfferRow } from './OfferRow';

type Summary = MethodResult<'inspectBundle'>;
type Offer = Summary['plan']['metadataOffers'][number];

export const offerKey = (o: Pick<Offer, 'sha256' | 'field'>): string => `${o.sha256}:${o.field}`;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

interface Props {
  summary: Summary;
  taken: Set<string>;
  onTake(next: Set<string>): void;
  onMarkKnown(name: string): void;
}

export function BundleReview({ summary, taken, onTake, onMarkKnown }: Props) {
  const { plan } = summary;
  return (
    <div className="bundle-review">
      <SignerPanel summary={summary} onMarkKnown={onMarkKnown} />
      <section aria-labelledby="bundle-contents">
        <h3 id="bundle-contents">Contents</h3>
        <p>
          {countsLine(summary.counts)}. Made {new Date(summary.createdAt).toLocaleString()} by Sourcemark {summary.appVersion} (bundle format{' '}
          {summary.formatVersion}). Every text matches its SHA-256, every passage its source, and the content digest its manifest.
        </p>
      </section>
      <section aria-labelledby="bundle-plan">
        <h3 id="bundle-plan">What importing will do</h3>
        <ul className="bundle-plan">
          <li>
            {plural(plan.sourcesNew.length, 'new source', 'new sources')}
            {plan.sourcesNew.length > 0 && (
              <>
                : {plan.sourcesNew.slice(0, 5).map((s, i) => (
                  <span key={s.sha256}>
                    {i > 0 && ', '}“<bdi>{s.title}</bdi>”
                  </span>
                ))}
                {plan.sourcesNew.length > 5 && ` and ${plan.sourcesNew.length - 5} more`}
              </>
            )}
            ; {plural(plan.sourcesKnown, 'source is', 'sources are')} already in your library (same text, not stored twice).
          </li>
          <li>
            {plural(plan.passagesNew, 'new passage', 'new passages')}; {plural(plan.passagesKnown, 'passage is', 'passages are')} already here
            {plan.notesToAdd > 0 && ` (${plural(plan.notesToAdd, 'note', 'notes')} from the bundle added below yours, never replacing them)`}.
          </li>
          {plan.tagsNew.length > 0 && <li>New tags: {plan.tagsNew.join(', ')}.</li>}
          {plan.briefs.map((b) => (
            <li key={b.uid}>
              Brief “<bdi>{b.title}</bdi>” ({plural(b.claims, 'claim', 'claims')}):{' '}
              {b.fate === 'new'
                ? 'new in your library.'
                : b.fate === 'unchanged'
                  ? 'already here with the same content; nothing changes.'
                  : <>differs from your “<bdi>{b.localTitle}</bdi>”: it is added beside it as a new version, and yours is not changed.</>}
            </li>
          ))}
        </ul>
      </section>
      {plan.metadataOffers.length > 0 && <MetadataOffers offers={plan.metadataOffers} taken={taken} onTake={onTake} />}
    </div>
  );
}

function SignerPanel({ summary, onMarkKnown }: { summary: Summary; onMarkKnown(name: string): void }) {
  const { signer } = summary;
  const [name, setName] = useState(summary.authorName);
  if (signer.status === 'known') {
    return (
      <section aria-labelledby="bundle-signer" className="signer known">
        <h3 id="bundle-signer">Signed by “<bdi>{signer.name}</bdi>”, a key you marked as known</h3>
        <p className="fingerprint">{groupedFingerprint(signer.fingerprint ?? '')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="bundle-signer" className="signer share-warning">
      <h3 id="bundle-signer">{signer.status === 'unsigned' ? 'Warning: this bundle is not signed' : 'Warning: unknown signer'}</h3>
      {signer.status === 'unsigned' ? (
        <p>Nothing proves who made it or that it is what they sent. Import it only if you trust how it reached you.</p>
      ) : (
        <>
          <p>
            The signature is valid, but this library does not know the key. The bundle says its author is “<bdi>{summary.authorName || 'not named'}</bdi>”;
            anyone can write that. Compare this fingerprint with its author (by phone or in person) before you trust it:
          </p>
          <p className="fingerprint" aria-label="Signer fingerprint">
            {groupedFingerprint(signer.fingerprint ?? '')}
          </p>
          <div className="mark-known">
            <label>
              Signer’s name <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
            </label>
            <button type="button" onClick={() => onMarkKnown(name.trim())}>
              Mark signer as known
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** A detail's name heads its row: "published date" becomes "Published date". */
const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

function MetadataOffers({ offers, taken, onTake }: { offers: Offer[]; taken: Set<string>; onTake(next: Set<string>): void }) {
  const bySource = new Map<string, Offer[]>();
  for (const o of offers) bySource.set(o.sha256, [...(bySource.get(o.sha256) ?? []), o]);
  const toggle = (o: Offer) => {
    const next = new Set(taken);
    if (next.has(offerKey(o))) next.delete(offerKey(o));
    else next.add(offerKey(o));
    onTake(next);
  };
  return (
    <section aria-labelledby="bundle-offers">
      <h3 id="bundle-offers">Source details that differ</h3>
      <p>Yours are kept unless you tick the bundle’s value.</p>
      {[...bySource.values()].map((list) => (
        <table key={list[0]!.sha256} className="offer-table" aria-label={`Details of “${list[0]!.title}”`}>
          <caption>
            “<bdi>{list[0]!.title}</bdi>”
          </caption>
          <thead>
            <tr>
              <th scope="col">Detail</th>
              <th scope="col">Yours</th>
              <th scope="col">In the bundle (tick to take it)</th>
            </tr>
          </thead>
          <tbody>
            {list.map((o) => (
              <OfferRow
                key={o.field}
                detail={capitalised(SOURCE_DETAIL_WORDS[o.field])}
                local={o.local}
                offered={o.bundle}
                taken={taken.has(offerKey(o))}
                label={`Use the bundle’s ${SOURCE_DETAIL_WORDS[o.field]} for “${o.title}”`}
                onToggle={() => toggle(o)}
              />
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
