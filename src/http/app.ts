import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  type ZodTypeProvider,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { AppContext } from './context.ts';
import { sendProblem } from './problem.ts';
import { availabilityRoutes } from './routes/availability.routes.ts';
import { clientRoutes } from './routes/client.routes.ts';
import { homeRoutes } from './routes/home.routes.ts';
import { registryRoutes } from './routes/registry.routes.ts';
import { seriesRoutes } from './routes/series.routes.ts';
import { stayRoutes } from './routes/stay.routes.ts';

export interface AppOptions {
  logger?: boolean;
}

const BODY_LIMIT_BYTES = 64 * 1024;

export async function buildApp(context: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT_BYTES }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));
  app.setNotFoundHandler((request, reply) => sendProblem({ statusCode: 404 }, request, reply));
  const readModel = context.availability;
  if (readModel) {
    // Read your writes: a successful change is in the read model before its response leaves.
    app.addHook('onSend', async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 300) await readModel.sync();
    });
  }

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Adempauze API',
        version: '0.1.0',
        description:
          'One integrated access point for temporary stays of frail elderly people: bed registry, availability and '
          + 'collision-free booking. Errors are RFC 9457 problem documents; send Accept-Language: en for English.',
      },
      tags: [
        { name: 'registry', description: 'Regions, locations, units and closures' },
        { name: 'availability', description: 'Free units and the occupancy grid' },
        { name: 'stays', description: 'Holds, bookings and their lifecycle' },
        { name: 'series', description: 'Recurring stays (RFC 5545 RRULE)' },
        { name: 'clients', description: 'People to book for' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  await app.register(homeRoutes(context));
  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      api.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
      await api.register(registryRoutes(context));
      await api.register(availabilityRoutes(context));
      await api.register(stayRoutes(context));
      await api.register(seriesRoutes(context));
      await api.register(clientRoutes(context));
    },
    { prefix: '/api' },
  );
  return app;
}
