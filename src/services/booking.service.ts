import type { Kysely, Transaction } from 'kysely';
import { changeAuthorSetting, withTransaction } from '../data/change-author.ts';
import type { DateRange } from '../domain/dates.ts';
import { type StayAction, type StayStatus, allowedDateChange, canMove, nextStatus } from '../domain/stay-lifecycle.ts';
import { clientExists } from '../data/client.repository.ts';
import { findUnit, type UnitDetailRow } from '../data/registry.repository.ts';
import { stayOccupation } from '../data/availability.repository.ts';
import {
  findStay,
  findClientOverlaps,
  findStayNames,
  insertStays,
  isClientOverlapViolation,
  isMissingFeaturesViolation,
  isOverlapViolation,
  isUnknownClient,
  lockUnits,
  placeStay,
  updateStay,
} from '../data/stay.repository.ts';
import type { Database, StayRow } from '../data/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { findAlternatives } from './alternatives.service.ts';
import type { AvailabilityReadModel, IndexedUnitRow } from './availability-read-model.ts';
import { type NoticeSettings, noticeAfterChange } from './notification.service.ts';
import { type PlacementProblem, placementProblem, unitRuleProblem } from './placement.ts';
import { type Scope, assertStayInScope } from './scope.ts';
import { appClock } from '../clock.ts';
import { holdExpiresAt, holdHasLapsed } from '../domain/holds.ts';
import { isTooLong, tooLongIssue } from '../domain/stay-limits.ts';
import { hasAllFeatures } from '../domain/care-features.ts';
import type { StayType } from '../domain/stay-types.ts';

