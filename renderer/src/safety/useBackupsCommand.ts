// File > Backups… in the desktop menu opens the Backups dialog.
import { useEffect } from 'react';

export function useBackupsCommand(setOpen: (open: boolean) => void): void {
  useEffect(
    () =>
      window.sourcemark?.onMenuCommand?.((command) => {
        if (command === 'backups') setOpen(true);
      }),
    [setOpen],
  );
}
