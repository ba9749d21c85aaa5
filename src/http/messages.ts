import type { ErrorCode } from '../errors.ts';
import type { HistoryKind } from '../services/referral-history.service.ts';
import type { Locale } from './locale.ts';
import { CARE_FEATURE_LABELS, type CareFeature } from '../domain/care-features.ts';

type Params = Record<string, string | number>;
type Text = (params: Params) => string;

/** Title and detail of every error code, in plain Dutch (B1) and English. */
/** A wait as people say it: seconds up to a minute and a half, whole minutes (rounded up) beyond; never "1902 seconden". */
function waitInWords(seconds: number, locale: Locale): string {
  if (seconds <= 90) return locale === 'nl' ? `${seconds} seconden` : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return locale === 'nl' ? `${minutes} minuten` : `${minutes} minutes`;
}

export const ERROR_TEXTS: Record<ErrorCode, Record<Locale, { title: string; detail: Text }>> = {
  validation_failed: {
    nl: { title: 'Gegevens niet juist', detail: () => 'Niet alle gegevens zijn goed ingevuld. Kijk bij de velden wat er mis is.' },
    en: { title: 'Invalid input', detail: () => 'Some fields are not filled in correctly. See the fields for what is wrong.' },
  },
  not_found: {
    nl: { title: 'Niet gevonden', detail: (p) => `We kunnen ${ENTITY_NL[String(p.entity)] ?? 'dit'} niet vinden.` },
    en: { title: 'Not found', detail: (p) => `We cannot find this ${p.entity ?? 'item'}.` },
  },
  stay_conflict: {
    nl: {
      title: 'Plek al bezet',
      detail: (p) =>
        `${p.unit ?? 'Deze plek'} in ${p.location ?? 'deze locatie'} is niet vrij van ${p.arrival ?? '?'} tot ${p.departure ?? '?'}. ` +
        'Kies een van de andere plekken of data hieronder.',
    },
    en: {
      title: 'Unit already taken',
      detail: (p) =>
        `${p.unit ?? 'This unit'} at ${p.location ?? 'this location'} is not free from ${p.arrival ?? '?'} to ${p.departure ?? '?'}. ` +
        'Choose one of the other units or dates below.',
    },
  },
  referral_dates_missing: {
    nl: {
      title: 'Datum ontbreekt',
      detail: (p) =>
        `Bij deze aanmelding ontbreekt de ${p.field === 'wishedArrival' ? 'gewenste aankomstdatum' : 'gewenste vertrekdatum of de verwachte duur'}. ` +
        'Vul die in met "Aanmelding wijzigen" en zoek dan opnieuw.',
    },
    en: {
      title: 'Date missing',
      detail: (p) =>
        `This referral has no ${p.field === 'wishedArrival' ? 'wished arrival date' : 'wished departure date or expected length'}. ` +
        'Fill it in with "Change referral", then search again.',
    },
  },
  referral_not_changeable: {
    nl: {
      title: 'Kan niet meer',
      detail: (p) =>
        `${p.action === 'close' ? 'Afsluiten' : p.action === 'withdraw' ? 'Intrekken' : 'Wijzigen'} kan niet meer: ${
          p.reason === 'placed'
            ? 'de cliënt heeft al een plek. Verander of annuleer het verblijf zelf.'
            : p.reason === 'staying'
              ? 'de cliënt logeert nu. Sluit af na het vertrek.'
              : p.reason === 'stays_planned'
                ? 'er staan nog verblijven gepland. Annuleer die eerst, of trek de aanmelding in.'
                : 'de aanmelding is al afgesloten of ingetrokken.'
        }`,
    },
    en: {
      title: 'No longer possible',
      detail: (p) =>
        `${p.action === 'close' ? 'Closing' : p.action === 'withdraw' ? 'Withdrawing' : 'Changing'} is no longer possible: ${
          p.reason === 'placed'
            ? 'the client already has a place. Change or cancel the stay itself.'
            : p.reason === 'staying'
              ? 'the client is staying now. Close it after the departure.'
              : p.reason === 'stays_planned'
                ? 'stays are still planned. Cancel those first, or withdraw the referral.'
                : 'the referral is already closed or withdrawn.'
        }`,
    },
  },
  unit_lacks_features: {
    nl: {
      title: 'Deze plek past niet bij de zorgvraag',
      detail: (p) =>
        `Deze plek heeft niet wat de logé nodig heeft: ${features(p.missing, 'nl')}. Kies een plek die dat wel heeft. ` +
        'Is dit echt de beste plek? Dan kan de coördinator toch boeken, met een reden.',
    },
    en: {
      title: 'This place does not fit the care need',
      detail: (p) =>
        `This place lacks what the guest needs: ${features(p.missing, 'en')}. Choose a place that has it. ` +
        'Is this really the best place? Then the coordinator can book anyway, with a reason.',
    },
  },
  client_already_staying: {
    nl: {
      title: 'Cliënt heeft dan al een verblijf',
      detail: (p) =>
        `Deze cliënt verblijft van ${p.arrival ?? '?'} tot ${p.departure ?? '?'} al ${p.location ? `in ${p.location}` : 'ergens anders'}. ` +
        'Iemand kan maar op één plek tegelijk logeren. Verander of annuleer eerst dat verblijf.',
    },
    en: {
      title: 'Client already has a stay then',
      detail: (p) =>
        `This client already stays ${p.location ? `at ${p.location}` : 'elsewhere'} from ${p.arrival ?? '?'} to ${p.departure ?? '?'}. ` +
        'A person can only stay in one place at a time. Change or cancel that stay first.',
    },
  },
  unit_closed: {
    nl: {
      title: 'Plek gesloten',
      detail: (p) =>
        `${p.unit ?? 'Deze plek'} in ${p.location ?? 'deze locatie'} is gesloten in (een deel van) de periode ${p.arrival ?? '?'} tot ${p.departure ?? '?'}.`,
    },
    en: {
      title: 'Unit closed',
      detail: (p) =>
        `${p.unit ?? 'This unit'} at ${p.location ?? 'this location'} is closed during (part of) ${p.arrival ?? '?'} to ${p.departure ?? '?'}.`,
    },
  },
  unit_inactive: {
    nl: { title: 'Plek niet in gebruik', detail: () => 'Deze plek is in (een deel van) deze periode niet in gebruik.' },
    en: { title: 'Unit not in use', detail: () => 'This unit is not in use during (part of) this period.' },
  },
  stay_type_not_accepted: {
    nl: { title: 'Soort verblijf past niet', detail: () => 'Deze plek is niet bedoeld voor dit soort verblijf.' },
    en: { title: 'Stay type not accepted', detail: () => 'This unit does not take this kind of stay.' },
  },
  arrival_in_past: {
    nl: { title: 'Datum ligt in het verleden', detail: () => 'Een verblijf kan niet in het verleden beginnen of eindigen.' },
    en: { title: 'Date in the past', detail: () => 'A stay cannot start or end in the past.' },
  },
  hold_expired: {
    nl: { title: 'Reservering verlopen', detail: () => 'De tijdelijke reservering is verlopen. Zoek opnieuw een vrije plek.' },
    en: { title: 'Hold expired', detail: () => 'The temporary hold has expired. Search for a free unit again.' },
  },
  invalid_transition: {
    nl: {
      title: 'Kan niet in deze stap',
      detail: (p) => `Dit kan niet: het verblijf heeft de status "${STATUS_NL[String(p.status)] ?? p.status}".`,
    },
    en: { title: 'Not possible now', detail: (p) => `This is not possible: the stay has status "${p.status}".` },
  },
  series_invalid: {
    nl: { title: 'Herhaling niet juist', detail: () => 'De herhaling van het verblijf klopt niet. Kijk bij de velden wat er mis is.' },
    en: { title: 'Invalid recurrence', detail: () => 'The recurrence of the stay is not valid. See the fields for what is wrong.' },
  },
  series_conflict: {
    nl: {
      title: 'Niet alle data vrij',
      detail: (p) =>
        `${p.conflicts ?? 'Enkele'} van de ${p.total ?? ''} verblijven ${p.conflicts === 1 ? 'past' : 'passen'} niet. Er is niets geboekt. Kies per datum een andere plek of datum, of sla die datum over.`,
    },
    en: {
      title: 'Not all dates free',
      detail: (p) =>
        `${p.conflicts ?? 'Some'} of the ${p.total ?? ''} stays ${p.conflicts === 1 ? 'does' : 'do'} not fit. Nothing was booked. Choose another unit or date for each, or skip it.`,
    },
  },
  unauthenticated: {
    nl: { title: 'Niet ingelogd', detail: () => 'Log eerst in. Misschien was u te lang niet actief; log dan opnieuw in.' },
    en: { title: 'Not signed in', detail: () => 'Please sign in first. If you were inactive for a while, sign in again.' },
  },
  second_factor_required: {
    nl: { title: 'Code nodig', detail: () => 'Vul eerst de code uit uw authenticator-app in.' },
    en: { title: 'Code needed', detail: () => 'Enter the code from your authenticator app first.' },
  },
  forbidden: {
    nl: { title: 'Geen toegang', detail: () => 'U mag dit niet bekijken of doen met uw rol.' },
    en: { title: 'No access', detail: () => 'Your role does not allow this.' },
  },
  csrf_failed: {
    nl: {
      title: 'Verzoek geweigerd',
      detail: () => 'Dit verzoek kwam niet van een pagina van Adempauze. Laad de pagina opnieuw en probeer het nog eens.',
    },
    en: { title: 'Request refused', detail: () => 'This request did not come from an Adempauze page. Reload the page and try again.' },
  },
  login_failed: {
    nl: {
      title: 'Inloggen mislukt',
      detail: () => 'Het e-mailadres of het wachtwoord klopt niet. Na 5 foute pogingen blokkeren we het account 15 minuten.',
    },
    en: {
      title: 'Sign-in failed',
      detail: () => 'The e-mail address or password is wrong. After 5 wrong attempts the account is blocked for 15 minutes.',
    },
  },
  second_factor_failed: {
    nl: {
      title: 'Code klopt niet',
      detail: () => 'Deze code klopt niet of is al gebruikt. Wacht op een nieuwe code en probeer het opnieuw.',
    },
    en: { title: 'Wrong code', detail: () => 'This code is wrong or was already used. Wait for a new code and try again.' },
  },
  token_invalid: {
    nl: { title: 'Link werkt niet meer', detail: () => 'Deze link is verlopen of al gebruikt. Vraag een nieuwe link aan.' },
    en: { title: 'Link no longer valid', detail: () => 'This link has expired or was already used. Ask for a new one.' },
  },
  email_taken: {
    nl: { title: 'E-mailadres bestaat al', detail: () => 'Er is al een account met dit e-mailadres.' },
    en: { title: 'E-mail address in use', detail: () => 'There is already an account with this e-mail address.' },
  },
  not_triaged: {
    nl: { title: 'Nog geen triage', detail: () => 'Doe eerst de triage van deze aanmelding. Daarna zoeken we passende plekken.' },
    en: { title: 'Not triaged yet', detail: () => 'Triage this referral first; then we look for suitable places.' },
  },
  stay_type_not_advised: {
    nl: {
      title: 'Ander soort verblijf geadviseerd',
      detail: (p) => `De triage adviseert: ${p.advised}. Wilt u iets anders? Pas dan eerst de triage aan, met een reden.`,
    },
    en: {
      title: 'Another kind of stay advised',
      detail: (p) => `The triage advises: ${p.advised}. To book something else, override the triage first, with a reason.`,
    },
  },
  no_tariff: {
    nl: {
      title: 'Geen tarief',
      detail: (p) =>
        `${p.location ?? 'Deze locatie'} heeft geen geldig tarief voor ${p.nights ?? 'een of meer'} nacht(en), vanaf ${p.first ?? '?'}. Vul eerst het tarief in.`,
    },
    en: {
      title: 'No tariff',
      detail: (p) =>
        `${p.location ?? 'This location'} has no valid tariff for ${p.nights ?? 'some'} night(s), from ${p.first ?? '?'}. Enter the tariff first.`,
    },
  },
  erasure_blocked: {
    nl: {
      title: 'Nog niet te wissen',
      detail: () => 'Deze cliënt heeft nog een gepland of lopend verblijf. Annuleer of rond dat eerst af.',
    },
    en: { title: 'Cannot erase yet', detail: () => 'This client still has a planned or current stay. Cancel or finish it first.' },
  },
  region_exists: {
    nl: { title: 'Regio bestaat al', detail: (p) => `Er is al een regio met de naam ${p.name ?? 'die u koos'}. Kies een andere naam.` },
    en: { title: 'Region exists', detail: (p) => `There is already a region called ${p.name ?? 'that'}. Choose another name.` },
  },
  postcode_taken: {
    nl: {
      title: 'Postcode hoort al bij een regio',
      detail: (p) =>
        `Deze postcodegebieden horen al bij een andere regio: ${p.postcodes ?? ''}. Haal ze daar eerst weg, of kies ze hier niet.`,
    },
    en: {
      title: 'Postcode already in a region',
      detail: (p) =>
        `These postcode areas already belong to another region: ${p.postcodes ?? ''}. Remove them there first, or leave them out here.`,
    },
  },
  agb_taken: {
    nl: { title: 'AGB-code bestaat al', detail: () => 'Er is al een organisatie met deze AGB-code.' },
    en: { title: 'AGB code in use', detail: () => 'There is already an organisation with this AGB code.' },
  },
  period_overlap: {
    nl: {
      title: 'Periode overlapt',
      detail: (p) =>
        `Er geldt al een ander bedrag in (een deel van) deze periode: vanaf ${p.from ?? '?'}. Pas eerst dat bedrag aan, of kies een latere begindatum.`,
    },
    en: {
      title: 'Period overlaps',
      detail: (p) =>
        `Another amount already applies to (part of) this period: from ${p.from ?? '?'}. Change that one first, or choose a later start.`,
    },
  },
  unit_has_stays: {
    nl: {
      title: 'Er zijn nog verblijven',
      detail: (p) =>
        `Op deze plek zijn nog ${p.count ?? 'een of meer'} verblijven gepland die niet meer passen. Verplaats of annuleer ze eerst; ze staan hieronder.`,
    },
    en: {
      title: 'Stays still planned',
      detail: (p) =>
        `This unit still has ${p.count ?? 'some'} planned stays that would no longer fit. Move or cancel them first; they are listed below.`,
    },
  },
  own_account: {
    nl: {
      title: 'Niet voor uw eigen account',
      detail: () => 'U kunt uw eigen rol, organisatie of toegang niet wijzigen. Vraag een andere beheerder.',
    },
    en: {
      title: 'Not for your own account',
      detail: () => 'You cannot change your own role, organisation or access. Ask another administrator.',
    },
  },
  grant_pending: {
    nl: {
      title: 'Wacht al op goedkeuring',
      detail: () =>
        'Voor deze gebruiker wacht al een nieuwe rol op goedkeuring. Laat een andere beheerder die eerst goedkeuren of afwijzen.',
    },
    en: {
      title: 'Already awaiting approval',
      detail: () => 'A new role for this user is already awaiting approval. Have another administrator approve or reject it first.',
    },
  },
  second_administrator_needed: {
    nl: {
      title: 'Een tweede beheerder is nodig',
      detail: () => 'Een andere beheerder moet dit goedkeuren: niet wie het vroeg, en niet wie de rol krijgt.',
    },
    en: {
      title: 'A second administrator is needed',
      detail: () => 'Another administrator must approve this: not the one who asked, nor the one who gets the role.',
    },
  },
  web_not_built: {
    nl: {
      title: 'Website nog niet gebouwd',
      detail: () => 'De website is nog niet gebouwd. Start de app met npm start, of bouw de website met npm run build:web.',
    },
    en: {
      title: 'Web application not built',
      detail: () => 'The web application has not been built. Start the app with npm start, or build it with npm run build:web.',
    },
  },
  rate_limited: {
    nl: {
      title: 'Te veel verzoeken',
      detail: (p) => `U stuurt te veel verzoeken. Probeer het over ${waitInWords(Number(p.seconds ?? 60), 'nl')} opnieuw.`,
    },
    en: { title: 'Too many requests', detail: (p) => `Too many requests. Try again in ${waitInWords(Number(p.seconds ?? 60), 'en')}.` },
  },
  database_unavailable: {
    nl: {
      title: 'Even niet beschikbaar',
      detail: (p) =>
        `We kunnen de gegevens nu even niet bereiken. Probeer het over ${p.seconds ?? 10} seconden opnieuw. Wijzigde u iets? Kijk dan daarna of het is opgeslagen.`,
    },
    en: {
      title: 'Temporarily unavailable',
      detail: (p) =>
        `We cannot reach the data right now. Please try again in ${p.seconds ?? 10} seconds. If you changed something, check afterwards whether it was saved.`,
    },
  },
};

