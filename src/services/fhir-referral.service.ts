import type { Kysely } from 'kysely';
import { appointmentsOfReferral } from '../data/fhir.repository.ts';
import { findReferral } from '../data/referral.repository.ts';
import type { Database } from '../data/schema.ts';
import { appointmentResource, serviceRequestResource, stayInstants, taskResource } from '../domain/fhir/referral.ts';
import { notFound, outOfScope } from '../errors.ts';
import type { ApiClient } from './api-client.service.ts';
import type { NoticeSettings } from './notification.service.ts';
import { withdrawBySystem } from './referral-change.service.ts';
import { type NewReferral, createReferral } from './referral.service.ts';
import { OCCUPYING_STATUSES, type StayStatus } from '../domain/stay-lifecycle.ts';

/** A referral of the client's own organisation; another's answers like one that does not exist. */
async function ownReferral(db: Kysely<Database>, client: ApiClient, id: string) {
  const row = await findReferral(db, id);
  if (!row) throw notFound('referral');
  if (row.referrer_organisation_id !== client.organisationId) throw outOfScope('referral', row.client_id);
  return row;
}

/** A ServiceRequest received: a referral of the sending organisation, in the central point's inbox. */
export async function receiveServiceRequest(db: Kysely<Database>, client: ApiClient, referral: NewReferral) {
  const view = await createReferral(db, { userId: null, organisationId: client.organisationId, apiClientId: client.id }, referral);
  return serviceRequest(db, client, view.id);
}

export async function serviceRequest(db: Kysely<Database>, client: ApiClient, id: string) {
  const row = await ownReferral(db, client, id);
  return {
    clientId: row.client_id,
    resource: serviceRequestResource({
      id: row.id,
      reference: row.reference,
      kind: row.kind,
      status: row.status,
      clientId: row.client_id,
      organisationId: row.referrer_organisation_id,
      wishedArrival: row.wished_arrival,
      wishedDeparture: row.wished_departure,
      urgency: row.urgency,
      createdAt: row.created_at.toISOString(),
    }),
  };
}

/** Where the request stands, as a Task with the booked places as its output. */
export async function task(db: Kysely<Database>, client: ApiClient, referralId: string) {
  const row = await ownReferral(db, client, referralId);
  const placed = (await appointmentsOfReferral(db, referralId)).filter((stay) => OCCUPYING_STATUSES.includes(stay.status as StayStatus));
  return {
    clientId: row.client_id,
    resource: taskResource(
      {
        id: row.id,
        status: row.status,
        clientId: row.client_id,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
      },
      placed.map((stay) => stay.id),
    ),
  };
}

export async function appointments(db: Kysely<Database>, client: ApiClient, referralId: string) {
  const row = await ownReferral(db, client, referralId);
  const stays = await appointmentsOfReferral(db, referralId);
  return {
    clientId: row.client_id,
    resources: stays.map((stay) => appointmentResource({ ...stay, referralId, ...stayInstants(stay.arrival, stay.departure) })),
  };
}

/** The sender cancels its request (status revoked): withdrawn like a referrer withdraws, before placement only. */
export async function revokeServiceRequest(db: Kysely<Database>, client: ApiClient, id: string, reason: string, notices: NoticeSettings) {
  await ownReferral(db, client, id);
  await withdrawBySystem(db, id, reason, notices);
  return serviceRequest(db, client, id);
}
