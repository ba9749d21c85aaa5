import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { appClock } from '../../clock.ts';
import { SESSION_COOKIE } from '../security/session-cookie.ts';
import { AppError } from '../../errors.ts';
import { type WebManifest, pageHints, withHints } from '../web-page-hints.ts';

/** Where `npm run build:web` puts the web application. */
export const WEB_ROOT = resolve(import.meta.dirname, '../../../web/dist');

/** The web application's hashed assets, cached for a year: a new build has new names. */
export function webAssetRoutes(root: string): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(fastifyStatic, { root, serve: false });
    app.get('/assets/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
      reply.sendFile(`assets/${(request.params as { '*': string })['*']}`, { maxAge: '365d', immutable: true }),
    );
  };
}

/** A page address: anything read outside /api. The browser's router shows the page, so a reload of /aanmeldpunt works. */
export function isPageRequest(request: FastifyRequest): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && request.url !== '/api' && !request.url.startsWith('/api/');
}

/**
 * index.html, never cached: a new build must reach the browser at once. It names what the page will ask for first
 * (web-page-hints.ts), so the browser fetches that beside the script.
 */
export async function sendWebPage(request: FastifyRequest, reply: FastifyReply, root: string): Promise<FastifyReply> {
  const html = await readFile(resolve(root, 'index.html'), 'utf8').catch(() => {
    throw new AppError('web_not_built');
  });
  const manifest = await readFile(resolve(root, '.vite/manifest.json'), 'utf8').then(
    (text) => JSON.parse(text) as WebManifest,
    () => undefined,
  );
  const hints = pageHints(new URL(request.url, 'http://page'), {
    signedIn: Boolean(request.cookies?.[SESSION_COOKIE]),
    today: appClock().today(),
    manifest,
  });
  return reply.status(200).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(withHints(html, hints));
}
