import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { proposeUnits } from '../../services/matching.service.ts';
import { bookForReferral } from '../../services/referral-booking.service.ts';
import type { AppContext } from '../context.ts';
import { localeOf } from '../locale.ts';
import { ProposalQuery, Proposals } from '../schemas/matching.schemas.ts';
import { IdParams, Problem } from '../schemas/common.ts';
import { ReferralStayBody, Stay } from '../schemas/stay.schemas.ts';
import { actorOf } from '../security/access.ts';

export function matchingRoutes({ db, booking, availability, mailer, auth }: AppContext): FastifyPluginAsyncZod {
  const settings = { ...booking, availability, notices: { mailer, publicUrl: auth.publicUrl } };
  return async (app) => {
    app.post(
      '/referrals/:id/stays',
      {
        config: { access: ['coordinator'], audit: { entity: 'stay', action: 'create', purpose: 'care_coordination' } },
        schema: {
          tags: ['matching'],
          summary: 'Hold or book a unit for a triaged referral; the referral becomes proposed (hold) or booked',
          params: IdParams,
          body: ReferralStayBody,
          response: { 201: Stay, 400: Problem, 404: Problem, 409: Problem, 422: Problem },
        },
      },
      async (request, reply) => {
        const { featureOverride, ...stay } = request.body;
        const override = featureOverride ? { reason: featureOverride.reason, by: actorOf(request).userId } : undefined;
        return reply
          .status(201)
          .send(await bookForReferral(db, request.params.id, { ...stay, ...(override ? { featureOverride: override } : {}) }, settings));
      },
    );

    app.get(
      '/referrals/:id/proposals',
      {
        config: { access: ['coordinator'], audit: { entity: 'referral', action: 'read', purpose: 'care_coordination' } },
        schema: {
          tags: ['matching'],
          summary: 'Free units that fit a triaged referral, nearest to home first, each with its reasons',
          description:
            "Dates default to the referral's wished dates. When nothing fits in the home region, units in " +
            'neighbour regions are proposed and marked outsideRegion.',
          params: IdParams,
          querystring: ProposalQuery,
          response: { 200: Proposals, 400: Problem, 404: Problem, 409: Problem },
        },
      },
      async (request) =>
        proposeUnits(
          db,
          request.params.id,
          { from: request.query.arrival, to: request.query.departure },
          localeOf(request.headers['accept-language']),
        ),
    );
  };
}
