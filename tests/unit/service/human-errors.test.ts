// Every validation message is written for a person: it names the field in the analyst's words and
// says what is allowed, and none of zod's stock phrases reach the analyst. Walks every contract method.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../../main/contract';
import { dispatch } from '../../../main/contract/dispatch';
import { openLibrary, type TestLibrary } from './helpers';

const STOCK = /Invalid input|Invalid option|Invalid string|Invalid element|Invalid union|Invalid key|Unrecognized key|Too big|Too small|expected \w+, received|\bRequired\b|received (string|number|undefined|object|array|boolean|null)/i;
const CAMEL = /\b[a-z]+[A-Z][A-Za-z]*\b/;

let lib: TestLibrary;
beforeAll(async () => {
  lib = await openLibrary();
});
afterAll(async () => {
  await lib.close();
});

const shapeOf = (name: (typeof methodNames)[number]) =>
  Object.keys((contract[name].input as unknown as { _zod: { def: { shape?: Record<string, unknown> } } })._zod.def.shape ?? {});

const WRONG: unknown[] = [12345, 'text', { nested: true }, [1, 'two'], -1, 1.5, true, ''];

async function refusals(name: string, inputs: unknown[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const r = await dispatch(lib.running.service, name, input);
    if (!r.ok && r.error.code === 'INVALID_INPUT') out.push(r.error.message);
  }
  return out;
}

describe('validation messages for a person', () => {
  it('walks every method with wrong types and unknown keys: no zod wording, no programmer names', async () => {
    let checked = 0;
    for (const name of methodNames) {
      const inputs: unknown[] = [[1], 'text', { evil: 1 }];
      for (const key of shapeOf(name)) for (const value of WRONG) inputs.push({ [key]: value });
      for (const message of await refusals(name, inputs)) {
        checked += 1;
        expect(message, `${name}: ${message}`).not.toMatch(STOCK);
        expect(message, `${name}: ${message}`).not.toMatch(CAMEL);
        expect(message.trim().length, name).toBeGreaterThan(10);
      }
    }
    expect(checked).toBeGreaterThan(methodNames.length * 5);
  });

  it('names the field and says what is allowed', async () => {
    expect((await lib.refuse('createQuote', { sourceId: 'one', start: 0, end: 4 })).message).toBe('The source must be a number, not text.');
    expect((await lib.refuse('getSource', { id: 1, evil: 1 })).message).toBe('“evil” is not something Sourcemark knows; it accepts the source.');
    expect((await lib.refuse('listSources', { limit: 0 })).message).toBe('How many to list must be 1 or more.');
    expect((await lib.refuse('addSource', { title: 'T', body: 'b', accessedAt: '2026-13-01' })).message).toMatch(/^The accessed date: /);
    expect((await lib.refuse('getQuote', {})).message).toBe('The passage is missing; it must be a number.');
  });

  it('refuses a change to a source’s text with the reason', async () => {
    const { source } = await lib.call('addSource', { title: 'Report', body: 'The original text.' });
    const err = await lib.refuse('updateSource', { id: source.id, patch: { body: 'A new text.' } });
    expect(err.message).toBe(
      'The text of a source never changes after it is added, so its citations stay exact; to work from a new text, add it as a new source.',
    );
    expect((await lib.call('getSource', { id: source.id })).body).toBe('The original text.');
  });
});
