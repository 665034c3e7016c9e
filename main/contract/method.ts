import type { z } from 'zod';

export interface Method<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the result type, never set at run time. */
  readonly __result?: O;
}

/** Declares one method: its input schema now, its result type by `.returns<T>()`. */
export function method<I extends z.ZodType>(input: I) {
  return {
    returns<O>(): Method<I, O> {
      return { input } as Method<I, O>;
    },
  };
}
