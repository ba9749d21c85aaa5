import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerSurvey, finishTask, openSurvey, openTasks } from '../../services/aftercare.service.ts';
import type { AppContext } from '../context.ts';
import { localeOf } from '../locale.ts';
import { SurveyAnswer, SurveyForm, Task, TokenParams } from '../schemas/aftercare.schemas.ts';
import { IdParams, Problem, Uuid } from '../schemas/common.ts';
import { actorOf } from '../security/access.ts';

const COORDINATOR = ['coordinator'] as const;

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
