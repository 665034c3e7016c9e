// The application menu. File items that need the page (new brief, import, export) are sent to the
// renderer as menu commands, and so are Undo/Redo: the page undoes the focused text field's typing
// when the analyst is in one, and otherwise the brief's history (renderer/src/state/editing.ts).
// Outside macOS their shortcuts are shown but not registered, so Ctrl+Z reaches the page, which
// leaves it to a text field's own undo; macOS routes Cmd+Z through the menu, so there it stays registered.
// Clipboard and zoom use Electron's built-in roles. Items have ids so end-to-end tests can click
// them through Menu.getApplicationMenu().getMenuItemById().
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from './channels';

export function buildMenu(getWindow: () => BrowserWindow | null, options: { devTools: boolean }): Menu {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(MENU_COMMAND_CHANNEL, command);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { id: 'file-new-brief', label: 'New Brief', accelerator: 'CmdOrCtrl+N', click: send('new-brief') },
        { id: 'file-import', label: 'Import…', accelerator: 'CmdOrCtrl+O', click: send('import') },
        { id: 'file-export', label: 'Export…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { id: 'file-backups', label: 'Backups…', click: send('backups') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { id: 'edit-undo', label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: isMac, click: send('undo') },
        { id: 'edit-redo', label: 'Redo', accelerator: isMac ? 'Shift+Cmd+Z' : 'Ctrl+Shift+Z', registerAccelerator: isMac, click: send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        ...(options.devTools ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
