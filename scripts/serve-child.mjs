// Runs browser mode's bundle as a child that lives only as long as the process that started it. The
// child gets an IPC channel: when this process ends in any way — Ctrl+C, SIGTERM, even kill -9 — the
// channel closes and the server closes the library and exits instead of serving on as an orphan.
import { spawn } from 'node:child_process';

export function runServerChild(bundle, args, { cwd } = {}) {
  const child = spawn(process.execPath, [bundle, ...args], { cwd, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  // Ctrl+C reaches the whole process group; the server closes the library and exits by itself.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}
