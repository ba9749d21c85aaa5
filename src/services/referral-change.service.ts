import type { Kysely, Transaction } from 'kysely';
import { withTransaction } from '../data/change-author.ts';
import { insertReferralEvent } from '../data/referral-event.repository.ts';
import { type ReferralRow, existingLocationIds, findReferralForUpdate, updateReferralColumns } from '../data/referral.repository.ts';
import type { Database } from '../data/schema.ts';
import { cancelStays, lockPlannedStaysOfReferral } from '../data/stay.repository.ts';
import { nightsBetween } from '../domain/dates.ts';
import type { ReferralKind } from '../domain/referral.ts';
import { CHANGEABLE_STATUSES, FINAL_STATUSES, type ReferralStatus, mayMove, moveOf } from '../domain/referral-lifecycle.ts';
import type { Actor } from '../domain/roles.ts';
import { expandSeries } from '../domain/series.ts';
import { AppError, type FieldIssue, notFound } from '../errors.ts';
import { mailCaregiver } from './caregiver-mail.ts';
import { type NoticeSettings, noticeAfterChange } from './notification.service.ts';
import { type ReferralView, getReferral } from './referral.service.ts';
import { scopeOf } from './scope.ts';
import { isTooLong, tooLongIssue } from '../domain/stay-limits.ts';
import type { Urgency } from '../domain/triage/outcome.ts';

/** What may change in a referral before it has a place; null clears a field. */
export interface ReferralChange {
  kind?: ReferralKind;
  wishedArrival?: string | null;
  wishedDeparture?: string | null;
  expectedNights?: number | null;
  flexibilityDays?: number;
  recurrence?: string | null;
  preferredLocationIds?: string[];
  urgency?: Urgency | null;
  callbackPhone?: string | null;
  message?: string | null;
  providerNote?: string | null;
}

const COLUMNS = {
  kind: 'kind',
  wishedArrival: 'wished_arrival',
  wishedDeparture: 'wished_departure',
  expectedNights: 'expected_nights',
  flexibilityDays: 'flexibility_days',
  recurrence: 'recurrence',
  preferredLocationIds: 'preferred_location_ids',
  urgency: 'urgency',
  callbackPhone: 'callback_phone',
  message: 'message',
  providerNote: 'provider_note',
} as const satisfies Record<keyof ReferralChange, keyof ReferralRow>;

type Action = 'change' | 'withdraw' | 'close';

/** Why an action no longer fits the referral's status, as referral_not_changeable tells it. */
function notChangeable(action: Action, status: ReferralStatus): AppError {
  const reason =
    status === 'arrived' ? 'staying' : FINAL_STATUSES.includes(status) ? 'closed' : action === 'close' ? 'stays_planned' : 'placed';
  return new AppError('referral_not_changeable', { params: { action, reason, status } });
}

/**
 * The central point, or the referrer's own organisation, changes a referral before it is placed: its dates (or, for
 * crisis and ELV, the expected length), kind and wishes. The history records which fields changed.
 */
export async function changeReferral(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  change: ReferralChange,
  notices?: NoticeSettings,
): Promise<ReferralView> {
  await getReferral(db, scopeOf(actor), id);
  if ((await applyChange(db, id, change, actor.role)) && notices) await mailCaregiver(db, notices, id, 'changed');
  return getReferral(db, scopeOf(actor), id);
}

/** The caregiver who sent a public request changes its dates or note from its status page, before placement only. */
export async function changePublicRequest(
  db: Kysely<Database>,
  id: string,
  change: Pick<ReferralChange, 'wishedArrival' | 'wishedDeparture' | 'message'>,
  notices: NoticeSettings,
): Promise<void> {
  if (await applyChange(db, id, change, 'caregiver')) await mailCaregiver(db, notices, id, 'changed_by_caregiver');
}

/** Whether anything changed: a change to the same values is no change, and leaves no history. */
async function applyChange(db: Kysely<Database>, id: string, change: ReferralChange, actorRole: string): Promise<boolean> {
  return withTransaction(db, async (trx) => {
    const row = await lockReferral(trx, id);
    if (!CHANGEABLE_STATUSES.includes(row.status)) throw notChangeable('change', row.status);
    const next = { ...row };
    const changed: (keyof ReferralChange)[] = [];
    for (const key of Object.keys(COLUMNS) as (keyof ReferralChange)[]) {
      const value = change[key];
      if (value === undefined) continue;
      const column = COLUMNS[key];
      if (JSON.stringify(row[column]) === JSON.stringify(value)) continue;
      (next as Record<string, unknown>)[column] = value;
      changed.push(key);
    }
    if (changed.length === 0) return false;
    await assertConsistent(trx, next, changed);
    await updateReferralColumns(trx, id, Object.fromEntries(changed.map((key) => [COLUMNS[key], next[COLUMNS[key]]])));
    await recordEvent(trx, id, 'referral_changed', actorRole, { fields: changed });
    return true;
  });
}

