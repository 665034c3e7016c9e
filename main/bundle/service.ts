// Export and import of .sourcemark bundles. Import verifies the whole file (db/bundle/read.ts) and the
// signature before the one transaction that merges it; an unsigned bundle or one from a signer not
// marked as known is imported only when the analyst has seen that and said so.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getBriefMeta } from '../../db/briefs';
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
import { saveExport } from '../export/save';
import { chooseExportTarget } from '../export/target';
import { cslJson, webAnnotations } from './standard-exports';
import { fingerprintOf, loadOrCreateKey, verifySignature } from './keys';
import { dropBundle, stageBundleFile, stagedBundle, sweepUploads } from './uploads';

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

export function createBundleService(ctx: ServiceContext) {
  const db = ctx.store.db;
  const key = () => loadOrCreateKey(ctx.dataDir);
  // A bundle chosen in an earlier run and never imported does not stay past its day.
  sweepUploads(ctx.dataDir);

  function inspect(file: string, fileName: string): { read: ReadBundle; summary: BundleSummary } {
    const read = readBundle(file, fileName);
    return { read, summary: summarise(ctx, fileName, read) };
  }

  /**
   * Verifies a waiting upload. A bundle refused for what it holds (damaged, tampered, badly signed,
   * newer) can never be imported, so its upload goes; an unknown signer is decided later, by the
   * analyst, and keeps it.
   */
  function verifiedUpload(upload: string, name: string): { read: ReadBundle; summary: BundleSummary } {
    try {
      return inspect(stagedBundle(ctx.dataDir, upload), name);
    } catch (err) {
      const code = err instanceof AppError ? err.code : null;
      if (code === 'BUNDLE_INVALID' || code === 'BUNDLE_TAMPERED' || code === 'BUNDLE_NEWER' || code === 'BUNDLE_SIGNATURE') dropBundle(ctx.dataDir, upload);
      throw err;
    }
  }

  /** A bundle's value for a source detail, checked as the analyst's own edit would be. */
  function checkField(field: SourceField, value: string | null): unknown {
    const checked = checkDetail(field, value);
    if (!checked.ok) throw new AppError('INVALID_INPUT', `From the bundle: ${checked.message} Nothing was imported.`);
    return checked.value;
  }

  function importFile(file: string, fileName: string, acceptUnverified: boolean, takeMetadata: TakenField[] = []): BundleImport {
    return importVerified(inspect(file, fileName), fileName, acceptUnverified, takeMetadata);
  }

  function importVerified({ read, summary }: { read: ReadBundle; summary: BundleSummary }, fileName: string, acceptUnverified: boolean, takeMetadata: TakenField[] = []): BundleImport {
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
    /**
     * Writes a bundle the way every export is written: made first in a private temp folder (SQLite
     * writes to a path), then put where the save dialog points on the desktop (asked only once the
     * bundle exists, so a failure never leaves the analyst with a dialog for nothing) or into exports/
     * in browser mode, never over another file, and recorded in export_record with its SHA-256. The
     * browser downloads it by its record (GET /exports/:id), never as bytes inside a reply.
     */
    async exportBundle({ briefIds }: { briefIds?: number[] }) {
      const ids = briefIds ?? null;
      const titles = ids?.map((id) => getBriefMeta(db, id).title) ?? null;
      const label = titles === null ? 'The whole library' : titles.length === 1 ? titles[0]! : `${titles.length} briefs: ${titles.join('; ')}`.slice(0, 500);
      const stem = titles === null ? 'Library' : titles.length === 1 ? titles[0]! : `${titles.length} briefs`;
      const exportedAt = new Date().toISOString();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-bundle-out-'));
      try {
        const made = path.join(dir, 'out.sourcemark');
        const { manifest, fingerprint } = exportBundleTo(made, ids);
        const bytes = fs.readFileSync(made);
        const target = await chooseExportTarget(ctx, stem, 'bundle', exportedAt);
        const saved = await saveExport(ctx, target, bytes, { briefId: ids?.length === 1 ? ids[0]! : null, briefTitle: label, format: 'bundle' });
        return { ...saved, digest: manifest.content_digest, fingerprint: fingerprint!, counts: manifest.counts };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
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
    pickBundleFile: async () => {
      const { paths } = await ctx.shell.pickOpenPaths({ filters: [{ name: 'Sourcemark bundle', extensions: ['sourcemark'] }], multiple: false });
      const picked = paths[0];
      if (!picked) return { picked: null };
      const name = path.basename(picked);
      return { picked: { upload: stageBundleFile(ctx.dataDir, name, picked), name, bytes: fs.statSync(picked).size } };
    },
    inspectBundle: ({ name, upload }: { name: string; upload: string }) => verifiedUpload(upload, name).summary,
    importBundle: ({ name, upload, acceptUnverified, takeMetadata }: { name: string; upload: string; acceptUnverified: boolean; takeMetadata?: TakenField[] }) => {
      const report = importVerified(verifiedUpload(upload, name), name, acceptUnverified, takeMetadata);
      dropBundle(ctx.dataDir, upload);
      return report;
    },
  };
}
