import type { Kysely } from 'kysely';
import { withTransaction } from '../data/change-author.ts';
import {
  closuresAtLocation,
  currentTariffsOfLocations,
  deleteClosures,
  findHandoverFacts,
  heldPlacements,
  occupyingStayDetails,
  insertClosures,
  occupyingStays,
  openClosuresOfLocations,
  organisationOfLocation,
  setClosuresEnd,
  staysMovingOn,
  strandedStays,
  unitsOfLocations,
} from '../data/provider.repository.ts';
import type { Database } from '../data/schema.ts';
import { appClock } from '../clock.ts';
import { listLocations } from '../data/registry.repository.ts';
import { lockUnits } from '../data/stay.repository.ts';
import { latestTriage, overridesOf } from '../data/triage.repository.ts';
import { effectiveFeatures } from '../domain/care-features.ts';
import type { IsoDate } from '../domain/dates.ts';
import { type ClosureKind, type ClosureReason, groupClosures, reopening, unitsToClose } from '../domain/provider/closures.ts';
import { handoverCare, handoverWithheld } from '../domain/provider/handover.ts';
import { movementsOfDay } from '../domain/provider/movements.ts';
import type { StayStatus } from '../domain/stay-lifecycle.ts';
import { type Override, applyOverrides } from '../domain/triage/overrides.ts';
import { AppError, notFound } from '../errors.ts';
import { type Scope, assertStayInScope, assertUnitInScope, inScope } from './scope.ts';
import { getStay, moveStay, requireUnit, transitionStay } from './booking.service.ts';
import { findAlternatives } from './alternatives.service.ts';
import { placementProblem } from './placement.ts';
import type { NoticeSettings } from './notification.service.ts';
import { insertNotifications, referralRecipients, unitPlaces } from '../data/notification.repository.ts';

/**
 * Whose locations a request is about. A planner works for its own organisation only: naming another one answers
 * like an organisation that does not exist. The central point may pick one, or see every provider at once.
 */
function organisationFor(scope: Scope, requested: string | undefined): string | null {
  if (scope.kind === 'organisation') {
    if (requested !== undefined && requested !== scope.organisationId) throw notFound('organisation');
    return scope.organisationId;
  }
  return requested ?? null;
}

async function assertLocationInScope(db: Kysely<Database>, scope: Scope, locationId: string): Promise<void> {
  const owner = await organisationOfLocation(db, locationId);
  if (owner === undefined || !inScope(scope, owner)) throw notFound('location');
}

/** The provider's locations with their units, the closures still ahead (grouped as made) and current tariffs. */
export async function providerOverview(db: Kysely<Database>, scope: Scope, options: { organisationId?: string; today: IsoDate }) {
  const locations = await listLocations(db, { organisationId: organisationFor(scope, options.organisationId) ?? undefined });
  const ids = locations.map((location) => location.id);
  const [units, closures, tariffs] = await Promise.all([
    unitsOfLocations(db, ids),
    openClosuresOfLocations(db, ids, options.today),
    currentTariffsOfLocations(db, ids, options.today),
  ]);
  return {
    today: options.today,
    locations: locations.map((location) => {
      const own = units.filter((unit) => unit.locationId === location.id);
      const closureRecords = closures
        .filter((closure) => closure.locationId === location.id)
        .map((closure) => ({ ...closure, createdAt: new Date(closure.createdAt).toISOString() }));
      return {
        ...location,
        units: own.map(({ locationId: _, ...unit }) => unit),
        closures: groupClosures(closureRecords, own),
        tariffs: tariffs.filter((tariff) => tariff.locationId === location.id).map(({ locationId: _, ...tariff }) => tariff),
      };
    }),
  };
}

/** Who arrives and who leaves on a date, per location of the provider. */
export async function providerMovements(db: Kysely<Database>, scope: Scope, options: { date: IsoDate; organisationId?: string }) {
  const locations = await listLocations(db, { organisationId: organisationFor(scope, options.organisationId) ?? undefined });
  const stays = await staysMovingOn(
    db,
    options.date,
    locations.map((location) => location.id),
  );
  return {
    date: options.date,
    locations: movementsOfDay(
      options.date,
      stays.map((stay) => ({ ...stay, status: stay.status as StayStatus })),
      locations,
    ),
  };
}

