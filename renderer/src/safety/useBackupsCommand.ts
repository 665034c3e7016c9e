// File > Backups… in the desktop menu opens the Backups dialog.
import { useCommand } from '../commands/registry';

export function useBackupsCommand(setOpen: (open: boolean) => void): void {
  useCommand('backups', () => setOpen(true));
}
