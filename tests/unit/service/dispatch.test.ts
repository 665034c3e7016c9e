import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../../db/connection';
import { dispatch } from '../../../main/contract/dispatch';
import { openLibrary, type TestLibrary } from './helpers';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await openLibrary();
});
afterEach(async () => {
  await lib.close();
});

describe('calls from a transport', () => {
  it('answers an unknown method and bad input as values, never throwing', async () => {
    expect(await dispatch(lib.running.service, 'dropTables', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch(lib.running.service, 'getSource', null)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch(lib.running.service, 'getSource', [1])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const err = await lib.refuse('createQuote', { sourceId: 'one', start: 'a', end: null });
    expect(err.message).toContain('The source must be a number, not text.');
    expect(err.message).toContain('The start of the passage must be a number, not text.');
  });

  it('reports the app and its schema', async () => {
    expect(await lib.call('appInfo', {})).toEqual({ version: '0.0.0-test', dataDir: lib.dir, schemaVersion: latestSchemaVersion, mode: 'web' });
    expect(await lib.call('exportRecords', {})).toEqual([]);
  });
});
