// What a parser hands back: plain text and the metadata found in the file. Plain data, so it
// crosses from the parsing worker to the service thread unchanged.
import type { SourceFormat } from '../../db/model';
import { MAX_IMPORT_FILE_BYTES } from '../vocabulary';

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
  /** PDFs: the UTF-16 offset in body where each page's text starts (page n at index n - 1); a page without text starts where the next text does. */
  pageStarts?: number[];
  /** Things the analyst should know, e.g. how many invalid UTF-8 sequences were replaced. */
  warnings: string[];
}

export interface ParseRequest {
  name: string;
  bytes: Uint8Array;
  /** A legacy encoding chosen by the analyst, e.g. "windows-1251"; detected when omitted. */
  encoding?: string;
}

/**
 * What one import may cost. Work is bounded by amounts (bytes, decompressed bytes, pages, elements,
 * memory), which come out the same on a fast or a busy machine; the one time limit is per step of
 * work (loading a reader, one PDF page, one pass over a page's markup) and generous, only there to
 * stop a parser that is stuck.
 */
export const IMPORT_LIMITS = {
  /** Per file. Larger files are refused before any parsing. */
  maxFileBytes: MAX_IMPORT_FILE_BYTES,
  /** What a PDF's compressed streams may expand to, in total, before pdf.js reads them. */
  maxPdfInflatedBytes: 256 * 1024 * 1024,
  /** What a Word document's text parts (everything but pictures, fonts and embedded files) may expand to. */
  maxDocxInflatedBytes: 128 * 1024 * 1024,
  /** Pages read from one PDF. */
  maxPdfPages: 5_000,
  /** Per step of work in the worker, wall clock; the worker is terminated when one step runs over. */
  stepTimeoutMs: 90_000,
  /** The whole process's resident memory while files are parsed; over it, parsing is stopped. */
  maxProcessRssBytes: 900 * 1024 * 1024,
  /** Element nesting kept when reading HTML; deeper markup is flattened (its text kept). */
  maxHtmlDepth: 256,
} as const;

/** Told by a parser as it starts each step of its work, e.g. "reading page 3 of 40". */
export type StepReporter = (step: string) => void;

export const emptyMetadata = (): ParsedMetadata => ({ outlet: null, author: null, url: null, publishedAt: null, language: null });