export interface Stay {
  id: string;
  unitId: string;
  clientId: string;
  stayType: StayType;
  arrival: string;
  departure: string;
  status: StayStatus;
  holdExpiresAt: string | null;
  cancelReason: string | null;
  seriesId: string | null;
  referralId: string | null;
  openEnded: boolean;
  /** What the guest needs, from the triage. */
  requiredFeatures: string[];
  /** A coordinator placed the guest on a unit that lacks some of it: why, and who. */
  featureOverride: { reason: string; by: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

export function toStay(row: StayRow): Stay {
  return {
    id: row.id,
    unitId: row.unit_id,
    clientId: row.client_id,
    stayType: row.stay_type,
    arrival: row.arrival,
    departure: row.departure,
    status: row.status,
    holdExpiresAt: row.hold_expires_at ? new Date(row.hold_expires_at).toISOString() : null,
    cancelReason: row.cancel_reason,
    seriesId: row.series_id,
    referralId: row.referral_id,
    openEnded: row.open_ended,
    requiredFeatures: row.required_features,
    featureOverride: row.feature_override_reason ? { reason: row.feature_override_reason, by: row.feature_override_by } : null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** What the booking functions take beside the database and their subject: one shape for all of them. */
export interface BookingOptions {
  /** When given, alternatives for a conflict come from memory instead of the database. */
  availability?: AvailabilityReadModel;
  /** When given, a booking for a referral is told to the referrer and the central point at once (else by the minute job). */
  notices?: NoticeSettings;
}

export interface BookingSettings extends BookingOptions {
  /** How long a hold keeps a unit when the caller does not say. */
  defaultHoldMinutes: number;
  /** Called when the booking is in the read model already: it changed nothing else, so nobody need wait for a poll. */
  inReadModel?: () => void;
}

export interface NewStay {
  unitId: string;
  clientId: string;
  stayType: StayType;
  arrival: string;
  departure: string;
  /** 'hold' keeps the unit until confirmed or expired; 'confirmed' books at once. */
  status: 'hold' | 'confirmed';
  holdMinutes?: number;
  /** The referral the stay answers; its status then follows the stay's. */
  referralId?: string;
  /** The departure is an expectation (crisis, ELV without a known end). */
  openEnded?: boolean;
  /** What the guest needs (from the triage): the unit must offer all of it. */
  requiredFeatures?: readonly string[];
  /** Only a coordinator: place on a unit that lacks some required features, for this reason (audited on the stay). */
  featureOverride?: { reason: string; by: string | null };
}

export async function createStay(db: Kysely<Database>, input: NewStay, settings: BookingSettings): Promise<Stay> {
  const period = { from: input.arrival, to: input.departure };
  assertNotInPast(period.from, 'arrival');
  assertNotTooLong(period);
  return (await placeAtOnce(db, input, period, settings)) ?? placeCarefully(db, input, period, settings);
}

/**
 * The hot path, one round trip (place_stay): the unit's rules checked against the read model's copy of the unit,
 * which the statement compares with the locked row. Undefined whenever the careful path must decide: no read
 * model, a unit rule broken or changed, a closure, or an overlap the read model cannot name as a booked stay (a
 * hold that may have lapsed, a stay it has not seen yet, the guest's own stays).
 */
async function placeAtOnce(db: Kysely<Database>, input: NewStay, period: DateRange, settings: BookingSettings): Promise<Stay | undefined> {
  const known = settings.availability?.unit(input.unitId);
  if (!known) return undefined;
  const unit = unitDetailOf(known);
  if (unitRuleProblem(unit, input.stayType, period, requiredFeaturesOf(input))) return undefined;
  let row: StayRow | undefined;
  try {
    row = await placeStay(db, unit, newStayRow(input, settings), changeAuthorSetting());
  } catch (error) {
    if (isUnknownClient(error)) throw notFound('client');
    // A booked stay the read model knows is a conflict; a hold may have lapsed since the model last polled, and the
    // careful path expires lapsed holds.
    const seenBooked = settings.availability!.occupationsOf(unit.id, period).some((occupation) => occupation.kind === 'booked');
    if (isOverlapViolation(error) && !isClientOverlapViolation(error) && !seenBooked) return undefined;
    throw await withAlternatives(error, db, settings.availability, unit, input.stayType, period, { clientId: input.clientId });
  }
  if (!row) return undefined;
  settings.availability!.placed(stayOccupation(row));
  settings.inReadModel?.();
  await noticeAfterChange(db, settings.notices, row.id);
  return toStay(row);
}

/** The careful path: the unit locked and read, every blocker named, lapsed holds expired, then the insert. */
async function placeCarefully(db: Kysely<Database>, input: NewStay, period: DateRange, settings: BookingSettings): Promise<Stay> {
  let unit: UnitDetailRow | undefined;
  try {
    const row = await withTransaction(db, async (trx) => {
      // Read and lock the unit in one statement: the checks below see it as it is while we hold it.
      unit = await findUnit(trx, input.unitId, { lock: true });
      if (!unit) throw notFound('unit');
      throwIfProblem(
        await placementProblem(trx, unit, input.stayType, period, {
          clientId: input.clientId,
          expireLapsedHolds: true,
          requiredFeatures: requiredFeaturesOf(input),
        }),
      );
      const [inserted] = await insertStays(trx, [{ ...newStayRow(input, settings), unit_id: unit.id }]);
      return inserted!;
    });
    await noticeAfterChange(db, settings.notices, row.id);
    return toStay(row);
  } catch (error) {
    // The client is checked by its foreign key: one query fewer on the busiest path.
    if (isUnknownClient(error)) throw notFound('client');
    throw unit
      ? await withAlternatives(error, db, settings.availability, unit, input.stayType, period, { clientId: input.clientId })
      : error;
  }
}

/** What the unit must offer: what the guest needs, unless a coordinator overrode it. */
function requiredFeaturesOf(input: NewStay): readonly string[] {
  return input.featureOverride ? [] : (input.requiredFeatures ?? []);
}

function newStayRow(input: NewStay, settings: BookingSettings) {
  return {
    client_id: input.clientId,
    stay_type: input.stayType,
    arrival: input.arrival,
    departure: input.departure,
    status: input.status,
    hold_expires_at: input.status === 'hold' ? holdExpiresAt(appClock().now(), input.holdMinutes ?? settings.defaultHoldMinutes) : null,
    referral_id: input.referralId ?? null,
    open_ended: input.openEnded ?? false,
    required_features: [...(input.requiredFeatures ?? [])],
    feature_override_reason: input.featureOverride?.reason.trim() ?? null,
    feature_override_by: input.featureOverride?.by ?? null,
  };
}

/** The read model's unit in the shape the placement rules and conflict messages take; its features are the effective ones. */
function unitDetailOf(unit: IndexedUnitRow): UnitDetailRow {
  return {
    id: unit.unitId,
    name: unit.unitName,
    kind: unit.kind,
    acceptedStayTypes: unit.acceptedStayTypes,
    reservedFor: unit.reservedFor,
    unitFeatures: unit.features,
    activeFrom: unit.activeFrom,
    activeUntil: unit.activeUntil,
    locationId: unit.locationId,
    locationName: unit.locationName,
    locationFeatures: [],
    regionId: unit.regionId,
    organisationId: unit.organisationId,
    latitude: unit.latitude,
    longitude: unit.longitude,
  };
}

/** A stay with who stays and where, for its page. */
export async function getStayDetail(db: Kysely<Database>, scope: Scope, stayId: string) {
  await assertStayInScope(db, scope, stayId);
  const [stay, names] = await Promise.all([getStay(db, stayId), findStayNames(db, stayId)]);
  if (!names) throw notFound('stay');
  return { ...stay, ...names };
}

export async function getStay(db: Kysely<Database>, stayId: string): Promise<Stay> {
  const row = await findStay(db, stayId);
  if (!row) throw notFound('stay');
  return toStay(row);
}

/** confirm, cancel, arrive, depart, no_show: a status change allowed by the lifecycle table. */
export async function transitionStay(
  db: Kysely<Database>,
  stayId: string,
  action: Exclude<StayAction, 'change_dates' | 'move'>,
  options: BookingOptions & { reason?: string } = {},
): Promise<Stay> {
  if (action === 'cancel' && !options.reason?.trim()) {
    throw new AppError('validation_failed', { fields: [{ field: 'reason', code: 'required' }] });
  }
  const row = await withTransaction(db, async (trx) => {
    const stay = await lockStay(trx, stayId);
    if (action === 'confirm' && stay.status === 'hold' && holdHasLapsed(stay.hold_expires_at, appClock().now())) {
      await updateStay(trx, stayId, { status: 'expired', hold_expires_at: null });
      return { expired: true as const };
    }
    const next = nextStatus(action, stay.status);
    if (!next) throw invalidTransition(action, stay.status);
    return updateStay(trx, stayId, {
      status: next,
      hold_expires_at: null,
      cancel_reason: next === 'cancelled' ? options.reason!.trim() : null,
    });
  });
  if ('expired' in row) throw new AppError('hold_expired');
  await noticeAfterChange(db, options.notices, row.id);
  return toStay(row);
}

/**
 * Shorten, extend or shift a stay; the unit stays the same. Only the nights the change adds must be free: a
 * guest whose stay a later closure overlaps can still be sent home earlier.
 */
export async function changeStayDates(
  db: Kysely<Database>,
  stayId: string,
  change: { arrival?: string; departure?: string },
  { availability: readModel, notices }: BookingOptions = {},
): Promise<Stay> {
  const { row: current, unit } = await readStayAndUnit(db, stayId);
  const period = { from: change.arrival ?? current.arrival, to: change.departure ?? current.departure };
  const guest = { clientId: current.client_id, excludeStayId: stayId };
  return withConflictAlternatives(db, readModel, unit, current.stay_type, period, guest, async () => {
    const row = await withTransaction(db, async (trx) => {
      // The stay first, then its unit: every writer locks in this order, and the decision uses the locked row only.
      const stay = await lockStay(trx, stayId);
      await lockUnits(trx, [stay.unit_id]);
      const target = { from: change.arrival ?? stay.arrival, to: change.departure ?? stay.departure };
      assertDateChangeAllowed(stay, target, change);
      const stayUnit = stay.unit_id === unit.id ? unit : await requireUnit(trx, stay.unit_id);
      for (const added of addedNights({ from: stay.arrival, to: stay.departure }, target)) {
        throwIfProblem(
          await placementProblem(trx, stayUnit, stay.stay_type, added, {
            clientId: stay.client_id,
            excludeStayId: stayId,
            expireLapsedHolds: true,
          }),
        );
      }
      return updateStay(trx, stayId, { arrival: target.from, departure: target.to });
    });
    await noticeAfterChange(db, notices, row.id);
    return toStay(row);
  });
}

function assertDateChangeAllowed(stay: StayRow, target: DateRange, change: { arrival?: string }): void {
  const allowed = allowedDateChange(stay.status);
  if (allowed === 'none') throw invalidTransition('change_dates', stay.status);
  if (allowed === 'departure_only' && change.arrival !== undefined && change.arrival !== stay.arrival) {
    throw new AppError('validation_failed', { fields: [{ field: 'arrival', code: 'arrival_fixed_after_arrival' }] });
  }
  if (target.to <= target.from) {
    throw new AppError('validation_failed', { fields: [{ field: 'departure', code: 'departure_before_arrival' }] });
  }
  if (target.from !== stay.arrival) assertNotInPast(target.from, 'arrival');
  assertNotInPast(target.to, 'departure');
  assertNotTooLong(target);
}

function assertNotTooLong(period: DateRange): void {
  if (isTooLong(period)) throw new AppError('validation_failed', { fields: [tooLongIssue()] });
}

/** The parts of the new period that the old one did not cover: before it, after it, or all of it. */
export function addedNights(old: DateRange, next: DateRange): DateRange[] {
  if (next.to <= old.from || next.from >= old.to) return [next];
  const added: DateRange[] = [];
  if (next.from < old.from) added.push({ from: next.from, to: old.from });
  if (next.to > old.to) added.push({ from: old.to, to: next.to });
  return added;
}

/** Move a planned stay to another unit for the same dates. */
export async function moveStay(
  db: Kysely<Database>,
  stayId: string,
  targetUnitId: string,
  { availability: readModel, notices }: BookingOptions = {},
): Promise<Stay> {
  const { row: current } = await readStayAndUnit(db, stayId);
  if (!canMove(current.status)) throw invalidTransition('move', current.status);
  const target = await requireUnit(db, targetUnitId);
  const guest = { clientId: current.client_id, excludeStayId: stayId };
  return withConflictAlternatives(
    db,
    readModel,
    target,
    current.stay_type,
    { from: current.arrival, to: current.departure },
    guest,
    async () => {
      const row = await withTransaction(db, async (trx) => {
        const stay = await lockStay(trx, stayId);
        await lockUnits(trx, [stay.unit_id, target.id]);
        if (!canMove(stay.status)) throw invalidTransition('move', stay.status);
        const period = { from: stay.arrival, to: stay.departure };
        // A coordinator's override was for the unit it named: on another unit the guest's needs count again.
        throwIfProblem(
          await placementProblem(trx, target, stay.stay_type, period, {
            clientId: stay.client_id,
            excludeStayId: stayId,
            expireLapsedHolds: true,
            requiredFeatures: stay.required_features,
          }),
        );
        return updateStay(trx, stayId, { unit_id: target.id, feature_override_reason: null, feature_override_by: null });
      });
      await noticeAfterChange(db, notices, row.id);
      return toStay(row);
    },
  );
}

/** Where a planned stay could move for the same dates: the free units nearest to its own. */
export async function moveOptions(db: Kysely<Database>, stayId: string, { availability: readModel }: BookingOptions = {}) {
  const { row, unit } = await readStayAndUnit(db, stayId);
  const alternatives = await findAlternatives(db, unit, row.stay_type, { from: row.arrival, to: row.departure }, readModel);
  // Only units that give the guest what they need: a move never breaks a care need.
  return alternatives.otherUnits.filter((option) => hasAllFeatures(option.features, row.required_features));
}

/** A first, unlocked read: enough for 404s and for naming the unit in a conflict message. */
async function readStayAndUnit(db: Kysely<Database>, stayId: string): Promise<{ row: StayRow; unit: UnitDetailRow }> {
  const row = await findStay(db, stayId);
  if (!row) throw notFound('stay');
  return { row, unit: await requireUnit(db, row.unit_id) };
}

async function lockStay(trx: Transaction<Database>, stayId: string): Promise<StayRow> {
  const stay = await findStay(trx, stayId, true);
  if (!stay) throw notFound('stay');
  return stay;
}

export async function requireUnit(db: Kysely<Database>, unitId: string): Promise<UnitDetailRow> {
  const unit = await findUnit(db, unitId);
  if (!unit) throw notFound('unit');
  return unit;
}

export async function requireClient(db: Kysely<Database>, clientId: string): Promise<void> {
  if (!(await clientExists(db, clientId))) throw notFound('client');
}

export function assertNotInPast(date: string, field: string): void {
  if (date < appClock().today()) throw new AppError('arrival_in_past', { fields: [{ field, code: 'date_in_past' }] });
}

function throwIfProblem(problem: PlacementProblem | null): void {
  if (problem?.code === 'unit_lacks_features') throw lacksFeatures(problem.missing);
  if (problem) throw new AppError(problem.code);
}

function lacksFeatures(missing: readonly string[]): AppError {
  return new AppError('unit_lacks_features', { params: { missing: missing.join(',') }, extensions: { missingFeatures: missing } });
}

/** Whose stay is being placed: a refusal because the guest already stays elsewhere names those stays. */
interface Guest {
  clientId: string;
  excludeStayId?: string;
}

/**
 * Runs a write; when the unit turns out to be taken or closed, or the guest already staying elsewhere, whether
 * found by our check or by an exclusion constraint, the caller gets a conflict error that says what to do next.
 */
async function withConflictAlternatives<T>(
  db: Kysely<Database>,
  readModel: AvailabilityReadModel | undefined,
  unit: UnitDetailRow,
  stayType: string,
  period: DateRange,
  guest: Guest,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw await withAlternatives(error, db, readModel, unit, stayType, period, guest);
  }
}

/** A conflict becomes an AppError with alternatives (or the guest's other stays); any other error passes unchanged. */
async function withAlternatives(
  error: unknown,
  db: Kysely<Database>,
  readModel: AvailabilityReadModel | undefined,
  unit: UnitDetailRow,
  stayType: string,
  period: DateRange,
  guest: Guest,
): Promise<unknown> {
  if (isClientOverlapViolation(error) || (error instanceof AppError && error.code === 'client_already_staying')) {
    return clientAlreadyStaying(db, guest, period);
  }
  if (isMissingFeaturesViolation(error))
    return lacksFeatures(
      String((error as { detail?: unknown }).detail ?? '')
        .split(',')
        .filter(Boolean),
    );
  const code = isOverlapViolation(error) ? 'stay_conflict' : error instanceof AppError ? error.code : undefined;
  if (code !== 'stay_conflict' && code !== 'unit_closed') return error;
  const alternatives = await findAlternatives(db, unit, stayType, period, readModel);
  return new AppError(code, {
    params: { unit: unit.name, location: unit.locationName, arrival: period.from, departure: period.to },
    extensions: { alternatives },
  });
}

/** The 409 for a guest who already has a stay in the period: which stays, so the caller can open or change them. */
async function clientAlreadyStaying(db: Kysely<Database>, guest: Guest, period: DateRange): Promise<AppError> {
  const stays = await findClientOverlaps(db, guest.clientId, period, guest.excludeStayId);
  const first = stays[0];
  return new AppError('client_already_staying', {
    params: first
      ? { location: first.locationName, unit: first.unitName, arrival: first.arrival, departure: first.departure }
      : { arrival: period.from, departure: period.to },
    extensions: { stays },
  });
}

function invalidTransition(action: StayAction, status: StayStatus): AppError {
  return new AppError('invalid_transition', { params: { action, status } });
}
