// Bundles (issue 13): export and import of a library of 1,000 sources and 10,000 passages (with briefs
// citing them), against the plain store import of the same rows measured in the same run: the same
// inserts through db/ in one transaction, with no file, no hashing and no verification. Goal: the bundle's
// throughput is at least half the plain import's, both ways. Peak RSS of the process is reported.
import fs from 'node:fs';
import path from 'node:path';
import { insertBrief } from '../../../db/briefs';
import { insertCitation } from '../../../db/citations';
import { insertClaim } from '../../../db/claims';
import { insertQuote } from '../../../db/quotes';
import { insertSource } from '../../../db/sources';
import { write } from '../../../db/stmt';
import { quoteContext } from '../../../db/text';
import { createBundleService } from '../../../main/bundle/service';
import { openService, type RunningService } from '../../../main/service/index';
import { makeVocab, TextMaker, type Lang } from '../generate-library';
import { line, nowMs, peakRssMb, type BenchContext } from '../harness';

const SUITE = 'bundle';
const PASSAGES_PER_SOURCE = 10;

interface Data {
  sources: { title: string; outlet: string; language: Lang; body: string }[];
  briefs: { title: string; claims: { text: string; cites: number[] }[] }[];
}

function generate(sourceCount: number): Data {
  const maker = new TextMaker(makeVocab(), 13);
  const langs: Lang[] = ['en', 'en', 'en', 'ru', 'zh'];
  const sources = Array.from({ length: sourceCount }, (_, i) => {
    const language = langs[i % langs.length]!;
    return { title: `Report ${i + 1}`, outlet: `Outlet ${i % 40}`, language, body: maker.text(language, 4000) };
  });
  const passages = sourceCount * PASSAGES_PER_SOURCE;
  const briefs = Array.from({ length: Math.max(1, Math.round(sourceCount / 50)) }, (_, b) => ({
    title: `Brief ${b + 1}`,
    claims: Array.from({ length: 25 }, (_, c) => ({ text: maker.sentence('en'), cites: [(b * 997 + c * 31) % passages, (b * 389 + c * 17 + 5) % passages] })),
  }));
  return { sources, briefs };
}

/** The baseline: the same rows written with the store's own inserts in one transaction. Returns the row count. */
function plainImport(running: RunningService, data: Data): number {
  const db = running.ctx.store.db;
  let rows = 0;
  write(db, () => {
    const quoteIds: number[] = [];
    for (const s of data.sources) {
      const sourceId = insertSource(db, { title: s.title, outlet: s.outlet, language: s.language, format: 'text', body: s.body });
      rows++;
      const step = Math.floor(s.body.length / PASSAGES_PER_SOURCE);
      for (let k = 0; k < PASSAGES_PER_SOURCE; k++) {
        const start = k * step;
        const end = start + Math.min(60, step - 1);
        quoteIds.push(insertQuote(db, { sourceId, start, end, exact: s.body.slice(start, end), ...quoteContext(s.body, start, end), note: k % 3 === 0 ? `Note ${k}` : '', credibility: null }));
        rows++;
      }
    }
    for (const b of data.briefs) {
      const briefId = insertBrief(db, { title: b.title });
      rows++;
      b.claims.forEach((c, i) => {
        const claimId = insertClaim(db, { briefId, position: `a${String(i).padStart(4, '0')}`, text: c.text, confidence: null });
        rows++;
        new Set(c.cites).forEach((q, j) => {
          insertCitation(db, { claimId, quoteId: quoteIds[q]!, relation: 'supports', position: `a${j}` });
          rows++;
        });
      });
    }
  });
  return rows;
}

const open = (dir: string) =>
  openService({ dataDir: dir, mode: 'web', version: 'bench', pdf: { render: async () => new Uint8Array(), close: async () => {} }, seedDemo: false, quickCheck: false, log: () => {} });

export default async function run(ctx: BenchContext): Promise<void> {
  const sourceCount = Math.max(10, Math.round(1000 * ctx.scale));
  process.stderr.write(`bundle: generating ${sourceCount} sources, ${sourceCount * PASSAGES_PER_SOURCE} passages…\n`);
  const data = generate(sourceCount);
  const dirs = ['a', 'b', 'c'].map((n) => {
    const d = path.join(ctx.tmpDir, n);
    fs.mkdirSync(d);
    return d;
  });
  const [a, b, c] = [await open(dirs[0]!), await open(dirs[1]!), await open(dirs[2]!)];
  try {
    process.stderr.write('bundle: plain store import (baseline)…\n');
    let t = nowMs();
    const rows = plainImport(a, data);
    const plainFirst = nowMs() - t;

    process.stderr.write('bundle: export…\n');
    const file = path.join(ctx.tmpDir, 'library.sourcemark');
    t = nowMs();
    const { manifest } = createBundleService(a.ctx).exportBundleTo(file, null);
    const exportMs = nowMs() - t;
    const bundleRows = Object.values(manifest.counts).reduce((x, y) => x + y, 0);

    process.stderr.write('bundle: import (verify everything, then merge)…\n');
    t = nowMs();
    const report = createBundleService(b.ctx).importBundleFile(file, 'library.sourcemark', true);
    const importMs = nowMs() - t;
    if (report.sourcesAdded !== sourceCount || report.passagesAdded !== sourceCount * PASSAGES_PER_SOURCE) {
      throw new Error(`The import added ${report.sourcesAdded} sources and ${report.passagesAdded} passages; expected ${sourceCount} and ${sourceCount * PASSAGES_PER_SOURCE}.`);
    }

    // The baseline again, now that the code is warm as it was for the bundle: the faster of the two counts.
    process.stderr.write('bundle: plain store import again…\n');
    t = nowMs();
    plainImport(c, data);
    const plainMs = Math.min(plainFirst, nowMs() - t);

    const perS = (n: number, ms: number) => n / (ms / 1000);
    const mb = fs.statSync(file).size / 1048576;
    ctx.emit(line(SUITE, 'rows', rows, 'rows'));
    ctx.emit(line(SUITE, 'bundle_file_mb', mb, 'MB'));
    ctx.emit(line(SUITE, 'plain_store_import_rows_per_s', perS(rows, plainMs), 'rows/s'));
    ctx.emit(line(SUITE, 'export_ms', exportMs, 'ms'));
    ctx.emit(line(SUITE, 'export_rows_per_s', perS(rows, exportMs), 'rows/s'));
    ctx.emit(line(SUITE, 'export_mb_per_s', mb / (exportMs / 1000), 'MB/s'));
    ctx.emit(line(SUITE, 'export_ratio_to_plain_import', plainMs / exportMs, 'ratio', { atLeast: 0.5 }));
    ctx.emit(line(SUITE, 'import_ms', importMs, 'ms'));
    ctx.emit(line(SUITE, 'import_rows_per_s', perS(rows, importMs), 'rows/s'));
    ctx.emit(line(SUITE, 'import_ratio_to_plain_import', plainMs / importMs, 'ratio', { atLeast: 0.5 }));
    ctx.emit(line(SUITE, 'bundle_rows_incl_tags_and_links', bundleRows, 'rows'));
    ctx.emit(line(SUITE, 'peak_rss_mb', peakRssMb(), 'MB'));
  } finally {
    await Promise.all([a.close(), b.close(), c.close()]);
  }
}
