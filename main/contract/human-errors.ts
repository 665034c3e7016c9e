// Validation errors written for a person. zod's own wording ("Invalid input: expected number,
// received string", "Unrecognized key") names neither the field in the analyst's words nor what is
// allowed; this error map does both, for every method of the contract. Messages a schema sets itself
// (e.g. "Reliability is a letter from A to F") take precedence and are only given the field's name.
import type { z } from 'zod';

/** Field names as the analyst says them. Keys not listed are spelled out from their camelCase. */
const FIELD_WORDS: Record<string, string> = {
  sourceId: 'the source',
  quoteId: 'the passage',
  claimId: 'the claim',
  briefId: 'the brief',
  tagId: 'the tag',
  tagIds: 'the tags',
  afterId: 'the place to put it after',
  start: 'the start of the passage',
  end: 'the end of the passage',
  exact: 'the selected text',
  note: 'the note',
  credibility: 'the credibility',
  confidence: 'the confidence',
  likelihood: 'the likelihood',
  relation: 'the relation',
  title: 'the title',
  outlet: 'the outlet',
  author: 'the author',
  url: 'the URL',
  publishedAt: 'the published date',
  accessedAt: 'the accessed date',
  language: 'the language',
  reliability: 'the reliability',
  format: 'the format',
  body: 'the text of the source',
  offset: 'where the list starts',
  limit: 'how many to list',
  filter: 'the filter',
  query: 'the search',
  kinds: 'what to search',
  removeCitations: 'whether to remove the citations too',
  name: 'the name',
  colour: 'the colour',
  target: 'the item to tag',
  kind: 'the kind of item',
  patch: 'the changes',
  marking: 'the marking',
  summary: 'the bottom line',
  position: 'the position',
  citations: 'the citations',
  base64: 'the file’s contents',
  encoding: 'the encoding',
  paths: 'the files',
  path: 'the file',
  suggestedName: 'the file name',
  filters: 'the file types',
  extensions: 'the file extensions',
  multiple: 'whether several files may be chosen',
  analysisId: 'the analysis',
  hypothesisId: 'the hypothesis',
  rowId: 'the evidence row',
  rating: 'the rating',
  relevance: 'the relevance',
  assumption: 'the assumption',
  status: 'the status',
  claimIds: 'the claims',
  question: 'the question',
  weighByRelevance: 'whether to weigh rows by relevance',
  weighByCredibility: 'whether to weigh rows by credibility',
};

/** What an `id` is, from the method it is given to: getSource → the source. */
function nounOfMethod(method: string): string {
  const rest = method.replace(/^(get|update|delete|remove|move|add|create|list|restore|attach|detach|check|read|export)/, '');
  const words = rest.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().trim();
  const noun = words === 'quote' ? 'passage' : words;
  return noun ? `the ${noun}` : 'the item';
}

function spellOut(key: string): string {
  return `the ${key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}

/** "The published date", "the 2nd citation's relation", "the source". */
function fieldWords(path: readonly PropertyKey[], method: string): string {
  const named = path.filter((p): p is string => typeof p === 'string');
  const last = named.at(-1);
  if (last === undefined) return method ? `the request to ${spellOut(method).slice(4)}` : 'the request';
  const words =
    last === 'id' ? (named.length === 1 ? nounOfMethod(method) : `the number of ${fieldWords(path.slice(0, path.lastIndexOf('id')), method)}`) : (FIELD_WORDS[last] ?? spellOut(last));
  const index = path.findLast((p) => typeof p === 'number');
  return typeof index === 'number' ? `${words} (item ${index + 1})` : words;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const list = (xs: readonly unknown[]) => xs.map((x) => (typeof x === 'string' ? `“${x}”` : String(x))).join(', ');

function described(input: unknown): string {
  if (input === null) return 'empty (null)';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return 'text';
  if (typeof input === 'number') return Number.isInteger(input) ? 'a whole number' : 'a number with a fraction';
  if (typeof input === 'boolean') return 'true or false';
  return typeof input === 'object' ? 'a group of fields' : typeof input;
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date',
};

type Issue = z.core.$ZodRawIssue;

/** The problem, as the end of a sentence that starts with the field: "must be text, not a whole number". */
function problem(iss: Issue): string {
  const i = iss as Issue & Record<string, unknown>;
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return `is missing; it must be ${EXPECTED[String(i.expected)] ?? 'given'}`;
      return `must be ${EXPECTED[String(i.expected)] ?? String(i.expected)}, not ${described(iss.input)}`;
    case 'too_small': {
      const min = Number(i.minimum);
      const origin = String(i.origin);
      if (origin === 'string') return min <= 1 ? 'cannot be empty' : `must be at least ${min} characters`;
      if (origin === 'array' || origin === 'set') return `needs at least ${min} ${min === 1 ? 'item' : 'items'}`;
      return i.inclusive === false ? `must be more than ${min}` : `must be ${min} or more`;
    }
    case 'too_big': {
      const max = Number(i.maximum);
      const origin = String(i.origin);
      if (origin === 'string') return `is ${typeof iss.input === 'string' ? iss.input.length : 'more than'} characters; the limit is ${max}`;
      if (origin === 'array' || origin === 'set') return `can have at most ${max} ${max === 1 ? 'item' : 'items'}`;
      return i.inclusive === false ? `must be less than ${max}` : `must be ${max} or less`;
    }
    case 'invalid_value':
      return `must be one of ${list(i.values as unknown[])}`;
    case 'invalid_format':
      return 'is not written in a form Sourcemark accepts';
    case 'not_multiple_of':
      return `must be a multiple of ${String(i.divisor)}`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return 'is not in a form Sourcemark accepts';
    default:
      return 'is not accepted';
  }
}

function allowedKeys(iss: Issue): string[] {
  const shape = (iss as { inst?: { _zod?: { def?: { shape?: Record<string, unknown> } } } }).inst?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

function unknownKeys(iss: Issue, method: string): string {
  const keys = (iss as { keys?: string[] }).keys ?? [];
  const path = iss.path ?? [];
  if (method === 'updateSource' && keys.includes('body')) {
    return 'The text of a source never changes after it is added, so its citations stay exact; to work from a new text, add it as a new source.';
  }
  const where = path.length ? ` in ${fieldWords(path, method)}` : '';
  const allowed = allowedKeys(iss).map((k) => fieldWords([...path, k], method));
  const them = keys.map((k) => `“${k}”`).join(', ');
  const verb = keys.length === 1 ? 'is' : 'are';
  return `${capital(them)} ${verb} not something Sourcemark knows${where}${allowed.length ? `; it accepts ${allowed.join(', ')}` : ''}.`;
}

/** The error map for one method's input: pass as `safeParse(input, { error: humanErrors(method) })`. */
export function humanErrors(method: string): z.core.$ZodErrorMap {
  return (iss) => {
    if (iss.code === 'unrecognized_keys') return unknownKeys(iss, method);
    return `${capital(fieldWords(iss.path ?? [], method))} ${problem(iss)}.`;
  };
}

/** One sentence per problem. A schema's own message gets the field's name when it does not say it. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], method: string): string {
  return issues
    .map((issue) => {
      const field = fieldWords(issue.path, method);
      const said = issue.message.toLowerCase();
      if (issue.path.length === 0 || said.includes(field.replace(/^the /, '')) || issue.code === 'unrecognized_keys') return issue.message;
      const m = issue.message;
      const lowered = /^[A-Z][a-z]/.test(m) ? m.charAt(0).toLowerCase() + m.slice(1) : m;
      return `${capital(field)}: ${lowered}`;
    })
    .join(' ');
}
