import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeAccount, inviteUser, listAccounts } from '../../services/auth/account.service.ts';
import { decideRoleGrant } from '../../services/auth/role-grant.service.ts';
import { auditCsv, clientAccessReport, searchAudit } from '../../services/audit.service.ts';
import { listStoredMail } from '../../services/mail/mailer.ts';
import { changeAccessPointContact } from '../../services/public-status.service.ts';
import { AccessPointContact, AccessPointContactBody } from '../schemas/public.schemas.ts';
import type { AppContext } from '../context.ts';
import { AuditEvent, AuditQuery, ChangeUserBody, InviteUserBody, MailMessage } from '../schemas/admin.schemas.ts';
import { UserView } from '../schemas/auth.schemas.ts';
import { IdParams, Problem } from '../schemas/common.ts';
import { sendCsv } from '../csv-reply.ts';
import { actorOf } from '../security/access.ts';

const ADMIN = ['administrator'] as const;
const ACCESS_REPORT_LIMIT = 10_000;

export function adminRoutes({ db, auth, mailer }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/admin/access-point',
      {
        config: { access: ['administrator', 'coordinator'] },
        schema: {
          tags: ['admin'],
          summary: "How caregivers reach the central access point, shown on every request's status page",
          body: AccessPointContactBody,
          response: { 200: AccessPointContact, 400: Problem },
        },
      },
      async (request) => changeAccessPointContact(db, request.body),
    );

    app.get(
      '/admin/users',
      {
        config: { access: ADMIN },
        schema: { tags: ['admin'], summary: 'All accounts', response: { 200: z.array(UserView) } },
      },
      async () => listAccounts(db),
    );

    app.post(
      '/admin/users',
      {
        config: { access: ADMIN, audit: { entity: 'user', action: 'create', purpose: 'account_management' } },
        schema: {
          tags: ['admin'],
          summary: 'Invite someone: the account gets a role (and organisation) and an e-mail to choose a password',
          description: 'A role that sees personal data waits for a second administrator (pendingGrant); the e-mail goes out when approved.',
          body: InviteUserBody,
          response: { 201: UserView, 400: Problem, 404: Problem, 409: Problem },
        },
      },
      async (request, reply) => reply.status(201).send(await inviteUser(db, actorOf(request), request.body, mailer, auth)),
    );

    app.patch(
      '/admin/users/:id',
      {
        config: { access: ADMIN, audit: { entity: 'user', action: 'update', purpose: 'account_management' } },
        schema: {
          tags: ['admin'],
          summary: 'Change role or organisation, block or unblock, or make the user set up the second factor again',
          description:
            'Not for your own account (403 own_account). A role that sees personal data, or such a role for another organisation, ' +
            'waits for a second administrator: the answer carries pendingGrant and the role stays as it was until approved.',
          params: IdParams,
          body: ChangeUserBody,
          response: { 200: UserView, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
        },
      },
      async (request) => changeAccount(db, actorOf(request), request.params.id, request.body),
    );

    for (const [decision, approved] of [
      ['approve', true],
      ['reject', false],
    ] as const) {
      app.post(
        `/admin/role-grants/:id/${decision}`,
        {
          config: { access: ADMIN, audit: { entity: 'user', action: 'update', purpose: 'account_management' } },
          schema: {
            tags: ['admin'],
            summary: approved
              ? 'A second administrator approves a role that sees personal data (or a new account: its invitation goes out)'
              : 'A second administrator rejects a role; a new account is blocked',
            params: IdParams,
            response: { 200: UserView, 403: Problem, 404: Problem },
          },
        },
        async (request) => decideRoleGrant(db, actorOf(request), request.params.id, approved, { mailer, settings: auth }),
      );
    }

    app.get(
      '/admin/audit',
      {
        config: {
          access: ADMIN,
          audit: {
            entity: 'audit',
            action: 'read',
            purpose: 'accountability',
            clientId: (request) => (request.query as { clientId?: string }).clientId,
          },
        },
        schema: {
          tags: ['admin'],
          summary: 'Search the audit log, newest first',
          querystring: AuditQuery,
          response: { 200: z.array(AuditEvent), 400: Problem },
        },
      },
      async (request) => searchAudit(db, request.query),
    );

    app.get(
      '/admin/audit.csv',
      {
        config: {
          access: ADMIN,
          audit: {
            entity: 'audit',
            action: 'export',
            purpose: 'accountability',
            clientId: (request) => (request.query as { clientId?: string }).clientId,
          },
        },
        schema: {
          tags: ['admin'],
          summary: 'The same search as CSV (semicolon-separated, UTF-8 with BOM, opens in Excel)',
          querystring: AuditQuery,
          produces: ['text/csv'],
          response: { 200: z.string(), 400: Problem },
        },
      },
      async (request, reply) => sendCsv(reply, 'audit-log.csv', auditCsv(await searchAudit(db, request.query))),
    );

    app.get(
      '/admin/clients/:id/access-report',
      {
        config: {
          access: ADMIN,
          audit: {
            entity: 'audit',
            action: 'export',
            purpose: 'data_subject_request',
            clientId: (request) => (request.params as { id: string }).id,
          },
        },
        schema: {
          tags: ['admin'],
          summary: "Who read or changed this client's data, and when (for an AVG/GDPR access request)",
          params: IdParams,
          response: { 200: z.array(AuditEvent), 400: Problem, 404: Problem },
        },
      },
      async (request) => clientAccessReport(db, request.params.id, ACCESS_REPORT_LIMIT),
    );

    app.get(
      '/admin/mail',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['admin'],
          summary: 'Mail kept by the development transport (empty when SMTP is configured)',
          response: { 200: z.array(MailMessage) },
        },
      },
      async () => listStoredMail(db),
    );
  };
}
