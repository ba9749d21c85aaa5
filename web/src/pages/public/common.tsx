import { useEffect } from 'react';
import { CARE_FEATURE_LABELS, type CareFeature } from '../../../../src/domain/care-features.ts';
import { STAY_TYPE_LABELS, type StayType } from '../../../../src/domain/stay-types.ts';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import type { Language } from '../../i18n/i18n.tsx';

/** What the public pages read from the API (GET /regions, /regions/{id}/locations, /locations/{id}). */
export interface Region {
  id: string;
  name: string;
  municipalities: string[];
}

export interface AdmissionHours {
  weekday: number;
  from: string;
  until: string;
}

export interface LocationSummary {
  id: string;
  organisationName: string;
  regionId: string;
  name: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  features: string[];
  admissionHours: AdmissionHours[];
  phone: string | null;
  description: string | null;
  homeliness: string | null;
}

export interface LocationDetail extends LocationSummary {
  photos: { id: string; alt: string }[];
  units: { kind: 'bed' | 'home_night'; acceptedStayTypes: string[]; reservedFor: string | null }[];
}

export interface RegionWithLocations {
  region: Region;
  locations: LocationSummary[];
}

/** Every region that has locations, with them; the public list and the request form's choice of location. */
export function useRegionsWithLocations(): { data: RegionWithLocations[] | null; error: unknown } {
  return useApiQuery<RegionWithLocations[]>('/regions', {
    key: ['with locations'],
    load: async () => {
      const regions = await api<Region[]>('GET', '/regions');
      const lists = await Promise.all(regions.map((region) => api<LocationSummary[]>('GET', `/regions/${encodeURIComponent(region.id)}/locations`)));
      return regions.map((region, i) => ({ region, locations: lists[i]! })).filter((entry) => entry.locations.length > 0);
    },
  });
}

/** The browser tab names the page, so people with many tabs and screen-reader users know where they are. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} – Adempauze`;
  }, [title]);
}

export function featureLabel(feature: string, language: Language): string {
  return CARE_FEATURE_LABELS[feature as CareFeature]?.[language] ?? feature;
}

export function stayTypeLabel(stayType: string, language: Language): string {
  return STAY_TYPE_LABELS[stayType as StayType]?.[language] ?? stayType;
}

/** A react-router Link that looks like an NL Design System button. */
export const BUTTON_LINK = 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action';
export const SECONDARY_BUTTON_LINK = 'utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action';
