import { useEffect } from 'react';
import { CARE_FEATURE_LABELS, type CareFeature } from '../../../../src/domain/care-features.ts';
import { STAY_TYPE_LABELS, type StayType } from '../../../../src/domain/stay-types.ts';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import type { Language } from '../../i18n/i18n.tsx';
import type { z } from 'zod';
import type {
  LocationDetail as LocationDetailSchema,
  Location,
  Region as RegionSchema,
} from '../../../../src/http/schemas/registry.schemas.ts';

/** What the public pages read from the API (GET /regions, /regions/{id}/locations, /locations/{id}). */
export type Region = z.infer<typeof RegionSchema>;

export type AdmissionHours = LocationSummary['admissionHours'][number];

export type LocationSummary = z.infer<typeof Location>;

export type LocationDetail = z.infer<typeof LocationDetailSchema>;

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
      const lists = await Promise.all(
        regions.map((region) => api<LocationSummary[]>('GET', `/regions/${encodeURIComponent(region.id)}/locations`)),
      );
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
