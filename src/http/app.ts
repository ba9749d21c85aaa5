import type { Writable } from 'node:stream';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  type ZodTypeProvider,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { AppContext } from './context.ts';
import { AppError } from '../errors.ts';
import { sendClientErrorProblem, sendProblem } from './problem.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { policyRoutes } from './routes/policy.routes.ts';
import { capacityRoutes } from './routes/capacity.routes.ts';
import { mkbaRoutes } from './routes/mkba.routes.ts';
import { loggerOptions, requestIdOf } from './logging.ts';
import { readYourWrites } from './read-your-writes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { yearlyCostRoutes } from './routes/yearly-cost.routes.ts';
import { providerRoutes } from './routes/provider.routes.ts';
import { appointmentRoutes } from './routes/appointment.routes.ts';
import { publicRoutes } from './routes/public.routes.ts';
import { supportInfoRoutes } from './routes/support-info.routes.ts';
import { referralRoutes } from './routes/referral.routes.ts';
import { triageRoutes } from './routes/triage.routes.ts';
import { allocationRoutes } from './routes/allocation.routes.ts';
import { matchingRoutes } from './routes/matching.routes.ts';
import { aftercareRoutes } from './routes/aftercare.routes.ts';
import { apiClientRoutes } from './routes/api-client.routes.ts';
import { fhirRoutes } from './routes/fhir.routes.ts';
import { caregiverContactRoutes } from './routes/caregiver-contact.routes.ts';
import { costsRoutes } from './routes/costs.routes.ts';
import { waitingListRoutes } from './routes/waiting-list.routes.ts';
import { accessControl } from './security/access.ts';
import { auditTrail } from './security/audit-hook.ts';
import { availabilityRoutes } from './routes/availability.routes.ts';
import { clientRoutes } from './routes/client.routes.ts';
import { WEB_ROOT, isPageRequest, sendWebPage, webAssetRoutes } from './routes/web.routes.ts';
import { registryRoutes } from './routes/registry.routes.ts';
import { registryAdminRoutes } from './routes/registry-admin.routes.ts';
import { locationPhotoRoutes } from './routes/location-photo.routes.ts';
import { seriesRoutes } from './routes/series.routes.ts';
import { stayRoutes } from './routes/stay.routes.ts';
import { appClock } from '../clock.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The handler put its only change into the read model itself (a booking's hot path): no poll to wait for. */
    readModelInStep?: boolean;
  }
}

/** The app's version, as package.json gives it; the API description and the FHIR CapabilityStatement name it. */
const APP_VERSION = '0.1.0';

export interface AppOptions {
  /** JSON logs (src/http/logging.ts): true for standard output, or a stream (tests). */
  logger?: boolean | Writable;
  /** Requests per minute from one address, over all routes; sign-in routes have their own lower limits. */
  requestsPerMinute?: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy?: boolean;
}

const DEFAULT_REQUESTS_PER_MINUTE = 600;

/**
 * The figures say how busy the service is: with a token only to whoever has it, without one only on the machine
 * itself (a Prometheus beside the app, or through an SSH tunnel). To anyone else the address does not exist.
 */
function metricsAllowed(authorization: string | undefined, remoteAddress: string | undefined, token: string | undefined): boolean {
  if (token) return authorization === `Bearer ${token}`;
  return remoteAddress === '127.0.0.1' || remoteAddress === '::1' || remoteAddress === '::ffff:127.0.0.1';
}

const BODY_LIMIT_BYTES = 64 * 1024;

