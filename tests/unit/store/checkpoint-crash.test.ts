// A kill in the middle of a WAL checkpoint leaves the main file shorter than its own header says:
// the checkpoint writes page 1 (with the new size) before the pages past the old end. The WAL still
// holds every frame, so SQLite finishes the job at the next open; the library is not damaged.
// (Found by the crash soak at round ~600: the open check called such a file "cut short".)
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { APPLICATION_ID, inspectLibraryFile, readHeader } from '../../../db/library-file';
import { latestSchemaVersion } from '../../../db/connection';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-ckpt-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function copyWithWal(from: string, toDir: string): string {
  const to = path.join(toDir, 'library.sqlite');
  fs.copyFileSync(from, to);
  fs.copyFileSync(`${from}-wal`, `${to}-wal`);
  return to;
}

test('a file cut short by a checkpoint that a kill interrupted is not called damaged, and opens whole', () => {
  const live = path.join(tempDir(), 'library.sqlite');
  const db = new Database(live);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const insert = db.prepare('INSERT INTO note (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2_000; i++) insert.run(`note ${i} `.repeat(20));
  })();
  // The state at the kill, before the checkpoint: a small main file and a WAL with every frame.
  const crashed = copyWithWal(live, tempDir());
  db.close();
  // The same state once checkpointed, to take the page 1 a checkpoint writes first.
  const done = copyWithWal(crashed, tempDir());
  const finished = new Database(done);
  finished.pragma('wal_checkpoint(TRUNCATE)');
  finished.close();
  const pageSize = readHeader(done)!.pageSize;
  const page1 = Buffer.alloc(pageSize);
  const fd = fs.openSync(done, 'r');
  fs.readSync(fd, page1, 0, pageSize, 0);
  fs.closeSync(fd);
  const out = fs.openSync(crashed, 'r+');
  fs.writeSync(out, page1, 0, pageSize, 0);
  fs.closeSync(out);

  const header = readHeader(crashed)!;
  expect(header.pages! * header.pageSize).toBeGreaterThan(fs.statSync(crashed).size);
  const inspection = inspectLibraryFile(crashed, { sidecar: null, latestVersion: latestSchemaVersion });
  expect(inspection.verdict).toBe('ok');
  const reopened = new Database(crashed);
  expect(reopened.prepare('SELECT count(*) FROM note').pluck().get()).toBe(2_000);
  expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
  reopened.close();
});
