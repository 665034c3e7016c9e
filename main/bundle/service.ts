// Export and import of .sourcemark bundles. Import verifies the whole file (db/bundle/read.ts) and the
// signature before the one transaction that merges it; an unsigned bundle or one from a signer not
// marked as known is imported only when the analyst has seen that and said so.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { briefTitle, getBriefMeta } from '../../db/briefs';
import { AppError } from '../../db/errors';
import { collectRows } from '../../db/bundle/collect';
import { manifestBytes, TABLES } from '../../db/bundle/format';
import { mergeBundle, type TakenField } from '../../db/bundle/merge';
import { compareBriefs, relatedBriefs } from '../../db/bundle/compare';
import { planMerge, type SourceField } from '../../db/bundle/plan';
import { write } from '../../db/stmt';
import { checkDetail, matchCslItems, offersOf } from './details';
import { readCslJson } from './csl-read';
import { readBundle, type ReadBundle } from '../../db/bundle/read';
import { authorName, knownSigner, markSignerKnown, setAuthorName } from '../../db/bundle/signers';
import { writeBundle } from '../../db/bundle/write';
import type { BundleImport, BundleSummary, Signer } from '../contract/bundle';
import type { ServiceContext } from '../ports';
import { safeFileStem } from '../export/words';
import { cslJson, webAnnotations } from './standard-exports';
import { fingerprintOf, loadOrCreateKey, verifySignature } from './keys';

const MAX_BUNDLE_BYTES = 512 * 1024 * 1024;

function summarise(ctx: ServiceContext, fileName: string, b: ReadBundle): BundleSummary {
  const m = b.manifest;
  let signer: Signer;
  if (!m.public_key && !b.signature) signer = { status: 'unsigned', fingerprint: null, name: m.author_name };
  else {
    if (!m.public_key || !b.signature || !verifySignature(m.public_key, manifestBytes(m), b.signature)) {
      throw new AppError('BUNDLE_SIGNATURE', `${fileName}: the signature does not match the bundle's manifest; it was changed or re-signed by someone else. Nothing was imported.`);
    }
    const fingerprint = fingerprintOf(m.public_key);
    const known = knownSigner(ctx.store.db, fingerprint);
    signer = { status: known ? 'known' : 'unknown', fingerprint, name: known?.name || m.author_name };
  }
  return {
    fileName,
    formatVersion: m.format_version,
    appVersion: m.app_version,
    createdAt: m.created_at,
    authorName: m.author_name,
    counts: Object.fromEntries(TABLES.map((t) => [t.name, m.counts[t.name] ?? 0])),
    digest: m.content_digest,
    signer,
    briefTitles: b.rows.get('brief')!.map((r) => String(r[1])),
    plan: planMerge(ctx.store.db, b.rows),
  };
}

