import { describe, expect, it } from 'vitest';
import { CliError, defaultDataDir, parseCliArgs } from '../../../main/security/cli-args';

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
  it('follows each OS', () => {
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.local/share/Sourcemark');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/data/xdg' }, '/home/ana')).toBe('/data/xdg/Sourcemark');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: 'relative' }, '/home/ana')).toBe('/home/ana/.local/share/Sourcemark');
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Sourcemark');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Sourcemark');
  });
});
