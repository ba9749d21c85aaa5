import type { Kysely } from 'kysely';
import { withTransaction } from '../data/change-author.ts';
import * as registry from '../data/registry-admin.repository.ts';
import type { Database } from '../data/schema.ts';
import { lockUnits } from '../data/stay.repository.ts';
import { AppError, notFound } from '../errors.ts';
import { findAlternatives } from './alternatives.service.ts';
import type { AvailabilityReadModel } from './availability-read-model.ts';
import { moveStay, requireUnit } from './booking.service.ts';
import type { NoticeSettings } from './notification.service.ts';
import { refuseStranded } from './registry-admin.service.ts';
import { type Scope, assertUnitInScope } from './scope.ts';

export interface RetireOptions {
  /** Stays ahead that go to another unit first, each chosen explicitly. */
  moves: readonly { stayId: string; unitId: string }[];
  readModel?: AvailabilityReadModel;
  notices?: NoticeSettings;
}

/**
 * Takes a unit out of use from a day on. Stays planned from then are never stranded silently: without moves the
 * retirement is refused and the stays are listed, each with free units for its dates (within the provider's own
 * organisation for its planner). With moves, each named stay goes to its chosen unit first (every move checked
 * and announced like any other); the unit is retired only when nothing is left on it.
 */
export async function retireUnit(db: Kysely<Database>, scope: Scope, unitId: string, from: string, options: RetireOptions) {
  await assertUnitInScope(db, scope, unitId);
  const current = await registry.findUnitAdmin(db, unitId);
  if (!current) throw notFound('unit');
  if (from <= current.activeFrom) throw new AppError('validation_failed', { fields: [{ field: 'from', code: 'retire_before_active' }] });

  const stranded = await registry.occupyingStaysFrom(db, unitId, from);
  for (const [index, move] of options.moves.entries()) {
    if (!stranded.some((stay) => stay.id === move.stayId)) {
      throw new AppError('validation_failed', { fields: [{ field: `moves.${index}.stayId`, code: 'not_on_this_unit' }] });
    }
    await assertUnitInScope(db, scope, move.unitId);
  }
  for (const move of options.moves)
    await moveStay(db, move.stayId, move.unitId, { availability: options.readModel, notices: options.notices });

  const left = await registry.occupyingStaysFrom(db, unitId, from);
  if (left.length > 0) {
    const unit = await requireUnit(db, unitId);
    const own =
      scope.kind === 'organisation'
        ? new Set((await registry.listLocationsAdmin(db, { organisationId: scope.organisationId })).map((l) => l.id))
        : null;
    const stays = await Promise.all(
      left.map(async (stay) => {
        const { otherUnits } = await findAlternatives(
          db,
          unit,
          stay.stayType,
          { from: stay.arrival, to: stay.departure },
          options.readModel,
        );
        return { ...stay, alternatives: otherUnits.filter((option) => own === null || own.has(option.locationId)) };
      }),
    );
    throw new AppError('unit_has_stays', { params: { count: stays.length }, extensions: { stays } });
  }
  return withTransaction(db, async (trx) => {
    // Bookings lock the unit's row too: a stay booked after the check above is seen here, or waits for the retirement.
    await lockUnits(trx, [unitId]);
    await refuseStranded(trx, unitId, from);
    const updated = await registry.updateUnitRow(trx, unitId, { activeUntil: from });
    await registry.confirmLocationRow(trx, current.locationId);
    return updated;
  });
}
