import { Secret, TOTP } from 'otpauth';

/** RFC 6238 time-based codes (30 s, 6 digits, SHA-1: what every authenticator app reads) through `otpauth`. */
const ISSUER = 'Adempauze';

function totpFor(secret: string, label = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, email: string): string {
  return totpFor(secret, email).toString();
}

/**
 * The time step the code belongs to when it is valid now (one step of clock drift either way), else null.
 * The caller refuses a step at or before the last one accepted, so a code cannot be used twice.
 */
export function acceptedTotpStep(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 30_000) + delta;
}

export function currentTotpCode(secret: string, now = Date.now()): string {
  return totpFor(secret).generate({ timestamp: now });
}
