// Every call across the process boundary, declared once: name, input schema, result type. Each
// area declares its methods in its own file here (matching the service area that implements it);
// this file puts them together. The IPC registry, the preload bridge, the HTTP handler and the
// renderer's client are all derived from `contract`, so a method added to an area is available
// everywhere with no second list to update.
import type { z } from 'zod';
import type { ErrorValue } from '../../db/errors';
import { sourceMethods } from './sources';
import { quoteMethods } from './quotes';
import { briefMethods } from './briefs';
import { citationMethods } from './citations';
import { tagMethods } from './tags';
import { searchMethods } from './search';
import { historyMethods } from './history';
import { analysisMethods } from './analysis';
import { appMethods } from './app';
import { exportMethods } from './export';
import { importMethods } from './import';
import { shellMethods } from './shell';
import { librarySafetyMethods } from './library-safety';
import { bundleMethods } from './bundle';

export type * from '../../db/model';
export type { ErrorValue, ErrorCode, FieldIssue } from '../../db/errors';
export type * from './library-safety';
export type { Analysis } from './analysis';
export type { Method } from './method';
export { LIMITS } from '../vocabulary';
export { id, reliability, credibility, confidence, likelihood, likelihoodRow, relation, sourceFormat, sourceType, tagTarget } from './fields';

export const contract = {
  ...sourceMethods,
  ...quoteMethods,
  ...briefMethods,
  ...citationMethods,
  ...tagMethods,
  ...searchMethods,
  ...historyMethods,
  ...analysisMethods,
  ...appMethods,
  ...exportMethods,
  ...importMethods,
  ...shellMethods,
  ...librarySafetyMethods,
  ...bundleMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type MethodResult<K extends MethodName> = NonNullable<Contract[K]['__result']>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorValue };

/** What the back end implements: one function per method, taking the parsed input. */
export type Service = { [K in MethodName]: (input: ParsedInput<K>) => MethodResult<K> | Promise<MethodResult<K>> };

/** What the renderer calls: one async function per method, taking the raw input. */
export type Client = { [K in MethodName]: (input: MethodInput<K>) => Promise<MethodResult<K>> };

/** The preload bridge's shape: like Client, but it hands back the Result envelope unchanged. */
export type Bridge = { [K in MethodName]: (input: MethodInput<K>) => Promise<Result<MethodResult<K>>> };

export const methodNames = Object.keys(contract) as MethodName[];

export type ExportMethodName = keyof typeof exportMethods;
export type ImportMethodName = keyof typeof importMethods;
export type ShellMethodName = keyof typeof shellMethods;
export type LibrarySafetyMethodName = keyof typeof librarySafetyMethods;
export type BundleMethodName = keyof typeof bundleMethods;
/** Methods served by the library service (main/service/library.ts). */
export type LibraryMethodName = Exclude<MethodName, ExportMethodName | ImportMethodName | ShellMethodName | LibrarySafetyMethodName | BundleMethodName>;
