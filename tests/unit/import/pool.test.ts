// Parsing runs in worker threads with a time limit: a file that hangs or crashes its reader is
// reported by name, and the next file is read by a fresh worker.
import { Worker } from 'node:worker_threads';
import { afterEach, expect, test } from 'vitest';
import { createParserPool, type ParserPool } from '../../../main/import/pool';

let pool: ParserPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

/** A stand-in reader that behaves by file name: hangs, crashes, or answers. */
function scriptedWorker(): Worker {
  return new Worker(
    `const { parentPort } = require('node:worker_threads');
     parentPort.on('message', (job) => {
       if (job.name.startsWith('hang')) for (;;) {}
       if (job.name.startsWith('crash')) process.exit(3);
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

test('a file that runs over the time limit is stopped and named; the next file still imports', async () => {
  let spawned = 0;
  pool = createParserPool({ size: 1, timeoutMs: 400, spawn: () => (spawned++, scriptedWorker()) });
  const started = performance.now();
  await expect(pool.parse({ name: 'hang.html', bytes: Buffer.from('x') })).rejects.toThrow('hang.html: took longer than 0.4 s to read; the file may be damaged or too complex.');
  expect(performance.now() - started).toBeLessThan(2_000);
  expect((await pool.parse({ name: 'fine.txt', bytes: Buffer.from('still works') })).body).toBe('still works');
  expect(spawned).toBe(2);
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
