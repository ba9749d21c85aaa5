import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentQuestionnaire, getTriage, overrideTriage, triageReferral } from '../../services/triage.service.ts';
import type { AppContext } from '../context.ts';
import { localeOf } from '../locale.ts';
import { IdParams, Problem } from '../schemas/common.ts';
import { OverrideBody, QuestionnaireResource, TriageBody, TriageView } from '../schemas/triage.schemas.ts';
import type { AuditRule } from '../security/audit-hook.ts';
import { actorOf } from '../security/access.ts';

const TRIAGISTS = ['coordinator'] as const;
// The record is the referral (the path's id); the database names the triage rows themselves when they are written.
const audit = (action: AuditRule['action']): AuditRule => ({ entity: 'referral', action, purpose: 'care_coordination' });

export function triageRoutes({ db }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/triage/questionnaire',
      {
        config: { access: ['coordinator', 'referrer'] },
        schema: {
          tags: ['triage'],
          summary: 'The current triage questionnaire (FHIR R4 Questionnaire), to render the form from',
          response: { 200: QuestionnaireResource },
        },
      },
      async () => ({ ...currentQuestionnaire() }),
    );

    app.post(
      '/referrals/:id/triage',
      {
        config: { access: TRIAGISTS, audit: audit('create') },
        schema: {
          tags: ['triage'],
          summary: 'Triage a referral: the answers give suitable stay types, urgency, required features, financing and the reasons',
          params: IdParams,
          body: TriageBody,
          response: { 201: TriageView, 400: Problem, 404: Problem },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await triageReferral(
              db,
              actorOf(request),
              request.params.id,
              request.body.answers,
              localeOf(request.headers['accept-language']),
            ),
          ),
    );

    app.get(
      '/referrals/:id/triage',
      {
        config: { access: TRIAGISTS, audit: audit('read') },
        schema: {
          tags: ['triage'],
          summary: 'The latest triage of a referral, with overrides',
          params: IdParams,
          response: { 200: TriageView, 400: Problem, 404: Problem },
        },
      },
      async (request) => getTriage(db, request.params.id, localeOf(request.headers['accept-language'])),
    );

    app.post(
      '/referrals/:id/triage/overrides',
      {
        config: { access: TRIAGISTS, audit: audit('update') },
        schema: {
          tags: ['triage'],
          summary: "Override one conclusion of the triage, with a reason; the rules' own outcome stays in the history",
          params: IdParams,
          body: OverrideBody,
          response: { 200: TriageView, 400: Problem, 404: Problem },
        },
      },
      async (request) =>
        overrideTriage(db, actorOf(request), request.params.id, request.body, localeOf(request.headers['accept-language'])),
    );
  };
}
