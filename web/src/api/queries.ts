import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { api } from './client.ts';

/**
 * How the pages read from the API, on one cache (query-client.ts). An answer is keyed by its path (with
 * the query string), so an answer for an older path is never shown for a newer one.
 */

export interface ApiQuery<T> {
  /** The answer for this path; null while it loads, after a failure, and while the path is null. */
  data: T | null;
  /** Why the last load failed; null while it is tried again and after a successful (re)load. */
  error: unknown;
  /** A request for this path is on its way (the first load or a reload). */
  loading: boolean;
  /** Read this path again; the answer on screen stays until the new one is there. */
  reload(): void;
  /** Show the server's answer to a change (the changed resource) in place of the loaded one, without reading again. */
  replace(data: T): void;
  /** With keepPrevious: `data` is still the answer for the previous path, while the one for this path loads. */
  previous: boolean;
}

export interface ApiQueryOptions<T> {
  /** Further parts of the key, for an answer that is not one GET of the path (with `load`). */
  key?: readonly unknown[];
  /** How the answer is read, instead of one GET of the path (e.g. a list and the lists it refers to). */
  load?: () => Promise<T>;
  /**
   * While a new path loads, keep the previous path's answer as `data` with `previous` true, for parts of a page that
   * do not depend on the path (e.g. the choices of a filter); what does depend on it must wait for `previous` false.
   */
  keepPrevious?: boolean;
}

/**
 * One GET, again when the path changes or on reload(). A null path waits (for a choice the path depends on). While
 * the same page reloads, its answer stays on screen, so buttons do not jump away under the pointer.
 */
export function useApiQuery<T>(path: string | null, options: ApiQueryOptions<T> = {}): ApiQuery<T> {
  const { key = [], load, keepPrevious = false } = options;
  const query = useQuery({
    queryKey: [path, ...key],
    queryFn: () => (load ? load() : api<T>('GET', path!)),
    enabled: path !== null,
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
  const client = useQueryClient();
  const { refetch } = query;
  const reload = useCallback(() => {
    if (path !== null) void refetch();
  }, [path, refetch]);
  const replace = useCallback(
    (data: T) => {
      if (path !== null) client.setQueryData([path, ...key], data);
    },
    [client, path, ...key],
  );
  // A page shows what the server says when it opens: an answer read before it opened that was no longer fresh then
  // (older than staleTime, or after a change) is not shown while it is read anew. An answer it has shown stays.
  const [oldestShown, setOldestShown] = useState(Date.now);
  if (query.data !== undefined && !query.isStale && query.dataUpdatedAt < oldestShown) setOldestShown(query.dataUpdatedAt);
  const outdated = query.dataUpdatedAt < oldestShown && !query.isPlaceholderData;
  const failed = query.status === 'error';
  return {
    data: failed || outdated ? null : (query.data ?? null),
    error: failed && query.fetchStatus !== 'fetching' ? query.error : null,
    loading: query.fetchStatus === 'fetching',
    reload,
    replace,
    previous: query.isPlaceholderData,
  };
}

export interface ApiPages<T> {
  /** Every row of the pages read so far; null while the first page loads or after it failed. */
  rows: T[] | null;
  error: unknown;
  /** The last page was full: there may be more. */
  more: boolean;
  loadMore(): void;
  /** Start again from the first page (after a failure). */
  retry(): void;
  /** Read the pages read so far again, keeping them on screen meanwhile. */
  reload(): void;
}

/** A list read `size` rows at a time (limit and offset added to the path); a failure keeps the rows read so far. */
export function useApiPages<T>(path: string, size: number): ApiPages<T> {
  const client = useQueryClient();
  const queryKey = useMemo(() => [path, 'pages', size], [path, size]);
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => api<T[]>('GET', `${path}${path.includes('?') ? '&' : '?'}limit=${size}&offset=${pageParam}`),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (last.length === size ? pages.reduce((count, page) => count + page.length, 0) : undefined),
  });
  const { fetchNextPage, refetch } = query;
  const rows = useMemo(() => query.data?.pages.flat() ?? null, [query.data]);
  return {
    rows,
    error: query.fetchStatus === 'fetching' ? null : query.error,
    more: query.hasNextPage,
    loadMore: useCallback(() => void fetchNextPage(), [fetchNextPage]),
    retry: useCallback(() => void client.resetQueries({ queryKey, exact: true }), [client, queryKey]),
    reload: useCallback(() => void refetch(), [refetch]),
  };
}
