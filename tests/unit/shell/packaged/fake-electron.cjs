/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS by design: it stands where Electron's own CommonJS module would. */
// A stand-in for the 'electron' module, installed as node_modules/electron in a simulated packaged
// tree so that the built dist/electron/main.cjs boots under plain Node. It records what the app asks
// of Electron in globalThis.__fakeElectron for the harness (boot-packaged.cjs) to inspect and drive.
'use strict';
const { EventEmitter } = require('node:events');

const state = {
  paths: { userData: process.env.FAKE_ELECTRON_USER_DATA, temp: require('node:os').tmpdir() },
  setPaths: [],
  handlers: new Map(),
  protocolHandlers: new Map(),
  schemes: [],
  sandboxEnabled: false,
  windows: [],
  requestFilters: [],
  errors: [],
  menu: null,
  quitCalls: 0,
  exitCode: null,
  switches: [],
};
globalThis.__fakeElectron = state;

const app = new EventEmitter();
Object.assign(app, {
  isPackaged: true,
  getPath: (name) => state.paths[name],
  setPath: (name, value) => {
    state.paths[name] = value;
    state.setPaths.push([name, value]);
  },
  getVersion: () => '0.1.0-packaged',
  enableSandbox: () => {
    state.sandboxEnabled = true;
  },
  requestSingleInstanceLock: () => true,
  // Switches for Chromium, recorded so the test can see the offline ones were set before ready.
  commandLine: {
    appendSwitch: (name, value) => {
      state.switches.push([name, value ?? '']);
    },
  },
  whenReady: () => Promise.resolve(),
  quit: () => {
    state.quitCalls += 1;
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    app.emit('before-quit', event);
    if (event.defaultPrevented) return;
    const will = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    app.emit('will-quit', will);
    if (!will.defaultPrevented) state.quitted = true;
  },
  exit: (code) => {
    state.exitCode = code;
  },
});

function fakeSession(name) {
  return {
    name,
    setPermissionRequestHandler: (fn) => {
      state[`${name}Permission`] = fn;
    },
    setPermissionCheckHandler: (fn) => {
      state[`${name}PermissionCheck`] = fn;
    },
    setSpellCheckerEnabled: (on) => {
      state[`${name}Spellcheck`] = on;
    },
    webRequest: {
      onBeforeRequest: (fn) => state.requestFilters.push({ session: name, fn }),
    },
  };
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.destroyed = false;
    this.webContents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: (fn) => {
        this.windowOpenHandler = fn;
      },
      send: () => undefined,
      session: fakeSession('window'),
    });
    state.windows.push(this);
  }
  loadURL(url) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {
    this.shown = true;
  }
  hide() {
    this.shown = false;
  }
  focus() {}
  isMinimized() {
    return false;
  }
  restore() {}
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
  static getAllWindows() {
    return state.windows.filter((w) => !w.destroyed);
  }
}

state.app = app;

module.exports = {
  app,
  BrowserWindow,
  dialog: {
    showErrorBox: (title, message) => state.errors.push({ title, message }),
    showMessageBox: async (_win, options) => {
      state.errors.push(options);
      return { response: 0 };
    },
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async () => ({ canceled: true }),
  },
  Menu: {
    buildFromTemplate: (template) => ({ template, popup() {} }),
    setApplicationMenu: (menu) => {
      state.menu = menu;
    },
  },
  session: { defaultSession: fakeSession('default'), fromPartition: (name) => fakeSession(name) },
  shell: { openExternal: async () => undefined, openPath: async () => '' },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => state.schemes.push(...schemes),
    handle: (scheme, fn) => state.protocolHandlers.set(scheme, fn),
  },
  ipcMain: {
    handle: (channel, fn) => state.handlers.set(channel, fn),
    removeHandler: (channel) => state.handlers.delete(channel),
  },
};
