// @vitest-environment jsdom
// Browser mode sends a picked bundle as the raw body of POST /upload/bundle. A file over the body cap
// is refused in the page before a byte is sent, with its size and the limit; otherwise the file itself
// (not base64 of it) is the body.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uploadBundle } from '../../../renderer/src/api/client';

afterEach(() => vi.unstubAllGlobals());

describe('uploading a bundle in browser mode', () => {
  it('refuses a file over 70 MB without sending it', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const huge = { name: 'whole library.sourcemark', size: 120 * 1024 * 1024 } as File;
    await expect(uploadBundle(huge)).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: 'whole library.sourcemark is 120 MB; browser mode takes bundles of at most 70 MB in one upload. Import it in the desktop app, or share fewer briefs per bundle.',
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the file itself as the body, named in the query, and passes a refusal on as it came', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify({ ok: false, error: { code: 'BUNDLE_INVALID', message: 'x is not a Sourcemark bundle.' } })));
    vi.stubGlobal('fetch', fetch);
    const file = new File(['SQLite format 3\0'], 'Weekly — Гавань.sourcemark');
    await expect(uploadBundle(file)).rejects.toMatchObject({ code: 'BUNDLE_INVALID', message: 'x is not a Sourcemark bundle.' });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`./upload/bundle?name=${encodeURIComponent('Weekly — Гавань.sourcemark')}`);
    expect(init).toMatchObject({ method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' } });
  });
});
