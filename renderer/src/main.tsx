import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider, notifyManager } from '@tanstack/react-query';
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-serif/400.css';
import '@fontsource/noto-serif/700.css';
import './styles/base.css';
import './styles/panes.css';
import './styles/brief.css';
import { App } from './App';
import { LibraryGate } from './safety/LibraryGate';
import './safety/safety.css';
import { reportError } from './state/errors';
import { drafts } from './state/drafts';

// Cache changes reach the components in a microtask rather than TanStack's default setTimeout(0): an
// optimistic change made in a key handler (an ACH rating and its scores) is then committed before the
// browser paints the frame for that key, not one task later (`npm run bench -- ui ach`). Changes made
// in one task are still batched.
notifyManager.setScheduler(queueMicrotask);

const queryClient = new QueryClient({
  queryCache: new QueryCache({
    // Search shows its own errors (a bad query is not an app failure); every other read reports here.
    onError: (err, query) => {
      if (query.queryKey[0] !== 'search') reportError(err);
    },
  }),
  mutationCache: new MutationCache({ onError: (err) => reportError(err) }),
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
});

// Whatever is still being typed goes to the store before the page goes away.
window.addEventListener('pagehide', () => void drafts.flushAll());

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LibraryGate>
        <App />
      </LibraryGate>
    </QueryClientProvider>
  </StrictMode>,
);
