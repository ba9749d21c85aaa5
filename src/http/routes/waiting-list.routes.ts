import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../domain/roles.ts';
import { markRead, myNotifications } from '../../services/notification.service.ts';
import { putOnWaitingList, waitingList } from '../../services/waiting-list.service.ts';
import type { AppContext } from '../context.ts';
import { Notification, WaitingEntry } from '../schemas/waiting-list.schemas.ts';
import { IdParams, Problem, Uuid } from '../schemas/common.ts';
import { actorOf } from '../security/access.ts';

const COORDINATOR = ['coordinator'] as const;

export function waitingListRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/referrals/:id/wait',
      {
        config: { access: COORDINATOR, audit: { entity: 'referral', action: 'update', purpose: 'care_coordination' } },
        schema: {
          tags: ['waiting list'],
          summary: 'Put a triaged referral on the waiting list: it gets an offer as soon as a unit fits its wished dates',
          params: IdParams,
          body: z.strictObject({}).optional(),
          response: { 200: z.object({ id: Uuid, status: z.string() }), 400: Problem, 404: Problem, 409: Problem },
        },
      },
      async (request) => putOnWaitingList(db, request.params.id),
    );

    app.get(
      '/waiting-list',
      {
        config: { access: COORDINATOR, audit: { entity: 'referral', action: 'read', purpose: 'care_coordination' } },
        schema: {
          tags: ['waiting list'],
          summary: 'Waiting referrals in the order offers are made: urgency, caregiver burden, waiting time',
          response: { 200: z.array(WaitingEntry) },
        },
      },
      async () => waitingList(db),
    );

    app.get(
      '/notifications',
      {
        // A notification names the client to the central point and the referrer: that read is in the client's report.
        config: { access: ROLES, audit: { entity: 'referral', action: 'read', purpose: 'care_coordination' } },
        schema: {
          tags: ['notifications'],
          summary: 'My notifications, newest first (offers, bookings, changes, reminders)',
          response: { 200: z.array(Notification) },
        },
      },
      async (request) => myNotifications(db, actorOf(request)),
    );

    app.post(
      '/notifications/:id/read',
      {
        config: { access: ROLES },
        schema: {
          tags: ['notifications'],
          summary: 'Mark a notification read',
          params: IdParams,
          body: z.strictObject({}).optional(),
          response: { 204: z.null(), 404: Problem },
        },
      },
      async (request, reply) => {
        await markRead(db, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
