import { CARE_FEATURE_LABELS, type CareFeature } from '../care-features.ts';
import type { ProposalReason } from './rank.ts';

const featureList = (features: readonly string[], locale: 'nl' | 'en') =>
  features.map((feature) => CARE_FEATURE_LABELS[feature as CareFeature]?.[locale].toLowerCase() ?? feature).join(', ');

const km = (value: number, locale: 'nl' | 'en') => value.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });

/** Why a unit is proposed, in plain words. */
export function proposalReasonText(reason: ProposalReason, locale: 'nl' | 'en'): string {
  switch (reason.code) {
    case 'distance':
      return locale === 'nl' ? `${km(reason.km, locale)} km van huis.` : `${km(reason.km, locale)} km from home.`;
    case 'no_home_location':
      return locale === 'nl' ? 'Afstand onbekend: de postcode van thuis ontbreekt.' : 'Distance unknown: the home postcode is missing.';
    case 'known_location':
      return locale === 'nl'
        ? 'De gast logeerde hier eerder: bekende plek en bekende mensen.'
        : 'The guest stayed here before: a familiar place and familiar people.';
    case 'preferred_location':
      return locale === 'nl' ? 'Voorkeur van de cliënt of de verwijzer.' : 'Preferred by the client or the referrer.';
    case 'meets_needs':
      return locale === 'nl'
        ? `Heeft wat nodig is: ${featureList(reason.features, locale)}.`
        : `Has what is needed: ${featureList(reason.features, locale)}.`;
    case 'needless_scarce_care':
      return locale === 'nl'
        ? `Biedt zorg die deze gast niet nodig heeft (${featureList(reason.features, locale)}); die plek houden we liever vrij.`
        : `Offers care this guest does not need (${featureList(reason.features, locale)}); better kept free.`;
    case 'outside_region':
      return locale === 'nl'
        ? 'Buiten de eigen regio: in de regio is niets vrij dat past.'
        : 'Outside the region: nothing suitable is free in the home region.';
  }
}
