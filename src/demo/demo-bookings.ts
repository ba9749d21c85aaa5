import type { StaySeriesTable, StayStatus, StayTable } from '../data/schema.ts';
import { addDays, type IsoDate, isoWeekday, nightsBetween } from '../domain/dates.ts';
import { distanceKm } from '../domain/geo.ts';
import type { StayType } from '../domain/stay-types.ts';
import type { DemoClient } from './demo-clients.ts';
import type { DemoRow, Registry, UnitInfo } from './demo-registry.ts';
import { createOccupancy } from './occupancy.ts';
import { type DemoWindow, type GuestPlan, RECOVERY_STAYS, recoveryOccupancy, type StayPlan } from './pilot-demand.ts';
import type { Random } from './prng.ts';

/**
 * Places stays on units without overlaps: respite requests near their wished dates, then ELV and crisis
 * admissions in what is left up to today. Cancelled requests are recorded but occupy nothing.
 */
export function createBookings(registry: Registry, window: DemoWindow, random: Random, ids: Random) {
  const stays: DemoRow<StayTable>[] = [];
  const series: DemoRow<StaySeriesTable>[] = [];
  const unitDays = createOccupancy(window.days);
  const guestDays = createOccupancy(window.days);
  const dateOf = (day: number) => addDays(window.from, day);
  const dayOf = (date: IsoDate) => nightsBetween(window.from, date);
  const weekdays = Array.from({ length: window.days }, (_, day) => isoWeekday(dateOf(day)));
  const unitById = new Map(registry.units.map((unit) => [unit.id, unit]));

  for (const unit of registry.units) unitDays.occupy(unit.id, 0, unit.opensOn);
  const admissionStops: { locationKey: string; from: number; to: number }[] = [];
  for (const closure of registry.rows.closures) {
    const [from, to] = [dayOf(closure.starts_on), dayOf(closure.ends_on)];
    unitDays.occupy(closure.unit_id, from, to);
    const locationKey = unitById.get(closure.unit_id)!.locationKey;
    if (closure.reason === 'admission_stop') admissionStops.push({ locationKey, from, to });
  }

  const status = (from: number, to: number): StayStatus =>
    to <= window.today ? 'departed' : from < window.today ? 'arrived' : 'confirmed';
  const record = (
    unit: UnitInfo,
    client: DemoClient,
    stayType: StayType,
    from: number,
    nights: number,
    seriesId: string | null,
    cancelReason: string | null = null,
  ) => {
    if (cancelReason === null) {
      unitDays.occupy(unit.id, from, from + nights);
      guestDays.occupy(client.id, from, from + nights);
    }
    stays.push({
      id: ids.uuid(),
      unit_id: unit.id,
      client_id: client.id,
      stay_type: stayType,
      arrival: dateOf(from),
      departure: dateOf(from + nights),
      status: cancelReason === null ? status(from, from + nights) : 'cancelled',
      hold_expires_at: null,
      cancel_reason: cancelReason,
      series_id: seriesId,
      referral_id: null,
      open_ended: false,
      required_features: [],
      feature_override_reason: null,
      feature_override_by: null,
    });
  };

  /**
   * Beds in the order they are tried: as close to home as possible, and at one location the beds reserved for
   * this kind of stay before the flexible ones. Each tier holds the beds of one location that are equally suitable.
   */
  const tiersFor = (plan: GuestPlan, client: DemoClient): UnitInfo[][] => {
    const ranked = registry.units
      .filter(
        (unit) =>
          plan.locationKeys.includes(unit.locationKey) && unit.kind === plan.unitKind && unit.acceptedStayTypes.includes(plan.stayType),
      )
      .map((unit) => ({ unit, km: distanceKm(client.home, unit.point), reserved: unit.reservedFor === plan.stayType }))
      .sort((a, b) => a.km - b.km || Number(b.reserved) - Number(a.reserved));
    const tiers = new Map<string, UnitInfo[]>();
    for (const { unit, reserved } of ranked) {
      const key = `${unit.locationKey}/${reserved}`;
      tiers.set(key, [...(tiers.get(key) ?? []), unit]);
    }
    return [...tiers.values()];
  };

  /** The date nearest the wish (within maxShift days) on which a bed of the tier is free; at home a day in between. */
  const findPlacement = (tier: readonly UnitInfo[], client: DemoClient, plan: StayPlan) => {
    for (let step = 0; step <= 2 * plan.maxShift; step++) {
      const from = plan.desired + (step % 2 === 0 ? step / 2 : -(step + 1) / 2);
      const to = from + plan.nights;
      if (from < 0 || to > window.days) continue;
      if (!guestDays.isFree(client.id, Math.max(0, from - 1), Math.min(window.days, to + 1))) continue;
      const unit = tier.find((candidate) => candidate.admissionWeekdays.has(weekdays[from]!) && unitDays.isFree(candidate.id, from, to));
      if (unit) return { unit, from };
    }
    return undefined;
  };

  const bookRespite = (plan: GuestPlan, client: DemoClient, stay: StayPlan, seriesId: string | null) => {
    const tiers = tiersFor(plan, client);
    const preferred = tiers[0]?.[0];
    if (!preferred) throw new Error(`No ${plan.unitKind} for ${plan.stayType} at ${plan.locationKeys.join(', ')}`);
    if (stay.cancelReason) {
      record(preferred, client, plan.stayType, stay.desired, stay.nights, seriesId, stay.cancelReason);
      return;
    }
    let wish = stay;
    const stop = admissionStops.find(
      (candidate) =>
        candidate.locationKey === preferred.locationKey && candidate.from < stay.desired + stay.nights && stay.desired < candidate.to,
    );
    if (stop) {
      record(preferred, client, plan.stayType, stay.desired, stay.nights, seriesId, 'Opnamestop op de locatie');
      // A single stay is booked again after the stop; a series simply skips the occurrence.
      if (seriesId) return;
      wish = { ...stay, desired: stop.to + random.int(1, 14) };
    }
    // A single stay rather moves a few days to get the preferred bed; a series keeps its rhythm and takes any bed.
    const placement = (seriesId ? [tiers.flat()] : tiers)
      .map((tier) => findPlacement(tier, client, wish))
      .find((found) => found !== undefined);
    // No bed near the wish: in reality the request goes elsewhere, which the demo leaves out.
    if (placement) record(placement.unit, client, plan.stayType, placement.from, wish.nights, seriesId);
  };

  return {
    stays,
    series,
    bookRespite,
    bookSeries(plan: GuestPlan, client: DemoClient, seriesPlan: NonNullable<GuestPlan['series']>) {
      const id = ids.uuid();
      series.push({ id, client_id: client.id, rrule: seriesPlan.rrule, nights: seriesPlan.nights });
      for (const stay of seriesPlan.stays) bookRespite(plan, client, stay, id);
    },
    /** ELV and crisis admissions back to back up to today, leaving gaps so the bed reaches its usual occupancy. */
    fillWithRecoveryStays(unit: UnitInfo, newClient: (regionId: string) => DemoClient) {
      const types = unit.acceptedStayTypes.flatMap((type) => {
        const recovery = RECOVERY_STAYS[type];
        return recovery ? [{ type, ...recovery }] : [];
      });
      if (unit.kind !== 'bed' || types.length === 0) return;
      const occupancy = recoveryOccupancy(
        unit.locationKey,
        types.every(({ type }) => type.startsWith('crisis')),
      );
      const totalWeight = types.reduce((sum, { weight }) => sum + weight, 0);
      const meanNights = types.reduce((sum, { weight, nights: [min, max] }) => sum + (weight * (min + max)) / 2, 0) / totalWeight;
      const meanGap = (meanNights * (1 - occupancy)) / occupancy;
      let day = Math.max(unit.opensOn, random.int(0, 3));
      while (day <= window.today) {
        const pick = random.weighted(types.map((entry) => [entry, entry.weight] as const));
        const [min, max] = pick.nights;
        const free = unitDays.freeRun(unit.id, day, max);
        if (!unit.admissionWeekdays.has(weekdays[day]!) || free < min) {
          day++;
          continue;
        }
        const nights = Math.min(free, random.int(min, max));
        record(unit, newClient(unit.regionId), pick.type, day, nights, null);
        day += nights + Math.round(-Math.log(1 - random.next()) * meanGap);
      }
    },
  };
}
