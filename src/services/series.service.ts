import type { Kysely } from 'kysely';
import { withTransaction } from '../data/change-author.ts';
import { type DateRange, addDays, nightsBetween, rangesOverlap } from '../domain/dates.ts';
import { expandSeries } from '../domain/series.ts';
import type { UnitDetailRow } from '../data/registry.repository.ts';
import { insertStaySeries, insertStays, isOverlapViolation, lockUnits } from '../data/stay.repository.ts';
import { noticeAfterChange } from './notification.service.ts';
import type { Database } from '../data/schema.ts';
import { AppError, type FieldIssue } from '../errors.ts';
import { type Alternatives, findAlternatives } from './alternatives.service.ts';
import type { AvailabilityReadModel } from './availability-read-model.ts';
import { type BookingSettings, type Stay, assertNotInPast, requireClient, requireUnit, toStay } from './booking.service.ts';
import { type PlacementProblem, placementProblem } from './placement.ts';
import { assertBookableForReferral } from './referral-booking.service.ts';
import { effectiveTriage } from './triage.service.ts';
import { appClock } from '../clock.ts';
import { holdExpiresAt } from '../domain/holds.ts';
import type { StayType } from '../domain/stay-types.ts';

export interface SeriesRequest {
  clientId: string;
  /** The referral the series answers, so that its status and history follow the stays. */
  referralId?: string;
  unitId: string;
  stayType: StayType;
  rrule: string;
  firstArrival: string;
  nights: number;
  status: 'hold' | 'confirmed';
  holdMinutes?: number;
  /** The caller's choices for dates that did not fit, keyed by the arrival the rule gave. */
  overrides: SeriesOverride[];
}

export interface SeriesOverride {
  arrival: string;
  skip?: boolean;
  unitId?: string;
  newArrival?: string;
}

interface PlannedStay {
  ruleArrival: string;
  period: DateRange;
  unit: UnitDetailRow;
}

export interface OccurrenceReport {
  ruleArrival: string;
  arrival: string;
  departure: string;
  unitId: string;
  problem: PlacementProblem['code'] | null;
  alternatives?: Alternatives;
}

/** Every stay of the series checked against the units, with alternatives where one does not fit. Writes nothing. */
export async function previewSeries(
  db: Kysely<Database>,
  request: SeriesRequest,
  readModel?: AvailabilityReadModel,
): Promise<OccurrenceReport[]> {
  const plan = await planSeries(db, request);
  return reportPlan(db, request, plan, readModel, await requiredFeaturesOf(db, request));
}

/** What the guest of a referral needs, from its triage; a series without a referral asks nothing. */
async function requiredFeaturesOf(db: Kysely<Database>, request: Pick<SeriesRequest, 'referralId'>): Promise<string[]> {
  return request.referralId ? ((await effectiveTriage(db, request.referralId))?.requiredFeatures ?? []) : [];
}

/**
 * Books every stay of the series in one transaction, or nothing: when a stay does not fit, the caller gets a
 * per-date report with alternatives and can send the series again with overrides (skip, other unit, other date).
 */
export async function bookSeries(
  db: Kysely<Database>,
  request: SeriesRequest,
  settings: BookingSettings,
): Promise<{ seriesId: string; stays: Stay[] }> {
  if (request.referralId) {
    const { referral } = await assertBookableForReferral(db, request.referralId, request.stayType);
    if (referral.client_id !== request.clientId)
      throw new AppError('validation_failed', { fields: [{ field: 'referralId', code: 'other_client' }] });
  }
  const plan = await planSeries(db, request);
  const requiredFeatures = await requiredFeaturesOf(db, request);
  const unitIds = [...new Set(plan.map((stay) => stay.unit.id))];
  const outcome = await withTransaction(db, async (trx) => {
    await lockUnits(trx, unitIds);
    for (const stay of plan) {
      const problem = await placementProblem(trx, stay.unit, request.stayType, stay.period, {
        clientId: request.clientId,
        expireLapsedHolds: true,
        requiredFeatures,
      });
      if (problem) return { conflict: true as const };
    }
    const seriesId = await insertStaySeries(trx, { clientId: request.clientId, rrule: request.rrule, nights: request.nights });
    const holdMinutes = request.holdMinutes ?? settings.defaultHoldMinutes;
    const rows = await insertStays(
      trx,
      plan.map((stay) => ({
        unit_id: stay.unit.id,
        client_id: request.clientId,
        stay_type: request.stayType,
        arrival: stay.period.from,
        departure: stay.period.to,
        status: request.status,
        hold_expires_at: request.status === 'hold' ? holdExpiresAt(appClock().now(), holdMinutes) : null,
        series_id: seriesId,
        referral_id: request.referralId ?? null,
        required_features: requiredFeatures,
      })),
    );
    return { seriesId, stays: rows.map(toStay) };
  }).catch((error: unknown) => {
    // A writer that slipped in between our check and insert: report it like any other conflict.
    if (isOverlapViolation(error)) return { conflict: true as const };
    throw error;
  });
  if ('conflict' in outcome) {
    const report = await reportPlan(db, request, plan, settings.availability, requiredFeatures);
    const conflicts = report.filter((occurrence) => occurrence.problem !== null);
    throw new AppError('series_conflict', {
      params: { conflicts: conflicts.length, total: report.length },
      extensions: { occurrences: report },
    });
  }
  // One notice for the whole series, to the referrer, the central point and the provider.
  await noticeAfterChange(db, settings.notices, ...outcome.stays.map((stay) => stay.id));
  return outcome;
}

