import { hasAllFeatures, missingFeatures } from '../care-features.ts';
import { type GeoPoint, distanceKm } from '../geo.ts';
import { stayTypeRefusal } from '../stay-types.ts';

/**
 * Matching: which free units may take this guest (hard constraints), and in which order to propose them. Pure: the
 * service gathers the free units and the guest's history, this decides. Order: units in the home region before
 * units outside it; within each, a score in kilometres — the distance from home, minus a bonus for a location the
 * guest knows (continuity matters more than the building) and for a preferred location, plus a penalty for scarce
 * care the guest does not need (keep the secured and specialised beds for those who do).
 */
export const CONTINUITY_BONUS_KM = 15;
export const PREFERENCE_BONUS_KM = 10;
export const NEEDLESS_SCARCE_FEATURE_KM = 8;
/** Care only a few places candidate: a guest who does not need it should not take it. */
export const SCARCE_FEATURES = ['secured_unit', 'dementia_specialised', 'nursing_24h'] as const;

export interface AdmissionWindow {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  from: string;
  until: string;
}

export interface Candidate {
  unitId: string;
  unitName: string;
  locationId: string;
  locationName: string;
  organisationName: string;
  regionId: string;
  location: GeoPoint;
  acceptedStayTypes: readonly string[];
  reservedFor: string | null;
  /** What the location and the unit candidate together. */
  features: readonly string[];
  /** When the location takes in guests; empty means at any time. */
  admissionHours: readonly AdmissionWindow[];
  /** Free for every night of the period asked. */
  free: boolean;
  /** A bed, or nights of care at home ("logeerzorg thuis"); a bed when not given. */
  kind?: 'bed' | 'home_night';
}

export interface Need {
  stayType: string;
  requiredFeatures: readonly string[];
  home: GeoPoint | null;
  homeRegionId: string;
  /** Locations of the guest's earlier stays. */
  knownLocationIds: readonly string[];
  preferredLocationIds: readonly string[];
  /** For a same-day admission: the moment it must be possible (weekday 1–7, "HH:MM"). */
  admitAt?: { weekday: number; time: string };
  /** What the guest needs: a bed away from home unless asked otherwise. */
  unitKind?: 'bed' | 'home_night';
}

export type ProposalReason =
  | { code: 'distance'; km: number }
  | { code: 'no_home_location' }
  | { code: 'known_location' }
  | { code: 'preferred_location' }
  | { code: 'meets_needs'; features: string[] }
  | { code: 'needless_scarce_care'; features: string[] }
  | { code: 'outside_region'; regionId: string };

export interface Proposal {
  candidate: Candidate;
  distanceKm: number | null;
  outsideRegion: boolean;
  score: number;
  reasons: ProposalReason[];
}

export type Exclusion = 'not_free' | 'unit_kind' | 'stay_type' | 'reserved' | 'features' | 'admission_hours';

/** The first hard constraint an candidate breaks, or null when it may take the guest. */
export function exclusionOf(candidate: Candidate, need: Need): Exclusion | null {
  if (!candidate.free) return 'not_free';
  // Night care at home is not a bed: a guest who must stay away from home cannot be proposed it, nor the reverse.
  if ((candidate.kind ?? 'bed') !== (need.unitKind ?? 'bed')) return 'unit_kind';
  const stayType = stayTypeRefusal(candidate, need.stayType);
  if (stayType) return stayType;
  if (!hasAllFeatures(candidate.features, need.requiredFeatures)) return 'features';
  if (need.admitAt && !admitsAt(candidate.admissionHours, need.admitAt)) return 'admission_hours';
  return null;
}

export function admitsAt(hours: readonly AdmissionWindow[], at: { weekday: number; time: string }): boolean {
  if (hours.length === 0) return true;
  return hours.some((window) => window.weekday === at.weekday && window.from <= at.time && at.time < window.until);
}

export function rankCandidates(need: Need, candidates: readonly Candidate[], options: { onlyLackingFeatures?: boolean } = {}): Proposal[] {
  const proposals: Proposal[] = [];
  for (const candidate of candidates) {
    const exclusion = exclusionOf(candidate, need);
    // Near misses: units that break no hard constraint but the guest's features (checked last but one, so an
    // candidate excluded for features passed the others; admission hours are checked again without the features).
    if (
      options.onlyLackingFeatures
        ? exclusion !== 'features' || exclusionOf(candidate, { ...need, requiredFeatures: [] }) !== null
        : exclusion !== null
    )
      continue;
    const reasons: ProposalReason[] = [];
    const km = need.home ? Math.round(distanceKm(need.home, candidate.location) * 10) / 10 : null;
    reasons.push(km === null ? { code: 'no_home_location' } : { code: 'distance', km });
    let score = km ?? 0;
    if (need.knownLocationIds.includes(candidate.locationId)) {
      score -= CONTINUITY_BONUS_KM;
      reasons.push({ code: 'known_location' });
    }
    if (need.preferredLocationIds.includes(candidate.locationId)) {
      score -= PREFERENCE_BONUS_KM;
      reasons.push({ code: 'preferred_location' });
    }
    if (need.requiredFeatures.length > 0 && !options.onlyLackingFeatures)
      reasons.push({ code: 'meets_needs', features: [...need.requiredFeatures] });
    const needless = SCARCE_FEATURES.filter((feature) => candidate.features.includes(feature) && !need.requiredFeatures.includes(feature));
    if (needless.length > 0) {
      score += needless.length * NEEDLESS_SCARCE_FEATURE_KM;
      reasons.push({ code: 'needless_scarce_care', features: needless });
    }
    const outsideRegion = candidate.regionId !== need.homeRegionId;
    if (outsideRegion) reasons.push({ code: 'outside_region', regionId: candidate.regionId });
    proposals.push({ candidate, distanceKm: km, outsideRegion, score, reasons });
  }
  return proposals.sort(
    (a, b) =>
      Number(a.outsideRegion) - Number(b.outsideRegion) ||
      a.score - b.score ||
      (a.distanceKm ?? 0) - (b.distanceKm ?? 0) ||
      a.candidate.locationName.localeCompare(b.candidate.locationName) ||
      a.candidate.unitName.localeCompare(b.candidate.unitName),
  );
}

/**
 * Free units that fit but for some of the features the guest needs, best first, each with what it lacks: what a
 * coordinator may still book, with a reason, when nothing better is free.
 */
export function rankNearMisses(need: Need, candidates: readonly Candidate[]): (Proposal & { missingFeatures: string[] })[] {
  return rankCandidates(need, candidates, { onlyLackingFeatures: true }).map((proposal) => ({
    ...proposal,
    missingFeatures: missingFeatures(proposal.candidate.features, need.requiredFeatures),
  }));
}
