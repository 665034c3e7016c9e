// The crash soak: a real server process (the bundle `npm run web` runs) takes mixed writes over HTTP
// from several clients at once and is killed with SIGKILL at a random moment; then it is started again
// on the same folder. Every write the server acknowledged (HTTP 200, ok: true) must still be there,
// whatever was in flight when it died, and `PRAGMA integrity_check` must say ok, round after round.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registerFunctions } from '../../db/functions';
import { rng } from '../bench/harness';
import { removeServerBundle, spawnServer, type ServerProcess } from '../support/server-process';

export interface CrashSoakOptions {
  rounds: number;
  seed?: number;
  /** Progress lines; silent when left out. */
  log?: (line: string) => void;
  /**
   * Each round kills the server once it has acknowledged a random 1 to 4 writes (however long a busy
   * machine takes for that), then after a further random 0 to windowMs ms of writes.
   */
  windowMs?: number;
  /** Stops after the current round (Ctrl+C on a long run), still checking everything once more. */
  signal?: AbortSignal;
}

export interface CrashSoakReport {
  rounds: number;
  seed: number;
  acknowledged: number;
  /** Calls cut off by the kill: sent, never answered. */
  inFlightAtKill: number;
  lost: string[];
  integrityFailures: string[];
  restartFailures: string[];
  ms: number;
}

type Ack =
  | { kind: 'tag'; id: number; name: string }
  | { kind: 'brief'; id: number; title: string }
  | { kind: 'claim'; id: number; text: string }
  | { kind: 'source'; id: number; title: string }
  | { kind: 'tag-deleted'; id: number; name: string };

interface LaneState {
  briefId: number;
  /** Every summary sent for the lane's brief, in order, and how many of them were acknowledged. */
  summaries: string[];
  lastAckedSummary: number;
  tags: number[];
}

