// @vitest-environment jsdom
// The compare view words each claim's likelihood as its own brief does: a brief on the
// "remote … probable … nearly certain" row reads "probable", never the likely/unlikely row's "likely".
import { act, createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { MethodResult } from '../../../main/contract';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const { ComparisonTable } = await import('../../../renderer/src/share/CompareDialog');

type Comparison = MethodResult<'compareBriefs'>;
const side = (id: number, likelihoodRow: 'likely' | 'probable') => ({ id, uid: `u${id}`, title: `Brief ${id}`, summary: '', marking: 'UNCLASSIFIED', likelihoodRow, createdAt: '2026-03-01' });
const claim = (likelihood: string) => ({ number: 1, text: 'Talks continue.', confidence: 'moderate', likelihood, citations: [] });

function render(cmp: Comparison): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  act(() => createRoot(host).render(h(ComparisonTable, { cmp, changedOnly: false })));
  return host;
}

describe('likelihood wording in the compare view', () => {
  it('each side uses its own brief’s row, and the change of row is shown in words', () => {
    const host = render({
      left: side(1, 'likely'),
      right: side(2, 'probable'),
      rows: [{ status: 'changed', left: claim('likely'), right: claim('very-unlikely'), changes: ['likelihood'], citationsAdded: [], citationsRemoved: [], relationsChanged: [] }],
      counts: { same: 0, changed: 1, added: 0, removed: 0 },
      fields: [{ field: 'likelihoodRow', left: 'likely', right: 'probable' }],
    });
    const [wording, row] = [...host.querySelectorAll('tbody tr')];
    expect(wording!.getAttribute('aria-label')).toBe('Probability wording changed');
    expect(wording!.textContent).toContain('remote … probable … nearly certain');
    const [left, right] = [...row!.querySelectorAll('td')];
    expect(left!.textContent).toContain('likely (55–80%)');
    expect(right!.textContent).toContain('highly improbable (05–20%)');
    expect(right!.textContent).not.toMatch(/unlikely/);
  });

  it('both sides on the probable row read probable', () => {
    const host = render({
      left: side(1, 'probable'),
      right: side(2, 'probable'),
      rows: [{ status: 'same', left: claim('likely'), right: claim('likely'), changes: [], citationsAdded: [], citationsRemoved: [], relationsChanged: [] }],
      counts: { same: 1, changed: 0, added: 0, removed: 0 },
      fields: [],
    });
    const cells = [...host.querySelectorAll('tbody td')].map((td) => td.textContent ?? '');
    expect(cells).toHaveLength(2);
    for (const text of cells) {
      expect(text).toContain('probable (55–80%)');
      expect(text).not.toMatch(/\blikely\b/);
    }
  });
});
