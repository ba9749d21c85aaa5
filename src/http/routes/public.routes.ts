import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { locationsNear } from '../../services/nearby.service.ts';
import {
  accessPointContact,
  changeByCaregiver,
  checkInByCaregiver,
  checkInPreference,
  publicStatus,
  publicStayCalendar,
  withdrawByCaregiver,
} from '../../services/public-status.service.ts';
import { showsClients } from '../security/audit-hook.ts';
import { publicMonth, publicWeek } from '../../services/public-calendar.service.ts';
import { type AppContext, readerOf } from '../context.ts';
import { IdParams, Problem } from '../schemas/common.ts';
import { CaregiverChangeBody } from '../schemas/referral.schemas.ts';
import { BurdenAnswersBody, BurdenResult, CheckInPreferenceBody } from '../schemas/caregiver-contact.schemas.ts';
import { localeOf } from '../locale.ts';
import {
  AccessPointContact,
  LocationMonth,
  LocationMonthQuery,
  LocationWeek,
  LocationWeekQuery,
  NearbyLocations,
  NearbyQuery,
  PublicStatus,
  StatusStayParams,
  StatusToken,
  WithdrawBody,
} from '../schemas/public.schemas.ts';
import { z } from 'zod';

/** A person clicks through a few weeks; a robot walking every location and week for a year soon meets the limit. */
const CALENDAR_LIMIT = { max: 60, timeWindow: '1 minute' };

/** The status link is 256 bits; the limit keeps a robot from walking the page for nothing all the same. */
const STATUS_LIMIT = { max: 30, timeWindow: '1 minute' };
/** The caregiver's own request: a read or change of that client's referral, in that client's access report. */
const CAREGIVER_READ = { entity: 'referral', action: 'read', purpose: 'care_coordination' } as const;

export function publicRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db, mailer, auth } = context;
  const notices = { mailer, publicUrl: auth.publicUrl };
  // The calendar and the search near a postcode may be a moment behind: they may come from the read replica.
  const read = readerOf(context);
  return async (app) => {
    app.get(
      '/locations/:id/week',
      {
        config: { access: 'public', rateLimit: CALENDAR_LIMIT },
        schema: {
          tags: ['public'],
          summary: 'The public week calendar of a location: per night and stay type free, limited or full',
          description:
            'free: two or more places free, or the only place of the location; limited: the last free place; ' +
            'full: no place free (taken, held, closed or not in use). Counts, units and stays are never shown.',
          params: IdParams,
          querystring: LocationWeekQuery,
          response: { 200: LocationWeek, 400: Problem, 404: Problem, 429: Problem },
        },
      },
      async (request) => publicWeek(await read(request), request.params.id, request.query.from),
    );

    app.get(
      '/locations/:id/month',
      {
        config: { access: 'public', rateLimit: CALENDAR_LIMIT },
        schema: {
          tags: ['public'],
          summary: 'The public month calendar of a location, from today on: per night and stay type free, limited or full',
          params: IdParams,
          querystring: LocationMonthQuery,
          response: { 200: LocationMonth, 400: Problem, 404: Problem, 429: Problem },
        },
      },
      async (request) => publicMonth(await read(request), request.params.id, request.query.month),
    );

    app.get(
      '/public/locations',
      {
        config: { access: 'public', rateLimit: CALENDAR_LIMIT },
        schema: {
          tags: ['public'],
          summary: 'Places to stay near a home postcode, nearest first: what each offers, what a night costs, and room in the coming weeks',
          description: 'For caregivers: no account needed. Room is given per week as free, limited or full only.',
          querystring: NearbyQuery,
          response: { 200: NearbyLocations, 400: Problem, 429: Problem },
        },
      },
      async (request) => locationsNear(await read(request), request.query),
    );

    app.get(
      '/public/access-point',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public'],
          summary: 'How to reach the central access point: phone, e-mail and when it answers',
          response: { 200: AccessPointContact },
        },
      },
      async () => accessPointContact(db),
    );

    app.get(
      '/public/status/:token',
      {
        config: { access: 'public', rateLimit: STATUS_LIMIT, audit: CAREGIVER_READ },
        schema: {
          tags: ['public'],
          summary: 'A public request as its caregiver follows it, by the secret link from the receipt',
          params: StatusToken,
          response: { 200: PublicStatus, 400: Problem, 404: Problem, 429: Problem },
        },
      },
      async (request) => {
        const { clientId, view } = await publicStatus(db, request.params.token);
        showsClients(request, [clientId]);
        return view;
      },
    );

    app.get(
      '/public/status/:token/stays/:stayId/calendar.ics',
      {
        config: { access: 'public', rateLimit: STATUS_LIMIT, audit: { ...CAREGIVER_READ, action: 'export' } },
        schema: {
          tags: ['public'],
          summary: 'A place booked for the request as an iCalendar file for the caregiver',
          params: StatusStayParams,
          produces: ['text/calendar'],
          response: { 200: z.string(), 400: Problem, 404: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        const { clientId, text } = await publicStayCalendar(db, request.params.token, request.params.stayId);
        showsClients(request, [clientId]);
        return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="verblijf.ics"').send(text);
      },
    );

    app.post(
      '/public/status/:token/withdraw',
      {
        config: { access: 'public', rateLimit: STATUS_LIMIT, audit: { ...CAREGIVER_READ, action: 'update' } },
        schema: {
          tags: ['public'],
          summary: 'The caregiver withdraws the request before a place is held or booked',
          params: StatusToken,
          body: WithdrawBody,
          response: { 204: z.null(), 400: Problem, 404: Problem, 409: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        showsClients(request, [await withdrawByCaregiver(db, request.params.token, request.body.reason, notices)]);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/public/status/:token/check-in',
      {
        config: { access: 'public', rateLimit: STATUS_LIMIT, audit: { ...CAREGIVER_READ, action: 'create' } },
        schema: {
          tags: ['public'],
          summary:
            '"How are you doing?": the caregiver answers the nine-statement burden screening; advice back, the score to the contact person',
          params: StatusToken,
          body: BurdenAnswersBody,
          response: { 201: BurdenResult, 400: Problem, 404: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        const { clientId, result } = await checkInByCaregiver(
          db,
          request.params.token,
          request.body.answers,
          localeOf(request.headers['accept-language']),
        );
        showsClients(request, [clientId]);
        return reply.status(201).send(result);
      },
    );

    app.put(
      '/public/status/:token/check-in-preference',
      {
        config: { access: 'public', rateLimit: STATUS_LIMIT, audit: { ...CAREGIVER_READ, action: 'update' } },
        schema: {
          tags: ['public'],
          summary: 'The caregiver says no to the yearly check-in (optedOut true), or yes again',
          params: StatusToken,
          body: CheckInPreferenceBody,
          response: { 204: z.null(), 400: Problem, 404: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        showsClients(request, [await checkInPreference(db, request.params.token, request.body.optedOut)]);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/public/status/:token/change',
      {
        config: { access: 'public', rateLimit: STATUS_LIMIT, audit: { ...CAREGIVER_READ, action: 'update' } },
        schema: {
          tags: ['public'],
          summary: 'The caregiver changes the wished dates or the note before a place is held or booked; mailed back',
          params: StatusToken,
          body: CaregiverChangeBody,
          response: { 204: z.null(), 400: Problem, 404: Problem, 409: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        showsClients(request, [await changeByCaregiver(db, request.params.token, request.body, notices)]);
        return reply.status(204).send(null);
      },
    );
  };
}
