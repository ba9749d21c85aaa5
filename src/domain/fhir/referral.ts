import type { ReferralKind } from '../referral.ts';
import type { ReferralStatus } from '../referral-lifecycle.ts';
import { SYSTEMS } from './systems.ts';
import type { Urgency } from '../triage/outcome.ts';

type Json = Record<string, unknown>;
const array = (value: unknown): Json[] =>
  Array.isArray(value) ? value.filter((item): item is Json => typeof item === 'object' && item !== null) : [];
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Our field → where it stands in the ServiceRequest (FHIRPath), to name it in an OperationOutcome. */
export const FHIR_PATHS: Record<string, string> = {
  kind: 'ServiceRequest.code',
  referrerKind: 'ServiceRequest.category',
  'client.name': 'Patient.name',
  'client.bsn': 'Patient.identifier',
  'client.dateOfBirth': 'Patient.birthDate',
  'client.postcode': 'Patient.address.postalCode',
  'client.street': 'Patient.address.line',
  'client.city': 'Patient.address.city',
  'client.phone': 'Patient.telecom',
  wishedArrival: 'ServiceRequest.occurrencePeriod.start',
  wishedDeparture: 'ServiceRequest.occurrencePeriod.end',
  urgency: 'ServiceRequest.priority',
  message: 'ServiceRequest.note',
  subject: 'ServiceRequest.subject',
};

/** A stay is booked by the day; as an instant it starts at the usual arrival time and ends at the usual departure (Dutch time). */
export const ARRIVAL_TIME = '14:00';
export const DEPARTURE_TIME = '11:00';

const OFFSET = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' });

