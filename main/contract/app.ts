// What the renderer asks about the running app itself.
import { z } from 'zod';
import { method } from './method';

export const appMethods = {
  appInfo: method(z.strictObject({})).returns<{ version: string; dataDir: string; schemaVersion: number; mode: 'electron' | 'web' }>(),
} as const;