/** The uploaded bytes go to a private temp file so SQLite can read them; it is removed afterwards. */
function withTempFile<T>(base64: string, fn: (file: string) => T): T {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_BUNDLE_BYTES) throw new AppError('TOO_LARGE', `The bundle is ${Math.round(bytes.length / 1048576)} MB; the limit is ${MAX_BUNDLE_BYTES / 1048576} MB.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-bundle-'));
  const file = path.join(dir, 'in.sourcemark');
  try {
    fs.writeFileSync(file, bytes, { mode: 0o600 });
    return fn(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function createBundleService(ctx: ServiceContext) {
  const db = ctx.store.db;
  const key = () => loadOrCreateKey(ctx.dataDir);

  function inspect(file: string, fileName: string): { read: ReadBundle; summary: BundleSummary } {
    const read = readBundle(file, fileName);
    return { read, summary: summarise(ctx, fileName, read) };
  }

  /** A bundle's value for a source detail, checked as the analyst's own edit would be. */
  function checkField(field: SourceField, value: string | null): unknown {
    const checked = checkDetail(field, value);
    if (!checked.ok) throw new AppError('INVALID_INPUT', `From the bundle: ${checked.message} Nothing was imported.`);
    return checked.value;
  }

  function importFile(file: string, fileName: string, acceptUnverified: boolean, takeMetadata: TakenField[] = []): BundleImport {
    const { read, summary } = inspect(file, fileName);
    if (summary.signer.status !== 'known' && !acceptUnverified) {
      throw new AppError(
        'BUNDLE_SIGNATURE',
        summary.signer.status === 'unsigned'
          ? `${fileName} is not signed: nothing proves who made it. Import it only if you trust how it reached you.`
          : `${fileName} is signed by a key this library does not know (fingerprint ${summary.signer.fingerprint}). Check the fingerprint with its author before importing.`,
      );
    }
    const signer = summary.signer.name || (summary.signer.fingerprint ? `key ${summary.signer.fingerprint.slice(0, 9)}` : 'an unsigned bundle');
    const report = write(db, () => mergeBundle(db, read.rows, { signer, date: summary.createdAt.slice(0, 10) }, { fields: takeMetadata, check: checkField }));
    return { ...report, summary };
  }

  /** Writes a bundle of the chosen briefs (null: the whole library) to `file`. */
  function exportBundleTo(file: string, briefIds: number[] | null, sign = true) {
    if (briefIds) {
      for (const id of briefIds) getBriefMeta(db, id);
    }
    const k = key();
    const rows = collectRows(db, { briefIds });
    const manifest = writeBundle(file, rows, {
      appVersion: ctx.version,
      authorName: authorName(db),
      createdAt: new Date().toISOString(),
      publicKey: k.publicKey,
      sign: sign ? k.sign : null,
    });
    return { manifest, fingerprint: sign ? k.fingerprint : null };
  }

  return {
    bundleIdentity: () => {
      const k = key();
      return { fingerprint: k.fingerprint, authorName: authorName(db) };
    },
    setBundleAuthor: ({ name }: { name: string }) => {
      setAuthorName(db, name);
      return { authorName: name };
    },
    markSignerKnown: ({ fingerprint, name }: { fingerprint: string; name: string }) => {
      markSignerKnown(db, fingerprint, name);
      return { fingerprint, name };
    },
    exportBundleTo,
    exportBundle({ briefIds }: { briefIds?: number[] }) {
      const ids = briefIds ?? null;
      const title = ids?.length === 1 ? briefTitle(db, ids[0]!) : undefined;
      const stem = `${safeFileStem(title ?? (ids ? `${ids.length} briefs` : 'library'))} ${new Date().toISOString().slice(0, 10)}`;
      const dir = path.join(ctx.dataDir, 'exports');
      fs.mkdirSync(dir, { recursive: true });
      // Never over an earlier file: its recipients may still compare against it.
      let name = `${stem}.sourcemark`;
      for (let n = 2; fs.existsSync(path.join(dir, name)); n++) name = `${stem}-${n}.sourcemark`;
      const file = path.join(dir, name);
      const { manifest, fingerprint } = exportBundleTo(file, ids);
      return { fileName: name, base64: fs.readFileSync(file).toString('base64'), digest: manifest.content_digest, fingerprint: fingerprint!, counts: manifest.counts };
    },
    exportStandard({ format, briefIds }: { format: 'web-annotation' | 'csl-json'; briefIds?: number[] }) {
      const rows = collectRows(db, { briefIds: briefIds ?? null });
      const stamp = new Date().toISOString().slice(0, 10);
      return format === 'web-annotation'
        ? { fileName: `passages ${stamp}.jsonld`, mime: 'application/ld+json', text: JSON.stringify(webAnnotations(rows), null, 2) }
        : { fileName: `sources ${stamp}.csl.json`, mime: 'application/vnd.citationstyles.csl+json', text: JSON.stringify(cslJson(rows), null, 2) };
    },
    readCslJson: ({ text }: { text: string }) =>
      readCslJson(text).map((item) => {
        const { offers, notes } = offersOf(item, null);
        return { itemIndex: item.index, details: Object.fromEntries(offers.map((o) => [o.field, o.proposed])), notes };
      }),
    compareBriefs: ({ briefId, otherId }: { briefId: number; otherId: number }) => compareBriefs(db, briefId, otherId),
    relatedBriefs: ({ briefId }: { briefId: number }) => relatedBriefs(db, briefId),
    matchCslJson: ({ text }: { text: string }) => matchCslItems(db, readCslJson(text)),
    inspectBundleFile: (file: string, fileName: string) => inspect(file, fileName).summary,
    importBundleFile: importFile,
    inspectBundle: ({ name, base64 }: { name: string; base64: string }) => withTempFile(base64, (f) => inspect(f, name).summary),
    importBundle: ({ name, base64, acceptUnverified, takeMetadata }: { name: string; base64: string; acceptUnverified: boolean; takeMetadata?: TakenField[] }) =>
      withTempFile(base64, (f) => importFile(f, name, acceptUnverified, takeMetadata)),
  };
}
