import { QueryClient } from '@tanstack/react-query';
import { ApiError, setAfterChange } from './client.ts';

/** Tried again: a request that did not reach the server (a network failure), at most twice. */
export function retryOnlyNetworkFailures(failureCount: number, error: unknown): boolean {
  return !(error instanceof ApiError) && failureCount < 2;
}

/**
 * The one cache of what the pages read from the API. A page shows what the server says when it opens, as before:
 * an answer is kept only while a page shows it (gcTime 0: no personal data lingers after the page is left or the
 * person signs out), it is fresh for two seconds (pages that open together share one request), and nothing is read
 * again behind a page's back (no refetch on focus or reconnect; no page polls). A problem document (4xx/5xx) is the
 * server's answer and is shown at once; only a request that did not arrive is tried again.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 2_000,
      gcTime: 0,
      retry: retryOnlyNetworkFailures,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      // A reload always hands a page a new answer, as before (effects that follow the answer run again).
      structuralSharing: false,
    },
  },
});

// Any change the server accepted makes every answer in the cache stale: a page that
// opens next reads anew, while a page on screen keeps its answer until it reloads it.
setAfterChange(() => void queryClient.invalidateQueries({ refetchType: 'none' }));
