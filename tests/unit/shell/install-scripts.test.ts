// The install-time scripts as they behave on a machine without the Electron binary (like this one):
// postinstall never fails the install, and a failed build says in a few words that the network is
// the problem.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../../scripts/electron-binary.mjs';
import { gist } from '../../../scripts/rebuild-electron.mjs';

const root = path.resolve(import.meta.dirname, '../../..');

describe('postinstall', () => {
  it('never fails the install, and says why it built nothing', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'postinstall.mjs')], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(0);
    if (!electronBinary().path) expect(run.stdout).toContain('the Electron binary is not installed; skipping its SQLite build');
  });
});

describe('what a failed build attempt reports', () => {
  it('names the network when a host could not be reached', () => {
    expect(gist({ stderr: 'prebuild-install warn install getaddrinfo ENOTFOUND github.com\n', status: 1 })).toBe(
      'no network (github.com could not be resolved): prebuild-install warn install getaddrinfo ENOTFOUND github.com',
    );
    const nodeGyp = 'Searching dependency tree\nError: This is most likely not a problem with node-gyp or the package itself and\nis related to network connectivity. In most cases you are behind a proxy or have bad\n✖ Rebuild Failed';
    expect(gist({ stderr: nodeGyp, status: 1 })).toMatch(/^no network: is related to network connectivity/);
  });

  it('otherwise quotes the line that says what failed', () => {
    expect(gist({ stderr: 'gyp info it worked\ngyp ERR! build error\n    at foo', status: 1 })).toBe('gyp ERR! build error');
    expect(gist({ error: new Error('spawn node ENOENT') })).toBe('spawn node ENOENT');
    expect(gist({ stderr: '', stdout: '', status: 3 })).toBe('exit 3');
  });
});
