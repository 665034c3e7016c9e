// One place where a raw call from any transport becomes a checked call into the service.
import { z } from 'zod';
import { AppError, type ErrorValue, type FieldIssue } from '../../db/errors';
import { contract, type MethodName, type Result, type Service } from './index';
import { describeIssues, humanErrors } from './human-errors';

function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Turns a zod failure into one sentence per problem, naming the field in the analyst's words. */
export function describeZodError(error: z.ZodError, method = ''): string {
  return describeIssues(error.issues, method);
}

/** Each problem with the dotted path of its field ("patch.publishedAt"), so a form can show it under that field. */
function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
}

/** Parses a method's raw input with its schema; failures are described for a person (human-errors.ts). */
function parseInput<K extends MethodName>(name: K, raw: unknown) {
  const parsed = contract[name].input.safeParse(raw, { error: humanErrors(name) });
  return parsed.success
    ? ({ ok: true, data: parsed.data } as const)
    : ({ ok: false, error: { code: 'INVALID_INPUT', message: describeIssues(parsed.error.issues, name), details: { fields: fieldIssues(parsed.error) } } } as const);
}

function toErrorValue(err: unknown): ErrorValue {
  if (err instanceof AppError) return err.toValue();
  if (err instanceof z.ZodError) return { code: 'INVALID_INPUT', message: describeZodError(err) };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: `Something went wrong inside Sourcemark: ${message}` };
}

/** Parses the input with the method's schema, runs the method, and wraps the outcome. Never throws. */
export async function dispatch(service: Service, name: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isMethodName(name)) return { ok: false, error: { code: 'NOT_FOUND', message: `There is no operation called "${name}".` } };
  const parsed = parseInput(name, rawInput ?? {});
  if (!parsed.ok) return { ok: false, error: parsed.error };
  try {
    const fn = service[name] as (input: unknown) => unknown;
    const value = await fn(parsed.data);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toErrorValue(err) };
  }
}