/**
 * What the staff who receive a guest need: the stay, the guest, the caregiver to call, and the care needs from the
 * latest triage with the triagist's overrides. Only for a stay at the planner's own locations, and the health part only
 * while the guest is expected, staying or recently left.
 */
export async function stayHandover(db: Kysely<Database>, scope: Scope, stayId: string, today: IsoDate) {
  await assertStayInScope(db, scope, stayId);
  const facts = await findHandoverFacts(db, stayId);
  if (!facts) throw notFound('stay');
  const withheld = handoverWithheld(facts.status as StayStatus, facts.departure, today);
  const triage = facts.referralId && !withheld ? await latestTriage(db, facts.referralId) : undefined;
  const overrides = triage ? await overridesOf(db, triage.id) : [];
  const offered = effectiveFeatures(facts.locationFeatures, facts.unitFeatures);
  const care = handoverCare(
    triage && {
      questionnaireVersion: triage.questionnaire_version,
      triagedAt: triage.created_at.toISOString(),
      answers: triage.answers,
      effective: applyOverrides(
        triage.outcome,
        overrides.map((row) => ({ topic: row.topic, value: row.value, reason: row.reason }) as Override),
      ),
    },
    offered,
  );
  const caregiver =
    !withheld && (facts.caregiverName || facts.caregiverPhone || facts.caregiverEmail)
      ? { name: facts.caregiverName, relation: facts.caregiverRelation, phone: facts.caregiverPhone, email: facts.caregiverEmail }
      : null;
  return {
    stayId: facts.id,
    clientId: facts.clientId,
    guest: { name: facts.clientName, dateOfBirth: facts.dateOfBirth },
    stayType: facts.stayType,
    arrival: facts.arrival,
    departure: facts.departure,
    status: facts.status as StayStatus,
    unit: { id: facts.unitId, name: facts.unitName, features: offered },
    location: { id: facts.locationId, name: facts.locationName },
    referral:
      facts.referralId && facts.reference && facts.referralKind
        ? { id: facts.referralId, reference: facts.reference, kind: facts.referralKind }
        : null,
    caregiver,
    care,
    // What the referrer or caregiver wrote for the staff (e.g. "slechtziend"), not the message to the central point.
    note: withheld ? null : facts.providerNote,
    withheld,
  };
}

/** Places the central point holds for a referral at the provider's locations, waiting for its answer. */
export async function providerPlacements(db: Kysely<Database>, scope: Scope, options: { organisationId?: string }) {
  const locations = await listLocations(db, { organisationId: organisationFor(scope, options.organisationId) ?? undefined });
  const rows = await heldPlacements(
    db,
    locations.map((location) => location.id),
    appClock().now(),
  );
  return rows.map((row) => ({ ...row, answerBefore: new Date(row.answerBefore!).toISOString() }));
}

/**
 * The provider answers a proposed placement (a hold for a referral at its location), as a transfer point works:
 * accepting books it; declining lets the place go and returns the referral to the central point with the reason.
 */
export async function answerPlacement(
  db: Kysely<Database>,
  scope: Scope,
  stayId: string,
  answer: { accept: true } | { accept: false; reason: string },
  notices?: NoticeSettings,
) {
  await assertStayInScope(db, scope, stayId);
  const stay = await getStay(db, stayId);
  if (stay.status !== 'hold' || !stay.referralId)
    throw new AppError('invalid_transition', { params: { action: answer.accept ? 'accept' : 'decline', status: stay.status } });
  if (answer.accept) return transitionStay(db, stayId, 'confirm', { notices });
  const declined = await transitionStay(db, stayId, 'cancel', { reason: `Afgewezen door de zorgaanbieder: ${answer.reason}`, notices });
  // The central point reads why in the app (a reason never goes out by mail).
  const place = await unitPlaces(db, [stay.unitId]);
  const reference = (await referralRecipients(db, [stay.referralId])).get(stay.referralId)?.reference ?? '';
  await insertNotifications(db, [
    {
      role: 'coordinator',
      kind: 'change',
      referral_id: stay.referralId,
      stay_id: stayId,
      title: `Plaatsing afgewezen: aanmelding ${reference}`,
      body:
        `${place.get(stay.unitId)?.locationName ?? 'De zorgaanbieder'} neemt de gast van aanmelding ${reference} niet aan. Reden: ${answer.reason} ` +
        'De plek is vrijgegeven; zoek een andere plek.',
    },
  ]);
  return declined;
}

