import { type ReactNode, createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { Role } from '../../../src/domain/roles.ts';
import type { SessionView as SessionViewSchema } from '../../../src/http/schemas/auth.schemas.ts';
import { api, setCsrfToken } from '../api/client.ts';

export type { Role };

export type SessionView = z.infer<typeof SessionViewSchema>;

export type SessionUser = NonNullable<SessionView['user']>;

interface SessionState {
  session: SessionView | null;
  /** The answer of a sign-in step, which carries the new session. */
  accept(view: SessionView): void;
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

// Asked for as soon as the script runs, while React renders the first frame: every page waits for this answer.
let firstSession: Promise<SessionView> | undefined = typeof window === 'undefined' ? undefined : api<SessionView>('GET', '/auth/session');
firstSession?.catch(() => undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionView | null>(null);
  const accept = useCallback((view: SessionView) => {
    setCsrfToken(view.csrfToken);
    setSession(view);
  }, []);
  const refresh = useCallback(async () => accept(await api<SessionView>('GET', '/auth/session')), [accept]);
  const logout = useCallback(async () => {
    await api('POST', '/auth/logout', {});
    accept({ signedIn: false });
  }, [accept]);
  useEffect(() => {
    const loading = firstSession ?? api<SessionView>('GET', '/auth/session');
    firstSession = undefined;
    loading.then(accept).catch(() => accept({ signedIn: false }));
  }, [accept]);
  return <SessionContext.Provider value={{ session, accept, refresh, logout }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

/** Signed in with both factors: the only state in which personal data is shown. */
export function fullySignedIn(session: SessionView | null): session is SessionView & { user: SessionUser } {
  return Boolean(session?.signedIn && session.stage === 'full' && session.user);
}
