import { describe, expect, it } from 'vitest';
import {
  bearerToken,
  checkApiAccess,
  checkPageAccess,
  isAllowedHost,
  isAllowedOrigin,
  isWellFormedToken,
  newToken,
  tokensMatch,
} from '../../../main/security/web-access';

const port = 4321;

describe('the per-run token', () => {
  it('is long, URL-safe and different every run', () => {
    const a = newToken();
    const b = newToken();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(isWellFormedToken(a)).toBe(true);
    expect(isWellFormedToken('short')).toBe(false);
    expect(isWellFormedToken('has spaces in it, and more text')).toBe(false);
  });

  it('matches only itself', () => {
    const t = newToken();
    expect(tokensMatch(t, t)).toBe(true);
    expect(tokensMatch(`${t}x`, t)).toBe(false);
    expect(tokensMatch(t.slice(0, -1), t)).toBe(false);
    expect(tokensMatch('', t)).toBe(false);
    expect(tokensMatch(t.toUpperCase(), t.toLowerCase())).toBe(t.toUpperCase() === t.toLowerCase());
  });

  it('is read from a Bearer header only', () => {
    expect(bearerToken('Bearer abc_DEF-123')).toBe('abc_DEF-123');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken('Bearer ')).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});

describe('Host and Origin', () => {
  it('accept only our own address', () => {
    expect(isAllowedHost(`127.0.0.1:${port}`, port)).toBe(true);
    expect(isAllowedHost(`localhost:${port}`, port)).toBe(true);
    expect(isAllowedHost(`LOCALHOST:${port}`, port)).toBe(true);
    for (const host of [undefined, '', '127.0.0.1', `127.0.0.1:${port + 1}`, `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `[::1]:${port}`]) {
      expect(isAllowedHost(host, port), String(host)).toBe(false);
    }
  });

  it('let non-browser clients through on the token alone, but refuse foreign pages', () => {
    expect(isAllowedOrigin(undefined, port)).toBe(true);
    expect(isAllowedOrigin(`http://127.0.0.1:${port}`, port)).toBe(true);
    expect(isAllowedOrigin(`http://localhost:${port}`, port)).toBe(true);
    for (const origin of ['null', 'https://evil.example', `https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`, `http://127.0.0.1:${port}.evil.example`]) {
      expect(isAllowedOrigin(origin, port), origin).toBe(false);
    }
  });
});

describe('access decisions', () => {
  const token = newToken();
  const good = { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, authorization: `Bearer ${token}` };

  it('let the app in', () => {
    expect(checkApiAccess(good, port, token)).toEqual({ ok: true });
    expect(checkPageAccess({ host: good.host, origin: undefined }, port)).toEqual({ ok: true });
  });

  it('say 401 without the right token and 403 for a foreign host or origin', () => {
    expect(checkApiAccess({ ...good, authorization: undefined }, port, token)).toMatchObject({ ok: false, status: 401, code: 'UNAUTHORIZED' });
    expect(checkApiAccess({ ...good, authorization: 'Bearer wrong-token-value-1234' }, port, token)).toMatchObject({ ok: false, status: 401 });
    expect(checkApiAccess({ ...good, origin: 'https://evil.example' }, port, token)).toMatchObject({ ok: false, status: 403, code: 'FORBIDDEN' });
    expect(checkApiAccess({ ...good, host: `evil.example:${port}` }, port, token)).toMatchObject({ ok: false, status: 403 });
    expect(checkPageAccess({ host: `rebind.example:${port}`, origin: undefined }, port)).toMatchObject({ ok: false, status: 403 });
  });

  it('explain themselves in a sentence', () => {
    const refused = checkApiAccess({ ...good, authorization: undefined }, port, token);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/#token=/);
  });
});
