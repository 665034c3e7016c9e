// electron-builder configuration (`npm run dist`). Native modules cannot load from inside the asar
// archive, and the import worker runs in a worker thread, which cannot count on Electron's asar
// support: both are unpacked, the worker with every package it loads (scripts/packaging.mjs).
// Before packing, the Electron-ABI SQLite module is checked against the target; a package without
// it could not open any library.
import { Arch, type Configuration } from 'electron-builder';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asarUnpackPatterns, checkNativeForPack } from './scripts/packaging.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));

export default {
  appId: 'org.sourcemark.app',
  productName: 'Sourcemark',
  copyright: 'Copyright © Sourcemark contributors',
  directories: { output: 'release', buildResources: 'build' },
  extraMetadata: { main: 'dist/electron/main.cjs' },
  files: ['dist/**', '!dist/**/*.map', '!dist/web/**', 'native/**', 'package.json'],
  asar: true,
  asarUnpack: asarUnpackPatterns(root),
  // The store uses our own Electron build of better-sqlite3 (native/electron); nothing to rebuild here.
  npmRebuild: false,
  beforePack: async (context) => {
    const problem = checkNativeForPack(root, {
      platform: context.electronPlatformName,
      arch: Arch[context.arch] ?? context.arch,
      electronVersion: context.packager.config.electronVersion ?? null,
    });
    if (problem) throw new Error(problem);
  },
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  // deb first: its post-install script installs an AppArmor profile that lets Electron's sandbox
  // create user namespaces on Ubuntu 24.04+, where an AppImage aborts at start (see README).
  linux: { target: ['deb', 'AppImage'], category: 'Office', maintainer: 'Sourcemark contributors <sourcemark@example.org>', executableName: 'sourcemark' },
  mac: { target: ['dmg'], category: 'public.app-category.productivity' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
} satisfies Configuration;