export async function runCrashSoak(options: CrashSoakOptions): Promise<CrashSoakReport> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  // Seeded (the bench's mulberry32), so a failing run can be replayed with its seed.
  const rnd = rng(seed);
  const log = options.log ?? (() => undefined);
  const windowMs = options.windowMs ?? 600;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-soak-'));
  const dataDir = path.join(dir, 'library');
  const started = Date.now();
  const acks: Ack[] = [];
  const deleteAttempted = new Set<number>();
  const report: CrashSoakReport = { rounds: 0, seed, acknowledged: 0, inFlightAtKill: 0, lost: [], integrityFailures: [], restartFailures: [], ms: 0 };
  const lanes: LaneState[] = [];

  const check = (round: number) => {
    const db = new Database(path.join(dataDir, 'library.sqlite'), { readonly: true, fileMustExist: true });
    try {
      registerFunctions(db);
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') report.integrityFailures.push(`round ${round}: ${String(integrity)}`);
      const one = (sql: string, id: number) => db.prepare(sql).pluck().get(id) as string | undefined;
      for (const ack of acks) {
        const where = `round ${round}: acknowledged ${ack.kind} ${ack.id}`;
        if (ack.kind === 'tag') {
          if (one('SELECT name FROM tag WHERE id = ?', ack.id) !== ack.name && !deleteAttempted.has(ack.id)) report.lost.push(`${where} (${ack.name}) is missing`);
        } else if (ack.kind === 'tag-deleted') {
          // Tag ids are plain rowids, so a tag created later may take the same id: compare the name too.
          if (one('SELECT name FROM tag WHERE id = ?', ack.id) === ack.name) report.lost.push(`${where} (${ack.name}): the deleted tag is back`);
        } else if (ack.kind === 'brief') {
          if (one('SELECT title FROM brief WHERE id = ?', ack.id) !== ack.title) report.lost.push(`${where} (${ack.title}) is missing`);
        } else if (ack.kind === 'claim') {
          if (one('SELECT text FROM claim WHERE id = ?', ack.id) !== ack.text) report.lost.push(`${where} (${ack.text}) is missing`);
        } else if (one('SELECT title FROM source WHERE id = ?', ack.id) !== ack.title) {
          report.lost.push(`${where} (${ack.title}) is missing`);
        }
      }
      for (const lane of lanes) {
        // The summary is the last acknowledged one, or one sent after it whose answer the kill cut off.
        const summary = one('SELECT summary FROM brief WHERE id = ?', lane.briefId) ?? '';
        const allowed = lane.summaries.slice(Math.max(0, lane.lastAckedSummary));
        if (lane.lastAckedSummary >= 0 && !allowed.includes(summary)) {
          report.lost.push(`round ${round}: brief ${lane.briefId} has summary "${summary}"; the last acknowledged was "${lane.summaries[lane.lastAckedSummary]}"`);
        }
      }
    } finally {
      db.close();
    }
  };

  async function start(round: number): Promise<ServerProcess | null> {
    try {
      return await spawnServer({ dataDir, args: [] });
    } catch (err) {
      report.restartFailures.push(`round ${round}: ${(err as Error).message.slice(0, 500)}`);
      return null;
    }
  }

  try {
    for (let round = 1; round <= options.rounds && !options.signal?.aborted; round++) {
      const server = await start(round);
      if (!server) break;
      if (round > 1) check(round);
      const ok = async (method: string, input: unknown) => {
        const { status, result } = await server.call(method, input);
        if (status !== 200 || !result.ok) throw new Error(`${method} answered ${status}: ${JSON.stringify(result).slice(0, 300)}`);
        return result.value as { id: number };
      };
      if (round === 1) {
        for (let l = 0; l < 3; l++) {
          const brief = await ok('createBrief', { title: `Lane ${l} brief` });
          acks.push({ kind: 'brief', id: brief.id, title: `Lane ${l} brief` });
          lanes.push({ briefId: brief.id, summaries: [], lastAckedSummary: -1, tags: [] });
        }
      }
      let killed = false;
      let inFlight = 0;
      // The kill waits on acknowledged writes, not on the clock: on a loaded machine a fixed window
      // could end before the first answer and the round would test nothing.
      const target = 1 + Math.floor(rnd() * 4);
      let roundAcks = 0;
      let enough!: () => void;
      const enoughAcks = new Promise<void>((resolve) => (enough = resolve));
      const acked = () => {
        if (++roundAcks >= target) enough();
      };
      const lane = async (l: number) => {
        const state = lanes[l]!;
        for (let n = 0; !killed; n++) {
          const key = `r${round}-l${l}-n${n}`;
          const pick = rnd();
          inFlight++;
          try {
            if (pick < 0.25) {
              const tag = await ok('createTag', { name: `tag ${key}` });
              acks.push({ kind: 'tag', id: tag.id, name: `tag ${key}` });
              state.tags.push(tag.id);
            } else if (pick < 0.35) {
              const brief = await ok('createBrief', { title: `Brief ${key}` });
              acks.push({ kind: 'brief', id: brief.id, title: `Brief ${key}` });
            } else if (pick < 0.6) {
              const claim = await ok('addClaim', { briefId: state.briefId, text: `Claim ${key}` });
              acks.push({ kind: 'claim', id: claim.id, text: `Claim ${key}` });
            } else if (pick < 0.75) {
              const { source } = (await ok('addSource', { title: `Source ${key}`, body: `Report ${key}: the convoy crossed the bridge at dawn.` })) as unknown as { source: { id: number } };
              acks.push({ kind: 'source', id: source.id, title: `Source ${key}` });
            } else if (pick < 0.92 || state.tags.length === 0) {
              state.summaries.push(`Summary ${key}`);
              const index = state.summaries.length - 1;
              await ok('updateBrief', { id: state.briefId, summary: `Summary ${key}` });
              state.lastAckedSummary = Math.max(state.lastAckedSummary, index);
            } else {
              const id = state.tags.splice(Math.floor(rnd() * state.tags.length), 1)[0]!;
              deleteAttempted.add(id);
              const name = acks.findLast((a): a is Extract<Ack, { kind: 'tag' }> => a.kind === 'tag' && a.id === id)?.name ?? '';
              await ok('deleteTag', { id });
              acks.push({ kind: 'tag-deleted', id, name });
            }
            inFlight--;
            acked();
          } catch (err) {
            inFlight--;
            if (!killed) throw err;
            report.inFlightAtKill++;
            return;
          }
        }
      };
      const writers = [0, 1, 2].map((l) => lane(l));
      try {
        // A lane that fails before the kill ends the wait (and the soak) with its error.
        await Promise.race([enoughAcks, Promise.all(writers)]);
        await new Promise((r) => setTimeout(r, rnd() * windowMs));
      } catch (err) {
        killed = true;
        server.child.kill('SIGKILL');
        await server.exited;
        throw err;
      }
      killed = true;
      server.child.kill('SIGKILL');
      await server.exited;
      const outcome = await Promise.allSettled(writers);
      for (const o of outcome) if (o.status === 'rejected') throw o.reason;
      void inFlight;
      report.rounds = round;
      report.acknowledged = acks.length;
      if (round % 25 === 0 || round === options.rounds) {
        log(`crash soak: round ${round}/${options.rounds}, ${acks.length} acknowledged writes, ${report.lost.length} lost, ${report.integrityFailures.length} integrity failures, ${Math.round((Date.now() - started) / 1000)} s`);
      }
      if (report.lost.length || report.integrityFailures.length) break;
    }
    // After the last kill: start once more, check everything, and close cleanly.
    const last = await start(options.rounds + 1);
    if (last) {
      check(options.rounds + 1);
      last.child.kill('SIGTERM');
      await last.exited;
    }
  } finally {
    report.ms = Date.now() - started;
    fs.rmSync(dir, { recursive: true, force: true });
    removeServerBundle();
  }
  return report;
}
