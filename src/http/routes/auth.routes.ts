import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { insertAuditEvent } from '../../data/audit.repository.ts';
import { ROLES } from '../../domain/roles.ts';
import { AppError } from '../../errors.ts';
import { AfterAnswer } from '../../services/after-answer.ts';
import { requestPasswordReset, setPasswordWithToken } from '../../services/auth/account.service.ts';
import {
  beginTotpEnrolment,
  completeSecondFactor,
  confirmTotpEnrolment,
  login,
  logout,
  logoutEverywhere,
} from '../../services/auth/session.service.ts';
import type { AppContext } from '../context.ts';
import { Problem } from '../schemas/common.ts';
import {
  CodeBody,
  LoginBody,
  PasswordResetBody,
  RecoveryCodes,
  SecondFactorDone,
  SessionView,
  SessionsEnded,
  SetPasswordBody,
  TotpSetup,
} from '../schemas/auth.schemas.ts';
import { sessionOf } from '../security/access.ts';
import { clearSessionCookie, setSessionCookie } from '../security/session-cookie.ts';

const EmptyBody = z.strictObject({}).optional();
// Guessing passwords or codes is slowed per address on top of the per-account lockout.
const GUESS_LIMIT = { max: 10, timeWindow: '1 minute' };

export function authRoutes({ db, auth, mailer }: AppContext): FastifyPluginAsyncZod {
  const accountEvent = (
    request: FastifyRequest,
    action: 'login' | 'login_failed' | 'logout',
    who: { userId: string | null; email: string | null; role?: string | null; organisationId?: string | null },
  ) =>
    insertAuditEvent(db, {
      userId: who.userId,
      userEmail: who.email?.slice(0, 254) ?? null,
      role: who.role ?? null,
      organisationId: who.organisationId ?? null,
      action,
      entity: 'session',
      recordId: null,
      clientId: null,
      purpose: 'account_management',
      outcome: action === 'login_failed' ? 'denied' : 'success',
      httpStatus: null,
      ip: request.ip,
    });

  return async (app) => {
    const afterAnswer = new AfterAnswer();
    app.addHook('onClose', () => afterAnswer.settled());

    app.post(
      '/auth/login',
      {
        config: { access: 'public', rateLimit: GUESS_LIMIT },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with e-mail and password; sets the session cookie',
          description:
            'The answer says which step is next: a code from the authenticator app (second_factor), setting ' +
            'one up (enrol), or nothing (full). Five wrong passwords lock the account for 15 minutes for the address they came from; five wrong codes (across sessions) lock it everywhere.',
          body: LoginBody,
          response: { 200: SessionView, 400: Problem, 401: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        try {
          const session = await login(db, { ...request.body, ip: request.ip }, auth);
          setSessionCookie(reply, session);
          await accountEvent(request, 'login', { ...session.actor });
          return {
            signedIn: true,
            stage: session.stage,
            csrfToken: session.csrfToken,
            expiresAt: session.expiresAt.toISOString(),
            user: {
              id: session.actor.userId,
              email: session.actor.email,
              role: session.actor.role,
              organisationId: session.actor.organisationId,
            },
          };
        } catch (error) {
          if (error instanceof AppError && error.code === 'login_failed') {
            await accountEvent(request, 'login_failed', { userId: String(error.params.userId || '') || null, email: request.body.email });
          }
          throw error;
        }
      },
    );

    app.get(
      '/auth/session',
      {
        config: { access: 'public' },
        schema: { tags: ['auth'], summary: 'Who is signed in, and the CSRF token for changes', response: { 200: SessionView } },
      },
      async (request) => {
        const session = request.auth;
        if (!session) return { signedIn: false };
        const { actor } = session;
        return {
          signedIn: true,
          stage: session.stage,
          csrfToken: session.csrfToken,
          user: { id: actor.userId, email: actor.email, role: actor.role, organisationId: actor.organisationId },
        };
      },
    );

    app.post(
      '/auth/second-factor',
      {
        config: { access: 'any_session', rateLimit: GUESS_LIMIT },
        schema: {
          tags: ['auth'],
          summary: 'Finish signing in with a code from the authenticator app or a recovery code',
          body: CodeBody,
          response: { 200: SecondFactorDone, 400: Problem, 401: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        const { recoveryCodesLeft, session } = await completeSecondFactor(db, sessionOf(request), request.body.code, auth);
        setSessionCookie(reply, session);
        return { stage: 'full' as const, recoveryCodesLeft, csrfToken: session.csrfToken };
      },
    );

    app.post(
      '/auth/totp/setup',
      {
        config: { access: 'any_session' },
        schema: {
          tags: ['auth'],
          summary: 'Start setting up the authenticator app: a new secret (as text and as an otpauth:// address)',
          body: EmptyBody,
          response: { 200: TotpSetup, 401: Problem, 403: Problem },
        },
      },
      async (request) => beginTotpEnrolment(db, sessionOf(request)),
    );

    app.post(
      '/auth/totp/confirm',
      {
        config: { access: 'any_session', rateLimit: GUESS_LIMIT },
        schema: {
          tags: ['auth'],
          summary: 'Finish setting up with the first code; answers ten one-time recovery codes, shown only now',
          body: CodeBody,
          response: { 200: RecoveryCodes, 400: Problem, 401: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        const { recoveryCodes, session } = await confirmTotpEnrolment(db, sessionOf(request), request.body.code);
        setSessionCookie(reply, session);
        return { recoveryCodes, csrfToken: session.csrfToken };
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { access: 'any_session' },
        schema: { tags: ['auth'], summary: 'Sign out here', body: EmptyBody, response: { 204: z.null(), 401: Problem } },
      },
      async (request, reply) => {
        const session = sessionOf(request);
        await logout(db, session);
        await accountEvent(request, 'logout', session.actor);
        clearSessionCookie(reply);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/logout-everywhere',
      {
        config: { access: ROLES },
        schema: { tags: ['auth'], summary: 'Sign out on every device', body: EmptyBody, response: { 200: SessionsEnded, 401: Problem } },
      },
      async (request, reply) => {
        const session = sessionOf(request);
        const sessionsEnded = await logoutEverywhere(db, session);
        await accountEvent(request, 'logout', session.actor);
        clearSessionCookie(reply);
        return { sessionsEnded };
      },
    );

    app.post(
      '/auth/password-reset',
      {
        config: { access: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Ask for a link to choose a new password; the answer is the same whether the address is known or not',
          body: PasswordResetBody,
          response: { 202: z.null(), 400: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        // After the answer: a known address (a token, a mail) must not take longer to answer than an unknown one.
        const { email } = request.body;
        afterAnswer.run('password reset', () => requestPasswordReset(db, email, mailer, auth));
        return reply.status(202).send(null);
      },
    );

    app.post(
      '/auth/password',
      {
        config: { access: 'public', rateLimit: GUESS_LIMIT },
        schema: {
          tags: ['auth'],
          summary: 'Choose a password with the token from an invitation or reset e-mail; ends every session',
          body: SetPasswordBody,
          response: { 204: z.null(), 400: Problem, 410: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        await setPasswordWithToken(db, request.body.token, request.body.password);
        return reply.status(204).send(null);
      },
    );
  };
}
