// One ipcMain.handle per contract method. Each call is checked to come from our own page, then
// goes through the same dispatch() as browser mode (schema parse, service call, Result envelope).
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { methodNames, type Result, type Service } from '../contract';
import { dispatch } from '../contract/dispatch';
import { isTrustedSender, type TrustedFrames } from '../security/navigation';
import { methodChannel } from './channels';

/** `track` lets the quit sequence wait for calls still running (main/desktop/lifecycle.ts). */
export function registerIpc(
  getService: () => Service | null,
  trusted: TrustedFrames,
  track: <T>(work: Promise<T>) => Promise<T> = (work) => work,
): () => void {
  for (const name of methodNames) {
    ipcMain.handle(methodChannel(name), async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event.senderFrame?.url, trusted)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This request did not come from Sourcemark’s own window and was refused.' } };
      }
      const service = getService();
      if (!service) return { ok: false, error: { code: 'STORE_FAILED', message: 'The library is not open.' } };
      return track(dispatch(service, name, input));
    });
  }
  return () => {
    for (const name of methodNames) ipcMain.removeHandler(methodChannel(name));
  };
}
