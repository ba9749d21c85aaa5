import type { CareNeed } from '../domain/care-needs.ts';
import type { RawAnswers } from '../domain/triage/questionnaire.ts';
import { randomInt } from 'node:crypto';
import { regionOfPostcode } from '../data/registry.repository.ts';
import type { Kysely } from 'kysely';
import { withTransaction } from '../data/change-author.ts';
import { pc4Area } from '../data/pc4-table.ts';
import {
  type ClientRow,
  type ReferralRow,
  existingLocationIds,
  findClients,
  findReferral,
  insertClient,
  insertReferral,
  listReferralSummaries,
  referralReferenceExists,
} from '../data/referral.repository.ts';
import type { Database } from '../data/schema.ts';
import { placesOfReferrals, staysOfReferral } from '../data/stay.repository.ts';
import { addWorkingDays, nightsBetween } from '../domain/dates.ts';
import {
  PUBLIC_REQUEST_ANSWER_DAYS,
  PUBLIC_REQUEST_KINDS,
  type PublicRequestKind,
  type ReferralKind,
  type ReferrerKind,
  newReferralReference,
} from '../domain/referral.ts';
import type { ReferralStatus } from '../domain/referral-lifecycle.ts';
import type { Actor } from '../domain/roles.ts';
import { expandSeries } from '../domain/series.ts';
import { effectiveTriages } from './triage.service.ts';
import { AppError, type FieldIssue, notFound, outOfScope } from '../errors.ts';
import type { Scope } from './scope.ts';
import { appClock } from '../clock.ts';
import { newToken } from './auth/tokens.ts';
import type { NoticeSettings } from './notification.service.ts';
import { STATUS_PAGE_PATH, mailReceipt, newStatusLink } from './status-link.ts';
import type { Urgency } from '../domain/triage/outcome.ts';
import { parseProposedAnswers } from '../data/stored-json.ts';

export interface ClientDetails {
  name: string;
  dateOfBirth?: string;
  bsn?: string;
  street?: string;
  houseNumber?: string;
  postcode: string;
  city?: string;
  phone?: string;
}

export interface NewReferral {
  kind: ReferralKind;
  referrerKind: ReferrerKind;
  client: ClientDetails;
  partner?: { name: string; dateOfBirth: string };
  caregiver?: { name: string; relation: 'partner' | 'child' | 'other'; works?: boolean; phone?: string; email?: string };
  wishedArrival?: string;
  wishedDeparture?: string;
  expectedNights?: number;
  urgency?: Urgency;
  callbackPhone?: string;
  flexibilityDays: number;
  recurrence?: string;
  preferredLocationIds: string[];
  indications: { wmo: boolean; wlzProfile?: string; zvwDistrictNursing: boolean };
  consent: { given: true; by: string };
  message?: string;
  providerNote?: string;
  /** Triage answers the sender proposes (FHIR QuestionnaireResponse); the coordinator starts the triage from them. */
  proposedAnswers?: RawAnswers;
}

export interface PublicRequest {
  kind: PublicRequestKind;
  client: { name: string; dateOfBirth?: string; postcode: string };
  caregiver: { name: string; relation: 'partner' | 'child' | 'other'; works?: boolean; phone?: string; email?: string };
  locationId?: string;
  wishedArrival?: string;
  wishedDeparture?: string;
  repeat?: { everyWeeks: number; times: number };
  atHome?: boolean;
  partner?: { name: string; dateOfBirth?: string };
  careNeeds?: CareNeed[];
  message?: string;
  providerNote?: string;
  consent: true;
  website?: string;
}

/** "Every 4 weeks, 3 times" as the RRULE the central point plans a series from. */
export function repeatRule(repeat: { everyWeeks: number; times: number }): string {
  return `FREQ=WEEKLY;INTERVAL=${repeat.everyWeeks};COUNT=${repeat.times}`;
}

const pc4Of = (postcode: string) => postcode.slice(0, 4);

/** What the schema cannot know: the postcode exists, dates lie ahead, the rule ends, the locations exist (by field). */
async function checkReferences(
  db: Kysely<Database>,
  request: { client: { postcode: string }; wishedArrival?: string; recurrence?: string; wishedDeparture?: string },
  locations: readonly { id: string; field: string }[],
  recurrenceField = 'recurrence',
) {
  const fields: FieldIssue[] = [];
  if (!pc4Area(pc4Of(request.client.postcode))) fields.push({ field: 'client.postcode', code: 'unknown_postcode' });
  if (request.wishedArrival && request.wishedArrival < appClock().today()) fields.push({ field: 'wishedArrival', code: 'date_in_past' });
  if (request.recurrence) {
    const first = request.wishedArrival ?? appClock().today();
    const nights = request.wishedDeparture && request.wishedArrival ? nightsBetween(request.wishedArrival, request.wishedDeparture) : 1;
    const expanded = expandSeries({ rrule: request.recurrence, firstArrival: first, nights: Math.min(nights, 90) });
    if (!expanded.ok) fields.push({ field: recurrenceField, code: expanded.problem.code });
  }
  const known = await existingLocationIds(
    db,
    locations.map((location) => location.id),
  );
  for (const location of locations) {
    if (!known.has(location.id)) fields.push({ field: location.field, code: 'unknown_location' });
  }
  if (fields.length > 0) throw new AppError('validation_failed', { fields });
}

