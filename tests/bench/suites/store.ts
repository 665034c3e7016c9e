// The store suite (issue 2): imports a generated library through the service and, in the same run,
// the same rows with bare prepared inserts into the same schema; then times search, getBrief and
// backlinks on the result. Default size: 10,000 sources (~4 KB, 10% Russian, 5% CJK), 100,000
// quotes, 500 briefs of 40 claims, 40,000 citations; --scale multiplies every count.
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Database as DB } from 'better-sqlite3';
import { generateKeyBetween } from 'fractional-indexing';
import { openStore } from '../../../db/connection';
import { quoteContext } from '../../../db/text';
import { sha256 } from '../../../db/sources';
import { languagesOf, stemText } from '../../../db/search/stems';
import { openService } from '../../../main/service/index';
import { dispatch } from '../../../main/contract/dispatch';
import type { Service } from '../../../main/contract';
import { latencies, line, loadAverage, nowMs, peakRssMb, percentile, type BenchContext, type Goal, type Latencies } from '../harness';
import { makeVocab, TextMaker, type GeneratedSource } from '../generate-library';
import { makeQueries } from '../generate-queries';
import { measureLibrarySafety } from '../store-safety';

const BATCH = 1_000; // rows per transaction, the same for the service and the baseline

interface Plan {
  sources: GeneratedSource[];
  quotes: { source: number; start: number; end: number }[];
  briefs: { title: string; claims: { text: string; cites: number[] }[] }[];
}

function plan(maker: TextMaker, scale: number): Plan {
  const nSources = Math.max(10, Math.round(10_000 * scale));
  const nBriefs = Math.max(2, Math.round(500 * scale));
  const sources = Array.from({ length: nSources }, (_, i) => maker.source(i));
  const quotes = sources.flatMap((s, i) => Array.from({ length: 10 }, () => ({ source: i, ...maker.passage(s.body) })));
  const briefs = Array.from({ length: nBriefs }, (_, b) => ({
    title: `Assessment ${b + 1}: ${maker.sentence('en').slice(0, 60)}`,
    claims: Array.from({ length: 40 }, (_, c) => {
      const first = maker.int(quotes.length);
      let second = maker.int(quotes.length);
      if (second === first) second = (first + 1) % quotes.length;
      return { text: maker.sentence(c % 10 === 0 ? 'ru' : 'en'), cites: [first, second] };
    }),
  }));
  return { sources, quotes, briefs };
}

function rowCount(p: Plan): number {
  return p.sources.length + p.quotes.length + p.briefs.length * (1 + 40 + 80);
}

/**
 * The floor: the same rows, precomputed, through prepared statements into the same schema (same
 * triggers and indexes), in the same transaction sizes. Yields after each committed batch so the
 * two imports can take turns and share whatever else the machine is doing.
 */
