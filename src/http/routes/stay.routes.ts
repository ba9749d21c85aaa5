import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeStayDates, createStay, getStayDetail, moveOptions, moveStay } from '../../services/booking.service.ts';
import { recordStayAction } from '../../services/stay-actions.service.ts';
import { stayCalendarFor } from '../../services/calendar.service.ts';
import { scopeOf } from '../../services/scope.ts';
import type { AppContext } from '../context.ts';
import { showsClients } from '../security/audit-hook.ts';
import type { AuditRule } from '../security/audit-hook.ts';
import { actorOf } from '../security/access.ts';
import { Alternatives } from '../schemas/availability.schemas.ts';
import { IdParams, Problem } from '../schemas/common.ts';
import { CancelStayBody, ChangeDatesBody, CreateStayBody, MoveStayBody, Stay, StayDetail } from '../schemas/stay.schemas.ts';

const Conflict = Problem.extend({ alternatives: Alternatives.optional() }).meta({ id: 'ConflictProblem' });
const EmptyBody = z.strictObject({}).optional();

const COORDINATOR = ['coordinator'] as const;
/** A provider's planner records arrivals, departures, no-shows and cancellations at its own locations. */
const ON_SITE = ['coordinator', 'provider_planner'] as const;
const audit = (action: AuditRule['action']): AuditRule => ({ entity: 'stay', action, purpose: 'care_coordination' });

export function stayRoutes({ db, booking, availability, mailer, auth }: AppContext): FastifyPluginAsyncZod {
  const notices = { mailer, publicUrl: auth.publicUrl };
  const settings = { ...booking, availability, notices };
  return async (app) => {
    app.post(
      '/stays',
      {
        config: { access: COORDINATOR, audit: audit('create') },
        schema: {
          tags: ['stays'],
          summary: 'Hold or book a unit for a stay',
          description:
            'A hold keeps the unit for holdMinutes (default from the server) until confirmed. ' +
            'A unit never holds two overlapping stays; a conflict answers 409 with the nearest alternatives.',
          body: CreateStayBody,
          response: { 201: Stay, 400: Problem, 404: Problem, 409: Conflict, 422: Problem },
        },
      },
      async (request, reply) => {
        const inReadModel = () => {
          request.readModelInStep = true;
        };
        return reply.status(201).send(await createStay(db, request.body, { ...settings, inReadModel }));
      },
    );

    app.get(
      '/stays/:id',
      {
        config: { access: ON_SITE, audit: audit('read') },
        schema: {
          tags: ['stays'],
          summary: 'One stay, with the guest and the place',
          params: IdParams,
          response: { 200: StayDetail, 400: Problem, 404: Problem },
        },
      },
      async (request) => getStayDetail(db, scopeOf(actorOf(request)), request.params.id),
    );

    // The referrer gets this file by mail with each booking, so it may fetch it for the stays it referred.
    app.get(
      '/stays/:id/calendar.ics',
      {
        config: { access: [...ON_SITE, 'referrer'], audit: audit('export') },
        schema: {
          tags: ['stays'],
          summary: 'The stay as an iCalendar file (.ics) for a calendar app; names the place, not the guest',
          params: IdParams,
          produces: ['text/calendar'],
          response: { 200: z.string(), 400: Problem, 404: Problem },
        },
      },
      async (request, reply) => {
        const { clientId, text } = await stayCalendarFor(db, actorOf(request), request.params.id);
        // The file names the place, not the guest; it is still a look at this client's stay.
        showsClients(request, [clientId]);
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="verblijf-${request.params.id.slice(0, 8)}.ics"`)
          .send(text);
      },
    );

    const transitions = [
      ['confirm', 'Confirm a hold', COORDINATOR],
      ['arrive', 'Record that the guest has arrived', ON_SITE],
      ['depart', 'Record that the guest has left', ON_SITE],
      ['no_show', 'Record that the guest did not come', ON_SITE],
    ] as const;
    for (const [action, summary, access] of transitions) {
      app.post(
        `/stays/:id/${action.replace('_', '-')}`,
        {
          config: { access, audit: audit('update') },
          schema: {
            tags: ['stays'],
            summary,
            params: IdParams,
            body: EmptyBody,
            response: { 200: Stay, 400: Problem, 404: Problem, 409: Problem },
          },
        },
        async (request) => recordStayAction(db, scopeOf(actorOf(request)), request.params.id, action, settings),
      );
    }

    app.post(
      '/stays/:id/cancel',
      {
        config: { access: ON_SITE, audit: audit('update') },
        schema: {
          tags: ['stays'],
          summary: 'Cancel a hold or a booked stay, with a reason',
          params: IdParams,
          body: CancelStayBody,
          response: { 200: Stay, 400: Problem, 404: Problem, 409: Problem },
        },
      },
      async (request) =>
        recordStayAction(db, scopeOf(actorOf(request)), request.params.id, 'cancel', settings, { reason: request.body.reason }),
    );

    app.patch(
      '/stays/:id/dates',
      {
        config: { access: COORDINATOR, audit: audit('update') },
        schema: {
          tags: ['stays'],
          summary: 'Shorten, extend or shift a stay on the same unit',
          params: IdParams,
          body: ChangeDatesBody,
          response: { 200: Stay, 400: Problem, 404: Problem, 409: Conflict, 422: Problem },
        },
      },
      async (request) => changeStayDates(db, request.params.id, request.body, { availability, notices }),
    );

    app.get(
      '/stays/:id/move-options',
      {
        config: { access: COORDINATOR, audit: audit('read') },
        schema: {
          tags: ['stays'],
          summary: 'The free units a stay could move to for the same dates, nearest first',
          params: IdParams,
          response: { 200: Alternatives.shape.otherUnits, 400: Problem, 404: Problem },
        },
      },
      async (request) => moveOptions(db, request.params.id, { availability }),
    );

    app.post(
      '/stays/:id/move',
      {
        config: { access: COORDINATOR, audit: audit('update') },
        schema: {
          tags: ['stays'],
          summary: 'Move a planned stay to another unit for the same dates',
          params: IdParams,
          body: MoveStayBody,
          response: { 200: Stay, 400: Problem, 404: Problem, 409: Conflict, 422: Problem },
        },
      },
      async (request) => moveStay(db, request.params.id, request.body.unitId, { availability, notices }),
    );
  };
}