export interface LocationClosureRequest {
  units: 'all' | readonly string[];
  startsOn: IsoDate;
  /** For 'not_admitting': the day the provider expects to admit again. */
  endsOn: IsoDate;
  kind: ClosureKind;
  reason: ClosureReason;
  note: string;
}

/**
 * Closes units of a location for a period, all in one transaction: every unit in use (an admission stop) or the
 * chosen ones; planned, or for want of staff (not admitting). Stays already planned are kept and returned, as for
 * a single unit: the provider decides about them.
 */
export async function closeLocationUnits(
  db: Kysely<Database>,
  scope: Scope,
  locationId: string,
  request: LocationClosureRequest & { moves?: readonly { stayId: string; unitId: string }[] },
  notices?: NoticeSettings,
) {
  const { unitIds } = await unitsForClosure(db, scope, locationId, request);
  const period = { from: request.startsOn, to: request.endsOn };
  // The guests the planner chose to move go first, each checked and announced like any move.
  const moves = request.moves ?? [];
  if (moves.length > 0) {
    const affected = new Set((await occupyingStays(db, unitIds, period)).map((stay) => stay.id));
    const fields = moves.flatMap((move, index) => [
      ...(affected.has(move.stayId) ? [] : [{ field: `moves.${index}.stayId`, code: 'not_in_closure' }]),
      ...(unitIds.includes(move.unitId) ? [{ field: `moves.${index}.unitId`, code: 'unit_closing' }] : []),
    ]);
    if (fields.length > 0) throw new AppError('validation_failed', { fields });
    for (const move of moves) {
      await assertUnitInScope(db, scope, move.unitId);
      await moveStay(db, move.stayId, move.unitId, { notices });
    }
  }
  const result = await withTransaction(db, async (trx) => {
    await lockUnits(trx, unitIds);
    const closures = await insertClosures(
      trx,
      unitIds.map((unitId) => ({
        unitId,
        startsOn: request.startsOn,
        endsOn: request.endsOn,
        kind: request.kind,
        reason: request.reason,
        note: request.note,
      })),
    );
    const affected = await occupyingStays(trx, unitIds, period);
    return {
      locationId,
      closures: closures.map((closure) => ({
        ...closure,
        affectedStayIds: affected.filter((stay) => stay.unitId === closure.unitId).map((stay) => stay.id),
      })),
    };
  });
  await tellCentralPointOfStranded(
    db,
    result.closures.flatMap((closure) => closure.affectedStayIds),
    request,
  );
  return result;
}

async function unitsForClosure(db: Kysely<Database>, scope: Scope, locationId: string, request: LocationClosureRequest) {
  await assertLocationInScope(db, scope, locationId);
  const units = (await unitsOfLocations(db, [locationId])).map((unit) => ({
    id: unit.id,
    activeFrom: unit.activeFrom,
    activeUntil: unit.activeUntil,
  }));
  const { unitIds, issues } = unitsToClose(units, request.units, request);
  if (issues.length > 0) throw new AppError('validation_failed', { fields: issues });
  return { unitIds };
}

/**
 * Before closing: the guests booked in the period, each with the free units of the provider's own (not closing)
 * that could take the stay for its dates, nearest first. Writes nothing.
 */
export async function closureCheck(db: Kysely<Database>, scope: Scope, locationId: string, request: LocationClosureRequest) {
  const { unitIds } = await unitsForClosure(db, scope, locationId, request);
  const stays = await occupyingStayDetails(db, unitIds, { from: request.startsOn, to: request.endsOn });
  const organisationId = await organisationOfLocation(db, locationId);
  const ownLocations = new Set(organisationId ? (await listLocations(db, { organisationId })).map((location) => location.id) : []);
  return Promise.all(
    stays.map(async (stay) => {
      const unit = await requireUnit(db, stay.unitId);
      const { otherUnits } = await findAlternatives(db, unit, stay.stayType, { from: stay.arrival, to: stay.departure });
      const free = [];
      for (const option of otherUnits.filter(
        (candidate) => ownLocations.has(candidate.locationId) && !unitIds.includes(candidate.unitId),
      )) {
        // The alternatives are free units; the guest must also not be staying elsewhere then (it is this stay, excluded).
        const problem = await placementProblem(
          db,
          await requireUnit(db, option.unitId),
          stay.stayType,
          { from: stay.arrival, to: stay.departure },
          { clientId: stay.clientId, excludeStayId: stay.stayId, requiredFeatures: stay.requiredFeatures },
        );
        if (!problem)
          free.push({ unitId: option.unitId, unitName: option.unitName, locationName: option.locationName, distanceKm: option.distanceKm });
      }
      return {
        stayId: stay.stayId,
        guestName: stay.guestName,
        unitName: stay.unitName,
        arrival: stay.arrival,
        departure: stay.departure,
        status: stay.status as 'hold' | 'confirmed' | 'arrived',
        reference: stay.reference,
        moveTo: free,
      };
    }),
  );
}