async function uniqueReference(db: Kysely<Database>): Promise<string> {
  for (;;) {
    const reference = newReferralReference(() => randomInt(256));
    if (!(await referralReferenceExists(db, reference))) return reference;
  }
}

/** A professional (or the central point, taking a call) refers a client. */
export async function createReferral(
  db: Kysely<Database>,
  actor: Pick<Actor, 'organisationId'> & { userId: string | null; apiClientId?: string },
  request: NewReferral,
): Promise<ReferralView> {
  await checkReferences(
    db,
    request,
    request.preferredLocationIds.map((id, index) => ({ id, field: `preferredLocationIds.${index}` })),
  );
  const id = await withTransaction(db, async (trx) => {
    const clientId = await insertClient(trx, {
      ...request.client,
      dateOfBirth: request.client.dateOfBirth ?? null,
      pc4: pc4Of(request.client.postcode),
    });
    const partnerId = request.partner
      ? await insertClient(trx, {
          name: request.partner.name,
          dateOfBirth: request.partner.dateOfBirth,
          postcode: request.client.postcode,
          pc4: pc4Of(request.client.postcode),
          street: request.client.street ?? null,
          houseNumber: request.client.houseNumber ?? null,
          city: request.client.city ?? null,
        })
      : null;
    const row = await insertReferral(trx, {
      reference: await uniqueReference(trx),
      source: 'professional',
      referrer_kind: request.referrerKind,
      referrer_user_id: actor.userId,
      referrer_api_client_id: actor.apiClientId ?? null,
      referrer_organisation_id: actor.organisationId,
      kind: request.kind,
      client_id: clientId,
      partner_client_id: partnerId,
      caregiver_name: request.caregiver?.name ?? null,
      caregiver_relation: request.caregiver?.relation ?? null,
      caregiver_works: request.caregiver?.works ?? null,
      caregiver_phone: request.caregiver?.phone ?? null,
      caregiver_email: request.caregiver?.email ?? null,
      wished_arrival: request.wishedArrival ?? null,
      wished_departure: request.wishedDeparture ?? null,
      expected_nights: request.expectedNights ?? null,
      urgency: request.urgency ?? null,
      callback_phone: request.callbackPhone ?? null,
      flexibility_days: request.flexibilityDays,
      recurrence: request.recurrence ?? null,
      preferred_location_ids: request.preferredLocationIds,
      indication_wmo: request.indications.wmo,
      indication_wlz_profile: request.indications.wlzProfile ?? null,
      indication_zvw_nursing: request.indications.zvwDistrictNursing,
      consent_at: appClock().now(),
      consent_given_by: request.consent.by,
      message: request.message ?? null,
      provider_note: request.providerNote ?? null,
      proposed_answers: request.proposedAnswers ? JSON.stringify(request.proposedAnswers) : null,
    });
    return row.id;
  });
  return getReferral(db, { kind: 'region' }, id);
}

