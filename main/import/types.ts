// What a parser hands back: plain text and the metadata found in the file. Plain data, so it
// crosses from the parsing worker to the service thread unchanged.
import type { SourceFormat } from '../../db/model';

export interface ParsedMetadata {
  outlet: string | null;
  author: string | null;
  url: string | null;
  /** As found in the file; normalised to ISO by the service before storing. */
  publishedAt: string | null;
  language: string | null;
}

export interface ParsedSource {
  title: string;
  /** Plain text; paragraphs separated by one blank line. */
  body: string;
  format: SourceFormat;
  metadata: ParsedMetadata;
  /** Things the analyst should know, e.g. how many invalid UTF-8 sequences were replaced. */
  warnings: string[];
}

export interface ParseRequest {
  name: string;
  bytes: Uint8Array;
  /** A legacy encoding chosen by the analyst, e.g. "windows-1251"; detected when omitted. */
  encoding?: string;
}

export const IMPORT_LIMITS = {
  /** Per file. Larger files are refused before any parsing. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Per file, wall clock in the worker; the worker is terminated when it runs over. */
  timeoutMs: 20_000,
  /** Element nesting kept when reading HTML; deeper markup is flattened (its text kept). */
  maxHtmlDepth: 256,
} as const;

export const emptyMetadata = (): ParsedMetadata => ({ outlet: null, author: null, url: null, publishedAt: null, language: null });
