import { describe, expect, it } from 'vitest';
import { browserDataDir, CliError, defaultDataDir, parseCliArgs } from '../../../main/security/cli-args';

describe('command-line options', () => {
  it('read --port and --data in both spellings', () => {
    expect(parseCliArgs([])).toEqual({ dataDir: null, port: 0, importDirs: [], help: false });
    expect(parseCliArgs(['--port', '8080', '--data', '/tmp/lib'])).toEqual({ dataDir: '/tmp/lib', port: 8080, importDirs: [], help: false });
    expect(parseCliArgs(['--port=9000', '--data-dir=/x y'])).toMatchObject({ dataDir: '/x y', port: 9000 });
    expect(parseCliArgs(['--help']).help).toBe(true);
  });

  it('refuse bad ports, missing values and unknown options with a sentence', () => {
    for (const argv of [['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['--port', '80.5'], ['--port'], ['--data'], ['--data', '--port', '1'], ['--data='], ['--frobnicate'], ['stray']]) {
      expect(() => parseCliArgs(argv), argv.join(' ')).toThrow(CliError);
    }
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow(/--port must be a whole number/);
  });

  it('skip Electron and Chromium switches in the desktop app, which has no --port', () => {
    expect(parseCliArgs(['--inspect=0', '--remote-debugging-port=0', '--data-dir', '/d'], { ignoreUnknown: true, allowPort: false })).toMatchObject({ dataDir: '/d' });
    expect(() => parseCliArgs(['--port', '1'], { ignoreUnknown: true, allowPort: false })).toThrow(/browser mode/);
    expect(() => parseCliArgs(['--import-dir', '/home/ana'], { ignoreUnknown: true, allowPort: false })).toThrow(/open dialog/);
  });

  it('collect every --import-dir of browser mode, in order', () => {
    expect(parseCliArgs(['--import-dir', '/in/a', '--import-dir=/in/b']).importDirs).toEqual(['/in/a', '/in/b']);
    expect(() => parseCliArgs(['--import-dir'])).toThrow(/--import-dir needs a value/);
  });
});

describe('the default data folder', () => {
  it('is the desktop app’s user data folder on each OS (Electron’s app.getPath(\'userData\'))', () => {
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Sourcemark');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/data/xdg' }, '/home/ana')).toBe('/data/xdg/Sourcemark');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: 'relative' }, '/home/ana')).toBe('/home/ana/.config/Sourcemark');
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Sourcemark');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Sourcemark');
  });
});

describe('browser mode’s folder without --data', () => {
  const has = (...dirs: string[]) => (dir: string) => dirs.includes(dir);
  it('is the shared folder, unless only the earlier browser-mode folder holds a library', () => {
    expect(browserDataDir('linux', {}, '/home/ana', has())).toEqual({ dir: '/home/ana/.config/Sourcemark', note: null });
    expect(browserDataDir('linux', {}, '/home/ana', has('/home/ana/.config/Sourcemark', '/home/ana/.local/share/Sourcemark'))).toEqual({
      dir: '/home/ana/.config/Sourcemark',
      note: null,
    });
    const kept = browserDataDir('linux', { XDG_DATA_HOME: '/data' }, '/home/ana', has('/data/Sourcemark'));
    expect(kept.dir).toBe('/data/Sourcemark');
    expect(kept.note).toMatch(/using the library in \/data\/Sourcemark.*move the contents of \/data\/Sourcemark there/);
    expect(kept.note).toContain('/home/ana/.config/Sourcemark');
  });
  it('never differed on Windows and macOS', () => {
    expect(browserDataDir('darwin', {}, '/Users/ana', has('/Users/ana/.local/share/Sourcemark'))).toEqual({ dir: '/Users/ana/Library/Application Support/Sourcemark', note: null });
  });
});
