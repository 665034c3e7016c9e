// @vitest-environment jsdom
// A brief shows hundreds of claims; each is memoised so that a change elsewhere does not redraw it.
// This counts how many claims render when the workspace changes around them: selecting a claim
// redraws the one left and the one chosen, and a reader selection or an opened passage redraws none.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, createElement as h } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { BriefFull, ClaimInBrief } from '../../../main/contract';

// Every read the claims make on mounting (their tags) is answered by a bridge that knows no data.
window.sourcemark = new Proxy({} as NonNullable<Window['sourcemark']>, {
  get: (_t, name) => (name === 'onMenuCommand' ? undefined : async () => ({ ok: true, value: [] })),
});
// jsdom lays nothing out: the claim list's scroller is given a height, every row a small one, so the
// virtual list mounts a screenful of claims as in the app.
class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}
vi.stubGlobal('ResizeObserver', NoResize);
const scrollerOr = (el: Element, scroller: number, other: number) => (el.classList.contains('claim-scroller') ? scroller : other);
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: function (this: Element) { return scrollerOr(this, 2000, 100); } });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: function (this: Element) { return scrollerOr(this, 2000, 100); } });
Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 600 });
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const { ClaimItem } = await import('../../../renderer/src/brief/ClaimItem');
const { ClaimList } = await import('../../../renderer/src/brief/ClaimList');
const { ErrorsProvider } = await import('../../../renderer/src/state/errors');
const { WorkspaceProvider, createWorkspaceStore } = await import('../../../renderer/src/state/workspace');

// Count renders of the claim component itself: React reads the memo's inner function when it mounts.
const renders = new Map<number, number>();
const memo = ClaimItem as unknown as { type: (props: { claim: ClaimInBrief }) => unknown };
const inner = memo.type;
memo.type = (props) => {
  renders.set(props.claim.id, (renders.get(props.claim.id) ?? 0) + 1);
  return inner(props);
};
const total = () => [...renders.values()].reduce((a, b) => a + b, 0);

const CLAIMS = 200;
const brief = {
  id: 1,
  title: 'Brief',
  likelihoodRow: 'likely',
  sources: [],
  claims: Array.from({ length: CLAIMS }, (_, i) => ({
    id: i + 1,
    briefId: 1,
    number: i + 1,
    position: String(i).padStart(4, '0'),
    text: `Claim ${i + 1}`,
    likelihood: null,
    confidence: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    tags: [],
    citations: [],
  })),
} as unknown as BriefFull;

const store = createWorkspaceStore({ sourceId: 7, briefId: 1 });
let root: Root;

beforeAll(async () => {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => {
    root.render(h(QueryClientProvider, { client: qc }, h(ErrorsProvider, null, h(WorkspaceProvider, { store, children: h(ClaimList, { brief }) }))));
  });
});

afterAll(() => act(() => root.unmount()));

/** How many claims rendered while `change` ran. */
async function rendersDuring(change: () => void): Promise<number> {
  const before = total();
  await act(async () => change());
  return total() - before;
}

describe('what a workspace change redraws in a brief', () => {
  it('mounts a screenful of claims, not all of them', () => {
    expect(renders.size).toBeGreaterThan(10);
    expect(renders.size).toBeLessThan(CLAIMS);
  });

  it('selecting another claim redraws only the claim left and the claim chosen', async () => {
    const shown = renders.size;
    expect(await rendersDuring(() => store.openClaim(1, 3, false))).toBe(1);
    const counted = await rendersDuring(() => store.openClaim(1, 5, false));
    console.log(`claim renders on a selection change: ${counted} of ${shown} claims shown`);
    expect(counted).toBe(2);
  });

  it('a selection in the reader, an opened passage or a tag filter redraws no claim', async () => {
    expect(await rendersDuring(() => store.setSelection({ sourceId: 7, start: 0, end: 4, exact: 'text' }))).toBe(0);
    expect(await rendersDuring(() => store.openQuote(7, 42))).toBe(0);
    expect(await rendersDuring(() => store.filterByTag(3))).toBe(0);
  });
});
