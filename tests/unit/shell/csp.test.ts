import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, parseCsp, SECURITY_HEADERS } from '../../../main/security/csp';

const csp = parseCsp(CONTENT_SECURITY_POLICY);
const allSources = [...csp.values()].flat();

describe('the Content-Security-Policy', () => {
  it('runs only our own scripts: no inline script, no eval', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(allSources).not.toContain("'unsafe-inline'");
    expect(allSources).not.toContain("'unsafe-eval'");
    expect(allSources).not.toContain("'wasm-unsafe-eval'");
    expect(allSources.some((s) => s.startsWith("'nonce-") || s.startsWith("'sha"))).toBe(false);
  });

  it('names no remote origin and no wildcard', () => {
    for (const source of allSources) {
      expect(source, source).not.toMatch(/^(https?:|wss?:|\*|http:\/\/|https:\/\/)|\*/);
    }
  });

  it('starts from nothing and forbids plugins, frames, base and form targets', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('allows images and fonts from the app and data: URLs', () => {
    expect(csp.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'data:']));
    expect(csp.get('font-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
  });

  it('is sent with the other hardening headers', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
    expect(SECURITY_HEADERS['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(SECURITY_HEADERS['Cross-Origin-Resource-Policy']).toBe('same-origin');
  });
});
