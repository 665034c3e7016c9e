// The store suite (issue 2): imports a generated library through the service and, in the same run,
// the same rows with bare prepared inserts into the same schema; then times search, getBrief and
// backlinks on the result. Default size: 10,000 sources (~4 KB, 10% Russian, 5% CJK), 100,000
// quotes, 500 briefs of 40 claims, 40,000 citations; --scale multiplies every count.
import fs from 'node:fs';
import path from 'node:path';
import { generateKeyBetween } from 'fractional-indexing';
import { openStore } from '../../../db/connection';
import { quoteContext } from '../../../db/text';
import { sha256 } from '../../../db/sources';
import { openService } from '../../../main/service/index';
import { dispatch } from '../../../main/service/dispatch';
import type { Service } from '../../../main/contract';
import { line, nowMs, peakRssMb, percentile, timeEach, type BenchContext, type Goal } from '../harness';
import { makeVocab, TextMaker, type GeneratedSource } from '../generate-library';
import { makeQueries } from '../generate-queries';

const phaseLog = (who: string, marks: number[], total: number) =>
  process.stderr.write(
    `[store] ${who} import: sources ${Math.round(marks[0]!)} ms, quotes ${Math.round(marks[1]! - marks[0]!)} ms, briefs/claims/citations ${Math.round(total - marks[1]!)} ms\n`,
  );

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

