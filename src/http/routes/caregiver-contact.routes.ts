import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  caregiverContact,
  changeCaregiverContact,
  checkInsDue,
  coordinators,
  recordScreening,
} from '../../services/caregiver-contact.service.ts';
import type { AppContext } from '../context.ts';
import { localeOf } from '../locale.ts';
import {
  BurdenAnswersBody,
  BurdenResult,
  CaregiverContact,
  CaregiverContactBody,
  CheckInDue,
} from '../schemas/caregiver-contact.schemas.ts';
import { IdParams, Problem, Uuid } from '../schemas/common.ts';
import { actorOf } from '../security/access.ts';
import { showsClients } from '../security/audit-hook.ts';

const COORDINATOR = ['coordinator'] as const;
const CAREGIVER = { entity: 'caregiver_contact', purpose: 'care_coordination' } as const;

/** The caregiver's fixed contact person at the central point, the yearly check-in and its burden screening. */
export function caregiverContactRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/clients/:id/caregiver-contact',
      {
        config: { access: COORDINATOR, audit: { ...CAREGIVER, action: 'read' } },
        schema: {
          tags: ['caregiver'],
          summary: "The caregiver's contact person, next check-in and burden screenings",
          params: IdParams,
          response: { 200: CaregiverContact, 400: Problem, 404: Problem },
        },
      },
      async (request) => {
        showsClients(request, [request.params.id]);
        return caregiverContact(db, request.params.id);
      },
    );

    app.put(
      '/clients/:id/caregiver-contact',
      {
        config: { access: COORDINATOR, audit: { ...CAREGIVER, action: 'update' } },
        schema: {
          tags: ['caregiver'],
          summary:
            'Name the contact person (a coordinator; the first check-in is then planned a year ahead) or record that the caregiver wants no check-ins',
          params: IdParams,
          body: CaregiverContactBody,
          response: { 200: CaregiverContact, 400: Problem, 404: Problem },
        },
      },
      async (request) => {
        showsClients(request, [request.params.id]);
        return changeCaregiverContact(db, request.params.id, request.body);
      },
    );

    app.post(
      '/clients/:id/check-ins',
      {
        config: { access: COORDINATOR, audit: { ...CAREGIVER, action: 'create' } },
        schema: {
          tags: ['caregiver'],
          summary: 'Record a check-in call: the nine-statement burden screening; the next check-in is a year from today',
          params: IdParams,
          body: BurdenAnswersBody,
          response: { 201: BurdenResult, 400: Problem, 404: Problem },
        },
      },
      async (request, reply) => {
        showsClients(request, [request.params.id]);
        const result = await recordScreening(
          db,
          request.params.id,
          request.body.answers,
          { takenBy: 'coordinator', userId: actorOf(request).userId },
          localeOf(request.headers['accept-language']),
        );
        return reply.status(201).send(result);
      },
    );

    app.get(
      '/check-ins',
      {
        config: { access: COORDINATOR, audit: { ...CAREGIVER, action: 'read' } },
        schema: {
          tags: ['caregiver'],
          summary: 'Check-in calls due today or earlier, earliest first; caregivers who said no are left out',
          response: { 200: z.array(CheckInDue) },
        },
      },
      async (request) => {
        const due = await checkInsDue(db);
        showsClients(
          request,
          due.map((entry) => entry.clientId),
        );
        return due;
      },
    );

    app.get(
      '/coordinators',
      {
        config: { access: COORDINATOR },
        schema: {
          tags: ['caregiver'],
          summary: 'Who at the central point can be a contact person',
          response: { 200: z.array(z.object({ id: Uuid, name: z.string() })) },
        },
      },
      async () => coordinators(db),
    );
  };
}