const ENTITY_NL: Record<string, string> = {
  appointment: 'deze afspraak',
  api_client: 'deze koppeling',
  role_grant: 'deze aanvraag voor een rol',
  stay: 'dit verblijf',
  unit: 'deze plek',
  client: 'deze cliënt',
  region: 'deze regio',
  location: 'deze locatie',
  page: 'deze pagina',
  information: 'deze informatie',
  organisation: 'deze organisatie',
  closure: 'deze sluiting',
  user: 'deze gebruiker',
  referral: 'deze aanmelding',
  triage: 'een triage van deze aanmelding',
  task: 'deze taak',
  notification: 'dit bericht',
};

const STATUS_NL: Record<string, string> = {
  hold: 'tijdelijk gereserveerd',
  confirmed: 'bevestigd',
  arrived: 'aangekomen',
  departed: 'vertrokken',
  cancelled: 'geannuleerd',
  no_show: 'niet gekomen',
  expired: 'verlopen',
};

/** Messages for one field, keyed by a code from our own checks or from the schema validator. */
export const FIELD_TEXTS: Record<string, Record<Locale, Text>> = {
  required: { nl: () => 'Dit veld is verplicht.', en: () => 'This field is required.' },
  not_a_municipality: {
    nl: () => 'Deze gemeente kennen we niet. Kies een gemeente uit de lijst.',
    en: () => 'We do not know this municipality. Choose one from the list.',
  },
  unknown_region: { nl: () => 'Deze regio bestaat niet.', en: () => 'This region does not exist.' },
  own_region: { nl: () => 'Een regio is niet zijn eigen buur.', en: () => 'A region is not its own neighbour.' },
  postcode_outside_municipalities: {
    nl: () => 'Dit postcodegebied ligt niet in een van de gekozen gemeenten.',
    en: () => 'This postcode area is not in one of the chosen municipalities.',
  },
  reserved_not_accepted: {
    nl: () => 'Een plek kan alleen gereserveerd zijn voor een soort verblijf dat ze ook opneemt.',
    en: () => 'A unit can only be reserved for a kind of stay it takes.',
  },
  until_before_from: { nl: () => 'De eindtijd moet na de begintijd liggen.', en: () => 'The end time must be after the start time.' },
  not_a_photo: {
    nl: () => 'Dit is geen foto. Kies een JPG-, PNG- of WebP-bestand.',
    en: () => 'This is not a photo. Choose a JPG, PNG or WebP file.',
  },
  photo_too_large: {
    nl: (p) => `Deze foto is te groot. Hoogstens ${p.megabytes ?? 2} MB.`,
    en: (p) => `This photo is too large. At most ${p.megabytes ?? 2} MB.`,
  },
  too_many_photos: {
    nl: (p) => `Een locatie heeft hoogstens ${p.maximum ?? 6} foto's. Haal er eerst een weg.`,
    en: (p) => `A location has at most ${p.maximum ?? 6} photos. Remove one first.`,
  },
  coordinates_incomplete: {
    nl: () => 'Vul zowel de breedtegraad als de lengtegraad in, of geen van beide.',
    en: () => 'Enter both latitude and longitude, or neither.',
  },
  retire_before_active: {
    nl: () => 'Deze datum ligt voor de eerste dag dat de plek in gebruik is.',
    en: () => 'This date is before the first day the unit is in use.',
  },
  unknown_municipality: {
    nl: () => "Deze gemeente hoort niet bij een van onze regio's.",
    en: () => 'This municipality is not in one of our regions.',
  },
  other_client: { nl: () => 'Deze aanmelding hoort bij een andere cliënt.', en: () => 'This referral belongs to another client.' },
  invalid_time: { nl: () => 'Schrijf een tijd als 14:30.', en: () => 'Write a time like 14:30.' },
  not_an_appointment: {
    nl: () => 'Alleen een rondleiding of proeflogeren wordt als afspraak gepland. Zoek voor een verblijf een plek.',
    en: () => 'Only a tour or a trial stay is planned as an appointment. For a stay, look for a place.',
  },
  not_on_this_unit: { nl: () => 'Dit verblijf staat niet op deze plek.', en: () => 'This stay is not on this unit.' },
  not_in_closure: {
    nl: () => 'Dit verblijf valt niet in de periode die dichtgaat.',
    en: () => 'This stay is not in the period that closes.',
  },
  unit_closing: { nl: () => 'Deze plek gaat zelf dicht. Kies een andere plek.', en: () => 'This unit closes itself. Choose another unit.' },
  partner_required: {
    nl: () => 'Voor samen logeren zijn de gegevens van de partner nodig. Maak daarvoor een nieuwe aanmelding.',
    en: () => "Staying together needs the partner's details. Make a new referral for that.",
  },
  invalid_type: {
    nl: (p) => `Vul hier ${TYPE_NL[String(p.expected)] ?? 'een geldige waarde'} in.`,
    en: (p) => `Expected ${p.expected ?? 'another type'}.`,
  },
  invalid_date: {
    nl: () => 'Vul een bestaande datum in als JJJJ-MM-DD, bijvoorbeeld 2027-03-01.',
    en: () => 'Enter a real date as YYYY-MM-DD, e.g. 2027-03-01.',
  },
  date_out_of_range: {
    nl: (p) => `Vul een datum in tussen het jaar ${p.first ?? 1900} en ${p.last ?? 2199}. Kijk of het jaar goed is getypt.`,
    en: (p) => `Enter a date between the years ${p.first ?? 1900} and ${p.last ?? 2199}. Check that the year is typed correctly.`,
  },
  invalid_uuid: { nl: () => 'Dit is geen geldige code (uuid).', en: () => 'This is not a valid id (uuid).' },
  invalid_format: { nl: () => 'De vorm klopt niet.', en: () => 'The format is not valid.' },
  invalid_value: { nl: (p) => `Kies een van: ${p.options ?? ''}.`, en: (p) => `Choose one of: ${p.options ?? ''}.` },
  too_small: { nl: (p) => `Minimaal ${p.minimum}.`, en: (p) => `At least ${p.minimum}.` },
  too_big: { nl: (p) => `Maximaal ${p.maximum}.`, en: (p) => `At most ${p.maximum}.` },
  too_short: { nl: (p) => `Vul minstens ${p.minimum} teken(s) in.`, en: (p) => `Enter at least ${p.minimum} character(s).` },
  too_long: { nl: (p) => `Vul hoogstens ${p.maximum} tekens in.`, en: (p) => `Enter at most ${p.maximum} characters.` },
  unknown_field: { nl: () => 'Dit veld kennen we niet. Laat het weg.', en: () => 'Unknown field. Leave it out.' },
  end_before_start: { nl: () => 'De einddatum moet na de begindatum liggen.', en: () => 'The end date must be after the start date.' },
  stay_too_long: {
    nl: (p) =>
      `Een tijdelijk verblijf duurt hoogstens ${p.max} nachten (een half jaar). Is langer nodig? Dan past een Wlz-indicatie beter.`,
    en: (p) => `A temporary stay lasts at most ${p.max} nights (half a year). Longer? Then a Wlz indication fits better.`,
  },
  out_of_range: { nl: (p) => `Vul een getal van ${p.min} tot en met ${p.max} in.`, en: (p) => `Enter a number from ${p.min} to ${p.max}.` },
  departure_before_arrival: { nl: () => 'De vertrekdatum moet na de aankomstdatum liggen.', en: () => 'Departure must be after arrival.' },
  period_too_long: {
    nl: (p) => `Een periode mag hoogstens ${p.maximum} nachten zijn.`,
    en: (p) => `A period may be at most ${p.maximum} nights.`,
  },
  date_in_past: { nl: () => 'Deze datum ligt in het verleden.', en: () => 'This date is in the past.' },
  month_too_far: { nl: () => 'Kies een maand binnen een jaar vanaf nu.', en: () => 'Choose a month within a year from now.' },
  week_too_far: { nl: () => 'Kies een week binnen een jaar vanaf vandaag.', en: () => 'Choose a week within a year from today.' },
  arrival_fixed_after_arrival: {
    nl: () => 'De gast is al aangekomen; alleen de vertrekdatum kan nog veranderen.',
    en: () => 'The guest has arrived; only the departure can change.',
  },
  invalid_rrule: { nl: () => 'Deze herhaalregel (RRULE) klopt niet.', en: () => 'This recurrence rule (RRULE) is not valid.' },
  unbounded: {
    nl: () => 'Geef aan hoe vaak (COUNT) of tot wanneer (UNTIL) het verblijf herhaalt.',
    en: () => 'Say how often (COUNT) or until when (UNTIL) the stay repeats.',
  },
  too_many: { nl: (p) => `Hoogstens ${p.maximum ?? ''} verblijven per reeks.`, en: (p) => `At most ${p.maximum ?? ''} stays per series.` },
  too_far: {
    nl: () => 'De reeks loopt te ver vooruit (hoogstens twee jaar).',
    en: () => 'The series reaches too far ahead (two years at most).',
  },
  overlapping_occurrences: {
    nl: () => 'De verblijven in de reeks overlappen elkaar. Kies minder nachten of een grotere tussenpoos.',
    en: () => 'The stays of the series overlap. Choose fewer nights or a longer interval.',
  },
  invalid_nights: { nl: () => 'Het aantal nachten moet tussen 1 en 90 liggen.', en: () => 'Nights must be between 1 and 90.' },
  not_an_occurrence: {
    nl: () => 'Op deze datum begint geen verblijf van de reeks.',
    en: () => 'No stay of the series starts on this date.',
  },
  password_too_short: {
    nl: (p) =>
      `Kies een wachtwoord van minstens ${p.minimum ?? 12} tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.`,
    en: (p) => `Choose a password of at least ${p.minimum ?? 12} characters. A sentence of a few words is strong and easy to remember.`,
  },
  password_too_long: {
    nl: (p) => `Een wachtwoord mag hoogstens ${p.maximum ?? 256} tekens zijn.`,
    en: (p) => `A password may be at most ${p.maximum ?? 256} characters.`,
  },
  password_contains_email: {
    nl: () => 'Gebruik uw e-mailadres niet in uw wachtwoord.',
    en: () => 'Do not use your e-mail address in your password.',
  },
  password_too_guessable: {
    nl: () =>
      'Dit wachtwoord is te makkelijk te raden: het is veel gebruikt of lijkt op een gewoon woord met cijfers. Kies een zin van een paar woorden die bij elkaar niet voor de hand liggen.',
    en: () =>
      'This password is too easy to guess: it is widely used or looks like a common word with digits. Choose a sentence of a few words that do not obviously belong together.',
  },
  organisation_required: {
    nl: () => 'Kies de organisatie waarvoor deze persoon werkt.',
    en: () => 'Choose the organisation this person works for.',
  },
  invalid_phone: {
    nl: () => 'Vul een telefoonnummer in, bijvoorbeeld 06 12345678.',
    en: () => 'Enter a phone number, e.g. +31 6 12345678.',
  },
  invalid_postcode: { nl: () => 'Vul een postcode in zoals 3262 GD.', en: () => 'Enter a Dutch postcode such as 3262 GD.' },
  repeat_only_stay: {
    nl: () => 'Alleen logeren kan vaker. Een rondleiding of proeflogeren is één keer.',
    en: () => 'Only a stay can repeat. A tour or trial stay is once.',
  },
  not_a_coordinator: { nl: () => 'Kies een medewerker van het aanmeldpunt.', en: () => 'Choose someone from the central point.' },
  at_home_only_stay: {
    nl: () => 'Zorg thuis kan alleen bij logeren, niet bij proeflogeren of een rondleiding.',
    en: () => 'Care at home is for a stay only, not for a trial stay or a tour.',
  },
  partner_not_for_tour: {
    nl: () => 'Voor een rondleiding hoeft u uw partner niet op te geven.',
    en: () => 'For a tour you do not need to give your partner.',
  },
  required_for_repeat: {
    nl: () => 'Vul de eerste en laatste dag in van het eerste keer logeren. Daarna herhalen we die dagen.',
    en: () => 'Enter the first and last day of the first stay. We then repeat those days.',
  },
  postcode_unknown: {
    nl: () => 'Deze postcode kennen we niet. Kijk of de cijfers goed zijn, bijvoorbeeld 3262.',
    en: () => 'We do not know this postcode. Check the digits, e.g. 3262.',
  },
  unknown_postcode: {
    nl: () => 'Deze postcode kennen we niet. Kijk of de cijfers kloppen.',
    en: () => 'We do not know this postcode. Check the digits.',
  },
  invalid_bsn: {
    nl: () => 'Dit BSN klopt niet. Kijk of u alle 9 cijfers goed hebt overgenomen.',
    en: () => 'This BSN is not valid. Check that all 9 digits are right.',
  },
  contact_required: {
    nl: () => 'Vul een telefoonnummer of e-mailadres in, zodat we u kunnen bereiken.',
    en: () => 'Enter a phone number or e-mail address so we can reach you.',
  },
  unknown_location: { nl: () => 'Deze locatie kennen we niet.', en: () => 'We do not know this location.' },
  only_revoke: {
    nl: () => 'Via FHIR kunt u een aanmelding alleen intrekken (status revoked). Bel het aanmeldpunt voor een andere wijziging.',
    en: () => 'Over FHIR a referral can only be withdrawn (status revoked). Call the access point for another change.',
  },
  region_or_location: { nl: () => 'Geef een regio of een locatie op.', en: () => 'Give a region or a location.' },
  unknown_questionnaire: {
    nl: () => 'Dit is niet onze triagevragenlijst (of een oude versie).',
    en: () => 'This is not our triage questionnaire (or an old version).',
  },
  too_many_nights_public: {
    nl: () => 'Zonder inlog ziet u ten hoogste 28 nachten tegelijk.',
    en: () => 'Without signing in you see at most 28 nights at a time.',
  },
  duplicate: { nl: () => 'Elke keuze mag maar één keer.', en: () => 'Each choice may appear only once.' },
  unknown_organisation: { nl: () => 'Deze organisatie kennen we niet.', en: () => 'We do not know this organisation.' },
  not_enabled: {
    nl: () => 'Deze vraag hoort niet bij de andere antwoorden. Laat haar leeg.',
    en: () => 'This question does not apply given the other answers. Leave it out.',
  },
  invalid_month: { nl: () => 'Vul een maand in als JJJJ-MM, bijvoorbeeld 2027-01.', en: () => 'Enter a month as YYYY-MM, e.g. 2027-01.' },
  invalid_score: { nl: () => 'Kies een cijfer van 1 tot en met 5.', en: () => 'Choose a score from 1 to 5.' },
  no_occurrences: { nl: () => 'Deze herhaalregel levert geen enkele datum op.', en: () => 'This rule yields no dates.' },
  ends_before_start: {
    nl: () => 'Kies een datum na de eerste dag dat het dicht is.',
    en: () => 'Choose a date after the first closed day.',
  },
  unknown_unit: { nl: () => 'Deze plek hoort niet bij deze locatie.', en: () => 'This unit does not belong to this location.' },
  no_units_in_use: {
    nl: () => 'Op deze locatie is in deze periode geen plek in gebruik. Er valt niets te sluiten.',
    en: () => 'No unit of this location is in use in this period. There is nothing to close.',
  },
  target_out_of_range: {
    nl: () => 'Kies een doel tussen 0,1 % en 50 %: een getal van 0.001 tot en met 0.5, bijvoorbeeld 0.03 voor 3 %.',
    en: () => 'Choose a target between 0.1 % and 50 %: a number from 0.001 to 0.5, e.g. 0.03 for 3 %.',
  },
  invalid_decimal: {
    nl: () => 'Vul een getal in, met hoogstens 2 cijfers achter de komma, bijvoorbeeld 12,5.',
    en: () => 'Enter a number with at most 2 decimals, e.g. 12.5.',
  },
  shares_not_100: {
    nl: () => 'De drie delen moeten samen precies 100 procent zijn.',
    en: () => 'The three shares must add up to exactly 100 percent.',
  },
  contract_only: {
    nl: () => 'Alleen een contract voor bedden hoort bij een locatie.',
    en: () => 'Only a contract for beds belongs to a location.',
  },
  year_or_period: {
    nl: () => 'Kies een jaar of een periode (van en tot), niet allebei.',
    en: () => 'Choose a year or a period (from and to), not both.',
  },
};

