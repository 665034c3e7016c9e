// Serves the built renderer from one folder. Paths are resolved and then checked to stay inside
// that folder (after following symlinks), so no "..", encoded or not, can reach other files.
import fs from 'node:fs';
import path from 'node:path';
import { isInsideDir } from './paths';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup =
  | { kind: 'file'; file: string; mime: string; size: number }
  | { kind: 'not-found' }
  | { kind: 'bad-path' };

/**
 * Maps a URL path ("/", "/assets/index-abc.js") to a file under root. "/" is index.html.
 * Anything that decodes to a path outside root, or contains a NUL or backslash, is a bad path.
 */
export function resolveStatic(root: string, urlPath: string): StaticLookup {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad-path' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad-path' };
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const rootReal = realRoot(root);
  if (!rootReal) return { kind: 'not-found' };
  const candidate = path.resolve(rootReal, relative);
  if (!isInsideDir(rootReal, candidate)) return { kind: 'bad-path' };
  let real: string;
  try {
    real = fs.realpathSync(candidate);
  } catch {
    return { kind: 'not-found' };
  }
  if (!isInsideDir(rootReal, real)) return { kind: 'bad-path' };
  const stat = fs.statSync(real);
  if (!stat.isFile()) return { kind: 'not-found' };
  return { kind: 'file', file: real, mime: mimeType(real), size: stat.size };
}

function realRoot(root: string): string | null {
  try {
    return fs.realpathSync(root);
  } catch {
    return null;
  }
}

/** Why the page cannot be served, in words that say what to do. Null when the build is there. */
export function missingRendererMessage(root: string): string | null {
  if (fs.existsSync(path.join(root, 'index.html'))) return null;
  return `The built renderer is missing: ${path.join(root, 'index.html')} does not exist. Run \`npm run build\` (or \`npx vite build\`) first; \`npm run web\` builds it for you.`;
}
