import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readiness } from '../../services/readiness.service.ts';
import type { AppContext } from '../context.ts';

const TAGS = ['operations'];

const ReadinessSchema = z
  .object({
    ready: z.boolean(),
    checks: z.object({
      database: z.enum(['ok', 'unreachable']),
      migrations: z.enum(['current', 'pending', 'unknown']),
      readModel: z.enum(['loaded', 'loading', 'off']),
    }),
    pendingMigrations: z.array(z.string()),
  })
  .meta({ id: 'Readiness' });

/** For a load balancer and an orchestrator: is the process alive, and may it get traffic? Public, and free of personal data. */
export function healthRoutes({ db, availability }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { access: 'public' },
        schema: {
          tags: TAGS,
          summary: 'Alive: the process answers (it does not ask the database)',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/ready',
      {
        config: { access: 'public' },
        schema: {
          tags: TAGS,
          summary: 'Ready for traffic: the database answers, its migrations are current and the read model is loaded; 503 otherwise',
          response: { 200: ReadinessSchema, 503: ReadinessSchema },
        },
      },
      async (_request, reply) => {
        const state = await readiness(db, availability);
        return reply.status(state.ready ? 200 : 503).send(state);
      },
    );
  };
}