function* baseline(p: Plan, db: DB): Generator<void, void, void> {
  const t0 = new Date().toISOString();
  const ins = {
    source: db.prepare(`INSERT INTO source (title, outlet, language, format, body, body_sha256, body_length, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    quote: db.prepare(`INSERT INTO quote (source_id, start, "end", exact, prefix, suffix, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    brief: db.prepare(`INSERT INTO brief (title, created_at, updated_at) VALUES (?, ?, ?)`),
    claim: db.prepare(`INSERT INTO claim (brief_id, position, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`),
    citation: db.prepare(`INSERT INTO citation (claim_id, quote_id, relation, position, created_at) VALUES (?, ?, 'supports', ?, ?)`),
    // Word stems are data the app stores with each text, like its hash: precomputed here, inserted in place.
    sourceStem: db.prepare(`INSERT INTO source_stem (rowid, title, body) VALUES (?, ?, ?)`),
    quoteStem: db.prepare(`INSERT INTO quote_stem (rowid, exact, note) VALUES (?, ?, '')`),
    claimStem: db.prepare(`INSERT INTO claim_stem (rowid, text) VALUES (?, ?)`),
    stemDone: db.prepare(`DELETE FROM stem_pending WHERE kind = ? AND id = ?`),
  };
  const claimKeys: string[] = [];
  for (let k: string | null = null, i = 0; i < 40; i += 1) claimKeys.push((k = generateKeyBetween(k, null)));
  const citeKeys = [generateKeyBetween(null, null)];
  citeKeys.push(generateKeyBetween(citeKeys[0]!, null));
  const rows = {
    sources: p.sources.map((s) => [s.title, s.outlet, s.language, 'text', s.body, sha256(s.body), s.body.length, t0, t0]),
    quotes: p.quotes.map((q) => {
      const body = p.sources[q.source]!.body;
      const ctx = quoteContext(body, q.start, q.end);
      return [q.source + 1, q.start, q.end, body.slice(q.start, q.end), ctx.prefix, ctx.suffix, '', t0, t0];
    }),
  };
  const langs = p.sources.map((s) => languagesOf(`${s.title}\n${s.body}`, s.language));
  const stems = {
    sources: p.sources.map((s, i) => [stemText(s.title, langs[i]!), stemText(s.body, langs[i]!)]),
    quotes: rows.quotes.map((r) => stemText(r[3] as string, langs[(r[0] as number) - 1]!)),
    claims: p.briefs.map((b) => b.claims.map((c) => stemText(c.text, languagesOf(c.text, null)))),
  };
  yield; // preparation above is not timed

  let n = 0;
  db.exec('BEGIN');
  function* tick() {
    n += 1;
    if (n % BATCH === 0) {
      db.exec('COMMIT');
      yield;
      db.exec('BEGIN');
    }
  }
  for (const [i, r] of rows.sources.entries()) {
    ins.source.run(...r);
    ins.sourceStem.run(i + 1, ...stems.sources[i]!);
    ins.stemDone.run('source', i + 1);
    yield* tick();
  }
  for (const [i, r] of rows.quotes.entries()) {
    ins.quote.run(...r);
    ins.quoteStem.run(i + 1, stems.quotes[i]!);
    ins.stemDone.run('quote', i + 1);
    yield* tick();
  }
  let claimId = 0;
  for (const [bi, b] of p.briefs.entries()) {
    ins.brief.run(b.title, t0, t0);
    yield* tick();
    for (const [ci, c] of b.claims.entries()) {
      ins.claim.run(bi + 1, claimKeys[ci], c.text, t0, t0);
      claimId += 1;
      ins.claimStem.run(claimId, stems.claims[bi]![ci]!);
      ins.stemDone.run('claim', claimId);
      yield* tick();
      for (const [k, q] of c.cites.entries()) {
        ins.citation.run(claimId, q + 1, citeKeys[k], t0);
        yield* tick();
      }
    }
  }
  db.exec('COMMIT');
}

interface Imported {
  briefIds: number[];
  sourceIds: number[];
}

/** The same rows through the service, as the app writes them: validated, hashed, deduplicated, ordered. */
async function* viaService(p: Plan, service: Service, db: DB, out: Imported): AsyncGenerator<void, void, void> {
  const call = async (name: string, input: unknown): Promise<{ id: number } & Record<string, unknown>> => {
    const r = await dispatch(service, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as { id: number };
  };
  yield;
  let n = 0;
  db.exec('BEGIN');
  async function* tick() {
    n += 1;
    if (n % BATCH === 0) {
      db.exec('COMMIT');
      yield;
      db.exec('BEGIN');
    }
  }
  for (const s of p.sources) {
    const r = (await call('addSource', { title: s.title, outlet: s.outlet, language: s.language, body: s.body })) as unknown as { source: { id: number } };
    out.sourceIds.push(r.source.id);
    yield* tick();
  }
  const quoteIds: number[] = [];
  for (const q of p.quotes) {
    const body = p.sources[q.source]!.body;
    quoteIds.push((await call('createQuote', { sourceId: out.sourceIds[q.source], start: q.start, end: q.end, exact: body.slice(q.start, q.end) })).id);
    yield* tick();
  }
  for (const b of p.briefs) {
    const briefId = (await call('createBrief', { title: b.title })).id;
    out.briefIds.push(briefId);
    yield* tick();
    for (const c of b.claims) {
      const claimId = (await call('addClaim', { briefId, text: c.text })).id;
      yield* tick();
      for (const q of c.cites) {
        await call('addCitation', { claimId, quoteId: quoteIds[q] });
        yield* tick();
      }
    }
  }
  db.exec('COMMIT');
}

/** Runs both imports batch by batch in turn, timing each side's own turns only. */
async function takeTurns(a: Generator<void, void, void>, b: AsyncGenerator<void, void, void>): Promise<{ aMs: number; bMs: number }> {
  a.next();
  await b.next();
  let aMs = 0;
  let bMs = 0;
  let aDone = false;
  let bDone = false;
  while (!aDone || !bDone) {
    if (!aDone) {
      const t = nowMs();
      aDone = a.next().done === true;
      aMs += nowMs() - t;
    }
    if (!bDone) {
      const t = nowMs();
      bDone = (await b.next()).done === true;
      bMs += nowMs() - t;
    }
  }
  return { aMs, bMs };
}

function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

const fileMb = (file: string) => ['', '-wal'].reduce((sum, ext) => sum + (fs.existsSync(file + ext) ? fs.statSync(file + ext).size : 0), 0) / 1024 / 1024;

export default async function store(ctx: BenchContext): Promise<void> {
  const emit = (metric: string, value: number, unit: string, goal?: Goal) => ctx.emit(line('store', metric, value, unit, goal));
  const log = (s: string) => process.stderr.write(`[store] ${s}\n`);
  const atDefault = ctx.scale === 1;

  const vocab = makeVocab();
  const maker = new TextMaker(vocab, 42);
  const t = nowMs();
  const p = plan(maker, ctx.scale);
  const rows = rowCount(p);
  log(`generated ${p.sources.length} sources, ${p.quotes.length} quotes, ${p.briefs.length} briefs (${rows} rows) in ${Math.round(nowMs() - t)} ms`);

  const base = await openStore(path.join(ctx.tmpDir, 'baseline.sqlite'));
  const dataDir = path.join(ctx.tmpDir, 'service');
  const running = await openService({
    dataDir,
    mode: 'web',
    version: 'bench',
    pdf: { render: async () => new Uint8Array(), close: async () => {} },
    seedDemo: false,
    // No periodic backup in the middle of the timed import; backup cost is measured on its own below.
    backup: { everyMinutes: 24 * 60 },
  });
  const db = running.ctx.store.db;
  const imported: Imported = { briefIds: [], sourceIds: [] };
  const { aMs: baseMs, bMs: serviceMs } = await takeTurns(baseline(p, base.db), viaService(p, running.service, db, imported));
  base.close();
  const baseRate = rows / (baseMs / 1000);
  const rate = rows / (serviceMs / 1000);
  log(`import: baseline ${Math.round(baseMs)} ms, service ${Math.round(serviceMs)} ms`);
  emit('import_rows', rows, 'rows');
  emit('import_throughput', rate, 'rows/s');
  emit('import_baseline_throughput', baseRate, 'rows/s');
  emit('import_ratio_to_baseline', rate / baseRate, 'ratio', { atLeast: 0.5 });
  db.pragma('wal_checkpoint(TRUNCATE)');

  const queries = makeQueries(vocab, p.sources.map((s) => s.body), 240);
  // The generated texts (~100 MB of strings) are not part of the app's heap: let them go and
  // collect now, so the timings below measure the store and not a collection of the generator's garbage.
  p.sources.length = 0;
  p.quotes.length = 0;
  collectGarbage();
  const search = (query: string) => dispatch(running.service, 'search', { query, limit: 50 });
  for (const q of queries.slice(0, 20)) await search(q); // warm the page cache and statement cache
  // Latency goals are checked on each call's best of three passes; the machine these runs share
  // is often busy (see load_average), and the first pass is reported too.
  const emitLatency = (name: string, l: Latencies<unknown>, goal: Goal | undefined) => {
    emit(`${name}_p50`, percentile(l.best, 50), 'ms');
    emit(`${name}_p95`, percentile(l.best, 95), 'ms', goal);
    emit(`${name}_p95_first_pass`, percentile(l.firstPass, 95), 'ms');
    emit(`${name}_p95_cpu`, percentile(l.cpu, 95), 'ms', goal);
  };
  emit('load_average', loadAverage(), 'processes');
  const searched = await latencies(queries, search);
  log(`slowest searches: ${searched.slowest.slice(0, 16).map((x) => `${x.item} ${x.ms.toFixed(1)}ms`).join(' | ')}`);
  emit('search_queries', queries.length, 'queries');
  emitLatency('search', searched, atDefault ? { atMost: 20 } : undefined);
  // The same queries matched only as typed, in the same run: what finding other word forms costs.
  const asTyped = await latencies(queries, (query) => dispatch(running.service, 'search', { query, limit: 50, wordForms: false }));
  emit('search_as_typed_p95_cpu', percentile(asTyped.cpu, 95), 'ms');
  emit('search_word_forms_cpu_ratio', percentile(searched.cpu, 95) / percentile(asTyped.cpu, 95), 'ratio');
  const typedMs = new Map(asTyped.slowest.map((x) => [x.item, x.ms]));
  const dearest = searched.slowest.map((x) => ({ q: x.item, extra: x.ms - (typedMs.get(x.item) ?? 0) })).sort((a, b) => b.extra - a.extra);
  log(`word forms cost most for: ${dearest.slice(0, 10).map((x) => `${x.q} +${x.extra.toFixed(1)}ms`).join(' | ')}`);

  const briefPicks = Array.from({ length: 500 }, (_, i) => imported.briefIds[(i * 7919) % imported.briefIds.length]!);
  emitLatency('get_brief_40_claims', await latencies(briefPicks, (id) => dispatch(running.service, 'getBrief', { id })), { atMost: 5 });

  const sourcePicks = Array.from({ length: 2_000 }, (_, i) => imported.sourceIds[(i * 104_729) % imported.sourceIds.length]!);
  emitLatency('backlinks', await latencies(sourcePicks, (sourceId) => dispatch(running.service, 'sourceBacklinks', { sourceId })), { atMost: 1 });
  emit('load_average', loadAverage(), 'processes');

  await running.close();
  emit('file_size', fileMb(path.join(dataDir, 'library.sqlite')), 'MB');
  emit('peak_rss', peakRssMb(), 'MB');
  await measureLibrarySafety(path.join(dataDir, 'library.sqlite'), ctx.tmpDir, emit, log);
}
