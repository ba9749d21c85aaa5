import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerPlacement,
  closeLocationUnits,
  closureCheck,
  extendNotAdmitting,
  providerMovements,
  providerOverview,
  providerPlacements,
  reopenClosures,
  stayHandover,
} from '../../services/provider.service.ts';
import { scopeOf } from '../../services/scope.ts';
import type { AppContext } from '../context.ts';
import { IdParams, Problem } from '../schemas/common.ts';
import { Stay } from '../schemas/stay.schemas.ts';
import {
  ExtendNotAdmittingBody,
  ExtendedNotAdmitting,
  LocationClosureBody,
  LocationClosures,
  NotAdmittingBody,
  MovementsQuery,
  OverviewQuery,
  ProviderMovements,
  ProviderOverview,
  ProviderPlacements,
  ClosureCheck,
  DeclinePlacementBody,
  ReopenBody,
  StayHandover,
} from '../schemas/provider.schemas.ts';
import { actorOf } from '../security/access.ts';
import type { AuditRule } from '../security/audit-hook.ts';
import { appClock } from '../../clock.ts';

/** A provider's planner works at its own locations; the central point may look over its shoulder and help. */
const PROVIDER_DESK = ['coordinator', 'provider_planner'] as const;
/** Receiving a guest is care delivery, not coordination: the audit log says why the name was seen. */
const READ_FOR_CARE: AuditRule = { entity: 'stay', action: 'read', purpose: 'care_delivery' };

