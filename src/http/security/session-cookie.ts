import type { FastifyReply } from 'fastify';
import type { NewSession } from '../../services/auth/session.service.ts';

export const SESSION_COOKIE = 'adempauze_session';
export const CSRF_HEADER = 'x-csrf-token';

/** HttpOnly so scripts cannot read it, Secure so it never travels unencrypted, SameSite=Strict against cross-site use. */
export function setSessionCookie(reply: FastifyReply, session: Pick<NewSession, 'token' | 'expiresAt'>): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: 'strict', path: '/' });
}
