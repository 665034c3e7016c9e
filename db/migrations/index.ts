// Migrations in order; the array index + 1 is the schema version each one brings the file to.
import type { Database } from 'better-sqlite3';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-cjk-bigrams';
import * as m0003 from './0003-tradecraft';
import * as m0004 from './0004-undo-history';
import * as m0005 from './0005-word-stems';
import * as m0006 from './0006-analysis';
import * as m0007 from './0007-global-ids';
import * as m0008 from './0008-source-pages';
import * as m0009 from './0009-analysis-ids';
import * as m0010 from './0010-stable-schema';
import * as m0011 from './0011-bundle-exports';

export interface Migration {
  version: number;
  up(db: Database): void;
}

export const migrations: Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011];

for (const [i, m] of migrations.entries()) {
  if (m.version !== i + 1) throw new Error(`Migration ${i + 1} declares version ${m.version}`);
}
