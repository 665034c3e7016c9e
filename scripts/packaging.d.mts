export const WORKER_BUNDLE: string;
export const WORKER_RUNTIME_PACKAGES: string[];
export function packageClosure(root: string, names: string[]): string[];
export function asarUnpackPatterns(root: string): string[];
export function checkNativeForPack(root: string, target: { platform: string; arch: number | string; electronVersion?: string | null }): string | null;
