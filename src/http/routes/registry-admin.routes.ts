import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appClock } from '../../clock.ts';
import { listMunicipalities } from '../../data/pc4-table.ts';
import { importBeds } from '../../services/bed-import.service.ts';
import { listEntitlements, setEntitlement } from '../../services/entitlement.service.ts';
import * as admin from '../../services/registry-admin.service.ts';
import { retireUnit } from '../../services/unit-retirement.service.ts';
import { scopeOf } from '../../services/scope.ts';
import type { AppContext } from '../context.ts';
import { BedImportBody, BedImportReport, IMPORT_BODY_LIMIT_BYTES } from '../schemas/bed-import.schemas.ts';
import { IdParams, Problem } from '../schemas/common.ts';
import { RegionParams } from '../schemas/registry.schemas.ts';
import {
  CoPaymentRule,
  CreateCoPaymentBody,
  CreateLocationBody,
  Entitlement,
  CreateOrganisationBody,
  CreateRegionBody,
  CreateTariffBody,
  CreateUnitBody,
  LocationAdmin,
  LocationListQuery,
  Municipality,
  MunicipalityParams,
  MunicipalityPostcode,
  OrganisationAdmin,
  RegionAdmin,
  RetireUnitBody,
  TariffAdmin,
  UnitAdmin,
  UpdateLocationBody,
  UpdateOrganisationBody,
  UpdateRegionBody,
  UpdateUnitBody,
} from '../schemas/registry-admin.schemas.ts';
import { actorOf } from '../security/access.ts';
import type { AuditRule } from '../security/audit-hook.ts';

/** The administrator sets up the region; a provider's planner keeps its own locations, units and tariffs current. */
const ADMIN = ['administrator'] as const;
const KEEPERS = ['administrator', 'provider_planner'] as const;
const READERS = ['administrator', 'provider_planner', 'coordinator'] as const;

const CREATE: AuditRule = { entity: 'registry', action: 'create', purpose: 'registry_management' };
const UPDATE: AuditRule = { entity: 'registry', action: 'update', purpose: 'registry_management' };
const TAGS = ['registry administration'];
const CHANGE_ANSWERS = { 400: Problem, 403: Problem, 404: Problem, 409: Problem };

