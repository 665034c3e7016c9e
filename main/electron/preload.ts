// Runs sandboxed before the page: exposes exactly the contract's methods as window.sourcemark,
// each bound to its own channel, plus a subscription to menu commands. The page never sees
// ipcRenderer itself, so it cannot send on any other channel.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { methodNames, type Bridge, type MethodName, type Result } from '../contract';
import { isMenuCommand, MENU_COMMAND_CHANNEL, methodChannel, type MenuCommand } from './channels';

function callFor(name: MethodName) {
  const channel = methodChannel(name);
  return (input: unknown): Promise<Result<unknown>> => ipcRenderer.invoke(channel, input ?? {}) as Promise<Result<unknown>>;
}

const methods = Object.fromEntries(methodNames.map((name) => [name, callFor(name)])) as unknown as Bridge;

function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, command: unknown) => {
    if (isMenuCommand(command)) listener(command);
  };
  ipcRenderer.on(MENU_COMMAND_CHANNEL, wrapped);
  return () => {
    ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, wrapped);
  };
}

const api: Bridge & { onMenuCommand: typeof onMenuCommand } = { ...methods, onMenuCommand };

contextBridge.exposeInMainWorld('sourcemark', api);
