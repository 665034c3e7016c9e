// Command-line options of `npm run web` and the desktop app. Unknown or malformed options are an
// error with a sentence saying what was expected, never silently ignored.
export interface CliOptions {
  /** Where the library lives; null means the default place for this OS. */
  dataDir: string | null;
  /** 0 picks a free port. */
  port: number;
  /** Browser mode: folders whose files an import may name by path (--import-dir, repeatable). */
  importDirs: string[];
  help: boolean;
}

export class CliError extends Error {
  override name = 'CliError';
}

const PORT_RANGE = 'a whole number from 1 to 65535 (or 0 for any free port)';

export interface ParseCliOptions {
  /** Flags that belong to someone else (Electron/Chromium switches) and are skipped. */
  ignoreUnknown?: boolean;
  /** Which options exist: the desktop app has no --port and no --import-dir (it has the open dialog). */
  allowPort?: boolean;
}

export function parseCliArgs(argv: readonly string[], opts: ParseCliOptions = {}): CliOptions {
  const allowPort = opts.allowPort ?? true;
  const result: CliOptions = { dataDir: null, port: 0, importDirs: [], help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) {
        if (inline === '') throw new CliError(`${name} needs a value.`);
        return inline;
      }
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new CliError(`${name} needs a value.`);
      i += 1;
      return next;
    };
    switch (name) {
      case '--data':
      case '--data-dir':
        result.dataDir = value();
        break;
      case '--port': {
        if (!allowPort) throw new CliError('--port is only an option of browser mode (`npm run web`).');
        const raw = value();
        if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw new CliError(`--port must be ${PORT_RANGE}; got "${raw}".`);
        result.port = Number(raw);
        break;
      }
      case '--import-dir':
        if (!allowPort) throw new CliError('--import-dir is only an option of browser mode (`npm run web`); the desktop app imports what you pick in the open dialog.');
        result.importDirs.push(value());
        break;
      case '--help':
      case '-h':
        result.help = true;
        break;
      default:
        if (opts.ignoreUnknown) break;
        throw new CliError(`Unknown option "${arg}". Options: --port N, --data DIR (or --data-dir DIR), --import-dir DIR, --help.`);
    }
  }
  return result;
}

/**
 * The data folder both the desktop app and browser mode use by default: Electron's
 * app.getPath('userData') for "Sourcemark", so the two open the same library.
 */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  const join = (...parts: string[]) => parts.join(platform === 'win32' ? '\\' : '/');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Sourcemark');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Sourcemark');
  const xdg = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(xdg, 'Sourcemark');
}

/** Where browser mode kept its library on Linux before it shared the desktop app's folder. */
export function earlierWebDataDir(env: NodeJS.ProcessEnv, home: string): string {
  const xdg = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : `${home}/.local/share`;
  return `${xdg}/Sourcemark`;
}

/**
 * Browser mode's folder when --data is not given. A library left in the earlier folder is never
 * abandoned: while the shared folder holds no library and the earlier one does, the earlier one is
 * used, with a note saying how to move it.
 */
export function browserDataDir(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string,
  hasLibrary: (dir: string) => boolean,
): { dir: string; note: string | null } {
  const shared = defaultDataDir(platform, env, home);
  if (platform === 'win32' || platform === 'darwin') return { dir: shared, note: null };
  const earlier = earlierWebDataDir(env, home);
  if (earlier === shared || hasLibrary(shared) || !hasLibrary(earlier)) return { dir: shared, note: null };
  return {
    dir: earlier,
    note:
      `Sourcemark: using the library in ${earlier}, where browser mode kept it before. The desktop app and browser ` +
      `mode now share ${shared}; to open this library in both, quit Sourcemark and move the contents of ${earlier} there.`,
  };
}
