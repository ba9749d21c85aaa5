import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Writable } from 'node:stream';

/**
 * Fastify's logger (pino) as the service's log: one JSON line per event, each request under its own id (the load
 * balancer's X-Request-Id when it sends a sane one), and never personal data: a request is logged by its method and
 * route pattern, not its address or query (names and postcodes travel there), an error by its type, code and
 * message without the values a database error details.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

export function loggerOptions(destination?: Writable) {
  return {
    level: 'info',
    ...(destination ? { stream: destination } : {}),
    serializers: {
      req: (request: { method: string; routeOptions?: { url?: string } }) => ({
        method: request.method,
        route: request.routeOptions?.url ?? 'unmatched',
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: (error: Error & { code?: unknown; statusCode?: unknown }) => ({
        type: error.name,
        code: typeof error.code === 'string' ? error.code : undefined,
        message: error.message,
        stack: error.stack ?? '',
        statusCode: typeof error.statusCode === 'number' ? error.statusCode : undefined,
      }),
    },
  };
}
