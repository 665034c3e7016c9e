// Quotes (passages): created from offsets into an immutable body, checked against it, never moved.
import { AppError } from '../../db/errors';
import { citationsOfQuotes, citingClaims, deleteCitationRows } from '../../db/citations';
import { deleteQuoteRow, getQuote, getQuoteRow, insertQuote, listQuotes, updateQuoteRow } from '../../db/quotes';
import { analysesUsingQuotes } from '../../db/analysis';
import { describeAnalysesUsing, removeRowsOfQuotes } from './analysis';
import { getQuotingSource } from '../../db/sources';
import { write } from '../../db/stmt';
import { link, requireTags } from '../../db/tags';
import { isGraphemeBoundary, quoteContext } from '../../db/text';
import type { Service } from '../contract';
import type { ServiceContext } from '../ports';
import { citingDetails, describeCitingClaims } from './citing';

type QuoteMethods = Pick<Service, 'createQuote' | 'getQuote' | 'listQuotes' | 'updateQuote' | 'deleteQuote'>;

const show = (s: string, max = 30) => JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);

/** Refuses a range that is empty, reversed, past the end, or that cuts a character in two. */
export function checkRange(body: string, start: number, end: number): void {
  if (end <= start) {
    throw new AppError(
      'QUOTE_RANGE',
      end === start
        ? `The passage is empty (it starts and ends at ${start}); select at least one character.`
        : `The passage starts at ${start} and ends at ${end}; the end must come after the start.`,
    );
  }
  if (end > body.length) {
    throw new AppError('QUOTE_RANGE', `The passage ends at ${end}, but the source text is only ${body.length} characters long.`);
  }
  for (const [name, at] of [['starts', start], ['ends', end]] as const) {
    if (!isGraphemeBoundary(body, at)) {
      throw new AppError(
        'QUOTE_RANGE',
        `The passage ${name} at ${at}, inside a character (an emoji, a surrogate pair or a letter with a combining mark); move that edge by one character.`,
      );
    }
  }
}

/** Explains where the selected text and the source text part ways. */
export function describeMismatch(actual: string, given: string, start: number): string {
  let i = 0;
  while (i < actual.length && i < given.length && actual[i] === given[i]) i += 1;
  const where = start + i;
  if (i === actual.length || i === given.length) {
    return `The selected text is ${given.length} characters but the source has ${actual.length} at ${start}–${start + actual.length}; they agree up to offset ${where}.`;
  }
  return `The selected text differs from the source at offset ${where}: the source has ${show(actual.slice(i))} where the selection has ${show(given.slice(i))}.`;
}

export function quoteMethods(ctx: ServiceContext): QuoteMethods {
  const d = ctx.store.db;
  return {
    createQuote: (input) =>
      write(d, () => {
        const source = getQuotingSource(d, input.sourceId);
        const body = source.body;
        checkRange(body, input.start, input.end);
        const exact = body.slice(input.start, input.end);
        if (input.exact !== undefined && input.exact !== exact) {
          throw new AppError('QUOTE_MISMATCH', describeMismatch(exact, input.exact, input.start));
        }
        const tagIds = input.tagIds ?? [];
        requireTags(d, tagIds);
        const id = insertQuote(d, {
          sourceId: input.sourceId,
          start: input.start,
          end: input.end,
          exact,
          ...quoteContext(body, input.start, input.end),
          note: input.note,
          credibility: input.credibility ?? null,
        });
        link(d, 'quote', id, tagIds);
        // The passage as stored, read back the way every other read sees it: the reply is the quote.
        return getQuote(d, id);
      }),

    getQuote: ({ id }) => getQuote(d, id),

    listQuotes: (input) => listQuotes(d, input),

    updateQuote: ({ id, note, credibility }) =>
      write(d, () => {
        updateQuoteRow(d, id, { note, credibility });
        return getQuote(d, id);
      }),

    deleteQuote: ({ id, removeCitations }) =>
      write(d, () => {
        const quote = getQuoteRow(d, id);
        const citing = citingClaims(d, [id]).get(id) ?? [];
        const using = analysesUsingQuotes(d, [id]);
        if (citing.length > 0 && using.length === 0 && !removeCitations) {
          throw new AppError(
            'QUOTE_IS_CITED',
            `This passage is cited by ${describeCitingClaims(citing)}. Remove those citations first, or delete the passage together with its citations.`,
            citingDetails(citing),
          );
        }
        if (using.length > 0 && !removeCitations) {
          const cited = citing.length > 0 ? `cited by ${describeCitingClaims(citing)}, and ` : '';
          throw new AppError(
            'QUOTE_IS_CITED',
            `This passage is ${cited}evidence in ${describeAnalysesUsing(using)}. Remove it from there first, or delete the passage together with its citations and evidence rows.`,
            { ...citingDetails(citing), analyses: using },
          );
        }
        const removed = citationsOfQuotes(d, [id]);
        deleteCitationRows(d, removed.map((c) => c.id));
        removeRowsOfQuotes(d, using);
        deleteQuoteRow(d, id);
        return { quote, removedCitations: removed };
      }),
  };
}
