// Errors are values with a code and a sentence meant for the analyst. Every layer throws AppError;
// the transports turn it into { ok: false, error: { code, message } }.

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'TOO_LARGE'
  | 'SOURCE_BODY_IMMUTABLE'
  | 'QUOTE_RANGE'
  | 'QUOTE_MISMATCH'
  | 'QUOTE_IS_CITED'
  | 'CITATION_EXISTS'
  | 'TAG_EXISTS'
  | 'EXPORT_UNFAITHFUL'
  | 'EXPORT_UNCITED'
  | 'EXPORT_EMPTY'
  | 'EXPORT_FAILED'
  | 'CANCELLED'
  | 'IMPORT_FAILED'
  | 'BUNDLE_INVALID'
  | 'BUNDLE_TAMPERED'
  | 'BUNDLE_SIGNATURE'
  | 'BUNDLE_NEWER'
  | 'UNSUPPORTED'
  | 'STORE_FAILED'
  | 'LIBRARY_DAMAGED'
  | 'LIBRARY_REFUSED'
  | 'LIBRARY_IN_USE'
  | 'BACKUP_FAILED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'INTERNAL';

/** One problem with one field of an INVALID_INPUT refusal (its details.fields). */
export interface FieldIssue {
  /** The field's dotted path in the input, e.g. "publishedAt" or "patch.url"; empty for the input as a whole. */
  field: string;
  message: string;
}

export interface ErrorValue {
  code: ErrorCode;
  message: string;
  /** Optional structured detail for the UI, e.g. the claims that cite a quote. JSON-safe. */
  details?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toValue(): ErrorValue {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function notFound(what: string, id: number | string): AppError {
  return new AppError('NOT_FOUND', `${what} ${id} does not exist (it may have been deleted).`);
}
