import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerSurvey, finishTask, openSurvey, openTasks } from '../../services/aftercare.service.ts';
import type { AppContext } from '../context.ts';
import { localeOf } from '../locale.ts';
import { IdParams, IsoDate, Problem, Uuid } from '../schemas/common.ts';
import { actorOf } from '../security/access.ts';

const COORDINATOR = ['coordinator'] as const;
const TokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

const Task = z
  .object({
    id: Uuid,
    kind: z.string(),
    status: z.enum(['open', 'done']),
    dueOn: IsoDate,
    note: z.string().nullable(),
    referralId: Uuid,
    reference: z.string(),
    clientId: Uuid,
    clientName: z.string(),
    caregiver: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }),
  })
  .meta({ id: 'Task' });

const SurveyForm = z
  .object({
    respondent: z.enum(['caregiver', 'guest']),
    location: z.string(),
    arrival: IsoDate,
    departure: IsoDate,
    questions: z.array(z.object({ id: z.string(), text: z.string() })),
  })
  .meta({ id: 'SurveyForm' });

const SurveyAnswer = z.strictObject({
  scores: z.record(z.string().max(40), z.number()).meta({ description: 'Question id → 1 to 5' }),
  comment: z.string().max(2000).optional(),
});

export function aftercareRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/tasks',
      {
        config: { access: COORDINATOR, audit: { entity: 'task', action: 'read', purpose: 'care_coordination' } },
        schema: {
          tags: ['aftercare'],
          summary: 'Tasks of the central point, earliest due first (after a stay: call the caregiver)',
          querystring: z.strictObject({
            status: z.enum(['open', 'done']).default('open'),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: { 200: z.array(Task), 400: Problem },
        },
      },
      async (request) => openTasks(db, request.query.status, request.query.limit),
    );

    app.post(
      '/tasks/:id/done',
      {
        config: { access: COORDINATOR, audit: { entity: 'task', action: 'update', purpose: 'care_coordination' } },
        schema: {
          tags: ['aftercare'],
          summary: 'Mark a task done, with a note; the referral is then closed',
          params: IdParams,
          body: z.strictObject({ note: z.string().trim().max(2000).optional() }),
          response: {
            200: z.object({ id: Uuid, status: z.string(), referralId: Uuid, clientId: Uuid, doneAt: z.string() }),
            400: Problem,
            404: Problem,
            409: Problem,
          },
        },
      },
      async (request) => finishTask(db, actorOf(request), request.params.id, request.body.note ?? null),
    );

    app.get(
      '/public/surveys/:token',
      {
        config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['public'],
          summary: 'The satisfaction survey behind a one-time link: its questions and which stay it is about',
          params: TokenParams,
          response: { 200: SurveyForm, 400: Problem, 410: Problem },
        },
      },
      async (request) => openSurvey(db, request.params.token, localeOf(request.headers['accept-language'])),
    );

    app.post(
      '/public/surveys/:token',
      {
        config: {
          access: 'public',
          rateLimit: { max: 30, timeWindow: '1 minute' },
          audit: { entity: 'survey', action: 'update', purpose: 'care_coordination' },
        },
        schema: {
          tags: ['public'],
          summary: 'Answer the survey (1–5 per question, and free text); the link works once',
          params: TokenParams,
          body: SurveyAnswer,
          response: { 204: z.null(), 400: Problem, 410: Problem },
        },
      },
      async (request, reply) => {
        await answerSurvey(db, request.params.token, request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
