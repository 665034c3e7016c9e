// Bundles (issue 13): a brief with all its evidence as one verified, signed .sourcemark file.
// Implemented in main/bundle/. Files travel as bytes (download and upload), never as server paths.
import { z } from 'zod';
import type { MergeReport } from '../../db/bundle/merge';
import { method } from './method';

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
}

export interface BundleImport extends MergeReport {
  summary: BundleSummary;
}

const fileName = z.string().min(1).max(1024);
const fingerprint = z.string().regex(/^[0-9a-f]{64}$/, { error: 'A key fingerprint is 64 hexadecimal digits.' });

export const bundleMethods = {
  /** This installation's signing key fingerprint and the author name its bundles carry. */
  bundleIdentity: method(z.strictObject({})).returns<{ fingerprint: string; authorName: string }>(),
  setBundleAuthor: method(z.strictObject({ name: z.string().trim().max(200) })).returns<{ authorName: string }>(),
  /** Marks a signer's key as known, after the analyst checked its fingerprint with its owner. */
  markSignerKnown: method(z.strictObject({ fingerprint, name: z.string().trim().max(200).default('') })).returns<{ fingerprint: string; name: string }>(),
  /** Writes a bundle into the data folder's exports/ and hands its bytes back for the download. */
  exportBundle: method(
    z.strictObject({
      /** The briefs to share; left out: the whole library. */
      briefIds: z.array(z.number().int().positive()).min(1).max(10_000).optional(),
    }),
  ).returns<{ fileName: string; base64: string; digest: string; fingerprint: string; counts: Record<string, number> }>(),
  /** Verifies an uploaded bundle completely and says who signed it; writes nothing. */
  inspectBundle: method(z.strictObject({ name: fileName, base64: z.string() })).returns<BundleSummary>(),
  /** Verifies again, then merges in one transaction. Unsigned or unknown signers need acceptUnverified. */
  importBundle: method(z.strictObject({ name: fileName, base64: z.string(), acceptUnverified: z.boolean().default(false) })).returns<BundleImport>(),
  /** Passages as a W3C Web Annotation collection (JSON-LD), and sources as CSL-JSON; for the download. */
  exportStandard: method(
    z.strictObject({ format: z.enum(['web-annotation', 'csl-json']), briefIds: z.array(z.number().int().positive()).min(1).max(10_000).optional() }),
  ).returns<{ fileName: string; mime: string; text: string }>(),
} as const;
