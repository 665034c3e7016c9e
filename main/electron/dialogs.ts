// The native side of the contract's shell methods: save and open dialogs and opening a file with
// its program. What the analyst picks here is recorded as a grant, the only way a page can name
// a file on disk (see main/security/path-grants.ts).
import { dialog, shell, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { AppError } from '../../db/errors';
import type { ShellOps } from '../ports';
import type { PathGrants } from '../security/path-grants';

export function createShellOps(getWindow: () => BrowserWindow | null, grants: PathGrants): ShellOps {
  return {
    async pickSavePath({ suggestedName, filters }) {
      const win = getWindow();
      const options: SaveDialogOptions = { defaultPath: suggestedName, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { path: null };
      grants.grantSave(result.filePath);
      return { path: result.filePath };
    },
    async pickOpenPaths({ filters, multiple }) {
      const win = getWindow();
      const options: OpenDialogOptions = { filters, properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      if (result.canceled) return { paths: [] };
      grants.grantOpen(result.filePaths);
      return { paths: result.filePaths };
    },
    async openPath({ path }) {
      const problem = await shell.openPath(path);
      if (problem) throw new AppError('NOT_FOUND', `${path} could not be opened: ${problem}`);
      return { opened: true };
    },
  };
}
