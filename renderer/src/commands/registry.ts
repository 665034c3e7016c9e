// The app's commands by name: one place where menus, keyboard shortcuts and buttons ask for the same
// action. The component that can carry a command out (the export dialog's owner, the import panel)
// registers it while it is on screen; whoever asks need not know who that is. Typed, so a name
// that nothing can handle does not compile — unlike the window events this replaces.
import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../main/electron/channels';

export type CommandId = 'search' | 'new-brief' | 'import' | 'export' | 'undo' | 'redo' | 'backups';

// Every command of the desktop menu is a command here (checked by the compiler).
const _menuCommandsAreCommands: (c: MenuCommand) => CommandId = (c) => c;
void _menuCommandsAreCommands;

// Most recent registration last: a command goes to the component that registered it latest.
const handlers = new Map<CommandId, (() => void)[]>();

export function registerCommand(id: CommandId, handler: () => void): () => void {
  const list = handlers.get(id) ?? [];
  handlers.set(id, [...list, handler]);
  return () => handlers.set(id, (handlers.get(id) ?? []).filter((h) => h !== handler));
}

/** Carries the command out; false when nothing on screen can (no brief open to export, say). */
export function runCommand(id: CommandId): boolean {
  const handler = handlers.get(id)?.at(-1);
  if (!handler) return false;
  handler();
  return true;
}

/** Registers `handler` for `id` while the component is mounted; the latest handler is always the one run. */
export function useCommand(id: CommandId, handler: () => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => registerCommand(id, () => latest.current()), [id]);
}