/** Minutes Dutch time is ahead of UTC at an instant (60 in winter, 120 in summer). */
function dutchOffsetMinutes(epochMs: number): number {
  const name = OFFSET.formatToParts(new Date(epochMs)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '+' ? 1 : -1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** A Dutch wall-clock time on a day as an instant (ISO, UTC), across summer and winter time. */
export function dutchInstant(date: string, time: string): string {
  const wall = Date.parse(`${date}T${time}:00Z`);
  const first = wall - dutchOffsetMinutes(wall) * 60_000;
  return new Date(wall - dutchOffsetMinutes(first) * 60_000).toISOString();
}

/** When a stay from `arrival` to `departure` (days) starts and ends, as instants. */
export function stayInstants(arrival: string, departure: string): { start: string; end: string } {
  return { start: dutchInstant(arrival, ARRIVAL_TIME), end: dutchInstant(departure, DEPARTURE_TIME) };
}

const URGENCY: Record<string, Urgency> = { routine: 'planned', urgent: 'within_48h', asap: 'today', stat: 'today' };
const PRIORITY: Record<Urgency, string> = { planned: 'routine', within_48h: 'urgent', today: 'asap' };

function codeIn(concept: unknown, system: string): string | undefined {
  return array((concept as Json | undefined)?.coding).find((coding) => coding.system === system)?.code as string | undefined;
}

/**
 * A ServiceRequest (with its Patient contained and referenced as its subject) as the body of a referral, for the
 * same checks a referral through the API gets. Only what a referral holds is read; `consentBy` names who vouches for
 * the client's consent (the sending organisation, as on a phone call). Missing parts are left out, so the checks
 * name them.
 */
export function referralBodyFromServiceRequest(request: Json, consentBy: string): Json {
  const subject = text((request.subject as Json | undefined)?.reference);
  const patient = array(request.contained).find((resource) => resource.resourceType === 'Patient' && subject === `#${String(resource.id)}`);
  const name = array(patient?.name)[0];
  const address = array(patient?.address)[0];
  const bsn = array(patient?.identifier).find((identifier) => identifier.system === SYSTEMS.bsn);
  const phone = array(patient?.telecom).find((telecom) => telecom.system === 'phone');
  const period = request.occurrencePeriod as Json | undefined;
  const notes = array(request.note)
    .map((note) => text(note.text))
    .filter(Boolean);
  const given = Array.isArray(name?.given) ? name.given.filter((part): part is string => typeof part === 'string') : [];
  const fullName = text(name?.text) ?? text([...given, text(name?.family) ?? ''].join(' '));
  const line = Array.isArray(address?.line) ? text(address.line[0]) : undefined;
  const street = line?.replace(/\s+\d+\S*$/, '');
  const houseNumber = line && /\s(\d+\S*)$/.exec(line)?.[1];
  return {
    kind: codeIn(request.code, SYSTEMS.referralKind),
    referrerKind: codeIn(array(request.category)[0], SYSTEMS.referrerKind) ?? 'hospital_transfer',
    client: patient
      ? {
          name: fullName,
          dateOfBirth: text(patient.birthDate),
          bsn: text(bsn?.value),
          street: houseNumber ? street : undefined,
          houseNumber,
          postcode: text(address?.postalCode),
          city: text(address?.city),
          phone: text(phone?.value),
        }
      : undefined,
    wishedArrival: text(period?.start)?.slice(0, 10),
    wishedDeparture: text(period?.end)?.slice(0, 10),
    urgency: typeof request.priority === 'string' ? (URGENCY[request.priority] ?? request.priority) : undefined,
    message: notes.length > 0 ? notes.join('\n') : undefined,
    consent: { given: true, by: consentBy },
  };
}

/** A referral as the ServiceRequest it answers: its reference as identifier, revoked once withdrawn or closed unplaced. */
export function serviceRequestResource(referral: {
  id: string;
  reference: string;
  kind: ReferralKind;
  status: ReferralStatus;
  clientId: string;
  organisationId: string | null;
  wishedArrival: string | null;
  wishedDeparture: string | null;
  urgency: Urgency | null;
  createdAt: string;
}) {
  return {
    resourceType: 'ServiceRequest' as const,
    id: referral.id,
    identifier: [{ system: SYSTEMS.reference, value: referral.reference }],
    status:
      referral.status === 'cancelled'
        ? ('revoked' as const)
        : ['departed', 'aftercare', 'closed'].includes(referral.status)
          ? ('completed' as const)
          : ('active' as const),
    intent: 'order' as const,
    ...(referral.urgency ? { priority: PRIORITY[referral.urgency] } : {}),
    code: { coding: [{ system: SYSTEMS.referralKind, code: referral.kind }] },
    subject: { reference: `Patient/${referral.clientId}` },
    ...(referral.wishedArrival
      ? { occurrencePeriod: { start: referral.wishedArrival, ...(referral.wishedDeparture ? { end: referral.wishedDeparture } : {}) } }
      : {}),
    authoredOn: referral.createdAt,
    ...(referral.organisationId ? { requester: { reference: `Organization/${referral.organisationId}` } } : {}),
  };
}

/**
 * Where a referral stands, as the Task of placing the guest: requested until triaged, accepted while a place is
 * sought, on hold on the waiting list, in progress while a place is held, completed once booked (the places are its
 * output, as Appointments), cancelled when withdrawn. Our own status is the business status.
 */
export function taskResource(
  referral: { id: string; status: ReferralStatus; clientId: string; updatedAt: string; createdAt: string },
  appointmentIds: readonly string[],
) {
  const status =
    referral.status === 'new'
      ? 'requested'
      : referral.status === 'triaged'
        ? 'accepted'
        : referral.status === 'waiting'
          ? 'on-hold'
          : referral.status === 'proposed'
            ? 'in-progress'
            : referral.status === 'cancelled'
              ? 'cancelled'
              : 'completed';
  return {
    resourceType: 'Task' as const,
    id: referral.id,
    status,
    businessStatus: { coding: [{ system: SYSTEMS.referralStatus, code: referral.status }] },
    intent: 'order' as const,
    focus: { reference: `ServiceRequest/${referral.id}` },
    for: { reference: `Patient/${referral.clientId}` },
    authoredOn: referral.createdAt,
    lastModified: referral.updatedAt,
    ...(appointmentIds.length > 0
      ? {
          output: appointmentIds.map((id) => ({ type: { text: 'Appointment' }, valueReference: { reference: `Appointment/${id}` } })),
        }
      : {}),
  };
}

/**
 * A held or booked stay as an Appointment: proposed while held, booked when confirmed, arrived, fulfilled after
 * departure, cancelled. Arrival and departure are days; start and end carry the usual times of the day (arrival in
 * the afternoon, departure in the morning, Dutch time), as stated in docs/FHIR.md.
 */
export function appointmentResource(stay: {
  id: string;
  status: string;
  arrival: string;
  departure: string;
  referralId: string;
  clientId: string;
  unitId: string;
  locationId: string;
  start: string;
  end: string;
}) {
  const status =
    stay.status === 'hold'
      ? 'proposed'
      : stay.status === 'confirmed'
        ? 'booked'
        : stay.status === 'arrived'
          ? 'arrived'
          : stay.status === 'departed'
            ? 'fulfilled'
            : stay.status === 'no_show'
              ? 'noshow'
              : 'cancelled';
  return {
    resourceType: 'Appointment' as const,
    id: stay.id,
    status,
    basedOn: [{ reference: `ServiceRequest/${stay.referralId}` }],
    start: stay.start,
    end: stay.end,
    participant: [
      { actor: { reference: `Patient/${stay.clientId}` }, status: 'accepted' as const },
      { actor: { reference: `Location/${stay.unitId}` }, status: 'accepted' as const },
    ],
    supportingInformation: [{ reference: `Location/${stay.locationId}` }],
  };
}