/** The floor: the same rows, precomputed, through prepared statements, in the same transaction sizes. */
async function baseline(p: Plan, file: string): Promise<number> {
  const store = await openStore(file);
  const db = store.db;
  const t0 = new Date().toISOString();
  const rows = {
    sources: p.sources.map((s) => [s.title, s.outlet, s.language, 'text', s.body, sha256(s.body), s.body.length, t0, t0]),
    quotes: p.quotes.map((q) => {
      const body = p.sources[q.source]!.body;
      const ctx = quoteContext(body, q.start, q.end);
      return [q.source + 1, q.start, q.end, body.slice(q.start, q.end), ctx.prefix, ctx.suffix, '', t0, t0];
    }),
  };
  const ins = {
    source: db.prepare(`INSERT INTO source (title, outlet, language, format, body, body_sha256, body_length, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    quote: db.prepare(`INSERT INTO quote (source_id, start, "end", exact, prefix, suffix, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    brief: db.prepare(`INSERT INTO brief (title, created_at, updated_at) VALUES (?, ?, ?)`),
    claim: db.prepare(`INSERT INTO claim (brief_id, position, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`),
    citation: db.prepare(`INSERT INTO citation (claim_id, quote_id, relation, position, created_at) VALUES (?, ?, 'supports', ?, ?)`),
  };
  const claimKeys: string[] = [];
  for (let k: string | null = null, i = 0; i < 40; i += 1) claimKeys.push((k = generateKeyBetween(k, null)));
  const citeKeys = [generateKeyBetween(null, null)];
  citeKeys.push(generateKeyBetween(citeKeys[0]!, null));

  const start = nowMs();
  let n = 0;
  db.exec('BEGIN');
  const tick = () => {
    n += 1;
    if (n % BATCH === 0) db.exec('COMMIT; BEGIN');
  };
  const phases: number[] = [];
  for (const r of rows.sources) {
    ins.source.run(...r);
    tick();
  }
  phases.push(nowMs() - start);
  for (const r of rows.quotes) {
    ins.quote.run(...r);
    tick();
  }
  phases.push(nowMs() - start);
  let claimId = 0;
  p.briefs.forEach((b, bi) => {
    ins.brief.run(b.title, t0, t0);
    tick();
    b.claims.forEach((c, ci) => {
      ins.claim.run(bi + 1, claimKeys[ci], c.text, t0, t0);
      claimId += 1;
      tick();
      c.cites.forEach((q, k) => {
        ins.citation.run(claimId, q + 1, citeKeys[k], t0);
        tick();
      });
    });
  });
  db.exec('COMMIT');
  const ms = nowMs() - start;
  store.close();
  phaseLog('baseline', phases, ms);
  return ms;
}

/** The same rows through the service, as the app writes them: validated, hashed, deduplicated, ordered. */
async function viaService(p: Plan, service: Service, exec: (sql: string) => void): Promise<{ ms: number; briefIds: number[]; sourceIds: number[] }> {
  const call = async (name: string, input: unknown): Promise<{ id: number } & Record<string, unknown>> => {
    const r = await dispatch(service, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as { id: number };
  };
  const start = nowMs();
  let n = 0;
  exec('BEGIN');
  const tick = () => {
    n += 1;
    if (n % BATCH === 0) exec('COMMIT; BEGIN');
  };
  const sourceIds: number[] = [];
  for (const s of p.sources) {
    const r = (await call('addSource', { title: s.title, outlet: s.outlet, language: s.language, body: s.body })) as unknown as { source: { id: number } };
    sourceIds.push(r.source.id);
    tick();
  }
  const phases = [nowMs() - start];
  const quoteIds: number[] = [];
  for (const q of p.quotes) {
    const body = p.sources[q.source]!.body;
    quoteIds.push((await call('createQuote', { sourceId: sourceIds[q.source], start: q.start, end: q.end, exact: body.slice(q.start, q.end) })).id);
    tick();
  }
  phases.push(nowMs() - start);
  const briefIds: number[] = [];
  for (const b of p.briefs) {
    const briefId = (await call('createBrief', { title: b.title })).id;
    briefIds.push(briefId);
    tick();
    for (const c of b.claims) {
      const claimId = (await call('addClaim', { briefId, text: c.text })).id;
      tick();
      for (const q of c.cites) {
        await call('addCitation', { claimId, quoteId: quoteIds[q] });
        tick();
      }
    }
  }
  exec('COMMIT');
  const ms = nowMs() - start;
  phaseLog('service', phases, ms);
  return { ms, briefIds, sourceIds };
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

  const baseFile = path.join(ctx.tmpDir, 'baseline.sqlite');
  const baseMs = await baseline(p, baseFile);
  const baseRate = rows / (baseMs / 1000);
  log(`baseline import ${Math.round(baseMs)} ms`);
  for (const ext of ['', '-wal', '-shm']) fs.rmSync(baseFile + ext, { force: true });

  const dataDir = path.join(ctx.tmpDir, 'service');
  const running = await openService({
    dataDir,
    mode: 'web',
    version: 'bench',
    pdf: { render: async () => new Uint8Array(), close: async () => {} },
    seedDemo: false,
  });
  const db = running.ctx.store.db;
  const imported = await viaService(p, running.service, (s) => db.exec(s));
  const rate = rows / (imported.ms / 1000);
  log(`service import ${Math.round(imported.ms)} ms`);
  emit('import_rows', rows, 'rows');
  emit('import_throughput', rate, 'rows/s');
  emit('import_baseline_throughput', baseRate, 'rows/s');
  emit('import_ratio_to_baseline', rate / baseRate, 'ratio', { atLeast: 0.5 });
  db.pragma('wal_checkpoint(TRUNCATE)');

  const queries = makeQueries(vocab, p.sources.map((s) => s.body), 240);
  const search = (query: string) => dispatch(running.service, 'search', { query, limit: 50 });
  for (const q of queries.slice(0, 20)) await search(q); // warm the page cache and statement cache
  const timed: { q: string; ms: number }[] = [];
  for (const q of queries) {
    const s = nowMs();
    await search(q);
    timed.push({ q, ms: nowMs() - s });
  }
  const searchMs = timed.map((x) => x.ms).sort((a, b) => a - b);
  const slowest = [...timed].sort((a, b) => b.ms - a.ms).slice(0, 8);
  log(`slowest searches: ${slowest.map((x) => `${x.q} ${x.ms.toFixed(1)}ms`).join(' | ')}`);
  emit('search_queries', queries.length, 'queries');
  emit('search_p50', percentile(searchMs, 50), 'ms');
  emit('search_p95', percentile(searchMs, 95), 'ms', atDefault ? { atMost: 20 } : undefined);

  const briefPicks = Array.from({ length: 500 }, (_, i) => imported.briefIds[(i * 7919) % imported.briefIds.length]!);
  const briefMs = await timeEach(briefPicks, (id) => dispatch(running.service, 'getBrief', { id }));
  emit('get_brief_40_claims_p50', percentile(briefMs, 50), 'ms');
  emit('get_brief_40_claims_p95', percentile(briefMs, 95), 'ms', { atMost: 5 });

  const sourcePicks = Array.from({ length: 2_000 }, (_, i) => imported.sourceIds[(i * 104_729) % imported.sourceIds.length]!);
  const backMs = await timeEach(sourcePicks, (sourceId) => dispatch(running.service, 'sourceBacklinks', { sourceId }));
  emit('backlinks_p50', percentile(backMs, 50), 'ms');
  emit('backlinks_p95', percentile(backMs, 95), 'ms', { atMost: 1 });

  await running.close();
  emit('file_size', fileMb(path.join(dataDir, 'library.sqlite')), 'MB');
  emit('peak_rss', peakRssMb(), 'MB');
}
