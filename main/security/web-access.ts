// Who may talk to browser mode. Any local process or web page can reach a port on 127.0.0.1, so a
// request must name our host (against DNS rebinding), come from our own page if it comes from a
// page at all (against cross-site requests), and carry the per-run token (against everyone else).
import crypto from 'node:crypto';

/** A fresh secret for one run of the server: 32 random bytes, URL-safe. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,256}$/;

export function isWellFormedToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** Compares in constant time; hashing first makes the lengths equal, so the length leaks nothing either. */
export function tokensMatch(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given, 'utf8').digest();
  const b = crypto.createHash('sha256').update(expected, 'utf8').digest();
  return crypto.timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer <token>` header, or null when there is none. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** The Host header must be exactly our address; a rebinding attacker's name would show here. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return allowedHosts(port).includes(host.toLowerCase());
}

/**
 * No Origin header means a non-browser client (curl, tests), which the token alone governs.
 * A present Origin must be our own; "null" (sandboxed frames, file pages) is foreign.
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

export type AccessDecision =
  | { ok: true }
  | { ok: false; status: 401 | 403; code: 'UNAUTHORIZED' | 'FORBIDDEN'; message: string };

export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
  authorization: string | undefined;
}

/** Page and assets: only the Host and Origin checks (the page must load before it can read its token). */
export function checkPageAccess(req: Pick<RequestFacts, 'host' | 'origin'>, port: number): AccessDecision {
  if (!isAllowedHost(req.host, port)) {
    return { ok: false, status: 403, code: 'FORBIDDEN', message: `Sourcemark answers only to 127.0.0.1:${port} or localhost:${port}, not to "${req.host ?? ''}".` };
  }
  if (!isAllowedOrigin(req.origin, port)) {
    return { ok: false, status: 403, code: 'FORBIDDEN', message: `Requests from ${req.origin ?? 'another site'} are refused; only Sourcemark's own page may call it.` };
  }
  return { ok: true };
}

/** Contract calls: Host, Origin, then the token. */
export function checkApiAccess(req: RequestFacts, port: number, token: string): AccessDecision {
  const page = checkPageAccess(req, port);
  if (!page.ok) return page;
  const given = bearerToken(req.authorization);
  if (given === null) {
    return { ok: false, status: 401, code: 'UNAUTHORIZED', message: 'This request has no access token. Open Sourcemark with the full address printed by `npm run web` (it ends in #token=…).' };
  }
  if (!tokensMatch(given, token)) {
    return { ok: false, status: 401, code: 'UNAUTHORIZED', message: 'The access token is wrong or from an earlier run. Open Sourcemark with the address `npm run web` printed this time.' };
  }
  return { ok: true };
}

/**
 * The key to one export's download: an anchor cannot send the Authorization header, and the token
 * itself must not land in the browser's download list, so each export's address carries an HMAC of
 * its number under this run's token. It opens that one file during this run and nothing else.
 */
export function exportTicket(token: string, recordId: number): string {
  return crypto.createHmac('sha256', token).update(`export:${recordId}`).digest('base64url');
}

/**
 * GET /exports/:id: Host and Origin as for the page; a browser must be on our own page when it asks
 * (Sec-Fetch-Site same-origin, or none for a typed address); then the export's ticket or the token.
 */
export function checkDownloadAccess(
  req: RequestFacts & { fetchSite: string | undefined },
  port: number,
  token: string,
  recordId: number,
  ticket: string | null,
): AccessDecision {
  const page = checkPageAccess(req, port);
  if (!page.ok) return page;
  if (req.fetchSite !== undefined && req.fetchSite !== 'same-origin' && req.fetchSite !== 'none') {
    return { ok: false, status: 403, code: 'FORBIDDEN', message: 'An export is downloaded only from Sourcemark’s own page.' };
  }
  const bearer = bearerToken(req.authorization);
  if (bearer !== null ? tokensMatch(bearer, token) : ticket !== null && tokensMatch(ticket, exportTicket(token, recordId))) return { ok: true };
  return { ok: false, status: 401, code: 'UNAUTHORIZED', message: 'This download address is not valid for this run of Sourcemark; export the brief again.' };
}
