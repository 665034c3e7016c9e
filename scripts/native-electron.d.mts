export interface NativeInfo {
  platform: string;
  arch: string;
  abi: number | null;
}
export interface NativeTarget {
  electronVersion: string;
  abi: number | null;
  platform: string;
  arch: string;
}
export type NativeVerdict = { ok: true } | { ok: false; state: 'missing' | 'stale' | 'mismatch'; reason: string };
export const NATIVE_RELATIVE: string;
export const STAMP_RELATIVE: string;
export function describeNativeModule(bytes: Uint8Array): NativeInfo;
export function installedElectron(root: string): { version: string; abi: number | null } | null;
export function judgeNativeModule(info: NativeInfo | null, stamp: { electronVersion?: string } | null, target: NativeTarget): NativeVerdict;
export function nativeModuleStatus(root: string, target: NativeTarget): NativeVerdict;
export function localTarget(root: string): NativeTarget | null;
