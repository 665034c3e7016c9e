// What search needs to know about each kind of hit: its FTS5 table, its content table and columns,
// where its title comes from, and how its columns weigh in the rank.
export type SearchKind = 'source' | 'quote' | 'claim';

export interface KindSpec {
  fts: string;
  table: string; // the content table, aliased x
  join: string; // where the hit's title comes from
  select: string; // id, title, source_id, brief_id
  likeCols: string[]; // content columns, in the FTS table's order; searched with LIKE for short terms
  ftsCols: string[]; // the same columns as the FTS table names them
  snippetCol: number; // -1: whichever column matched best
  weights: number[]; // bm25 weight per FTS column
  /**
   * Long texts (sources, ~4 KB) are read as bytes and ranked in JS only when there are at most
   * JS_RANK_LONG_MAX matches; reading 1,000 of them would cost more than FTS5's bm25() does.
   * Short ones (quotes, claims) are read as strings, a whole window of them in ~2 ms.
   */
  long: boolean;
}

export const KINDS: Record<SearchKind, KindSpec> = {
  source: {
    fts: 'source_fts',
    table: 'source x',
    join: '',
    select: 'x.id, x.title, x.id AS source_id, NULL AS brief_id',
    likeCols: ['x.title', 'x.body'],
    ftsCols: ['title', 'body'],
    snippetCol: -1,
    weights: [10, 1],
    long: true,
  },
  quote: {
    fts: 'quote_fts',
    table: 'quote x',
    join: 'JOIN source s ON s.id = x.source_id',
    select: 'x.id, s.title, x.source_id, NULL AS brief_id',
    likeCols: ['x.exact', 'x.note'],
    ftsCols: ['exact', 'note'],
    snippetCol: -1,
    weights: [1, 0.5],
    long: false,
  },
  claim: {
    fts: 'claim_fts',
    table: 'claim x',
    join: 'JOIN brief b ON b.id = x.brief_id',
    select: 'x.id, b.title, NULL AS source_id, x.brief_id',
    likeCols: ['x.text'],
    ftsCols: ['text'],
    snippetCol: 0,
    weights: [1],
    long: false,
  },
};

/** The content columns as t0, t1, … for the snippets and the JS rank. */
export const textCols = (k: KindSpec): string => k.likeCols.map((c, i) => `${c} AS t${i}`).join(', ');

/** The weights as bm25()'s arguments; written with a decimal point so SQLite reads them as reals. */
export const weightArgs = (k: KindSpec): string => k.weights.map((w) => w.toFixed(1)).join(', ');
