// What only the desktop shell can do: native dialogs and opening files. In browser mode these
// answer UNSUPPORTED and the renderer uses the browser's download and file input instead.
import { z } from 'zod';
import { method } from './method';

const filters = z.array(z.strictObject({ name: z.string().max(100), extensions: z.array(z.string().max(10)).max(20) })).max(10);

export const shellMethods = {
  pickSavePath: method(z.strictObject({ suggestedName: z.string().min(1).max(255), filters: filters.default([]) })).returns<{ path: string | null }>(),
  pickOpenPaths: method(z.strictObject({ filters: filters.default([]), multiple: z.boolean().default(true) })).returns<{ paths: string[] }>(),
  openPath: method(z.strictObject({ path: z.string().min(1).max(4096) })).returns<{ opened: boolean }>(),
} as const;