export async function buildApp(context: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === true ? loggerOptions() : options.logger ? loggerOptions(options.logger) : false,
    genReqId: requestIdOf,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    // A malformed or over-long address is refused by the router before any hook or handler: a problem document too.
    frameworkErrors: (error, request, reply) => sendProblem(error, request, reply),
    // What Node's HTTP parser refuses (over-long address or headers, not HTTP) never reaches Fastify: a problem document too.
    clientErrorHandler: sendClientErrorProblem,
  }).withTypeProvider<ZodTypeProvider>();
  // Only JSON: a cross-site HTML form can post text/plain without a preflight, never application/json.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));
  const webRoot = context.webRoot ?? WEB_ROOT;
  // Addresses outside /api are pages of the web application; an unknown API address is a problem document.
  app.setNotFoundHandler((request, reply) =>
    isPageRequest(request) ? sendWebPage(request, reply, webRoot) : sendProblem({ statusCode: 404 }, request, reply),
  );
  // Stopping (SIGTERM): a request under way is answered, then its connection closes instead of idling for the
  // keep-alive time, so the process can exit as soon as the last answer is out.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // Every answer names the app clock's time: the web application's "today" is the server's, which a demo or a
  // test run may set on another day (read by web/src/api/clock.ts).
  app.addHook('onSend', async (request, reply) => {
    if (closing) reply.header('connection', 'close');
    reply.header('x-adempauze-now', appClock().now().toISOString());
    // The id the log files this request under, for whoever reports a problem with it.
    reply.header('x-request-id', request.id);
    // No API answer is kept by a browser or proxy cache: most carry personal data, and the others are live figures.
    // A route that may be cached (a location's photo) says so itself.
    if ((request.url.startsWith('/api/') || request.url.startsWith('/fhir/')) && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });
  const metrics = context.metrics;
  if (metrics) {
    // Counted by route pattern, so that ids in addresses never become labels.
    app.addHook('onResponse', async (request, reply) => {
      metrics.request(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    });
    app.get('/metrics', { config: { access: 'public', ownAuthorization: true }, schema: { hide: true } }, async (request, reply) => {
      if (!metricsAllowed(request.headers.authorization, request.socket.remoteAddress, context.metricsToken)) {
        return sendProblem({ statusCode: 404 }, request, reply);
      }
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  }
  const readModel = context.availability;
  if (readModel) {
    // Read your writes: a successful change is in the read model before its response leaves.
    app.addHook('onSend', async (request, reply) => {
      // (An async onSend hook must resolve to undefined: a value would replace the answer's body.)
      if (request.readModelInStep) return;
      if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 300) await readModel.sync();
    });
  }

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, {
    max: options.requestsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) => new AppError('rate_limited', { params: { seconds: Math.ceil(context.ttl / 1000) } }),
  });
  await app.register(accessControl(context.db, context.auth));
  await app.register(auditTrail(context.db));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Adempauze API',
        version: APP_VERSION,
        description:
          'One integrated access point for temporary stays of frail elderly people: bed registry, availability and ' +
          'collision-free booking. Errors are RFC 9457 problem documents; send Accept-Language: en for English. ' +
          'Sign in at /api/auth/login; the session is a cookie, and every change needs the X-CSRF-Token header ' +
          'with the token from the sign-in answer or GET /api/auth/session. Each operation lists the roles that may call it.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'adempauze_session', description: 'Set by POST /api/auth/login' },
          systemKey: {
            type: 'http',
            scheme: 'bearer',
            description: "A system client's key (adp_…), made by an administrator at POST /api/admin/api-clients",
          },
        },
      },
      tags: [
        { name: 'registry', description: 'Regions, locations, units and closures' },
        { name: 'availability', description: 'Free units and the occupancy grid' },
        { name: 'stays', description: 'Holds, bookings and their lifecycle' },
        { name: 'series', description: 'Recurring stays (RFC 5545 RRULE)' },
        { name: 'clients', description: 'People to book for' },
        { name: 'auth', description: 'Sign-in with password and second factor, sessions, password reset' },
        { name: 'admin', description: 'Accounts, audit log and access reports (administrators)' },
        { name: 'policy', description: 'Aggregated figures for municipalities and insurers; no personal data' },
        { name: 'referrals', description: 'Requests for a temporary stay from professionals (aanmelding)' },
        { name: 'public', description: 'For caregivers and citizens, without an account' },
        { name: 'waiting list', description: 'Referrals waiting for a unit, and the offers made to them' },
        { name: 'notifications', description: 'In-app messages for the signed-in person' },
        { name: 'financing', description: 'Cost of stays per financier, co-payments and monthly claims' },
        { name: 'aftercare', description: 'After a stay: the call to the caregiver and the satisfaction survey' },
        { name: 'matching', description: 'Proposals of free units for a triaged referral' },
        { name: 'triage', description: "The questionnaire, the rules' advice and the triagist's overrides" },
        {
          name: 'fhir',
          description:
            'FHIR R4 at /fhir/R4 (application/fhir+json): directory and capacity feed; the CapabilityStatement at /fhir/R4/metadata',
        },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  // Reads that may go to a replica; the cookie parser (accessControl) is registered above.
  const routes: AppContext = { ...context, read: readYourWrites(app, context.db, context.replicaDb) };
  await app.register(webAssetRoutes(webRoot));
  await app.register(
    async (api) => {
      api.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
      await api.register(healthRoutes(routes));
      await api.register(registryRoutes(routes));
      await api.register(registryAdminRoutes(routes));
      await api.register(locationPhotoRoutes(routes));
      await api.register(availabilityRoutes(routes));
      await api.register(stayRoutes(routes));
      await api.register(seriesRoutes(routes));
      await api.register(clientRoutes(routes));
      await api.register(authRoutes(routes));
      await api.register(adminRoutes(routes));
      await api.register(policyRoutes(routes));
      await api.register(capacityRoutes(routes));
      await api.register(mkbaRoutes(routes));
      await api.register(yearlyCostRoutes(routes));
      await api.register(referralRoutes(routes));
      await api.register(publicRoutes(routes));
      await api.register(supportInfoRoutes(routes));
      await api.register(triageRoutes(routes));
      await api.register(matchingRoutes(routes));
      await api.register(allocationRoutes(routes));
      await api.register(aftercareRoutes(routes));
      await api.register(caregiverContactRoutes(routes));
      await api.register(apiClientRoutes(routes));
      await api.register(costsRoutes(routes));
      await api.register(waitingListRoutes(routes));
      await api.register(providerRoutes(routes));
      await api.register(appointmentRoutes(routes));
    },
    { prefix: '/api' },
  );
  await app.register(fhirRoutes(context, APP_VERSION), { prefix: '/fhir/R4' });
  return app;
}
