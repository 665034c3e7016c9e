// Telling which SQLite build fits which Electron: the binary's own header and export names, the
// stamp written beside it, and the message `npm run dist` stops with.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeNativeModule, installedElectron, judgeNativeModule, nativeModuleStatus, NATIVE_RELATIVE, STAMP_RELATIVE } from '../../../scripts/native-electron.mjs';
import { checkNativeForPack } from '../../../scripts/packaging.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
const nodeBuild = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const nodeArch = process.arch;
const electronAbi = installedElectron(root)?.abi;

function header(kind: 'macho-arm64' | 'macho-x64' | 'fat' | 'pe-x64' | 'pe-arm64' | 'elf-arm64', abi: number | null): Buffer {
  const buf = Buffer.alloc(512);
  switch (kind) {
    case 'macho-arm64':
    case 'macho-x64':
      buf.writeUInt32LE(0xfeedfacf, 0);
      buf.writeUInt32LE(kind === 'macho-arm64' ? 0x0100000c : 0x01000007, 4);
      break;
    case 'fat':
      buf.writeUInt32BE(0xcafebabe, 0);
      break;
    case 'pe-x64':
    case 'pe-arm64':
      buf.write('MZ', 0, 'latin1');
      buf.writeUInt32LE(0x80, 0x3c);
      buf.write('PE\0\0', 0x80, 'latin1');
      buf.writeUInt16LE(kind === 'pe-x64' ? 0x8664 : 0xaa64, 0x84);
      break;
    case 'elf-arm64':
      buf.writeUInt32BE(0x7f454c46, 0);
      buf[4] = 2;
      buf[5] = 1;
      buf.writeUInt16LE(0xb7, 0x12);
      break;
  }
  if (abi !== null) buf.write(`_node_register_module_v${abi}\0`, 300, 'latin1');
  return buf;
}

describe('reading a native module', () => {
  it('knows the Node build in node_modules for what it is', () => {
    const info = describeNativeModule(fs.readFileSync(nodeBuild));
    expect(info).toEqual({ platform: process.platform, arch: nodeArch, abi: Number(process.versions.modules) });
  });

  it('reads Mach-O, fat, PE and ELF headers and the ABI export', () => {
    expect(describeNativeModule(header('macho-arm64', 140))).toEqual({ platform: 'darwin', arch: 'arm64', abi: 140 });
    expect(describeNativeModule(header('macho-x64', 140))).toEqual({ platform: 'darwin', arch: 'x64', abi: 140 });
    expect(describeNativeModule(header('fat', 140))).toEqual({ platform: 'darwin', arch: 'universal', abi: 140 });
    expect(describeNativeModule(header('pe-x64', 140))).toEqual({ platform: 'win32', arch: 'x64', abi: 140 });
    expect(describeNativeModule(header('pe-arm64', null))).toEqual({ platform: 'win32', arch: 'arm64', abi: null });
    expect(describeNativeModule(header('elf-arm64', 115))).toEqual({ platform: 'linux', arch: 'arm64', abi: 115 });
    expect(describeNativeModule(Buffer.from('not a binary'))).toEqual({ platform: 'unknown', arch: 'unknown', abi: null });
  });
});

describe('judging a module against the installed Electron', () => {
  const target = { electronVersion: '39.8.10', abi: 140, platform: 'linux', arch: 'x64' };

  it('accepts a module built for this Electron, platform and architecture', () => {
    expect(judgeNativeModule({ platform: 'linux', arch: 'x64', abi: 140 }, { electronVersion: '39.8.10' }, target)).toEqual({ ok: true });
    // A module copied in by hand has no stamp; its header is enough.
    expect(judgeNativeModule({ platform: 'linux', arch: 'x64', abi: 140 }, null, target)).toEqual({ ok: true });
    expect(judgeNativeModule({ platform: 'darwin', arch: 'universal', abi: 140 }, null, { ...target, platform: 'darwin', arch: 'arm64' })).toEqual({ ok: true });
  });

  it('says what is wrong with one that does not fit', () => {
    expect(judgeNativeModule(null, null, target)).toMatchObject({ ok: false, state: 'missing' });
    const nodeAbi = judgeNativeModule({ platform: 'linux', arch: 'x64', abi: 115 }, null, target);
    expect(nodeAbi).toMatchObject({ ok: false, state: 'mismatch', reason: expect.stringContaining('NODE_MODULE_VERSION 115, Electron 39.8.10 needs 140') });
    const wrongOs = judgeNativeModule({ platform: 'win32', arch: 'arm64', abi: 140 }, null, target);
    expect(wrongOs).toMatchObject({ state: 'mismatch', reason: expect.stringMatching(/win32 binary, not linux; it is built for arm64, not x64/) });
  });

  it('rebuilds after an Electron upgrade even when the ABI number did not move', () => {
    expect(judgeNativeModule({ platform: 'linux', arch: 'x64', abi: 140 }, { electronVersion: '39.1.0' }, target)).toMatchObject({
      ok: false,
      state: 'stale',
      reason: expect.stringContaining('built for Electron 39.1.0; Electron 39.8.10 is installed'),
    });
  });
});

describe('a project folder', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-native-'));
    fs.copyFileSync(path.join(root, 'package.json'), path.join(tmp, 'package.json'));
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(tmp, 'node_modules'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const here = { electronVersion: '39.8.10', abi: 140, platform: process.platform, arch: process.arch };

  it('knows the ABI of the installed Electron', () => {
    expect(electronAbi).toBeGreaterThan(Number(process.versions.modules));
  });

  it('reads the module and its stamp from native/electron', () => {
    expect(nativeModuleStatus(tmp, here)).toMatchObject({ state: 'missing' });
    fs.mkdirSync(path.join(tmp, 'native', 'electron'), { recursive: true });
    fs.copyFileSync(nodeBuild, path.join(tmp, NATIVE_RELATIVE));
    expect(nativeModuleStatus(tmp, here)).toMatchObject({ state: 'mismatch' });
    expect(nativeModuleStatus(tmp, { ...here, abi: Number(process.versions.modules) })).toEqual({ ok: true });
    fs.writeFileSync(path.join(tmp, STAMP_RELATIVE), JSON.stringify({ electronVersion: '38.0.0' }));
    expect(nativeModuleStatus(tmp, { ...here, abi: Number(process.versions.modules) })).toMatchObject({ state: 'stale' });
  });

  it('stops packaging without the module, or with the Node build in its place', () => {
    expect(checkNativeForPack(tmp, { platform: process.platform, arch: process.arch })).toMatch(
      /^Packaging stopped: native[\\/]electron[\\/]better_sqlite3\.node does not exist\. The packaged app would not be able to open its library\.\nBuild the module for Electron \d+\.\d+\.\d+/,
    );
    fs.mkdirSync(path.join(tmp, 'native', 'electron'), { recursive: true });
    fs.copyFileSync(nodeBuild, path.join(tmp, NATIVE_RELATIVE));
    expect(checkNativeForPack(tmp, { platform: process.platform, arch: process.arch })).toMatch(new RegExp(`NODE_MODULE_VERSION ${process.versions.modules}, Electron \\d+\\.\\d+\\.\\d+ needs ${electronAbi}`));
    // electron-builder passes its Arch enum (1 = x64, 3 = arm64): the other one is refused by name.
    const otherArch = process.arch === 'x64' ? 3 : 1;
    expect(checkNativeForPack(tmp, { platform: process.platform, arch: otherArch })).toMatch(/built for (x64|arm64), not (arm64|x64)/);
  });
});
