// Bundles: a brief with all its evidence as one verified, signed .sourcemark file.
// Implemented in main/bundle/. Files travel as bytes (download and upload), never as server paths.
import { z } from 'zod';
import type { MergeReport } from '../../db/bundle/merge';
import { method } from './method';
import { SOURCE_DETAILS, type SourceDetail } from '../vocabulary';
import type { BriefComparison, RelatedBrief } from '../../db/bundle/compare';
import type { MergePlan } from '../../db/bundle/plan';
import type { ExportRecord } from '../../db/model';

export interface Signer {
  status: 'known' | 'unknown' | 'unsigned';
  fingerprint: string | null;
  /** The name the analyst gave this key when marking it known, else the bundle's author name. */
  name: string;
}

export interface BundleSummary {
  fileName: string;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  authorName: string;
  counts: Record<string, number>;
  digest: string;
  signer: Signer;
  briefTitles: string[];
  /** What importing it would do to this library now. */
  plan: MergePlan;
}

export interface BundleImport extends MergeReport {
  summary: BundleSummary;
}

/** A detail an outside record (CSL-JSON) holds that differs from the source's own. */
export interface DetailOffer {
  field: SourceDetail;
  local: string | null;
  proposed: string;
}

export interface CslMatch {
  itemIndex: number;
  sourceId: number;
  title: string;
  matchedBy: 'DOI' | 'URL' | 'title';
  offers: DetailOffer[];
  notes: string[];
}

export interface CslMatchReport {
  items: number;
  matches: CslMatch[];
  unmatched: { itemIndex: number; title: string | null; notes: string[] }[];
}

const fileName = z.string().min(1).max(1024);
const upload = z.string().regex(/^[0-9a-f]{32}$/, { error: 'The bundle file was not uploaded properly; choose the bundle file again.' });

/** A bundle file waiting to be inspected and imported (main/bundle/uploads.ts). */
export interface BundleUpload {
  upload: string;
  name: string;
  bytes: number;
}
const cslText = z.string().max(50 * 1024 * 1024, { error: 'The CSL-JSON is larger than 50 MB.' });
const fingerprint = z.string().regex(/^[0-9a-f]{64}$/, { error: 'A key fingerprint is 64 hexadecimal digits.' });

export const bundleMethods = {
  /** This installation's signing key fingerprint and the author name its bundles carry. */
  bundleIdentity: method(z.strictObject({})).returns<{ fingerprint: string; authorName: string }>(),
  setBundleAuthor: method(z.strictObject({ name: z.string().trim().max(200) })).returns<{ authorName: string }>(),
  /** Marks a signer's key as known, after the analyst checked its fingerprint with its owner. */
  markSignerKnown: method(z.strictObject({ fingerprint, name: z.string().trim().max(200).default('') })).returns<{ fingerprint: string; name: string }>(),
  /**
   * Writes a signed bundle and records it, as exportBrief does: the desktop app asks where in its own
   * save dialog (CANCELLED when cancelled), browser mode writes into exports/ and answers with the
   * address to download it from (GET /exports/:id).
   */
  exportBundle: method(
    z.strictObject({
      /** The briefs to share; left out: the whole library. */
      briefIds: z.array(z.number().int().positive()).min(1).max(10_000).optional(),
    }),
  ).returns<{ record: ExportRecord; download: string | null; digest: string; fingerprint: string; counts: Record<string, number> }>(),
  /**
   * Desktop: the open dialog in the main process; the picked bundle is copied in to wait for import
   * and named by an upload id (the page never holds its path). Browser mode sends the file as the raw
   * body of POST /upload/bundle instead, which answers the same upload. `picked` is null when cancelled.
   */
  pickBundleFile: method(z.strictObject({})).returns<{ picked: BundleUpload | null }>(),
  /** Verifies an uploaded bundle completely and says who signed it; writes nothing. */
  inspectBundle: method(z.strictObject({ name: fileName, upload })).returns<BundleSummary>(),
  /** Verifies again, then merges in one transaction. Unsigned or unknown signers need acceptUnverified. */
  importBundle: method(
    z.strictObject({
      name: fileName,
      upload,
      acceptUnverified: z.boolean().default(false),
      /** Offered details of known sources the analyst chose to take from the bundle; every other one stays as it is. */
      takeMetadata: z.array(z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/), field: z.enum(SOURCE_DETAILS) })).max(100_000).default([]),
    }),
  ).returns<BundleImport>(),
  /** A brief beside another (usually its imported version): claims added, removed and changed. `briefId` is the left side. */
  compareBriefs: method(z.strictObject({ briefId: z.number().int().positive(), otherId: z.number().int().positive() })).returns<BriefComparison>(),
  /** The original of a brief and its versions that arrived in bundles, to compare with. */
  relatedBriefs: method(z.strictObject({ briefId: z.number().int().positive() })).returns<RelatedBrief[]>(),
  /** Reads pasted or uploaded CSL-JSON into source details, to prefill a source's form; nothing is written. */
  readCslJson: method(z.strictObject({ text: cslText })).returns<{ itemIndex: number; details: Partial<Record<SourceDetail, string>>; notes: string[] }[]>(),
  /** Matches CSL-JSON items to library sources by DOI, URL or title, with the details each would change; nothing is written. */
  matchCslJson: method(z.strictObject({ text: cslText })).returns<CslMatchReport>(),
  /** Passages as a W3C Web Annotation collection (JSON-LD), and sources as CSL-JSON; for the download. */
  exportStandard: method(
    z.strictObject({ format: z.enum(['web-annotation', 'csl-json']), briefIds: z.array(z.number().int().positive()).min(1).max(10_000).optional() }),
  ).returns<{ fileName: string; mime: string; text: string }>(),
} as const;
