import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bookSeries, previewSeries } from '../../services/series.service.ts';
import type { AppContext } from '../context.ts';
import { Problem } from '../schemas/common.ts';
import { OccurrenceReport, SeriesBody, SeriesBooked, SeriesPreview } from '../schemas/series.schemas.ts';

const SeriesConflict = Problem.extend({ occurrences: OccurrenceReport.array() }).meta({ id: 'SeriesConflictProblem' });

const COORDINATOR = ['coordinator'] as const;

export function seriesRoutes({ db, booking, availability, mailer, auth }: AppContext): FastifyPluginAsyncZod {
  const settings = { ...booking, availability, notices: { mailer, publicUrl: auth.publicUrl } };
  return async (app) => {
    app.post(
      '/series/preview',
      {
        config: { access: COORDINATOR },
        schema: {
          tags: ['series'],
          summary: 'Check every stay of a recurring series, with alternatives for those that do not fit; books nothing',
          body: SeriesBody,
          response: { 200: SeriesPreview, 400: Problem, 404: Problem, 422: Problem },
        },
      },
      async (request) => ({ occurrences: await previewSeries(db, request.body, availability) }),
    );

    app.post(
      '/series',
      {
        config: {
          access: COORDINATOR,
          audit: {
            entity: 'series',
            action: 'create',
            purpose: 'care_coordination',
            // No body when the request was refused before it was read (no session, wrong role, CSRF), or a JSON null.
            clientId: (request) => (request.body as { clientId?: string } | null | undefined)?.clientId,
          },
        },
        schema: {
          tags: ['series'],
          summary: 'Book every stay of a recurring series in one transaction, or none',
          description:
            'When a stay does not fit, the answer is 409 with a report per date and alternatives; nothing is ' +
            'booked. Send the series again with overrides (skip, another unit or another arrival) for those dates.',
          body: SeriesBody,
          response: { 201: SeriesBooked, 400: Problem, 404: Problem, 409: SeriesConflict, 422: Problem },
        },
      },
      async (request, reply) => reply.status(201).send(await bookSeries(db, request.body, settings)),
    );
  };
}
