// The native side of the shell port: the save dialog (opened by the back end itself when it writes
// an export, so the page never names a file to write), the open dialog, and opening a file with its
// program. What the analyst picks in the open dialog is what an import may read (ImportAccess).
import path from 'node:path';
import { dialog, shell, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { AppError } from '../../db/errors';
import type { ImportAccess, ShellOps } from '../ports';

export interface DesktopShell {
  ops: ShellOps;
  /** Import reads exactly the files and folders picked in the open dialog during this run. */
  importAccess: ImportAccess;
}

export function createDesktopShell(getWindow: () => BrowserWindow | null): DesktopShell {
  const picked = new Set<string>();
  const ops: ShellOps = {
    async chooseSavePath(suggestedName, filter) {
      const win = getWindow();
      const options: SaveDialogOptions = { defaultPath: suggestedName, filters: [filter], properties: ['createDirectory', 'showOverwriteConfirmation'] };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async pickOpenPaths({ filters, multiple }) {
      const win = getWindow();
      const options: OpenDialogOptions = { filters, properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      if (result.canceled) return { paths: [] };
      for (const file of result.filePaths) picked.add(path.resolve(file));
      return { paths: result.filePaths };
    },
    async openPath(file) {
      const problem = await shell.openPath(file);
      if (problem) throw new AppError('NOT_FOUND', `${file} could not be opened: ${problem}`);
    },
  };
  return { ops, importAccess: { kind: 'picked', mayRead: (file) => picked.has(path.resolve(file)) } };
}
