import { RECOVERY_STAYS, recoveryOccupancy } from '../../src/demo/pilot-demand.ts';
import { round2 } from '../stats.ts';
import type { SimRequest } from './demand.ts';
import {
  MAX_WAIT_DAYS,
  PEEL_DEMENTIA_SHARE,
  RESPITE_LEAD_DAYS,
  RESPITE_MIN_NOTICE_DAYS,
  WANDERING_SHARE_OF_DEMENTIA,
  WHEELCHAIR_SHARE,
} from './demand.ts';
import type { World } from './world.ts';

/**
 * What the simulated year asks of each region next to what the registry offers, so a reader can see the load the
 * figures come from: requests and nights per kind, and the offered nights as a share of the open unit-nights.
 */
export function demandSummary(world: World, requests: readonly SimRequest[], from: number, to: number) {
  const regions: Record<
    string,
    {
      units: number;
      open_unit_nights: number;
      requests: Record<string, number>;
      nights_asked: Record<string, number>;
      offered_load_pct: number;
    }
  > = {};
  for (const regionId of world.regionIds) {
    const units = world.units.filter((unit) => unit.candidate.regionId === regionId);
    let open = 0;
    for (const unit of units) {
      for (let day = from; day < to; day++) if (!unit.blocked.some(([a, b]) => a <= day && day < b)) open++;
    }
    const mine = requests.filter((request) => request.regionId === regionId && request.desired >= from && request.desired < to);
    const count: Record<string, number> = {};
    const nights: Record<string, number> = {};
    for (const request of mine) {
      count[request.kind] = (count[request.kind] ?? 0) + 1;
      nights[request.kind] = (nights[request.kind] ?? 0) + request.nights;
    }
    const asked = Object.values(nights).reduce((sum, value) => sum + value, 0);
    regions[regionId] = {
      units: units.length,
      open_unit_nights: open,
      requests: count,
      nights_asked: nights,
      offered_load_pct: round2((100 * asked) / open),
    };
  }
  return regions;
}

/** The model's parameters and where they come from, written into the result so it explains itself. */
export function calibrationNotes() {
  return {
    respite:
      'pilotGuestPlans (src/demo/pilot-demand.ts): Hoeksche Waard 28 guests, 12–14 nights; Peelregio 93 guests, 3–7 nights, rhythms per the report; Zuidoost Utrecht 17 guests, 2–14 nights (half ~14), 5 guests of night care at home; cancelled requests left out',
    respite_flexibility_days:
      'each wish moves at most its maxShift either way (7 for series and named guests, 14 single stays, 28 occasional Peelregio stays), never to less than a week after the request',
    respite_lead_days: RESPITE_LEAD_DAYS,
    respite_min_notice_days: RESPITE_MIN_NOTICE_DAYS,
    unplanned:
      "Poisson arrivals per bed that takes ELV or crisis: rate = occupancy target / mean nights (Little's law), stay type by RECOVERY_STAYS weight, nights uniform in its range, home in the bed's region",
    recovery_stays: RECOVERY_STAYS,
    occupancy_targets: {
      zoomwijck: recoveryOccupancy('zoomwijck', false),
      heemzicht: recoveryOccupancy('heemzicht', false),
      zorgwaard: recoveryOccupancy('zorgwaard', false),
      other_beds: recoveryOccupancy('other', false),
      crisis_only_beds: recoveryOccupancy('other', true),
    },
    max_wait_days: MAX_WAIT_DAYS,
    needs: {
      wheelchair_share: WHEELCHAIR_SHARE,
      peelregio_respite_dementia_share: PEEL_DEMENTIA_SHARE,
      wandering_share_of_dementia: WANDERING_SHARE_OF_DEMENTIA,
      hoist:
        'never asked: the reports give no share, and a need repeated over a series would make whole series unplaceable on an invented number',
    },
    homes: "uniform over the address PC4 areas of the region's municipalities (named guests: their municipality), as the demo picks them",
    capacity: 'the demo registry unchanged: 46 units in 6 regions, closures and the unit that opens later included',
  };
}
