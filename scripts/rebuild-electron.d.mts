import type { NativeTarget } from './native-electron.mjs';
export function buildNativeForElectron(
  root: string,
  target: NativeTarget,
  log?: (line: string) => void,
): { ok: true; file: string } | { ok: false; message: string };
export function gist(result: { error?: Error; stderr?: string | null; stdout?: string | null; status?: number | null }): string;
