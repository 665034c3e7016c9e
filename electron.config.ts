// electron-builder configuration (`npm run dist`). The Electron-ABI SQLite module from
// `npm run rebuild:electron` lives in native/electron/ and, like better-sqlite3 itself, must sit
// outside the asar archive because native modules cannot be loaded from inside it.
import type { Configuration } from 'electron-builder';

export default {
  appId: 'org.sourcemark.app',
  productName: 'Sourcemark',
  copyright: 'Copyright © Sourcemark contributors',
  directories: { output: 'release', buildResources: 'build' },
  extraMetadata: { main: 'dist/electron/main.cjs' },
  files: ['dist/**', '!dist/**/*.map', 'native/**', 'package.json'],
  asar: true,
  asarUnpack: ['native/**', 'node_modules/better-sqlite3/**'],
  // The store uses our own Electron build of better-sqlite3 (native/electron); nothing to rebuild here.
  npmRebuild: false,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
  linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: 'Sourcemark contributors <sourcemark@example.org>' },
  mac: { target: ['dmg'], category: 'public.app-category.productivity' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
} satisfies Configuration;
