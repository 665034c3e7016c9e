import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPathsInCall, PathGrants } from '../../../main/security/path-grants';

const exportsDir = path.resolve('/home/ana/.local/share/Sourcemark/exports');

describe('files a page may name in the desktop app', () => {
  it('exports go only where the analyst chose to save', () => {
    const grants = new PathGrants([exportsDir]);
    const input = { briefId: 1, format: 'pdf', path: '/home/ana/.bashrc' };
    expect(checkPathsInCall('exportBrief', input, grants)).toMatchObject({ code: 'FORBIDDEN' });
    grants.grantSave('/home/ana/Desktop/brief.pdf');
    expect(checkPathsInCall('exportBrief', { ...input, path: '/home/ana/Desktop/brief.pdf' }, grants)).toBeNull();
    expect(checkPathsInCall('exportBrief', { briefId: 1, format: 'pdf' }, grants)).toBeNull();
  });

  it('imports read only files picked in the open dialog', () => {
    const grants = new PathGrants([exportsDir]);
    grants.grantOpen(['/home/ana/a.txt', '/home/ana/b.html']);
    expect(checkPathsInCall('importPaths', { paths: ['/home/ana/a.txt', '/home/ana/b.html'] }, grants)).toBeNull();
    expect(checkPathsInCall('importPaths', { paths: ['/home/ana/a.txt', '/home/ana/.ssh/id_ed25519'] }, grants)).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('id_ed25519'),
    });
  });

  it('opening is for our exports and saved documents, never programs', () => {
    const grants = new PathGrants([exportsDir]);
    expect(checkPathsInCall('openPath', { path: path.join(exportsDir, 'brief-2.pdf') }, grants)).toBeNull();
    expect(checkPathsInCall('openPath', { path: '/usr/bin/xterm' }, grants)).toMatchObject({ code: 'FORBIDDEN' });
    grants.grantSave('/home/ana/Desktop/brief.md');
    expect(checkPathsInCall('openPath', { path: '/home/ana/Desktop/brief.md' }, grants)).toBeNull();
  });

  it('other calls pass untouched', () => {
    expect(checkPathsInCall('listSources', {}, new PathGrants([]))).toBeNull();
  });
});
