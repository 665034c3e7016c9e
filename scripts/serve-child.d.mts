import type { ChildProcess } from 'node:child_process';
export function runServerChild(bundle: string, args: string[], options?: { cwd?: string }): ChildProcess;
