// What only the desktop shell can do: the native open dialog. In browser mode it answers UNSUPPORTED
// and the renderer uses the browser's file input instead. (Saving an export is the back end's own
// business: see exportBrief.)
import { z } from 'zod';
import { method } from './method';

const filters = z.array(z.strictObject({ name: z.string().max(100), extensions: z.array(z.string().max(10)).max(20) })).max(10);

export const shellMethods = {
  pickOpenPaths: method(z.strictObject({ filters: filters.default([]), multiple: z.boolean().default(true) })).returns<{ paths: string[] }>(),
} as const;
