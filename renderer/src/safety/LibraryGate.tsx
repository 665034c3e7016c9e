// Asks the back end how the library is before showing the workspace: a damaged library gets the
// recovery screen instead (every other call would answer LIBRARY_DAMAGED anyway), and a library
// still being checked at open gets the checking screen, asked again until the check is done.
import { useEffect, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { client, onLibraryDamaged } from '../api/client';
import { CheckingScreen } from './CheckingScreen';
import { RecoveryScreen } from './RecoveryScreen';

export function LibraryGate({ children }: { children: ReactNode }) {
  const status = useQuery({
    queryKey: ['libraryStatus'],
    queryFn: () => client.libraryStatus({}),
    staleTime: Infinity,
    refetchInterval: (query) => (query.state.data?.state === 'checking' ? 400 : false),
  });
  const { refetch } = status;
  useEffect(() => onLibraryDamaged(() => void refetch()), [refetch]);
  if (status.isPending) return <p className="empty-note">Opening the library…</p>;
  if (status.isError) {
    return (
      <main className="recovery">
        <h1>Sourcemark cannot reach its library</h1>
        <p role="alert">{status.error.message}</p>
      </main>
    );
  }
  if (status.data.state === 'checking') return <CheckingScreen status={status.data} />;
  if (status.data.state === 'damaged') return <RecoveryScreen status={status.data} />;
  return <>{children}</>;
}
