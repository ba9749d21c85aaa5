import type { Kysely } from 'kysely';
import { type ReferralRow, findReferral } from '../data/referral.repository.ts';
import type { Database } from '../data/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { type BookingSettings, type NewStay, type Stay, createStay } from './booking.service.ts';
import { effectiveTriage } from './triage.service.ts';
import { mayBeOpenEnded, wishedPeriod } from '../domain/referral.ts';
import { appClock } from '../clock.ts';

const CLOSED = new Set(['cancelled', 'closed']);

/**
 * Holds or books a unit for a triaged referral, for one of the stay types the (possibly overridden) triage advises;
 * the referral's status then follows the stay (see 0009_referral_stays.sql).
 */
export async function bookForReferral(
  db: Kysely<Database>,
  referralId: string,
  input: Omit<NewStay, 'clientId' | 'referralId' | 'requiredFeatures'>,
  settings: BookingSettings,
): Promise<Stay> {
  const { referral, advice } = await assertBookableForReferral(db, referralId, input.stayType);
  // Without a wished departure the end is not known: the stay is booked for the expected length, open-ended.
  const openEnded = referral.wished_departure === null && mayBeOpenEnded(referral.kind);
  // The guest's needs travel with the stay: the service and the database check them on every placement.
  return createStay(
    db,
    { ...input, clientId: referral.client_id, referralId, openEnded, requiredFeatures: advice.requiredFeatures },
    settings,
  );
}

/** A referral may get stays while it is open and triaged, of a stay type its (possibly overridden) triage advises. */
export async function assertBookableForReferral(db: Kysely<Database>, referralId: string, stayType: string) {
  const referral = await findReferral(db, referralId);
  if (!referral) throw notFound('referral');
  if (CLOSED.has(referral.status)) throw new AppError('invalid_transition', { params: { status: referral.status } });
  const advice = await effectiveTriage(db, referralId);
  if (!advice) throw new AppError('not_triaged');
  if (!advice.stayTypes.includes(stayType as never)) {
    throw new AppError('stay_type_not_advised', { params: { advised: advice.stayTypes.join(', ') || '-' } });
  }
  return { referral, advice };
}

/** The referral's wished period as domain/referral.ts reads it, on the app's today. */
export function referralPeriod(referral: Pick<ReferralRow, 'kind' | 'wished_arrival' | 'wished_departure' | 'expected_nights'>) {
  return wishedPeriod(
    {
      kind: referral.kind,
      wishedArrival: referral.wished_arrival,
      wishedDeparture: referral.wished_departure,
      expectedNights: referral.expected_nights,
    },
    appClock().today(),
  );
}