const TYPE_NL: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een heel getal',
  boolean: 'ja of nee (true/false)',
  array: 'een lijst',
  object: 'een object',
};

export function fieldText(code: string, locale: Locale, params: Params = {}): string {
  return (FIELD_TEXTS[code] ?? FIELD_TEXTS.invalid_format!)[locale](params);
}

/** A short label for each step in a referral's history (GET /referrals/{id}/history), in plain Dutch and English. */
export const HISTORY_TEXTS: Record<HistoryKind, Record<Locale, string>> = {
  created: { nl: 'Aanmelding ontvangen', en: 'Referral received' },
  triaged: { nl: 'Triage gedaan', en: 'Triaged' },
  triage_override: { nl: 'Triage-advies aangepast', en: 'Triage advice overridden' },
  waiting: { nl: 'Op de wachtlijst gezet', en: 'Put on the waiting list' },
  offer: { nl: 'Plek aangeboden vanaf de wachtlijst', en: 'Unit offered from the waiting list' },
  booked: { nl: 'Plek geboekt', en: 'Unit booked' },
  confirmed: { nl: 'Verblijf bevestigd', en: 'Stay confirmed' },
  cancelled: { nl: 'Verblijf geannuleerd', en: 'Stay cancelled' },
  expired: { nl: 'Reservering verlopen', en: 'Hold expired' },
  no_show: { nl: 'Gast niet gekomen', en: 'Guest did not come' },
  arrived: { nl: 'Gast aangekomen', en: 'Guest arrived' },
  departed: { nl: 'Gast vertrokken', en: 'Guest left' },
  extended: { nl: 'Verblijf verlengd', en: 'Stay extended' },
  shortened: { nl: 'Verblijf ingekort', en: 'Stay shortened' },
  dates_changed: { nl: 'Andere data', en: 'Dates changed' },
  moved: { nl: 'Naar een andere plek verplaatst', en: 'Moved to another unit' },
  aftercare_started: { nl: 'Nazorg gestart', en: 'Aftercare started' },
  aftercare_done: { nl: 'Nazorggesprek gedaan', en: 'Aftercare call done' },
  referral_changed: { nl: 'Aanmelding gewijzigd', en: 'Referral changed' },
  referral_withdrawn: { nl: 'Aanmelding ingetrokken', en: 'Referral withdrawn' },
  referral_closed: { nl: 'Aanmelding afgesloten', en: 'Referral closed' },
};

const HELD_TEXT: Record<Locale, string> = { nl: 'Plek tijdelijk vastgehouden', en: 'Unit held' };

export function historyText(event: { kind: HistoryKind; details: { status?: string } }, locale: Locale): string {
  return event.kind === 'booked' && event.details.status === 'hold' ? HELD_TEXT[locale] : HISTORY_TEXTS[event.kind][locale];
}

/** Feature codes ("a,b") in words, as the registry names them. */
function features(codes: string | number | undefined, locale: Locale): string {
  return String(codes ?? '')
    .split(',')
    .filter(Boolean)
    .map((code) => CARE_FEATURE_LABELS[code as CareFeature]?.[locale] ?? code)
    .join(', ');
}