/** Guests left booked in a closed period: the central point hears at once, with the place and the dates, to find a way. */
async function tellCentralPointOfStranded(db: Kysely<Database>, stayIds: readonly string[], request: LocationClosureRequest) {
  if (stayIds.length === 0) return;
  const stays = await strandedStays(db, stayIds);
  const what = request.kind === 'not_admitting' ? 'neemt tijdelijk niemand op' : 'is dicht';
  await insertNotifications(
    db,
    stays.map((stay) => ({
      role: 'coordinator',
      kind: 'change',
      referral_id: stay.referralId,
      stay_id: stay.id,
      title: `Gast geboekt in een gesloten plek: ${stay.unitName}, ${stay.locationName}`,
      body:
        `${stay.unitName} van ${stay.locationName} ${what} van ${dutchDay(request.startsOn)} tot ${dutchDay(request.endsOn)}. ` +
        `Er staat een verblijf${stay.reference ? ` (aanmelding ${stay.reference})` : ''} van ${dutchDay(stay.arrival)} tot ${dutchDay(stay.departure)}. ` +
        'Zoek samen met de zorgaanbieder een oplossing: een andere plek of andere data.',
    })),
  );
}

const DUTCH_DAY = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dutchDay = (date: string) => DUTCH_DAY.format(new Date(`${date}T00:00:00Z`));

/**
 * Reopens closures of one location together (an admission stop is a closure per unit): from today, keeping the
 * nights already closed on record. All or nothing: an id that is not a closure at this location answers like an
 * unknown closure, and nothing is reopened.
 */
export async function reopenClosures(
  db: Kysely<Database>,
  scope: Scope,
  locationId: string,
  closureIds: readonly string[],
  today: IsoDate,
): Promise<void> {
  await assertLocationInScope(db, scope, locationId);
  const wanted = [...new Set(closureIds)];
  await withTransaction(db, async (trx) => {
    const found = await closuresAtLocation(trx, wanted, locationId);
    if (found.length !== wanted.length) throw notFound('closure');
    await deleteClosures(
      trx,
      found.filter((closure) => reopening(closure, today) === 'delete').map((closure) => closure.id),
    );
    await setClosuresEnd(
      trx,
      found.filter((closure) => reopening(closure, today) === 'end_today').map((closure) => closure.id),
      today,
    );
  });
}

/**
 * A later expected end for units not admitting (staff still short). Only that kind moves this way: a planned
 * closure is changed by reopening it and closing again. The stays the longer period now overlaps are returned.
 */
export async function extendNotAdmitting(
  db: Kysely<Database>,
  scope: Scope,
  locationId: string,
  closureIds: readonly string[],
  expectedEnd: IsoDate,
  today: IsoDate,
) {
  await assertLocationInScope(db, scope, locationId);
  const wanted = [...new Set(closureIds)];
  return withTransaction(db, async (trx) => {
    const found = await closuresAtLocation(trx, wanted, locationId);
    if (found.length !== wanted.length || found.some((closure) => closure.kind !== 'not_admitting')) throw notFound('closure');
    const unitIds = found.map((closure) => closure.unitId);
    await lockUnits(trx, unitIds);
    await setClosuresEnd(
      trx,
      found.map((closure) => closure.id),
      expectedEnd,
    );
    const affected = await occupyingStays(trx, unitIds, { from: today, to: expectedEnd });
    return { affectedStayIds: affected.map((stay) => stay.id) };
  });
}