/** What the schema cannot check alone: the dates together, a couple stay's partner, the locations, the rule. */
async function assertConsistent(trx: Transaction<Database>, next: ReferralRow, changed: readonly (keyof ReferralChange)[]) {
  const fields: FieldIssue[] = [];
  const datesField = changed.includes('wishedDeparture') ? 'wishedDeparture' : 'wishedArrival';
  if (next.wished_arrival && next.wished_departure && next.wished_departure <= next.wished_arrival) {
    fields.push({ field: datesField, code: 'departure_before_arrival' });
  } else if (next.wished_arrival && next.wished_departure && isTooLong({ from: next.wished_arrival, to: next.wished_departure })) {
    fields.push(tooLongIssue(datesField));
  }
  if (next.kind === 'couple_stay' && !next.partner_client_id) fields.push({ field: 'kind', code: 'partner_required' });
  if (changed.includes('preferredLocationIds')) {
    const known = await existingLocationIds(trx, next.preferred_location_ids);
    next.preferred_location_ids.forEach((locationId, index) => {
      if (!known.has(locationId)) fields.push({ field: `preferredLocationIds.${index}`, code: 'unknown_location' });
    });
  }
  if (next.recurrence && next.wished_arrival) {
    const nights = next.wished_departure ? nightsBetween(next.wished_arrival, next.wished_departure) : 1;
    const expanded = expandSeries({ rrule: next.recurrence, firstArrival: next.wished_arrival, nights: Math.min(nights, 90) });
    if (!expanded.ok) fields.push({ field: 'recurrence', code: expanded.problem.code });
  }
  if (fields.length > 0) throw new AppError('validation_failed', { fields });
}

/**
 * Withdraw ('withdrawn': no longer needed; its held and booked stays are cancelled with the reason) or close
 * ('closed': done, nothing planned is left) a referral. A referrer may withdraw its own before placement; only the
 * central point closes, or withdraws a placed referral.
 */
export async function closeReferral(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  request: { outcome: 'withdrawn' | 'closed'; reason: string },
  notices?: NoticeSettings,
): Promise<ReferralView> {
  await getReferral(db, scopeOf(actor), id);
  if (actor.role === 'referrer' && request.outcome === 'closed') throw new AppError('forbidden');
  await endReferral(db, id, request, { role: actor.role, beforePlacementOnly: actor.role === 'referrer' }, notices);
  if (notices) await mailCaregiver(db, notices, id, request.outcome);
  return getReferral(db, scopeOf(actor), id);
}

/** The caregiver who sent a public request withdraws it from its status page: like a referrer, before placement only. */
export async function withdrawPublicRequest(db: Kysely<Database>, id: string, reason: string, notices: NoticeSettings): Promise<void> {
  await endReferral(db, id, { outcome: 'withdrawn', reason }, { role: 'caregiver', beforePlacementOnly: true }, notices);
  await mailCaregiver(db, notices, id, 'withdrawn_by_caregiver');
}

/** A system client (FHIR) withdraws its organisation's request: like a referrer, before placement only. */
export async function withdrawBySystem(db: Kysely<Database>, id: string, reason: string, notices: NoticeSettings): Promise<void> {
  await endReferral(db, id, { outcome: 'withdrawn', reason }, { role: 'api_client', beforePlacementOnly: true }, notices);
}

async function endReferral(
  db: Kysely<Database>,
  id: string,
  request: { outcome: 'withdrawn' | 'closed'; reason: string },
  who: { role: string; beforePlacementOnly: boolean },
  notices?: NoticeSettings,
): Promise<void> {
  const action: Action = request.outcome === 'withdrawn' ? 'withdraw' : 'close';
  const cancelled = await withTransaction(db, async (trx) => {
    const row = await lockReferral(trx, id);
    const planned = await lockPlannedStaysOfReferral(trx, id);
    const closedAlready = !mayMove(action, row.status);
    const tooLate = who.beforePlacementOnly && !CHANGEABLE_STATUSES.includes(row.status);
    const staying = planned.some((stay) => stay.status === 'arrived');
    if (closedAlready || tooLate || staying || (action === 'close' && planned.length > 0)) throw notChangeable(action, row.status);
    const stayIds = planned.map((stay) => stay.id);
    await cancelStays(trx, stayIds, `Aanmelding ingetrokken: ${request.reason}`);
    // After the stays: their trigger sets the referral's status from them, which this then overrides.
    await updateReferralColumns(trx, id, {
      status: moveOf(action).to,
      ...(action === 'withdraw' ? { cancel_reason: request.reason } : { close_reason: request.reason }),
    });
    await recordEvent(trx, id, request.outcome === 'withdrawn' ? 'referral_withdrawn' : 'referral_closed', who.role, {});
    return stayIds;
  });
  // The provider and the referrer hear of each cancelled stay as of any other cancellation.
  await noticeAfterChange(db, notices, ...cancelled);
}

async function lockReferral(trx: Transaction<Database>, id: string): Promise<ReferralRow> {
  const row = await findReferralForUpdate(trx, id);
  if (!row) throw notFound('referral');
  return row;
}

async function recordEvent(
  trx: Transaction<Database>,
  referralId: string,
  kind: 'referral_changed' | 'referral_withdrawn' | 'referral_closed',
  actorRole: string,
  details: { fields: string[] } | Record<string, never>,
) {
  await insertReferralEvent(trx, { referralId, kind, actorRole, details });
}
