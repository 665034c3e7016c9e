// Import of sources from files. Implemented in main/import/ (parsing runs in a worker thread).
import { z } from 'zod';
import type { SourceSummary } from '../../db/model';
import { method } from './method';

export interface ImportOutcome {
  fileName: string;
  status: 'created' | 'duplicate';
  source: SourceSummary;
  /** Things the analyst should know, e.g. "3 invalid UTF-8 sequences were replaced with U+FFFD". */
  warnings: string[];
}

const fileName = z.string().min(1).max(1024);

export const importMethods = {
  /** One file's bytes, base64 encoded (drag and drop, file input). */
  importFile: method(
    z.strictObject({
      name: fileName,
      base64: z.string(),
      /** A legacy single-byte encoding chosen by the analyst, e.g. "windows-1251"; detected when omitted. */
      encoding: z.string().max(40).optional(),
    }),
  ).returns<ImportOutcome>(),
  /** Files on disk (Electron's open dialog, command line). One bad file does not stop the others. */
  importPaths: method(
    z.strictObject({
      paths: z.array(z.string().min(1).max(4096)).min(1).max(1000),
      /** As for importFile: applies to text files and pages without a byte order mark. */
      encoding: z.string().max(40).optional(),
    }),
  ).returns<
    ({ ok: true; value: ImportOutcome } | { ok: false; fileName: string; error: { code: string; message: string } })[]
  >(),
} as const;