async function planSeries(db: Kysely<Database>, request: SeriesRequest): Promise<PlannedStay[]> {
  const expanded = expandSeries({ rrule: request.rrule, firstArrival: request.firstArrival, nights: request.nights });
  if (!expanded.ok) {
    throw new AppError('series_invalid', { fields: [{ field: expanded.problem.field, code: expanded.problem.code }] });
  }
  await requireClient(db, request.clientId);
  const units = new Map<string, UnitDetailRow>();
  const unitById = async (unitId: string) => {
    if (!units.has(unitId)) units.set(unitId, await requireUnit(db, unitId));
    return units.get(unitId)!;
  };
  const byArrival = new Map(request.overrides.map((override, index) => [override.arrival, { override, index }]));
  const issues: FieldIssue[] = [];
  const known = new Set(expanded.occurrences.map((occurrence) => occurrence.arrival));
  for (const [arrival, { index }] of byArrival) {
    if (!known.has(arrival)) issues.push({ field: `overrides.${index}.arrival`, code: 'not_an_occurrence' });
  }
  if (issues.length > 0) throw new AppError('validation_failed', { fields: issues });

  const plan: PlannedStay[] = [];
  for (const occurrence of expanded.occurrences) {
    const override = byArrival.get(occurrence.arrival)?.override;
    if (override?.skip) continue;
    const from = override?.newArrival ?? occurrence.arrival;
    const period = { from, to: addDays(from, nightsBetween(occurrence.arrival, occurrence.departure)) };
    plan.push({ ruleArrival: occurrence.arrival, period, unit: await unitById(override?.unitId ?? request.unitId) });
  }
  if (plan.length === 0) throw new AppError('series_invalid', { fields: [{ field: 'overrides', code: 'no_occurrences' }] });
  for (const stay of plan) assertNotInPast(stay.period.from, 'firstArrival');
  // Overrides may move two stays of the series onto each other, on one unit or two (one guest sleeps in one
  // bed a night); the database would refuse that too.
  for (let i = 0; i < plan.length; i++) {
    for (let j = i + 1; j < plan.length; j++) {
      if (rangesOverlap(plan[i]!.period, plan[j]!.period)) {
        const index = byArrival.get(plan[j]!.ruleArrival)?.index ?? byArrival.get(plan[i]!.ruleArrival)?.index ?? 0;
        throw new AppError('series_invalid', { fields: [{ field: `overrides.${index}.newArrival`, code: 'overlapping_occurrences' }] });
      }
    }
  }
  return plan;
}

async function reportPlan(
  db: Kysely<Database>,
  request: Pick<SeriesRequest, 'stayType' | 'clientId'>,
  plan: PlannedStay[],
  readModel: AvailabilityReadModel | undefined,
  requiredFeatures: readonly string[],
): Promise<OccurrenceReport[]> {
  const { stayType, clientId } = request;
  const report: OccurrenceReport[] = [];
  for (const stay of plan) {
    const problem = await placementProblem(db, stay.unit, stayType, stay.period, { clientId, requiredFeatures });
    const base = {
      ruleArrival: stay.ruleArrival,
      arrival: stay.period.from,
      departure: stay.period.to,
      unitId: stay.unit.id,
      problem: problem?.code ?? null,
    };
    // Another room does not help a guest who already stays elsewhere those nights: no alternatives then.
    const placeable = problem !== null && problem.code !== 'client_already_staying';
    report.push(placeable ? { ...base, alternatives: await findAlternatives(db, stay.unit, stayType, stay.period, readModel) } : base);
  }
  return report;
}
