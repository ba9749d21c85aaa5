import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { referralHistory } from '../../services/referral-history.service.ts';
import { changeReferral, closeReferral } from '../../services/referral-change.service.ts';
import { createReferral, getReferral, listReferrals, referralStays, submitPublicRequest } from '../../services/referral.service.ts';
import { scopeOf } from '../../services/scope.ts';
import type { AppContext } from '../context.ts';
import { AcceptedLimit } from '../security/accepted-limit.ts';
import { localeOf } from '../locale.ts';
import { historyText } from '../messages.ts';
import { STAY_STATUSES } from '../../domain/stay-lifecycle.ts';
import { IdParams, IsoDate, Problem, Uuid } from '../schemas/common.ts';
import {
  ChangeReferralBody,
  CloseReferralBody,
  CreateReferralBody,
  PublicRequestBody,
  PublicRequestReceipt,
  Referral,
  ReferralListQuery,
  ReferralSummary,
} from '../schemas/referral.schemas.ts';
import { ReferralHistory } from '../schemas/referral-history.schemas.ts';
import { actorOf } from '../security/access.ts';

const REFERRERS = ['coordinator', 'referrer'] as const;
/**
 * A form anyone can send: five accepted requests an hour from one address is plenty for a person and dull for a
 * robot. Tries the server refuses (a postcode mistyped) do not count against those five, only against a limit on all
 * tries that no person typing reaches.
 */
const ACCEPTED_PER_HOUR = 5;
const TRIES_LIMIT = { max: 30, timeWindow: '1 hour' };

export function referralRoutes({ db, mailer, auth }: AppContext): FastifyPluginAsyncZod {
  const notices = { mailer, publicUrl: auth.publicUrl };
  const accepted = new AcceptedLimit(ACCEPTED_PER_HOUR, 3_600_000);
  return async (app) => {
    app.post(
      '/referrals',
      {
        config: { access: REFERRERS, audit: { entity: 'referral', action: 'create', purpose: 'care_coordination' } },
        schema: {
          tags: ['referrals'],
          summary: 'Refer a client for a temporary stay (aanmelding)',
          description:
            'One request whatever the financing: planned respite (once or recurring), crisis, ELV, Wlz respite, ' +
            'a trial stay, a tour, or a couple who want to stay together. The central point triages it next.',
          body: CreateReferralBody,
          response: { 201: Referral, 400: Problem },
        },
      },
      async (request, reply) => reply.status(201).send(await createReferral(db, actorOf(request), request.body)),
    );

    app.get(
      '/referrals',
      {
        config: { access: REFERRERS, audit: { entity: 'referral', action: 'read', purpose: 'care_coordination' } },
        schema: {
          tags: ['referrals'],
          summary: "Referrals, newest first: all for the central point, a referrer's own organisation's otherwise",
          querystring: ReferralListQuery,
          response: { 200: z.array(ReferralSummary), 400: Problem },
        },
      },
      async (request) => listReferrals(db, scopeOf(actorOf(request)), request.query),
    );

    app.get(
      '/referrals/:id',
      {
        config: { access: REFERRERS, audit: { entity: 'referral', action: 'read', purpose: 'care_coordination' } },
        schema: { tags: ['referrals'], summary: 'One referral', params: IdParams, response: { 200: Referral, 400: Problem, 404: Problem } },
      },
      async (request) => getReferral(db, scopeOf(actorOf(request)), request.params.id),
    );

    app.patch(
      '/referrals/:id',
      {
        config: { access: REFERRERS, audit: { entity: 'referral', action: 'update', purpose: 'care_coordination' } },
        schema: {
          tags: ['referrals'],
          summary: 'Change a referral before it has a place: dates or expected length, kind, wishes, urgency, call-back number',
          description:
            'The central point, or the organisation that sent it. A field left out stays; null clears it. ' +
            'Once a place is held or booked, change the stay instead (409 referral_not_changeable).',
          params: IdParams,
          body: ChangeReferralBody,
          response: { 200: Referral, 400: Problem, 404: Problem, 409: Problem },
        },
      },
      async (request) => changeReferral(db, actorOf(request), request.params.id, request.body, notices),
    );

    app.post(
      '/referrals/:id/close',
      {
        config: { access: REFERRERS, audit: { entity: 'referral', action: 'update', purpose: 'care_coordination' } },
        schema: {
          tags: ['referrals'],
          summary: 'Withdraw a referral (its held and booked stays are cancelled) or close it, with a reason',
          description:
            'A referrer may withdraw its own referral before placement; closing, and withdrawing a placed ' +
            'referral, is for the central point. A guest who is staying keeps the referral open until departure.',
          params: IdParams,
          body: CloseReferralBody,
          response: { 200: Referral, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
        },
      },
      async (request) => closeReferral(db, actorOf(request), request.params.id, request.body, notices),
    );

    app.get(
      '/referrals/:id/stays',
      {
        config: { access: REFERRERS, audit: { entity: 'referral', action: 'read', purpose: 'care_coordination' } },
        schema: {
          tags: ['referrals'],
          summary: "The referral's stays with their place and status, earliest first",
          params: IdParams,
          response: {
            200: z.array(
              z.object({
                id: Uuid,
                status: z.enum(STAY_STATUSES),
                stayType: z.string(),
                arrival: IsoDate,
                departure: IsoDate,
                holdExpiresAt: z.string().nullable(),
                openEnded: z.boolean(),
                unitName: z.string(),
                locationName: z.string(),
                featureOverrideReason: z
                  .string()
                  .nullable()
                  .meta({ description: 'Why a coordinator placed the guest on a unit that lacks some of what they need' }),
              }),
            ),
            400: Problem,
            404: Problem,
          },
        },
      },
      async (request) => referralStays(db, scopeOf(actorOf(request)), request.params.id),
    );

    app.get(
      '/referrals/:id/history',
      {
        config: { access: REFERRERS, audit: { entity: 'referral', action: 'read', purpose: 'care_coordination' } },
        schema: {
          tags: ['referrals'],
          summary:
            'What happened to a referral, oldest first: triage, offers, each stay booked, changed, moved or cancelled, arrival, departure, aftercare',
          params: IdParams,
          response: { 200: ReferralHistory, 400: Problem, 404: Problem },
        },
      },
      async (request) => {
        const history = await referralHistory(db, scopeOf(actorOf(request)), request.params.id);
        const locale = localeOf(request.headers['accept-language']);
        return { ...history, events: history.events.map((event) => ({ ...event, text: historyText(event, locale) })) };
      },
    );

    app.post(
      '/public/requests',
      {
        config: {
          access: 'public',
          rateLimit: TRIES_LIMIT,
          audit: { entity: 'referral', action: 'create', purpose: 'care_coordination' },
        },
        schema: {
          tags: ['public'],
          summary: 'A caregiver asks for a stay, a trial stay or a tour; no account needed',
          description: "The request reaches the central point's inbox. The answer gives a reference and says what happens next.",
          body: PublicRequestBody,
          response: { 202: PublicRequestReceipt, 400: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        accepted.check(request.ip);
        const receipt = await submitPublicRequest(db, request.body, localeOf(request.headers['accept-language']), notices);
        accepted.record(request.ip);
        return reply.status(202).send(receipt);
      },
    );
  };
}
