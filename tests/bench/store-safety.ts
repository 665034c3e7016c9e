// What library safety costs on the store suite's library (issue 8): a verified backup against a
// plain copy of the same file in the same run, and opening with the pre-open inspection (header,
// sidecar, PRAGMA quick_check on a read-only connection) against opening without it. Each timing
// is the best of a few runs: the file is in the page cache after the first.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { writeVerifiedBackup } from '../../db/backup';
import { latestSchemaVersion, openStore } from '../../db/connection';
import { registerFunctions } from '../../db/functions';
import { inspectLibraryFile } from '../../db/library-file';
import { nowMs, type Goal } from './harness';

type Emit = (metric: string, value: number, unit: string, goal?: Goal) => void;

async function best(runs: number, fn: () => Promise<void> | void): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < runs; i += 1) {
    const t = nowMs();
    await fn();
    min = Math.min(min, nowMs() - t);
  }
  return min;
}

export async function measureLibrarySafety(file: string, workDir: string, emit: Emit, log: (s: string) => void): Promise<void> {
  const copies = path.join(workDir, 'copies');
  fs.mkdirSync(copies, { recursive: true });
  const bytes = fs.statSync(file).size;

  const copyMs = await best(3, () => {
    const to = path.join(copies, 'plain-copy.sqlite');
    fs.copyFileSync(file, to);
    const fd = fs.openSync(to, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.rmSync(to);
  });

  const store = await openStore(file);
  const backupDir = path.join(copies, 'backups');
  let backupBytes = 0;
  const apiMs = await best(3, async () => {
    const to = path.join(copies, 'api-copy.sqlite');
    await store.db.backup(to);
    fs.rmSync(to);
  });
  const verifiedMs = await best(3, async () => {
    const info = await writeVerifiedBackup(store.db, backupDir, 'manual');
    backupBytes = info.bytes;
    fs.rmSync(path.join(backupDir, info.name));
  });
  store.close();
  log(`library ${(bytes / 1024 / 1024).toFixed(1)} MB: plain copy ${copyMs.toFixed(0)} ms, backup API ${apiMs.toFixed(0)} ms, verified backup ${verifiedMs.toFixed(0)} ms`);
  emit('library_bytes', bytes, 'bytes');
  emit('plain_copy_ms', copyMs, 'ms');
  emit('backup_api_ms', apiMs, 'ms');
  emit('backup_verified_ms', verifiedMs, 'ms');
  emit('backup_bytes', backupBytes, 'bytes');
  emit('backup_ratio_to_plain_copy', verifiedMs / copyMs, 'ratio');
  emit('backup_api_ratio_to_plain_copy', apiMs / copyMs, 'ratio');

  // Opening: the store alone, then the inspection with and without quick_check before it.
  const openPlain = await best(3, async () => (await openStore(file)).close());
  let checkMs = 0;
  const openChecked = await best(3, async () => {
    const r = inspectLibraryFile(file, { sidecar: null, latestVersion: latestSchemaVersion, quickCheck: true });
    if (r.verdict !== 'ok') throw new Error(`The bench library did not pass its check: ${JSON.stringify(r)}`);
    checkMs = r.checkMs;
    (await openStore(file)).close();
  });
  const openInspectedOnly = await best(3, async () => {
    inspectLibraryFile(file, { sidecar: null, latestVersion: latestSchemaVersion, quickCheck: false });
    (await openStore(file)).close();
  });
  // The fuller check, for the record of why quick_check was chosen at open.
  const integrityMs = await best(1, () => {
    const db = new Database(file, { readonly: true });
    registerFunctions(db);
    db.pragma('integrity_check');
    db.close();
  });
  emit('open_ms_without_checks', openPlain, 'ms');
  emit('open_ms_inspected_no_quick_check', openInspectedOnly, 'ms');
  emit('open_ms_with_quick_check', openChecked, 'ms');
  emit('quick_check_ms', checkMs, 'ms');
  emit('integrity_check_ms', integrityMs, 'ms');
  emit('open_check_ratio', openChecked / openPlain, 'ratio');
  fs.rmSync(copies, { recursive: true, force: true });
}
