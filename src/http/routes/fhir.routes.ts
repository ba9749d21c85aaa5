import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FHIR_JSON, SYSTEMS } from '../../domain/fhir/systems.ts';
import { operationOutcome } from '../../domain/fhir/outcome.ts';
import type { Role } from '../../domain/roles.ts';
import { AppError, notFound } from '../../errors.ts';
import {
  capacity,
  findSlots,
  healthcareServices,
  locations,
  metadata,
  organisations,
  publicSlots,
  scheduleOf,
  searchset,
  units,
} from '../../services/fhir.service.ts';
import { nightsBetween } from '../../domain/dates.ts';
import { MAX_STAY_NIGHTS } from '../../domain/stay-limits.ts';
import type { AppContext } from '../context.ts';
import { problemOf, zodIssueToFields } from '../problem.ts';
import { CreateReferralBody } from '../schemas/referral.schemas.ts';
import { checkAccess } from '../security/access.ts';
import { showsClients } from '../security/audit-hook.ts';
import { FHIR_PATHS, referralBodyFromServiceRequest } from '../../domain/fhir/referral.ts';
import { proposedTriage } from '../../domain/fhir/questionnaire-response.ts';
import { CURRENT_QUESTIONNAIRE_VERSION, QUESTIONNAIRES } from '../../domain/triage/questionnaire.ts';
import { appointments, receiveServiceRequest, revokeServiceRequest, serviceRequest, task } from '../../services/fhir-referral.service.ts';
import { IsoDate, Uuid } from '../schemas/common.ts';

/** Who sees units with tonight's bed status: the professionals who may see exact availability in the app. */
const PROFESSIONALS: readonly Role[] = ['coordinator', 'referrer', 'provider_planner'];
const MONITORS = ['policy_viewer', 'coordinator', 'administrator'] as const;
/** Routes for system clients only (a person refers through the app). */
const NO_PERSON: readonly Role[] = [];
const REFERRAL_AUDIT = { entity: 'referral', purpose: 'care_coordination' } as const;

const FhirResource = z
  .looseObject({ resourceType: z.string() })
  .meta({ description: 'A FHIR R4 resource (application/fhir+json); see /fhir/R4/metadata' });
const Responses = { 200: FhirResource, 400: FhirResource, 401: FhirResource, 403: FhirResource, 404: FhirResource };
const IdParam = z.strictObject({ id: Uuid });
/** `Organization/{id}` or just the id, as FHIR reference parameters are written. */
const Reference = (type: string) =>
  z
    .string()
    .transform((value) => value.replace(new RegExp(`^${type}/`), ''))
    .pipe(Uuid);
/** `system|code` or just the code. */
const Token = (system: string) =>
  z.string().transform((value) => (value.startsWith(`${system}|`) ? value.slice(system.length + 1) : value.replace(/^\|/, '')));

/** Any error as an OperationOutcome, with the status and words the API's problem documents have. */
function sendOutcome(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, headers, body } = problemOf(error, request);
  return reply.status(status).headers(headers).type(FHIR_JSON).send(operationOutcome(body));
}

/** The public sees free / limited / full; professionals and systems with scope availability see each unit. */
function mayKnowBeds(request: FastifyRequest): boolean {
  if (request.apiClient) return request.apiClient.scopes.includes('availability');
  return request.auth?.stage === 'full' && PROFESSIONALS.includes(request.auth.actor.role);
}

/** A public night window is short: a person looks a few weeks ahead; a robot walking a year meets the limit. */
const PUBLIC_SLOT_NIGHTS = 28;

function requireProfessional(request: FastifyRequest): void {
  if (request.apiClient) {
    if (!mayKnowBeds(request)) throw new AppError('forbidden');
    return;
  }
  checkAccess(PROFESSIONALS, request.auth);
}

/**
 * FHIR R4 at /fhir/R4 (JSON): the directory (Organization, Location and its units, HealthcareService) and the
 * regional capacity feed (MeasureReport). Errors are OperationOutcomes. docs/FHIR.md maps each resource to our model.
 */