/** What the caregiver reads after sending: who contacts them, how, and by which day. */
function publicReceiptText(reference: string, answerBy: string, locale: 'nl' | 'en'): string {
  const date = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${answerBy}T12:00:00Z`));
  return locale === 'nl'
    ? `Bedankt. We hebben uw aanvraag ontvangen onder nummer ${reference}. Een medewerker van het centrale aanmeldpunt belt ` +
        `of mailt u binnen ${PUBLIC_REQUEST_ANSWER_DAYS} werkdagen (uiterlijk ${date}). Samen kijken we welke zorg past en ` +
        'welke plek vrij is. Is het dringend, bel dan uw huisarts.'
    : `Thank you. We have received your request under number ${reference}. Someone from the central access point will call ` +
        `or e-mail you within ${PUBLIC_REQUEST_ANSWER_DAYS} working days (by ${date} at the latest). Together we look at what ` +
        'care fits and which place is free. If it is urgent, call your GP.';
}

export interface PublicReceipt {
  reference: string;
  /** The caregiver's own page to follow, change or withdraw the request: shown once and mailed, never stored. */
  statusUrl: string;
  /** The last day the central point answers by. */
  answerBy: string;
  nextSteps: string;
}

/**
 * A caregiver asks for a stay, a trial stay or a tour, without an account. It becomes a referral in state 'new' in
 * the central point's inbox, with a secret link to its status page; the receipt (reference, next steps, link) is
 * answered and, when the caregiver gave an address, mailed. A filled-in honeypot field is a robot: it gets the same
 * answer, and nothing is kept. A partner makes it a couple stay (a recurring one keeps its kind and has the partner).
 */
export async function submitPublicRequest(
  db: Kysely<Database>,
  request: PublicRequest,
  locale: 'nl' | 'en',
  notices: NoticeSettings,
): Promise<PublicReceipt> {
  const answerBy = addWorkingDays(appClock().today(), PUBLIC_REQUEST_ANSWER_DAYS);
  const receipt = (reference: string, statusUrl: string): PublicReceipt => ({
    reference,
    answerBy,
    nextSteps: publicReceiptText(reference, answerBy, locale),
    statusUrl,
  });
  // A robot gets the same answer as a person, with a link that leads nowhere.
  if (request.website)
    return receipt(
      newReferralReference(() => randomInt(256)),
      `${notices.publicUrl}${STATUS_PAGE_PATH}/${newToken()}`,
    );
  const recurrence = request.repeat ? repeatRule(request.repeat) : undefined;
  await checkReferences(
    db,
    { ...request, recurrence },
    request.locationId ? [{ id: request.locationId, field: 'locationId' }] : [],
    'repeat',
  );
  const sent = await withTransaction(db, async (trx) => {
    const clientId = await insertClient(trx, {
      name: request.client.name,
      dateOfBirth: request.client.dateOfBirth ?? null,
      postcode: request.client.postcode,
      pc4: pc4Of(request.client.postcode),
    });
    const partnerId = request.partner
      ? await insertClient(trx, {
          name: request.partner.name,
          dateOfBirth: request.partner.dateOfBirth ?? null,
          postcode: request.client.postcode,
          pc4: pc4Of(request.client.postcode),
        })
      : null;
    const row = await insertReferral(trx, {
      reference: await uniqueReference(trx),
      source: 'public',
      referrer_kind: 'caregiver',
      referrer_user_id: null,
      referrer_organisation_id: null,
      kind: recurrence ? 'respite_recurring' : partnerId && request.kind === 'stay' ? 'couple_stay' : PUBLIC_REQUEST_KINDS[request.kind],
      client_id: clientId,
      partner_client_id: partnerId,
      caregiver_name: request.caregiver.name,
      caregiver_relation: request.caregiver.relation,
      caregiver_works: request.caregiver.works ?? null,
      caregiver_phone: request.caregiver.phone ?? null,
      caregiver_email: request.caregiver.email ?? null,
      wished_arrival: request.wishedArrival ?? null,
      wished_departure: request.wishedDeparture ?? null,
      expected_nights: null,
      urgency: null,
      callback_phone: null,
      flexibility_days: 0,
      recurrence: recurrence ?? null,
      preferred_location_ids: request.locationId ? [request.locationId] : [],
      indication_wmo: false,
      indication_wlz_profile: null,
      indication_zvw_nursing: false,
      consent_at: appClock().now(),
      consent_given_by: request.caregiver.name,
      message: request.message ?? null,
      provider_note: request.providerNote ?? null,
      at_home: request.atHome ?? false,
      care_needs: request.careNeeds ?? [],
    });
    return receipt(row.reference, await newStatusLink(trx, row.id, notices.publicUrl));
  });
  if (request.caregiver.email) {
    // After the commit: the request is in whether or not the mail goes; the answer on screen has the same link.
    await mailReceipt(notices.mailer, request.caregiver.email, sent).catch((error: unknown) =>
      console.error('Receipt mail not sent:', error),
    );
  }
  return sent;
}

export interface ReferralView {
  id: string;
  reference: string;
  status: ReferralStatus;
  source: 'professional' | 'public';
  kind: ReferralKind;
  referrerKind: ReferrerKind;
  referrerUserId: string | null;
  referrerOrganisationId: string | null;
  clientId: string;
  client: ReturnType<typeof clientView>;
  partner: ReturnType<typeof clientView> | null;
  caregiver: { name: string | null; relation: string | null; works: boolean | null; phone: string | null; email: string | null };
  wishedArrival: string | null;
  wishedDeparture: string | null;
  expectedNights: number | null;
  urgency: Urgency | null;
  callbackPhone: string | null;
  flexibilityDays: number;
  recurrence: string | null;
  preferredLocationIds: string[];
  indications: { wmo: boolean; wlzProfile: string | null; zvwDistrictNursing: boolean };
  consent: { at: string; by: string };
  message: string | null;
  providerNote: string | null;
  atHome: boolean;
  careNeeds: CareNeed[];
  proposedAnswers: RawAnswers | null;
  cancelReason: string | null;
  closeReason: string | null;
  /** The client's home postcode lies in no region: matching then looks in the nearest regions. */
  outsideEveryRegion: boolean;
  createdAt: string;
}

function clientView(row: ClientRow) {
  return {
    id: row.id,
    name: row.name,
    dateOfBirth: row.date_of_birth,
    bsn: row.bsn,
    street: row.street,
    houseNumber: row.house_number,
    postcode: row.postcode,
    pc4: row.pc4,
    city: row.city,
    phone: row.phone,
  };
}

function toView(row: ReferralRow, clients: Map<string, ClientRow>, outsideEveryRegion: boolean): ReferralView {
  const partner = row.partner_client_id ? clients.get(row.partner_client_id) : undefined;
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    source: row.source,
    kind: row.kind,
    referrerKind: row.referrer_kind,
    referrerUserId: row.referrer_user_id,
    referrerOrganisationId: row.referrer_organisation_id,
    clientId: row.client_id,
    client: clientView(clients.get(row.client_id)!),
    partner: partner ? clientView(partner) : null,
    caregiver: {
      name: row.caregiver_name,
      relation: row.caregiver_relation,
      works: row.caregiver_works,
      phone: row.caregiver_phone,
      email: row.caregiver_email,
    },
    wishedArrival: row.wished_arrival,
    wishedDeparture: row.wished_departure,
    expectedNights: row.expected_nights,
    urgency: row.urgency,
    callbackPhone: row.callback_phone,
    flexibilityDays: row.flexibility_days,
    recurrence: row.recurrence,
    preferredLocationIds: row.preferred_location_ids,
    indications: { wmo: row.indication_wmo, wlzProfile: row.indication_wlz_profile, zvwDistrictNursing: row.indication_zvw_nursing },
    consent: { at: row.consent_at.toISOString(), by: row.consent_given_by },
    message: row.message,
    providerNote: row.provider_note,
    atHome: row.at_home,
    careNeeds: row.care_needs as CareNeed[],
    proposedAnswers: row.proposed_answers == null ? null : parseProposedAnswers(row.proposed_answers),
    cancelReason: row.cancel_reason,
    closeReason: row.close_reason,
    outsideEveryRegion,
    createdAt: row.created_at.toISOString(),
  };
}

/** One referral: the central point sees all, a referrer those of its own organisation; others answer 404. */
export async function getReferral(db: Kysely<Database>, scope: Scope, id: string): Promise<ReferralView> {
  const row = await findReferral(db, id);
  if (!row) throw notFound('referral');
  if (scope.kind === 'organisation' && row.referrer_organisation_id !== scope.organisationId) throw outOfScope('referral', row.client_id);
  const clients = await findClients(db, [row.client_id, ...(row.partner_client_id ? [row.partner_client_id] : [])]);
  const pc4 = clients.get(row.client_id)?.pc4;
  return toView(row, clients, Boolean(pc4) && !(await regionOfPostcode(db, pc4!)));
}

/** The stays of a referral (held, booked, past or cancelled), for whoever may see the referral. */
export async function referralStays(db: Kysely<Database>, scope: Scope, id: string) {
  await getReferral(db, scope, id);
  return staysOfReferral(db, id);
}

export async function listReferrals(
  db: Kysely<Database>,
  scope: Scope,
  filter: { status?: ReferralStatus | 'open'; q?: string; limit: number; offset: number },
) {
  const rows = await listReferralSummaries(db, {
    ...filter,
    ...(scope.kind === 'organisation' ? { organisationId: scope.organisationId } : {}),
  });
  // The urgency the (possibly overridden) triage set: the inbox puts the most urgent first.
  const [triages, places] = await Promise.all([
    effectiveTriages(
      db,
      rows.map((row) => row.id),
    ),
    placesOfReferrals(
      db,
      rows.map((row) => row.id),
    ),
  ]);
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    status: row.status,
    source: row.source,
    kind: row.kind,
    clientId: row.clientId,
    clientName: row.clientName,
    pc4: row.pc4,
    wishedArrival: row.wished_arrival,
    urgency: triages.get(row.id)?.urgency ?? row.urgency,
    triaged: triages.has(row.id),
    place: places.get(row.id) ?? null,
    createdAt: row.created_at.toISOString(),
  }));
}
