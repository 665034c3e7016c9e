// fast-check arbitraries for every contract method, derived from the method's zod schema: each field
// gets values a careful client would send (ids that exist, real dates, colours, paths inside the
// allowed folders) mixed with hostile ones (ids that do not exist, huge numbers, NUL bytes, path
// escapes, control characters, very long text, wrong types, unknown keys). A method added to the
// contract is fuzzed with no change here.
import fc from 'fast-check';
import type { z } from 'zod';
import { contract, type MethodName } from '../../main/contract';

export interface FuzzPlaces {
  /** Folders and files an import may name (inside --import-dir) and ones it may not. */
  importFiles: string[];
  exportsDir: string;
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\0',
  'a\0b',
  '../../../../etc/passwd',
  '/etc/passwd',
  '/etc',
  '..notes.md',
  '"',
  "'); DROP TABLE source; --",
  '*',
  'NEAR(a b)',
  'title:',
  '"unbalanced',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '\ud800',
  '\u{1F4C4}\u{1F4C4}',
  'x'.repeat(5000),
  '%s%n%x',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'Сводка',
  '报告',
  '\r\n\t',
];

const VALID_BY_FIELD: Record<string, unknown[]> = {
  colour: ['#aabbcc', '#000000', '#FFFFFF', 'red', '#abc'],
  publishedAt: ['2026-03-01', '2026-02-31', '2026-03-01T14:30Z', 'yesterday', ''],
  accessedAt: ['2026-03-02', '1999-12-31T23:59:59+02:00', '2026-13-01'],
  url: ['https://example.org/report', 'javascript:alert(1)', 'file:///etc/passwd', ''],
  position: ['a0', 'a1', 'Zz', 'a0V', '', ' '],
  encoding: ['windows-1251', 'koi8-r', 'utf-8', 'no-such-encoding', 'UTF-16LE'],
  format: ['pdf', 'markdown', 'text', 'html', 'docx'],
  marking: ['UNCLASSIFIED', 'SECRET//NOFORN', ''],
  query: ['convoy', 'terminal closed', 'переговоры', '谈判', '"exact phrase"', 'a OR b', '*'],
  reliability: ['A', 'F', 'G', 'a'],
  relation: ['supports', 'contradicts', 'context', 'refutes'],
  confidence: ['low', 'moderate', 'high', 'certain'],
  kind: ['source', 'quote', 'claim', 'brief'],
  base64: [
    Buffer.from('A report\n\nThe convoy reached the bridge.').toString('base64'),
    Buffer.from('<html><title>Page</title><body><p>Text of the page.</p></body></html>').toString('base64'),
    Buffer.from('%PDF-1.7 broken').toString('base64'),
    'not base64!',
    '',
    '====',
  ],
  name: ['report.txt', 'page.html', 'notes.md', 'scan.pdf', 'evil.exe', '../../x.txt', 'C:\\\\Windows\\\\a.txt', 'Tag'],
  fileName: ['report.txt', 'brief.pdf'],
  suggestedName: ['brief.pdf', '../../x.pdf'],
};

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;

function checks(def: Def): { min?: number; max?: number; pattern?: RegExp; positive?: boolean } {
  const out: { min?: number; max?: number; pattern?: RegExp; positive?: boolean } = {};
  for (const c of (def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length') out.min = d.minimum as number;
    if (d.check === 'max_length') out.max = d.maximum as number;
    if (d.check === 'string_format' && d.pattern) out.pattern = d.pattern as RegExp;
    if (d.check === 'greater_than') out.positive = true;
  }
  return out;
}

/** Any JSON value: what a hostile client can put in a field. */
const anyJson = fc.jsonValue({ maxDepth: 2 });

const idArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 14 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e300) },
);

function stringArb(field: string, def: Def, places: FuzzPlaces): fc.Arbitrary<unknown> {
  const { max = 200 } = checks(def);
  const known = VALID_BY_FIELD[field];
  const text = fc.string({ maxLength: Math.min(max, 60) });
  const unicode = fc.string({ unit: 'grapheme', maxLength: Math.min(max, 30) });
  const options: { weight: number; arbitrary: fc.Arbitrary<unknown> }[] = [
    { weight: 4, arbitrary: text },
    { weight: 2, arbitrary: unicode },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  ];
  if (known) options.push({ weight: 8, arbitrary: fc.constantFrom(...known) });
  if (field === 'path' || field === 'paths') {
    options.push({
      weight: 8,
      arbitrary: fc.constantFrom(
        ...places.importFiles,
        `${places.exportsDir}/brief.md`,
        `${places.exportsDir}/../escape.md`,
        `${places.exportsDir}/sub/new.md`,
        `${places.exportsDir}/a\0b.md`,
        `${places.exportsDir}/`,
      ),
    });
  }
  if (field === 'body' || field === 'text' || field === 'exact' || field === 'title' || field === 'summary' || field === 'note') {
    options.push({ weight: 4, arbitrary: fc.constantFrom('The convoy crossed the bridge at dawn.', 'Колонна прибыла в понедельник.', '北京和东京的代表表示。') });
  }
  return fc.oneof(...options);
}

function numberArb(field: string, def: Def): fc.Arbitrary<unknown> {
  const { positive } = checks(def);
  if (positive || /id$|Id$/.test(field)) return idArb;
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 120 }) },
    { weight: 1, arbitrary: fc.constantFrom(-1, 0.5, 1e9, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1) },
  );
}

function valueArb(schema: unknown, field: string, places: FuzzPlaces): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const entries = Object.entries(shape).map(([key, s]) => [key, valueArb(s, key, places)] as const);
      return fc
        .tuple(...entries.map(([, a]) => a))
        .map((values) => Object.fromEntries(entries.map(([k], i) => [k, values[i]]).filter(([, v]) => v !== undefined)));
    }
    case 'pipe':
      return valueArb(def.out, field, places);
    case 'optional':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: valueArb(def.innerType, field, places) });
    case 'default':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: valueArb(def.innerType, field, places) });
    case 'nullable':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: valueArb(def.innerType, field, places) });
    case 'string':
      return stringArb(field, def, places);
    case 'number':
      return numberArb(field, def);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...Object.values(def.entries as Record<string, string>)) }, { weight: 1, arbitrary: fc.constantFrom(...(VALID_BY_FIELD[field] ?? ['nope'])) });
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'array': {
      const { max = 5 } = checks(def);
      return fc.array(valueArb(def.element, field, places), { maxLength: Math.min(max, 4) });
    }
    default:
      return anyJson;
  }
}

/** Valid-ish input mostly; sometimes one field replaced by any JSON, an unknown key added, or garbage. */
export function inputArb(name: MethodName, places: FuzzPlaces): fc.Arbitrary<unknown> {
  const base = valueArb(contract[name].input as z.ZodType, '', places);
  return fc.oneof(
    { weight: 12, arbitrary: base },
    {
      weight: 3,
      arbitrary: fc.tuple(base, fc.string({ maxLength: 12 }), anyJson).map(([input, key, value]) => {
        const obj = (input && typeof input === 'object' ? { ...(input as object) } : {}) as Record<string, unknown>;
        const keys = Object.keys(obj);
        obj[keys.length && key.length % 2 === 0 ? keys[key.length % keys.length]! : key || 'extra'] = value;
        return obj;
      }),
    },
    { weight: 1, arbitrary: anyJson },
  );
}

export function callArb(places: FuzzPlaces, names: readonly MethodName[]): fc.Arbitrary<{ name: MethodName; input: unknown }> {
  return fc.constantFrom(...names).chain((name) => inputArb(name, places).map((input) => ({ name, input })));
}
