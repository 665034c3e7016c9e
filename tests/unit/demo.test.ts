// The first run opens on a demo library; once the analyst deletes it, it never comes back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openService, type RunningService } from '../../main/service/index';
import { demoBrief, demoSources } from '../../main/service/demo-content';

const noPdf = { render: async () => new Uint8Array(), close: async () => {} };
const dirs: string[] = [];
const open = (dataDir: string, seedDemo = true) => openService({ dataDir, mode: 'web', version: 'test', pdf: noPdf, seedDemo });
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-demo-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('first-run demo library', () => {
  it('writes the demo sources and a brief whose every claim cites a passage', async () => {
    const app: RunningService = await open(tempDir());
    try {
      const sources = await app.service.listSources({ offset: 0, limit: 100 });
      expect(sources.items.map((s) => s.title).sort()).toEqual(demoSources.map((s) => s.title).sort());
      const briefs = await app.service.listBriefs({});
      expect(briefs).toHaveLength(1);
      const brief = await app.service.getBrief({ id: briefs[0]!.id });
      expect(brief.title).toBe(demoBrief.title);
      expect(brief.claims.map((c) => c.text)).toEqual(demoBrief.claims.map((c) => c.text));
      for (const claim of brief.claims) expect(claim.citations.length).toBeGreaterThan(0);
      const relations = brief.claims.flatMap((c) => c.citations.map((x) => x.relation));
      expect(relations).toContain('contradicts');
      // Every cited passage is the source text at its place.
      const quotes = new Map(brief.quotes.map((q) => [q.id, q]));
      for (const cit of brief.claims.flatMap((c) => c.citations)) {
        const quote = quotes.get(cit.quoteId)!;
        const source = await app.service.getSource({ id: quote.sourceId });
        expect(source.body.slice(quote.start, quote.end)).toBe(quote.exact);
      }
    } finally {
      await app.close();
    }
  });

  it('does not come back after the analyst deletes it', async () => {
    const dir = tempDir();
    const first = await open(dir);
    const briefs = await first.service.listBriefs({});
    for (const b of briefs) await first.service.deleteBrief({ id: b.id });
    const sources = await first.service.listSources({ offset: 0, limit: 100 });
    for (const s of sources.items) await first.service.deleteSource({ id: s.id, removeCitations: true });
    await first.close();

    const second = await open(dir);
    try {
      expect((await second.service.listSources({ offset: 0, limit: 100 })).total).toBe(0);
      expect(await second.service.listBriefs({})).toHaveLength(0);
    } finally {
      await second.close();
    }
  });

  it('is not written into a folder that already holds the analyst’s work', async () => {
    const dir = tempDir();
    const first = await open(dir, false);
    await first.service.createBrief({ title: 'My own brief', marking: 'UNCLASSIFIED', summary: '', author: '' });
    await first.close();
    const second = await open(dir);
    try {
      expect((await second.service.listBriefs({})).map((b) => b.title)).toEqual(['My own brief']);
      expect((await second.service.listSources({ offset: 0, limit: 100 })).total).toBe(0);
    } finally {
      await second.close();
    }
  });
});
