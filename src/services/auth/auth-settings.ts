/** Limits of sign-in and sessions; the values come from the configuration. */
export interface AuthSettings {
  /** A session ends after this many minutes without a request. */
  sessionIdleMinutes: number;
  /** …and in any case this many hours after sign-in. */
  sessionAbsoluteHours: number;
  /** Wrong passwords or codes in a row before the account is locked. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Base address for links in e-mail, e.g. https://adempauze.example.nl */
  publicUrl: string;
  /**
   * How long a session read from the database is used without reading it again (src/data/session-cache.ts); 0: read
   * on every request. A sign-out or a disabled account in another process takes effect after at most this long.
   */
  sessionCacheMs: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  publicUrl: 'http://localhost:3000',
  sessionCacheMs: 1000,
};
