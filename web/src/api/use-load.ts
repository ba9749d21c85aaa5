import { useCallback, useEffect, useState } from 'react';
import { api } from './client.ts';

/**
 * One GET, again when the path changes or on reload(); an answer for an older request is dropped. A null path waits
 * (for a choice the path depends on).
 */
export function useLoad<T>(path: string | null): { data: T | null; error: unknown; reload(): void } {
  const [state, setState] = useState<{ path: string; version: number; data: T | null; error: unknown }>({ path: '', version: 0, data: null, error: null });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    api<T>('GET', path)
      .then((data) => current && setState({ path, version, data, error: null }))
      .catch((error: unknown) => current && setState({ path, version, data: null, error }));
    return () => {
      current = false;
    };
  }, [path, version]);
  const reload = useCallback(() => setVersion((n) => n + 1), []);
  // While the same page reloads its answer stays on screen, so buttons do not jump away under the pointer.
  if (state.path !== path) return { data: null, error: null, reload };
  return { data: state.data, error: state.version === version ? state.error : null, reload };
}
