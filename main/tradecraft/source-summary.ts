// A draft of the source summary statement (ICD 206): the source base as a whole, from the brief's own
// evidence. The analyst edits it; Sourcemark only counts, so every figure in the draft is checkable.
import type { BriefFull, SourceMeta } from '../../db/model';
import { RELIABILITIES, SOURCE_TYPE_WORDS, SOURCE_TYPES, WEAK_RELIABILITIES } from '../vocabulary';
import { evidenceOf } from './evidence';
import { formatDate } from './endnotes';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const numbers = (ns: number[]) => list(ns.map(String));

function dateRange(sources: SourceMeta[]): string | null {
  const dates = sources
    .map((s) => s.publishedAt?.slice(0, 10))
    .filter((d): d is string => Boolean(d))
    .sort();
  if (dates.length === 0) return null;
  const first = formatDate(dates[0]!);
  const last = formatDate(dates[dates.length - 1]!);
  return first === last ? `published on ${first}` : `published between ${first} and ${last}`;
}

export function draftSourceSummary(brief: Pick<BriefFull, 'claims' | 'quotes' | 'sources'>): string {
  const { sources, claims } = brief;
  if (sources.length === 0) return 'This brief cites no sources yet.';
  const sentences: string[] = [];

  const types = SOURCE_TYPES.map((t) => ({ t, n: sources.filter((s) => s.sourceType === t).length })).filter((x) => x.n > 0);
  const untyped = sources.filter((s) => !s.sourceType).length;
  const typeWords = types.map(({ t, n }) => `${n} ${SOURCE_TYPE_WORDS[t].toLowerCase()}${n === 1 ? '' : 's'}`);
  const range = dateRange(sources);
  if (untyped === sources.length) {
    sentences.push(`This brief rests on ${plural(sources.length, 'source')} (no source type recorded)${range ? `, ${range}` : ''}.`);
  } else {
    if (untyped) typeWords.push(`${untyped} of unrecorded type`);
    sentences.push(`This brief rests on ${plural(sources.length, 'source')}: ${list(typeWords)}${range ? `, ${range}` : ''}.`);
  }

  const rated = RELIABILITIES.map((r) => ({ r, n: sources.filter((s) => s.reliability === r).length })).filter((x) => x.n > 0);
  const unrated = sources.filter((s) => !s.reliability).length;
  if (rated.length) {
    const weak = sources.filter((s) => s.reliability && WEAK_RELIABILITIES.includes(s.reliability)).length;
    sentences.push(
      `Source reliability: ${list(rated.map(({ r, n }) => `${n} rated ${r}`))}${unrated ? `, ${unrated} not rated` : ''}${
        weak ? `; ${plural(weak, 'source')} ${weak === 1 ? 'is' : 'are'} rated D to F` : ''
      }.`,
    );
  } else {
    sentences.push('No source has a reliability rating.');
  }

  const evidence = claims.map((c) => ({ c, e: evidenceOf(c, brief) }));
  const single = evidence.filter(({ e }) => e.singleSource).map(({ c }) => c.number);
  const multi = evidence.filter(({ e }) => e.independentSources > 1).length;
  const unsupported = evidence.filter(({ e }) => e.independentSources === 0).map(({ c }) => c.number);
  const weakOnly = evidence.filter(({ e }) => e.weakOnly).map(({ c }) => c.number);
  const contradicted = evidence.filter(({ e }) => e.contradictions.length > 0).map(({ c }) => c.number);
  if (multi) sentences.push(`${plural(multi, 'claim')} ${multi === 1 ? 'is' : 'are'} corroborated by independent sources.`);
  if (single.length) sentences.push(`${single.length === 1 ? `Claim ${numbers(single)} rests` : `Claims ${numbers(single)} rest`} on a single source.`);
  if (unsupported.length) sentences.push(`${unsupported.length === 1 ? `Claim ${numbers(unsupported)} has` : `Claims ${numbers(unsupported)} have`} no supporting passage.`);
  if (weakOnly.length) sentences.push(`${weakOnly.length === 1 ? `Claim ${numbers(weakOnly)} is` : `Claims ${numbers(weakOnly)} are`} supported only by sources rated D to F or passages rated 4 to 6.`);
  sentences.push(
    contradicted.length
      ? `Contradicting evidence is cited for ${contradicted.length === 1 ? `claim ${numbers(contradicted)}` : `claims ${numbers(contradicted)}`}.`
      : 'No contradicting evidence is cited.',
  );
  return sentences.join(' ');
}
