// "Backups…" in the library's header, and File > Backups… (the command 'backups'): opens the Backups dialog.
import { useState } from 'react';
import { useCommand } from '../commands/registry';
import { BackupsDialog } from './BackupsDialog';

export function BackupsButton() {
  const [open, setOpen] = useState(false);
  useCommand('backups', () => setOpen(true));
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Backups…
      </button>
      <BackupsDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
