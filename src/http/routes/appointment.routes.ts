import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appointmentsOfReferral, appointmentsOnDay, cancelAppointment, planAppointment } from '../../services/appointment.service.ts';
import { scopeOf } from '../../services/scope.ts';
import type { AppContext } from '../context.ts';
import { Appointment, DayAppointments, NewAppointmentBody } from '../schemas/appointment.schemas.ts';
import { IdParams, IsoDate, Problem } from '../schemas/common.ts';
import { actorOf } from '../security/access.ts';
import { appClock } from '../../clock.ts';

/** Tours and trial stays: appointments at a location, planned by the central point, seen by the provider. */
export function appointmentRoutes({ db, mailer, auth }: AppContext): FastifyPluginAsyncZod {
  const notices = { mailer, publicUrl: auth.publicUrl };
  return async (app) => {
    app.post(
      '/referrals/:id/appointments',
      {
        config: { access: ['coordinator'], audit: { entity: 'referral', action: 'update', purpose: 'care_coordination' } },
        schema: {
          tags: ['referrals'],
          summary: 'Plan a tour (rondleiding) or trial stay (proeflogeren) at a location for such a request: no bed, no triage',
          params: IdParams,
          body: NewAppointmentBody,
          response: { 201: Appointment, 400: Problem, 404: Problem, 409: Problem },
        },
      },
      async (request, reply) => reply.status(201).send(await planAppointment(db, request.params.id, request.body, notices)),
    );

    app.get(
      '/referrals/:id/appointments',
      {
        config: { access: ['coordinator', 'referrer'], audit: { entity: 'referral', action: 'read', purpose: 'care_coordination' } },
        schema: {
          tags: ['referrals'],
          summary: "A referral's appointments, earliest first",
          params: IdParams,
          response: { 200: z.array(Appointment), 400: Problem, 404: Problem },
        },
      },
      async (request) => appointmentsOfReferral(db, scopeOf(actorOf(request)), request.params.id),
    );

    app.post(
      '/appointments/:id/cancel',
      {
        config: { access: ['coordinator'], audit: { entity: 'referral', action: 'update', purpose: 'care_coordination' } },
        schema: {
          tags: ['referrals'],
          summary: 'Cancel an appointment; the request is open again for another date',
          params: IdParams,
          response: { 204: z.null(), 400: Problem, 404: Problem },
        },
      },
      async (request, reply) => {
        await cancelAppointment(db, request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/provider/appointments',
      {
        config: { access: ['coordinator', 'provider_planner'], audit: { entity: 'referral', action: 'read', purpose: 'care_delivery' } },
        schema: {
          tags: ['stays'],
          summary: "A day's tours and trial stays at the provider's locations, with whom to expect",
          querystring: z.strictObject({ date: IsoDate.optional() }),
          response: { 200: DayAppointments, 400: Problem },
        },
      },
      async (request) => appointmentsOnDay(db, scopeOf(actorOf(request)), request.query.date ?? appClock().today()),
    );
  };
}