export function providerRoutes({ db, mailer, auth }: AppContext): FastifyPluginAsyncZod {
  const notices = { mailer, publicUrl: auth.publicUrl };
  return async (app) => {
    app.get(
      '/provider/placements',
      {
        config: { access: PROVIDER_DESK, audit: READ_FOR_CARE },
        schema: {
          tags: ['stays'],
          summary: "Places the central point holds for a referral at the provider's locations, waiting for the provider's answer",
          querystring: OverviewQuery,
          response: { 200: ProviderPlacements, 400: Problem, 404: Problem },
        },
      },
      async (request) => providerPlacements(db, scopeOf(actorOf(request)), { organisationId: request.query.organisationId }),
    );

    app.post(
      '/stays/:id/accept',
      {
        config: { access: PROVIDER_DESK, audit: { entity: 'stay', action: 'update', purpose: 'care_coordination' } },
        schema: {
          tags: ['stays'],
          summary: 'The provider accepts a proposed placement: the held place is booked',
          params: IdParams,
          response: { 200: Stay, 400: Problem, 404: Problem, 409: Problem },
        },
      },
      async (request) => answerPlacement(db, scopeOf(actorOf(request)), request.params.id, { accept: true }, notices),
    );

    app.post(
      '/stays/:id/decline',
      {
        config: { access: PROVIDER_DESK, audit: { entity: 'stay', action: 'update', purpose: 'care_coordination' } },
        schema: {
          tags: ['stays'],
          summary: 'The provider declines a proposed placement with a reason: the place is let go and the central point told why',
          params: IdParams,
          body: DeclinePlacementBody,
          response: { 200: Stay, 400: Problem, 404: Problem, 409: Problem },
        },
      },
      async (request) =>
        answerPlacement(db, scopeOf(actorOf(request)), request.params.id, { accept: false, reason: request.body.reason }, notices),
    );

    app.get(
      '/provider/overview',
      {
        config: { access: PROVIDER_DESK },
        schema: {
          tags: ['registry'],
          summary: "The provider's locations with their units, closures still ahead and current tariffs",
          querystring: OverviewQuery,
          response: { 200: ProviderOverview, 400: Problem, 404: Problem },
        },
      },
      async (request) =>
        providerOverview(db, scopeOf(actorOf(request)), { organisationId: request.query.organisationId, today: appClock().today() }),
    );

    app.get(
      '/provider/movements',
      {
        config: { access: PROVIDER_DESK, audit: READ_FOR_CARE },
        schema: {
          tags: ['stays'],
          summary: "A day's arrivals and departures at the provider's locations, with the guest's name",
          querystring: MovementsQuery,
          response: { 200: ProviderMovements, 400: Problem, 404: Problem },
        },
      },
      async (request) =>
        providerMovements(db, scopeOf(actorOf(request)), {
          date: request.query.date ?? appClock().today(),
          organisationId: request.query.organisationId,
        }),
    );

    app.get(
      '/stays/:id/handover',
      {
        config: { access: PROVIDER_DESK, audit: READ_FOR_CARE },
        schema: {
          tags: ['stays'],
          summary: 'What the staff receiving the guest need: the stay, the guest, the caregiver to call and the care needs from triage',
          description:
            "Leaves out what served only the central point's decision: caregiver burden, urgency and financing. " +
            "Care needs and the caregiver's contact are shown while the guest is expected or staying and up to 14 days after departure.",
          params: IdParams,
          response: { 200: StayHandover, 400: Problem, 404: Problem },
        },
      },
      async (request) => stayHandover(db, scopeOf(actorOf(request)), request.params.id, appClock().today()),
    );

    app.post(
      '/locations/:id/closures',
      {
        config: { access: PROVIDER_DESK },
        schema: {
          tags: ['registry'],
          summary: 'Close units of a location for a period in one go: all of them (an admission stop) or the chosen ones',
          params: IdParams,
          body: LocationClosureBody,
          response: { 201: LocationClosures, 400: Problem, 404: Problem },
        },
      },
      async (request, reply) => {
        const { units, startsOn, endsOn, reason, note, moves } = request.body;
        const closed = await closeLocationUnits(
          db,
          scopeOf(actorOf(request)),
          request.params.id,
          { units, startsOn, endsOn, kind: 'closure', reason, note, moves },
          notices,
        );
        return reply.status(201).send(closed);
      },
    );

    app.post(
      '/locations/:id/closures/check',
      {
        config: { access: PROVIDER_DESK, audit: READ_FOR_CARE },
        schema: {
          tags: ['registry'],
          summary: 'Before closing: the guests booked in the period, each with free units of the provider to move to; writes nothing',
          description: 'Guests left booked when the closure is made are reported to the central point at once.',
          params: IdParams,
          body: LocationClosureBody,
          response: { 200: ClosureCheck, 400: Problem, 404: Problem },
        },
      },
      async (request) => closureCheck(db, scopeOf(actorOf(request)), request.params.id, { ...request.body, kind: 'closure' }),
    );

    app.post(
      '/locations/:id/not-admitting',
      {
        config: { access: PROVIDER_DESK },
        schema: {
          tags: ['registry'],
          summary: 'Staffed capacity: from today, units of a location take no new guests for a while (no staff), until an expected end',
          description:
            'Not a closure: the beds are there, the staff is not. Search, the board, matching and the public calendar ' +
            'leave the units out at once. Extend with POST /locations/{id}/not-admitting/extend, end early with POST /locations/{id}/reopen.',
          params: IdParams,
          body: NotAdmittingBody,
          response: { 201: LocationClosures, 400: Problem, 404: Problem },
        },
      },
      async (request, reply) => {
        const { units, reason, expectedEnd, note } = request.body;
        const today = appClock().today();
        const paused = await closeLocationUnits(db, scopeOf(actorOf(request)), request.params.id, {
          units,
          startsOn: today,
          endsOn: expectedEnd,
          kind: 'not_admitting',
          reason,
          note,
        });
        return reply.status(201).send(paused);
      },
    );

    app.post(
      '/locations/:id/not-admitting/extend',
      {
        config: { access: PROVIDER_DESK },
        schema: {
          tags: ['registry'],
          summary: 'A new expected end for units not admitting (a group of the overview)',
          params: IdParams,
          body: ExtendNotAdmittingBody,
          response: { 200: ExtendedNotAdmitting, 400: Problem, 404: Problem },
        },
      },
      async (request) =>
        extendNotAdmitting(
          db,
          scopeOf(actorOf(request)),
          request.params.id,
          request.body.closureIds,
          request.body.expectedEnd,
          appClock().today(),
        ),
    );

    app.post(
      '/locations/:id/reopen',
      {
        config: { access: PROVIDER_DESK },
        schema: {
          tags: ['registry'],
          summary: 'Reopen closures of units of a location together, all or none (e.g. lift an admission stop)',
          params: IdParams,
          body: ReopenBody,
          response: { 204: z.null(), 400: Problem, 404: Problem },
        },
      },
      async (request, reply) => {
        await reopenClosures(db, scopeOf(actorOf(request)), request.params.id, request.body.closureIds, appClock().today());
        return reply.status(204).send(null);
      },
    );
  };
}
