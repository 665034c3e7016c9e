// Writes the demo library on the first run of a data folder, so the app opens on real content.
// A flag in app_meta records that it was written: once the analyst deletes the demo, it stays gone.
import { libraryHasContent, markDemoSeeded, readMeta } from '../../db/app-meta';
import { contract, type MethodInput, type MethodName, type MethodResult, type Service } from '../contract';
import type { ServiceContext } from '../ports';
import { demoBrief, demoSources } from './demo-content';

export function demoWasSeeded(ctx: ServiceContext): boolean {
  return readMeta(ctx.store.db, 'demo_seeded_at') !== undefined;
}

export async function seedDemoLibrary(ctx: ServiceContext, service: Service): Promise<void> {
  const db = ctx.store.db;
  if (demoWasSeeded(ctx)) return;
  // A folder that already holds the analyst's own work gets no demo, and never will.
  const markSeeded = () => markDemoSeeded(db);
  if (libraryHasContent(db)) {
    markSeeded();
    return;
  }

  // The service methods are synchronous on better-sqlite3; one transaction makes the demo all or nothing.
  const write = db.transaction(() => {
    const sourceIds = new Map<string, number>();
    for (const s of demoSources) {
      const { key: _key, ...meta } = s;
      const { source } = callSync(service, 'addSource', { ...meta, format: 'text', accessedAt: s.publishedAt });
      sourceIds.set(s.key, source.id);
    }
    const bodies = new Map(demoSources.map((s) => [s.key, s.body]));
    const { claims: _claims, ...fields } = demoBrief;
    const brief = callSync(service, 'createBrief', fields);
    const quoteIds = new Map<string, number>();
    for (const c of demoBrief.claims) {
      const claim = callSync(service, 'addClaim', { briefId: brief.id, text: c.text, likelihood: c.likelihood, confidence: c.confidence });
      for (const cit of c.citations) {
        const body = bodies.get(cit.source);
        const sourceId = sourceIds.get(cit.source);
        if (body === undefined || sourceId === undefined) throw new Error(`Demo: unknown source ${cit.source}`);
        const start = body.indexOf(cit.passage);
        if (start < 0 || body.indexOf(cit.passage, start + 1) >= 0) throw new Error(`Demo: passage not found once in ${cit.source}: ${cit.passage}`);
        const key = `${cit.source}:${start}`;
        let quoteId = quoteIds.get(key);
        if (quoteId === undefined) {
          const quote = callSync(service, 'createQuote', {
              sourceId,
              start,
              end: start + cit.passage.length,
              exact: cit.passage,
              note: 'note' in cit && cit.note ? cit.note : '',
              credibility: 'credibility' in cit && cit.credibility ? cit.credibility : null,
          });
          quoteId = quote.id;
          quoteIds.set(key, quoteId);
        }
        callSync(service, 'addCitation', { claimId: claim.id, quoteId, relation: cit.relation });
      }
    }
    markSeeded();
  });
  write();
}

/** Calls a method as a transport would (input parsed by its schema), and insists on a synchronous
 * answer: the library service is synchronous on better-sqlite3, so the demo stays in one transaction. */
function callSync<K extends MethodName>(service: Service, name: K, input: MethodInput<K>): MethodResult<K> {
  const parsed = contract[name].input.parse(input);
  const value = (service[name] as (i: unknown) => unknown)(parsed);
  if (value instanceof Promise) throw new Error(`Demo seeding needs ${name} to answer synchronously.`);
  return value as MethodResult<K>;
}
