// One place where a raw call from any transport becomes a checked call into the service.
import { z } from 'zod';
import { AppError, type ErrorValue } from '../../db/errors';
import { contract, type MethodName, type Result, type Service } from '../contract';

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Turns a zod failure into one sentence per problem, naming the field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
      return `${where}${issue.message}`;
    })
    .join(' ');
}

export function toErrorValue(err: unknown): ErrorValue {
  if (err instanceof AppError) return err.toValue();
  if (err instanceof z.ZodError) return { code: 'INVALID_INPUT', message: describeZodError(err) };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: `Something went wrong inside Sourcemark: ${message}` };
}

/** Parses the input with the method's schema, runs the method, and wraps the outcome. Never throws. */
export async function dispatch(service: Service, name: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isMethodName(name)) return { ok: false, error: { code: 'NOT_FOUND', message: `There is no operation called "${name}".` } };
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'INVALID_INPUT', message: describeZodError(parsed.error) } };
  try {
    const fn = service[name] as (input: unknown) => unknown;
    const value = await fn(parsed.data);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toErrorValue(err) };
  }
}
