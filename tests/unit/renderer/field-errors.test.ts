// The Add source form puts each INVALID_INPUT sentence under its field. The sentences come from the
// back end's dispatch(); this checks the two agree on the format, using the real contract.
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../main/contract/dispatch';
import type { Service } from '../../../main/contract';

// The client module looks for the Electron bridge on window when it loads.
vi.stubGlobal('window', {});
const { ApiError } = await import('../../../renderer/src/api/client');
const { fieldErrors } = await import('../../../renderer/src/library/fieldErrors');

const FIELDS = ['title', 'outlet', 'author', 'url', 'publishedAt', 'reliability', 'body'] as const;

async function refusal(input: unknown) {
  const result = await dispatch({} as Service, 'addSource', input);
  if (result.ok) throw new Error('expected a refusal');
  return new ApiError(result.error);
}

describe('field errors from the back end', () => {
  it('puts each problem under its field', async () => {
    const err = await refusal({ title: '', body: 'text', url: 'javascript:alert(1)', publishedAt: '2026-02-31', reliability: 'G' });
    const { byField, rest } = fieldErrors(err, FIELDS);
    expect(Object.keys(byField).sort()).toEqual(['publishedAt', 'reliability', 'title', 'url']);
    expect(byField.title).toMatch(/cannot be empty/);
    expect(byField.url).toMatch(/must start with http/);
    expect(byField.publishedAt).toBe('2026-02-31 is not a date in the calendar.');
    expect(byField.reliability).toMatch(/A .* to F/);
    expect(rest).toBeNull();
  });

  it('states the limit for an over-long title', async () => {
    const err = await refusal({ title: 'x'.repeat(501), body: 'text' });
    expect(fieldErrors(err, FIELDS).byField.title).toBe('The title is 501 characters; the limit is 500.');
  });

  it('leaves errors of other kinds to the general error display', () => {
    const err = new ApiError({ code: 'TAG_EXISTS', message: 'There is already a tag called Ports.' });
    expect(fieldErrors(err, FIELDS)).toEqual({ byField: {}, rest: null });
  });
});
