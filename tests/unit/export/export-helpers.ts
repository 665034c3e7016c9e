// Service-level export tests: a real library in a temp folder, the real Chromium renderer on the
// system Chromium, and the PDF read back with poppler (pdftotext, pdffonts) as a reader's tools would.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ErrorValue } from '../../../db/errors';
import type { MethodInput, MethodName, MethodResult, Relation } from '../../../main/contract';
import { createChromiumPdfRenderer, type ChromiumPdfOptions } from '../../../main/export/pdf-chromium';
import type { PdfRenderer, ShellOps } from '../../../main/ports';
import { openVerifiedExport } from '../../../main/export/read-export';
import { browserShell, openService, type RunningService } from '../../../main/service/index';
import { callers } from '../service/helpers';

export interface ExportLibrary {
  running: RunningService;
  dir: string;
  exportsDir: string;
  call<K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodResult<K>>;
  refuse(name: string, input: unknown): Promise<ErrorValue>;
  /** What browser mode's GET /exports/:id would send: the verified file's name, type and bytes. */
  download(recordId: number): Promise<{ fileName: string; mime: string; bytes: Buffer }>;
  /** Desktop libraries: what the save dialog answers next (null: the analyst cancels). */
  saveAs(file: string | null): void;
  close(): Promise<void>;
}

/** One Chromium per test file: starting it costs more than printing a brief. */
export function sharedRenderer(options?: ChromiumPdfOptions): PdfRenderer & { shutdown(): Promise<void> } {
  const inner = createChromiumPdfRenderer(options);
  return { render: (h, o) => inner.render(h, o), close: async () => {}, shutdown: () => inner.close() };
}

/**
 * A library in a temp folder. Browser mode by default; `desktop: true` gives the desktop app's flow,
 * with a save dialog that answers what the test set with saveAs().
 */
export async function openExportLibrary(pdf: PdfRenderer, options: { demo?: boolean; desktop?: boolean } = {}): Promise<ExportLibrary> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-export-'));
  let answer: string | null | undefined;
  const shell: ShellOps = {
    ...browserShell,
    chooseSavePath: async () => {
      if (answer === undefined) throw new Error('the test did not say what the save dialog answers');
      return answer;
    },
  };
  const running = await openService({
    dataDir: dir,
    mode: options.desktop ? 'electron' : 'web',
    version: '0.0.0-test',
    pdf,
    seedDemo: options.demo ?? false,
    ...(options.desktop ? { shell } : {}),
  });
  return {
    running,
    dir,
    exportsDir: path.join(dir, 'exports'),
    ...callers(running),
    async download(recordId) {
      const file = await openVerifiedExport(running.ctx.store.db, recordId);
      try {
        return { fileName: file.fileName, mime: file.mime, bytes: await file.handle.readFile() };
      } finally {
        await file.handle.close();
      }
    },
    saveAs(file) {
      answer = file;
    },
    async close() {
      await running.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface BriefSpec {
  title: string;
  marking?: string;
  claims: { text: string; confidence?: 'low' | 'moderate' | 'high'; cites?: { source: number; passage: string; relation?: Relation }[] }[];
  sources: { title: string; body: string; language?: string; outlet?: string; reliability?: 'A' | 'B' | 'C' }[];
}

/** Builds a brief through the contract, quoting each passage where it first occurs in its source. */
export async function buildBrief(lib: ExportLibrary, spec: BriefSpec): Promise<number> {
  const sourceIds: number[] = [];
  for (const s of spec.sources) {
    const { source } = await lib.call('addSource', { ...s, url: 'https://example.org/report', publishedAt: '2026-02-01' });
    sourceIds.push(source.id);
  }
  const brief = await lib.call('createBrief', { title: spec.title, marking: spec.marking ?? 'UNCLASSIFIED', author: 'Test Analyst', summary: 'Bottom line.' });
  const quotes = new Map<string, number>();
  for (const c of spec.claims) {
    const claim = await lib.call('addClaim', { briefId: brief.id, text: c.text, confidence: c.confidence ?? null });
    for (const cite of c.cites ?? []) {
      const key = `${cite.source}:${cite.passage}`;
      let quoteId = quotes.get(key);
      if (!quoteId) {
        const body = spec.sources[cite.source]!.body;
        const start = body.indexOf(cite.passage);
        if (start < 0) throw new Error(`passage not in source ${cite.source}: ${cite.passage}`);
        quoteId = (await lib.call('createQuote', { sourceId: sourceIds[cite.source]!, start, end: start + cite.passage.length, credibility: 2 })).id;
        quotes.set(key, quoteId);
      }
      await lib.call('addCitation', { claimId: claim.id, quoteId, relation: cite.relation ?? 'supports' });
    }
  }
  return brief.id;
}

/** The PDF's text page by page, as `pdftotext -layout` gives it (pages end with a form feed). */
export function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return text.split('\f').slice(0, -1);
}

/** The fonts embedded in the PDF: [name, embedded]. */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type... encoding emb sub uni object ID: emb is the 5th column from the end.
      return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
    });
}

const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text without layout: pdftotext breaks lines and pads columns, so whitespace carries no meaning. */
export const squash = (s: string): string => s.replace(BIDI_CONTROLS, '').replace(/\s+/g, '');

const RTL = /[\u0590-\u08ff\ufb1d-\ufefc]/;

/**
 * True when the PDF text holds the passage verbatim. Right-to-left runs come out of pdftotext in
 * visual order around neutral characters, so for those each word's letters and digits are checked.
 */
export function pdfHasVerbatim(pdfText: string, passage: string): boolean {
  const hay = squash(pdfText);
  if (!RTL.test(passage)) return hay.includes(squash(passage));
  return passage
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}\p{M}]/gu, ''))
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** The PDF's outline as "depth:title" lines, and whether it is a tagged PDF, read with pdf.js. */
export async function pdfOutline(file: string): Promise<{ outline: string[]; tagged: boolean }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), verbosity: 0 }).promise;
  try {
    const outline: string[] = [];
    type Item = { title: string; items: Item[] };
    const walk = (items: Item[] | null, depth: number) => {
      for (const item of items ?? []) {
        outline.push(`${depth}:${item.title}`);
        walk(item.items, depth + 1);
      }
    };
    walk((await doc.getOutline()) as Item[] | null, 0);
    const mark = (await doc.getMarkInfo()) as { Marked?: boolean } | null;
    return { outline, tagged: mark?.Marked === true };
  } finally {
    await doc.destroy();
  }
}
