import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STAY_TYPE_LABELS } from '../../domain/stay-types.ts';
import { addDays, todayIso } from '../../domain/dates.ts';
import { listRegions } from '../../services/registry.service.ts';
import type { AppContext } from '../context.ts';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A plain start page until the web application arrives: what runs here and where to ask it questions. */
export function homeRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
      const arrival = addDays(todayIso(), 14);
      const departure = addDays(arrival, 4);
      const regions = (await listRegions(db))
        .map((region) => {
          const query = `regionId=${region.id}&arrival=${arrival}&departure=${departure}&stayType=respite`;
          return `<li>${escape(region.name)}: ${region.unitCount} plekken — <a href="/api/availability/search?${query}">vrije plekken voor ${STAY_TYPE_LABELS.respite.nl.toLowerCase()} van ${arrival} tot ${departure}</a></li>`;
        })
        .join('\n');
      return reply.type('text/html; charset=utf-8').send(`<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Adempauze</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Adempauze</h1>
<p>Eén plek voor alle tijdelijke verblijven van ouderen: logeerzorg, crisisopname en eerstelijnsverblijf.</p>
<h2>Regio's</h2>
<ul>
${regions}
</ul>
<p>De koppeling (API) staat beschreven in <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body></html>`);
    });
  };
}
