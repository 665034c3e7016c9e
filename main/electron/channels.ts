// IPC channel names shared by the main process and the preload script. One channel per contract
// method (never a generic "invoke anything"), plus one fixed channel for menu commands.
import type { MethodName } from '../contract';

export const methodChannel = (name: MethodName): string => `sourcemark:${name}`;

export const MENU_COMMAND_CHANNEL = 'sourcemark:menu-command';

const MENU_COMMANDS = ['new-brief', 'import', 'export', 'undo', 'redo', 'backups'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
