// Where the app's files are, found the same way whether this code runs from source (tsx, Vitest,
// Playwright) or from the bundle in dist/web/: walk up to Sourcemark's package.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageInfo {
  root: string;
  version: string;
}

let cached: PackageInfo | null = null;

function here(): string {
  // The CommonJS bundle has __dirname; ES modules have import.meta.url.
  return typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
}

export function appPackage(): PackageInfo {
  if (cached) return cached;
  for (const start of [here(), process.cwd()]) {
    let dir = start;
    for (;;) {
      const file = path.join(dir, 'package.json');
      if (fs.existsSync(file)) {
        const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'sourcemark') {
          cached = { root: dir, version: pkg.version ?? '0.0.0' };
          return cached;
        }
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('Sourcemark cannot find its own package.json; run it from the project folder.');
}
