// The Electron-ABI build of better-sqlite3 in native/electron/: what a .node file was built for
// (read from its own header and export names, so a file copied from elsewhere is judged by what it
// is, not by its name), and whether the one here fits the installed Electron. Used by `npm start`,
// postinstall, `npm run rebuild:electron` and the packaging hook; tested under Node.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const NATIVE_RELATIVE = path.join('native', 'electron', 'better_sqlite3.node');
export const STAMP_RELATIVE = path.join('native', 'electron', 'build-info.json');

const ELF_MACHINES = { 0x03: 'ia32', 0x28: 'armv7l', 0x3e: 'x64', 0xb7: 'arm64' };
const MACHO_CPUS = { 0x01000007: 'x64', 0x0100000c: 'arm64', 0x07: 'ia32' };
const PE_MACHINES = { 0x014c: 'ia32', 0x8664: 'x64', 0xaa64: 'arm64' };

/**
 * { platform, arch, abi } of a native Node module, from its bytes. platform is the OS the binary
 * format belongs to (ELF → linux, Mach-O → darwin, PE → win32); arch 'universal' for a fat Mach-O;
 * abi the NODE_MODULE_VERSION in its `node_register_module_vNNN` export (null for N-API modules).
 */
export function describeNativeModule(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const abiMatch = /node_register_module_v(\d+)/.exec(buf.toString('latin1'));
  const abi = abiMatch ? Number(abiMatch[1]) : null;
  if (buf.length >= 20 && buf.readUInt32BE(0) === 0x7f454c46) {
    const little = buf[5] === 1;
    const machine = little ? buf.readUInt16LE(0x12) : buf.readUInt16BE(0x12);
    return { platform: 'linux', arch: ELF_MACHINES[machine] ?? `elf-machine-${machine}`, abi };
  }
  if (buf.length >= 8 && (buf.readUInt32LE(0) === 0xfeedfacf || buf.readUInt32LE(0) === 0xfeedface)) {
    const cpu = buf.readUInt32LE(4);
    return { platform: 'darwin', arch: MACHO_CPUS[cpu] ?? `macho-cpu-${cpu}`, abi };
  }
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xcafebabe) return { platform: 'darwin', arch: 'universal', abi };
  if (buf.length >= 0x40 && buf.toString('latin1', 0, 2) === 'MZ') {
    const pe = buf.readUInt32LE(0x3c);
    if (pe + 6 <= buf.length && buf.toString('latin1', pe, pe + 4) === 'PE\0\0') {
      const machine = buf.readUInt16LE(pe + 4);
      return { platform: 'win32', arch: PE_MACHINES[machine] ?? `pe-machine-${machine}`, abi };
    }
  }
  return { platform: 'unknown', arch: 'unknown', abi };
}

/** What the installed electron package is: its version and the NODE_MODULE_VERSION it expects. */
export function installedElectron(root) {
  const require = createRequire(path.join(root, 'package.json'));
  try {
    const pkgFile = require.resolve('electron/package.json');
    const version = JSON.parse(fs.readFileSync(pkgFile, 'utf8')).version;
    const abiFile = path.join(path.dirname(pkgFile), 'abi_version');
    const abi = fs.existsSync(abiFile) ? Number(fs.readFileSync(abiFile, 'utf8').trim()) : null;
    return { version, abi };
  } catch {
    return null;
  }
}

/**
 * Whether the module fits. `target` is { electronVersion, abi, platform, arch }; the stamp that
 * `npm run rebuild:electron` writes beside the module records the Electron version it was built
 * for, so an Electron upgrade rebuilds even when the ABI number did not move.
 * Returns { ok: true } or { ok: false, state: 'missing' | 'stale' | 'mismatch', reason }.
 */
export function judgeNativeModule(info, stamp, target) {
  if (!info) return { ok: false, state: 'missing', reason: `${NATIVE_RELATIVE} does not exist` };
  const wrong = [];
  if (info.platform !== target.platform) wrong.push(`it is a ${info.platform} binary, not ${target.platform}`);
  if (info.arch !== target.arch && !(info.arch === 'universal' && target.platform === 'darwin')) wrong.push(`it is built for ${info.arch}, not ${target.arch}`);
  if (target.abi != null && info.abi !== target.abi) {
    wrong.push(info.abi == null ? 'it is not a Node module of a known ABI' : `it is built for NODE_MODULE_VERSION ${info.abi}, Electron ${target.electronVersion} needs ${target.abi}`);
  }
  if (wrong.length) return { ok: false, state: 'mismatch', reason: `${NATIVE_RELATIVE} does not fit: ${wrong.join('; ')}` };
  if (stamp && target.electronVersion && stamp.electronVersion !== target.electronVersion) {
    return { ok: false, state: 'stale', reason: `${NATIVE_RELATIVE} was built for Electron ${stamp.electronVersion}; Electron ${target.electronVersion} is installed` };
  }
  return { ok: true };
}

/** Reads the module and its stamp from a project root and judges them against `target`. */
export function nativeModuleStatus(root, target) {
  const file = path.join(root, NATIVE_RELATIVE);
  const info = fs.existsSync(file) ? describeNativeModule(fs.readFileSync(file)) : null;
  let stamp = null;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(root, STAMP_RELATIVE), 'utf8'));
  } catch {
    stamp = null;
  }
  return judgeNativeModule(info, stamp, target);
}

/** The target for this machine and the installed Electron, or null when Electron is not installed. */
export function localTarget(root) {
  const electron = installedElectron(root);
  if (!electron) return null;
  return { electronVersion: electron.version, abi: electron.abi, platform: process.platform, arch: process.arch };
}