export function registryAdminRoutes({ db, availability, mailer, auth }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/admin/municipalities',
      {
        config: { access: ADMIN },
        schema: { tags: TAGS, summary: 'Every municipality in the shipped postcode table', response: { 200: z.array(Municipality) } },
      },
      async () => [...listMunicipalities()],
    );

    app.get(
      '/admin/municipalities/:name/postcodes',
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'The PC4 areas of a municipality, with the region that serves each now',
          params: MunicipalityParams,
          response: { 200: z.array(MunicipalityPostcode), 404: Problem },
        },
      },
      async (request) => admin.municipalityPostcodes(db, request.params.name),
    );

    app.post(
      '/regions',
      {
        config: { access: ADMIN, audit: CREATE },
        schema: { tags: TAGS, summary: 'Add a region', body: CreateRegionBody, response: { 201: RegionAdmin, ...CHANGE_ANSWERS } },
      },
      async (request, reply) => reply.status(201).send(await admin.createRegion(db, request.body)),
    );

    app.get(
      '/regions/:regionId/admin',
      {
        config: { access: ADMIN },
        schema: {
          tags: TAGS,
          summary: 'A region with all its postcode areas',
          params: RegionParams,
          response: { 200: RegionAdmin, 404: Problem },
        },
      },
      async (request) => admin.getRegionAdmin(db, request.params.regionId),
    );

    app.patch(
      '/regions/:regionId',
      {
        config: { access: ADMIN, audit: UPDATE },
        schema: {
          tags: TAGS,
          summary: 'Change a region: name, municipalities, postcode areas, neighbours',
          params: RegionParams,
          body: UpdateRegionBody,
          response: { 200: RegionAdmin, ...CHANGE_ANSWERS },
        },
      },
      async (request) => admin.updateRegion(db, request.params.regionId, request.body),
    );

    app.get(
      '/organisations',
      {
        config: { access: ['administrator', 'coordinator'] },
        schema: {
          tags: TAGS,
          summary: 'All organisations: care providers and referring practices',
          response: { 200: z.array(OrganisationAdmin) },
        },
      },
      async () => admin.listOrganisations(db),
    );

    app.post(
      '/organisations',
      {
        config: { access: ADMIN, audit: CREATE },
        schema: {
          tags: TAGS,
          summary: 'Add an organisation',
          body: CreateOrganisationBody,
          response: { 201: OrganisationAdmin, ...CHANGE_ANSWERS },
        },
      },
      async (request, reply) => reply.status(201).send(await admin.createOrganisation(db, request.body)),
    );

    app.patch(
      '/organisations/:id',
      {
        config: { access: ADMIN, audit: UPDATE },
        schema: {
          tags: TAGS,
          summary: 'Change an organisation',
          params: IdParams,
          body: UpdateOrganisationBody,
          response: { 200: OrganisationAdmin, ...CHANGE_ANSWERS },
        },
      },
      async (request) => admin.updateOrganisation(db, request.params.id, request.body),
    );

    app.get(
      '/admin/locations',
      {
        config: { access: READERS },
        schema: {
          tags: TAGS,
          summary: 'Locations with their contact, texts and when the provider last confirmed them (a provider: its own)',
          querystring: LocationListQuery,
          response: { 200: z.array(LocationAdmin), 400: Problem },
        },
      },
      async (request) => admin.listLocationsForAdmin(db, scopeOf(actorOf(request)), request.query),
    );

    app.post(
      '/locations',
      {
        config: { access: ADMIN, audit: CREATE },
        schema: {
          tags: TAGS,
          summary: 'Add a location of an organisation in a region; without coordinates it is placed at the centre of its PC4 area',
          body: CreateLocationBody,
          response: { 201: LocationAdmin, ...CHANGE_ANSWERS },
        },
      },
      async (request, reply) => reply.status(201).send(await admin.createLocation(db, request.body)),
    );

    app.patch(
      '/locations/:id',
      {
        config: { access: KEEPERS, audit: UPDATE },
        schema: {
          tags: TAGS,
          summary: 'Change a location (a provider: its own, not its organisation or region); confirms its data as current',
          params: IdParams,
          body: UpdateLocationBody,
          response: { 200: LocationAdmin, ...CHANGE_ANSWERS },
        },
      },
      async (request) => admin.updateLocation(db, scopeOf(actorOf(request)), request.params.id, request.body),
    );

    app.post(
      '/locations/:id/confirm',
      {
        config: { access: KEEPERS, audit: UPDATE },
        schema: {
          tags: TAGS,
          summary: 'Confirm that the location, its units and tariffs are as shown (keeps its data fresh)',
          params: IdParams,
          response: { 200: LocationAdmin, 404: Problem },
        },
      },
      async (request) => admin.confirmLocation(db, scopeOf(actorOf(request)), request.params.id),
    );

    app.post(
      '/locations/:id/units',
      {
        config: { access: KEEPERS, audit: CREATE },
        schema: {
          tags: TAGS,
          summary: 'Add a unit (a bed, a couple room, night care at home) to a location',
          params: IdParams,
          body: CreateUnitBody,
          response: { 201: UnitAdmin, ...CHANGE_ANSWERS },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await admin.createUnit(db, scopeOf(actorOf(request)), request.params.id, request.body)),
    );

    app.patch(
      '/units/:id',
      {
        config: { access: KEEPERS, audit: UPDATE },
        schema: {
          tags: TAGS,
          summary: 'Change a unit: name, kinds of stay taken, reservation, features',
          description: 'Refused (409) while stays ahead are of a kind the unit would no longer take; the answer lists them.',
          params: IdParams,
          body: UpdateUnitBody,
          response: { 200: UnitAdmin, ...CHANGE_ANSWERS },
        },
      },
      async (request) => admin.updateUnit(db, scopeOf(actorOf(request)), request.params.id, request.body, appClock().today()),
    );

    app.post(
      '/units/:id/retire',
      {
        config: { access: KEEPERS, audit: UPDATE },
        schema: {
          tags: TAGS,
          summary: 'Take a unit out of use from a day on',
          description:
            'Refused (409) while stays are planned on or after that day; the answer lists them, each with free units for its dates. ' +
            'Send moves to move them there first (each move checked and announced like POST /stays/{id}/move); then the unit is retired.',
          params: IdParams,
          body: RetireUnitBody,
          response: { 200: UnitAdmin, ...CHANGE_ANSWERS },
        },
      },
      async (request) =>
        retireUnit(db, scopeOf(actorOf(request)), request.params.id, request.body.from, {
          moves: request.body.moves,
          readModel: availability,
          notices: { mailer, publicUrl: auth.publicUrl },
        }),
    );

    app.get(
      '/locations/:id/tariffs',
      {
        config: { access: READERS },
        schema: {
          tags: TAGS,
          summary: 'All tariffs of a location, past and future',
          params: IdParams,
          response: { 200: z.array(TariffAdmin), 404: Problem },
        },
      },
      async (request) => admin.listTariffs(db, scopeOf(actorOf(request)), request.params.id),
    );

    app.post(
      '/locations/:id/tariffs',
      {
        config: { access: KEEPERS, audit: CREATE },
        schema: {
          tags: TAGS,
          summary: 'A tariff from a date; the tariff running until further notice ends that day',
          description: 'Any other overlap with a tariff of the same kind of stay and funding is refused (409).',
          params: IdParams,
          body: CreateTariffBody,
          response: { 201: TariffAdmin, ...CHANGE_ANSWERS },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await admin.addTariff(db, scopeOf(actorOf(request)), request.params.id, request.body)),
    );

    app.get(
      '/co-payment-rules',
      {
        config: { access: ['administrator', 'coordinator'] },
        schema: {
          tags: TAGS,
          summary: "Each municipality's co-payment (eigen bijdrage) per night, with validity",
          response: { 200: z.array(CoPaymentRule) },
        },
      },
      async () => admin.listCoPaymentRules(db),
    );

    app.post(
      '/co-payment-rules',
      {
        config: { access: ADMIN, audit: CREATE },
        schema: {
          tags: TAGS,
          summary: "A municipality's co-payment per night from a date; the amount running until further notice ends that day",
          body: CreateCoPaymentBody,
          response: { 201: CoPaymentRule, ...CHANGE_ANSWERS },
        },
      },
      async (request, reply) => reply.status(201).send(await admin.addCoPaymentRule(db, request.body)),
    );

    app.get(
      '/entitlements',
      {
        config: { access: ['administrator', 'coordinator'] },
        schema: {
          tags: TAGS,
          summary: "Each municipality's entitlements: the longest Wmo crisis stay, Wmo respite nights per year",
          response: { 200: z.array(Entitlement) },
        },
      },
      async () => listEntitlements(db),
    );

    app.put(
      '/entitlements',
      {
        config: { access: ADMIN, audit: CREATE },
        schema: {
          tags: TAGS,
          summary: "Set a municipality's entitlements (empty: no limit); the coordinator is warned before booking past them",
          body: Entitlement,
          response: { 200: Entitlement, ...CHANGE_ANSWERS },
        },
      },
      async (request) => setEntitlement(db, request.body),
    );

    app.post(
      '/admin/import/beds',
      {
        config: { access: ADMIN, audit: CREATE },
        bodyLimit: IMPORT_BODY_LIMIT_BYTES,
        schema: {
          tags: TAGS,
          summary: "A region's bed list from a sheet: organisations, locations and units, one row per unit",
          description:
            'First with dryRun true: the report says per row what would be created or changed, and every problem with its ' +
            'line and column. With dryRun false it is written in one transaction, or not at all while any problem remains.',
          body: BedImportBody,
          response: { 200: BedImportReport, 400: Problem, 403: Problem },
        },
      },
      async (request) => importBeds(db, request.body.csv, { dryRun: request.body.dryRun, today: appClock().today() }),
    );
  };
}
