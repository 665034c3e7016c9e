import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../db/connection';
import { migrations } from '../../../db/migrations';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('global ids (migration 7)', () => {
  it('gives every existing brief and claim a distinct UUID, and new rows one too', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-uid-'));
    const file = path.join(dir, 'library.sqlite');
    try {
      const old = await openStore(file, { migrations: migrations.slice(0, 6) });
      const t = new Date().toISOString();
      for (let i = 0; i < 3; i++) {
        const b = old.db.prepare('INSERT INTO brief (title, created_at, updated_at) VALUES (?, ?, ?)').run(`B${i}`, t, t).lastInsertRowid;
        old.db.prepare("INSERT INTO claim (brief_id, position, text, created_at, updated_at) VALUES (?, 'a0', 'x', ?, ?)").run(b, t, t);
      }
      old.close();
      const store = await openStore(file);
      const uids = store.db.prepare('SELECT uid FROM brief UNION ALL SELECT uid FROM claim').pluck().all() as string[];
      expect(uids).toHaveLength(6);
      for (const u of uids) expect(u).toMatch(UUID);
      expect(new Set(uids).size).toBe(6);
      store.db.prepare('INSERT INTO brief (title, created_at, updated_at) VALUES (?, ?, ?)').run('New', 't', 't');
      expect(store.db.prepare("SELECT uid FROM brief WHERE title = 'New'").pluck().get()).toMatch(UUID);
      store.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
