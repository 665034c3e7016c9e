// Parsing runs in worker threads with a time limit per step of work and a memory watchdog: a file
// that hangs, crashes its reader or takes too much memory is reported by name with the limit that
// stopped it, and the next file is read by a fresh worker.
import { Worker } from 'node:worker_threads';
import { afterEach, expect, test } from 'vitest';
import { createParserPool, type ParserPool } from '../../../main/import/pool';

let pool: ParserPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

/**
 * A stand-in reader that behaves by file name: hangs (after starting a step), crashes, works through
 * slow steps, holds a lot of memory, or answers.
 */
function scriptedWorker(): Worker {
  return new Worker(
    `const { parentPort } = require('node:worker_threads');
     const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
     parentPort.on('message', (job) => {
       if (job.name.startsWith('hang')) {
         parentPort.postMessage({ id: job.id, step: 'reading page 2 of 3' });
         for (;;) {}
       }
       if (job.name.startsWith('crash')) process.exit(3);
       if (job.name.startsWith('steps')) {
         for (let i = 1; i <= 6; i++) { parentPort.postMessage({ id: job.id, step: 'reading page ' + i + ' of 6' }); sleep(1000); }
       }
       if (job.name.startsWith('hog')) {
         // Outside the heap, as pdf.js's decoded streams are: worker resourceLimits never see it.
         parentPort.postMessage({ id: job.id, step: 'decoding a stream' });
         sleep(100);
         const held = Buffer.alloc(400 * 1024 * 1024, 1);
         for (;;) sleep(1000 + held[0]);
       }
       if (job.name.startsWith('slow')) sleep(300);
       parentPort.postMessage({ id: job.id, ok: true, value: { title: job.name, body: Buffer.from(job.bytes).toString(), format: 'text', metadata: {}, warnings: [] } });
     });`,
    { eval: true },
  );
}

test('the real worker parses files off the calling thread', async () => {
  pool = createParserPool({ size: 2 });
  const [text, html] = await Promise.all([
    pool.parse({ name: 'a.txt', bytes: Buffer.from('Alpha\n\nBeta') }),
    pool.parse({ name: 'b.html', bytes: Buffer.from('<title>Bee</title><p>One paragraph.</p><p>Another.</p>') }),
  ]);
  expect(text.body).toBe('Alpha\n\nBeta');
  expect(html.body).toBe('One paragraph.\n\nAnother.');
  await expect(pool.parse({ name: 'c.exe', bytes: Buffer.from('x') })).rejects.toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringMatching(/^c\.exe: \.exe files cannot be imported/) });
});

test('a file stuck in one step is stopped, named with the step and the limit; the next file still imports', async () => {
  let spawned = 0;
  // Long enough for a worker to start on a busy machine: starting is a step of its own.
  pool = createParserPool({ size: 1, stepTimeoutMs: 3_000, spawn: () => (spawned++, scriptedWorker()) });
  await expect(pool.parse({ name: 'hang.pdf', bytes: Buffer.from('x') })).rejects.toThrow(
    'hang.pdf: reading page 2 of 3 took longer than 3 s, the limit for one step of reading a file; the file may be damaged or too complex.',
  );
  expect((await pool.parse({ name: 'fine.txt', bytes: Buffer.from('still works') })).body).toBe('still works');
  expect(spawned).toBe(2);
});

test('the time limit is per step: a long file whose every step is quick is read to the end', async () => {
  pool = createParserPool({ size: 1, stepTimeoutMs: 3_000, spawn: scriptedWorker });
  // Six steps of 1 s: 6 s in all, twice the limit for one step.
  expect((await pool.parse({ name: 'steps.pdf', bytes: Buffer.from('all pages') })).body).toBe('all pages');
});

test('past the memory limit the running files are stopped; each is tried again alone, and only the one that needs the memory is refused', async () => {
  // The limit: whatever the process uses now plus 200 MB; the hog holds 400 MB of ArrayBuffer.
  pool = createParserPool({ size: 2, maxRssBytes: 0, headroomBytes: 200 * 1024 * 1024, spawn: scriptedWorker });
  const [hog, fine] = await Promise.allSettled([
    pool.parse({ name: 'hog.pdf', bytes: Buffer.from('x') }),
    pool.parse({ name: 'slow.txt', bytes: Buffer.from('innocent bystander') }),
  ]);
  expect(fine).toEqual({ status: 'fulfilled', value: expect.objectContaining({ body: 'innocent bystander' }) });
  expect(hog.status).toBe('rejected');
  expect((hog as PromiseRejectedResult).reason.message).toMatch(/^hog\.pdf: reading it took the app past [\d.]+ MB of memory, the limit while importing \(while decoding a stream\)\. The file is too large or too complex to read; if it is genuine, split it into smaller files\.$/);
  // The hog's memory went with its worker.
  expect((await pool.parse({ name: 'after.txt', bytes: Buffer.from('next') })).body).toBe('next');
});

test('a reader that crashes fails only its own file', async () => {
  pool = createParserPool({ size: 1, spawn: scriptedWorker });
  const results = await Promise.allSettled([
    pool.parse({ name: 'one.txt', bytes: Buffer.from('1') }),
    pool.parse({ name: 'crash.pdf', bytes: Buffer.from('2') }),
    pool.parse({ name: 'three.txt', bytes: Buffer.from('3') }),
  ]);
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value.body : (r.reason as Error).message))).toEqual([
    '1',
    'crash.pdf: the reader stopped unexpectedly (exit code 3).',
    '3',
  ]);
});

test('bytes handed to the pool stay usable by the caller', async () => {
  pool = createParserPool({ size: 1, spawn: scriptedWorker });
  const shared = Buffer.from('shared bytes');
  await pool.parse({ name: 'a.txt', bytes: shared });
  expect(shared.toString()).toBe('shared bytes');
});

test('a file that runs out of a worker’s normal heap is read again alone with the large heap; one too large for that is refused by name', async () => {
  const spawned: boolean[] = [];
  // Real heap limits, small enough to hit quickly: 32 MB normal, 128 MB large. "heap-64" needs ~64 MB
  // of live JavaScript objects, "heap-512" more than either limit allows.
  pool = createParserPool({
    size: 2,
    spawn: (large) => {
      spawned.push(large);
      return new Worker(
        `const { parentPort } = require('node:worker_threads');
         parentPort.on('message', (job) => {
           const mb = Number(/heap-(\\d+)/.exec(job.name)?.[1] ?? 0);
           const held = [];
           for (let i = 0; i < mb * 16; i++) held.push(new Array(8192).fill(i));
           parentPort.postMessage({ id: job.id, ok: true, value: { title: job.name, body: String(held.length), format: 'text', metadata: {}, warnings: [] } });
         });`,
        { eval: true, resourceLimits: { maxOldGenerationSizeMb: large ? 128 : 32 } },
      );
    },
  });
  const [big, small, huge] = await Promise.allSettled([
    pool.parse({ name: 'heap-64.html', bytes: Buffer.from('x') }),
    pool.parse({ name: 'heap-0.txt', bytes: Buffer.from('x') }),
    pool.parse({ name: 'heap-512.html', bytes: Buffer.from('x') }),
  ]);
  expect(big).toEqual({ status: 'fulfilled', value: expect.objectContaining({ body: String(64 * 16) }) });
  expect(small.status).toBe('fulfilled');
  expect(huge.status).toBe('rejected');
  expect((huge as PromiseRejectedResult).reason.message).toBe('heap-512.html: reading it needed more than 2 GB of working memory, the limit for one file.');
  expect(spawned.filter(Boolean)).toHaveLength(2);
});