export function fhirRoutes({ db, auth, mailer }: AppContext, version: string): FastifyPluginAsyncZod {
  const base = `${auth.publicUrl}/fhir/R4`;
  const notices = { mailer, publicUrl: auth.publicUrl };
  return async (app) => {
    app.setErrorHandler(sendOutcome);
    // A resource type or operation we do not support: an OperationOutcome, never the web app's page.
    app.setNotFoundHandler((request, reply) => sendOutcome({ statusCode: 404 }, request, reply));
    // FHIR clients send application/fhir+json; it is JSON.
    app.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
    app.addHook('onSend', async (_request, reply, payload) => {
      if (String(reply.getHeader('content-type') ?? '').startsWith('application/json')) reply.type(FHIR_JSON);
      return payload;
    });
    const one = <T>(resources: readonly T[], what: Parameters<typeof notFound>[0]): T => {
      if (resources.length === 0) throw notFound(what);
      return resources[0]!;
    };

    app.get(
      '/metadata',
      {
        config: { access: 'public' },
        schema: {
          tags: ['fhir'],
          summary: 'The CapabilityStatement: exactly what this FHIR endpoint supports',
          response: { 200: FhirResource },
        },
      },
      async () => metadata(base, version),
    );

    app.get(
      '/Organization',
      {
        config: { access: 'public' },
        schema: {
          tags: ['fhir'],
          summary: 'Search care providers (AGB identifier, name)',
          querystring: z.object({ identifier: Token(SYSTEMS.agb).optional(), name: z.string().max(100).optional() }),
          response: Responses,
        },
      },
      async (request) => searchset(base, await organisations(db, { agbCode: request.query.identifier, namePrefix: request.query.name })),
    );

    app.get(
      '/Organization/:id',
      {
        config: { access: 'public' },
        schema: { tags: ['fhir'], summary: 'Read a care provider', params: IdParam, response: Responses },
      },
      async (request) => one(await organisations(db, { id: request.params.id }), 'organisation'),
    );

    app.get(
      '/Location',
      {
        config: { access: 'public', apiScope: 'availability' },
        schema: {
          tags: ['fhir'],
          summary: "Search locations; with partof, a location's units and tonight's bed status (signed-in professionals)",
          querystring: z.object({
            partof: Reference('Location').optional(),
            organization: Reference('Organization').optional(),
            'address-postalcode': z.string().max(10).optional(),
          }),
          response: Responses,
        },
      },
      async (request) => {
        if (request.query.partof) {
          requireProfessional(request);
          return searchset(base, await units(db, { locationId: request.query.partof }));
        }
        return searchset(
          base,
          await locations(db, { organisationId: request.query.organization, postcodePrefix: request.query['address-postalcode'] }),
        );
      },
    );

    app.get(
      '/Location/:id',
      {
        config: { access: 'public', apiScope: 'availability' },
        schema: {
          tags: ['fhir'],
          summary: 'Read a location, or (signed-in professionals) a unit with its bed status',
          params: IdParam,
          response: Responses,
        },
      },
      async (request) => {
        const [location] = await locations(db, { id: request.params.id });
        if (location) return location;
        requireProfessional(request);
        return one(await units(db, { id: request.params.id }), 'unit');
      },
    );

    app.get(
      '/HealthcareService',
      {
        config: { access: 'public' },
        schema: {
          tags: ['fhir'],
          summary: 'Search what locations offer (stay type, care feature, provider)',
          querystring: z.object({
            organization: Reference('Organization').optional(),
            'service-type': Token(SYSTEMS.stayType).optional(),
            characteristic: Token(SYSTEMS.careFeature).optional(),
          }),
          response: Responses,
        },
      },
      async (request) =>
        searchset(
          base,
          await healthcareServices(db, {
            organisationId: request.query.organization,
            stayType: request.query['service-type'],
            feature: request.query.characteristic,
          }),
        ),
    );

    app.get(
      '/HealthcareService/:id',
      {
        config: { access: 'public' },
        schema: {
          tags: ['fhir'],
          summary: "Read what a location offers (the service's id is the location's)",
          params: IdParam,
          response: Responses,
        },
      },
      async (request) => one(await healthcareServices(db, { id: request.params.id }), 'location'),
    );

    app.get(
      '/MeasureReport',
      {
        config: { access: MONITORS, apiScope: 'capacity' },
        schema: {
          tags: ['fhir'],
          summary: "A region's beds by stay type on a night (total, staffed, occupied, free), for a capacity monitor",
          querystring: z.object({ subject: Token(SYSTEMS.region), period: IsoDate.optional() }),
          response: Responses,
        },
      },
      async (request) => searchset(base, [await capacity(db, request.query.subject, request.query.period)]),
    );

    app.get(
      '/MeasureReport/:id',
      {
        config: { access: MONITORS, apiScope: 'capacity' },
        schema: {
          tags: ['fhir'],
          summary: 'Read the capacity report of a region and night: id {region}-{YYYY-MM-DD}',
          params: z.strictObject({ id: z.string().regex(/^[a-z0-9-]+-\d{4}-\d{2}-\d{2}$/) }),
          response: Responses,
        },
      },
      async (request) => {
        const night = request.params.id.slice(-10);
        return capacity(db, request.params.id.slice(0, -11), night);
      },
    );

    app.get(
      '/Schedule/:id',
      {
        config: { access: 'public' },
        schema: {
          tags: ['fhir'],
          summary: "A unit's Schedule (the stay types it takes, when it is in use), or a location's public one",
          params: IdParam,
          response: Responses,
        },
      },
      async (request) => {
        const schedule = await scheduleOf(db, request.params.id);
        // A unit's calendar is the professionals' view; a location's is public.
        if (schedule.of === 'unit') requireProfessional(request);
        return schedule.resource;
      },
    );

    app.get(
      '/Slot',
      {
        config: { access: 'public', apiScope: 'availability' },
        schema: {
          tags: ['fhir'],
          summary:
            'Find a place ($find-style): for professionals each unit of a region or location as one Slot over the nights asked, free ones first; ' +
            "for anyone else a location's nights per stay type as free / limited / full",
          description:
            'start: the day of arrival; end: the day of departure (at most 182 nights); region or location; service-type: a stay type; ' +
            'characteristic: a care feature the guest needs. free = every night free; busy = booked or held on a night; busy-unavailable = closed or not in use. ' +
            "Without a professional's session or a key with scope availability: location is required, from today up to a year ahead, at most 28 nights, " +
            'one Slot per stay type and night with the extension public-availability (free, limited, full).',
          querystring: z
            .object({
              region: z.string().max(100).optional(),
              location: Reference('Location').optional(),
              start: IsoDate,
              end: IsoDate,
              'service-type': Token(SYSTEMS.stayType).optional(),
              characteristic: Token(SYSTEMS.careFeature).optional(),
            })
            .refine((query) => query.region || query.location, { params: { code: 'region_or_location' }, path: ['region'] })
            .refine((query) => query.end > query.start && nightsBetween(query.start, query.end) <= MAX_STAY_NIGHTS, {
              params: { code: 'departure_before_arrival' },
              path: ['end'],
            }),
          response: Responses,
        },
      },
      async (request) => {
        const { region, location, start, end } = request.query;
        if (!mayKnowBeds(request)) {
          if (!location) throw new AppError('validation_failed', { fields: [{ field: 'location', code: 'required' }] });
          if (nightsBetween(start, end) > PUBLIC_SLOT_NIGHTS)
            throw new AppError('validation_failed', { fields: [{ field: 'end', code: 'too_many_nights_public' }] });
          return searchset(base, await publicSlots(db, location, start, end, request.query['service-type']));
        }
        return searchset(
          base,
          await findSlots(db, {
            regionId: region,
            locationId: location,
            from: start,
            to: end,
            stayType: request.query['service-type'],
            feature: request.query.characteristic,
          }),
        );
      },
    );

    app.post(
      '/ServiceRequest',
      {
        config: { access: NO_PERSON, apiScope: 'referrals', audit: { ...REFERRAL_AUDIT, action: 'create' } },
        schema: {
          tags: ['fhir'],
          summary:
            'A referral from a system (a hospital transfer desk, a GP system): a ServiceRequest with its Patient contained as subject',
          description:
            'code: a referral kind of https://adempauze.nl/fhir/CodeSystem/referral-kind; category (optional): a referrer kind, hospital_transfer when left out; ' +
            'Patient: name, birthDate, BSN identifier (http://fhir.nl/fhir/NamingSystem/bsn), address.postalCode; occurrencePeriod: the wished days; ' +
            'priority routine / urgent / asap; note: for the central point; a contained QuestionnaireResponse to ' +
            'https://adempauze.nl/fhir/Questionnaire/triage-tijdelijk-verblijf (version 2; GET /api/triage/questionnaire) proposes triage answers, ' +
            'partial answers allowed. The checks are those of POST /api/referrals, named by FHIRPath.',
          body: FhirResource,
          response: { 201: FhirResource, 400: FhirResource, 401: FhirResource, 403: FhirResource },
        },
      },
      async (request, reply) => {
        const client = request.apiClient!;
        const body = request.body as Record<string, unknown>;
        if (body.resourceType !== 'ServiceRequest')
          throw new AppError('validation_failed', { fields: [{ field: 'resourceType', code: 'invalid_value' }] });
        const parsed = CreateReferralBody.safeParse(
          referralBodyFromServiceRequest(body, `${client.name} (verwijzende organisatie, via FHIR)`),
        );
        if (!parsed.success) {
          const fields = parsed.error.issues.flatMap((issue) => zodIssueToFields(issue as Parameters<typeof zodIssueToFields>[0]));
          throw new AppError('validation_failed', {
            fields: fields.map((field) => ({
              ...field,
              field: FHIR_PATHS[field.field] ?? FHIR_PATHS[field.field.split('.')[0]!] ?? field.field,
            })),
          });
        }
        const proposal = proposedTriage(body, QUESTIONNAIRES[CURRENT_QUESTIONNAIRE_VERSION]!);
        if (proposal.issues.length > 0) throw new AppError('validation_failed', { fields: proposal.issues });
        const { clientId, resource } = await receiveServiceRequest(db, client, { ...parsed.data, proposedAnswers: proposal.answers });
        showsClients(request, [clientId]);
        return reply.status(201).header('location', `${base}/ServiceRequest/${resource.id}`).send(resource);
      },
    );

    app.get(
      '/ServiceRequest/:id',
      {
        config: { access: NO_PERSON, apiScope: 'referrals', audit: { ...REFERRAL_AUDIT, action: 'read' } },
        schema: { tags: ['fhir'], summary: "Read a referral the client's organisation sent", params: IdParam, response: Responses },
      },
      async (request) => {
        const { clientId, resource } = await serviceRequest(db, request.apiClient!, request.params.id);
        showsClients(request, [clientId]);
        return resource;
      },
    );

    app.put(
      '/ServiceRequest/:id',
      {
        config: { access: NO_PERSON, apiScope: 'referrals', audit: { ...REFERRAL_AUDIT, action: 'update' } },
        schema: {
          tags: ['fhir'],
          summary:
            'Cancel a referral before it is placed: the ServiceRequest with status revoked (a note says why); other changes go through the access point',
          params: IdParam,
          body: FhirResource,
          response: { 200: FhirResource, 400: FhirResource, 404: FhirResource, 409: FhirResource },
        },
      },
      async (request) => {
        const body = request.body as { status?: unknown; note?: { text?: unknown }[] };
        if (body.status !== 'revoked')
          throw new AppError('validation_failed', { fields: [{ field: 'ServiceRequest.status', code: 'only_revoke' }] });
        const reason =
          typeof body.note?.[0]?.text === 'string' && body.note[0].text.trim()
            ? body.note[0].text.trim().slice(0, 500)
            : 'Ingetrokken door de verwijzer (FHIR)';
        const { clientId, resource } = await revokeServiceRequest(db, request.apiClient!, request.params.id, reason, notices);
        showsClients(request, [clientId]);
        return resource;
      },
    );

    app.get(
      '/Task',
      {
        config: { access: NO_PERSON, apiScope: 'referrals', audit: { ...REFERRAL_AUDIT, action: 'read' } },
        schema: {
          tags: ['fhir'],
          summary: 'Where a sent referral stands: its Task (status, our status as businessStatus, the booked places as output)',
          querystring: z.object({ focus: Reference('ServiceRequest') }),
          response: Responses,
        },
      },
      async (request) => {
        const { clientId, resource } = await task(db, request.apiClient!, request.query.focus);
        showsClients(request, [clientId]);
        return searchset(base, [resource]);
      },
    );

    app.get(
      '/Task/:id',
      {
        config: { access: NO_PERSON, apiScope: 'referrals', audit: { ...REFERRAL_AUDIT, action: 'read' } },
        schema: {
          tags: ['fhir'],
          summary: "Read a referral's Task (its id is the ServiceRequest's)",
          params: IdParam,
          response: Responses,
        },
      },
      async (request) => {
        const { clientId, resource } = await task(db, request.apiClient!, request.params.id);
        showsClients(request, [clientId]);
        return resource;
      },
    );

    app.get(
      '/Appointment',
      {
        config: { access: NO_PERSON, apiScope: 'referrals', audit: { ...REFERRAL_AUDIT, action: 'read' } },
        schema: {
          tags: ['fhir'],
          summary: 'The places held or booked for a sent referral, as Appointments (cancelled ones too)',
          querystring: z.object({ 'based-on': Reference('ServiceRequest') }),
          response: Responses,
        },
      },
      async (request) => {
        const { clientId, resources } = await appointments(db, request.apiClient!, request.query['based-on']);
        showsClients(request, [clientId]);
        return searchset(base, resources);
      },
    );
  };
}
