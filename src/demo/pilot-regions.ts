import type { AdmissionHoursJson } from '../data/schema.ts';
import type { CareFeature } from '../domain/care-features.ts';
import type { ClosureReason } from '../domain/provider/closures.ts';
import type { StayType } from '../domain/stay-types.ts';

/**
 * The demo registry, modelled on the three structural logeerzorg pilots (see /work/shared/domain-notes.md) plus one
 * small neighbouring region each, so a search beyond the home region has something to find.
 *
 * Real pilot providers keep their names and the facts the reports give (beds, target group, tariffs); their street
 * addresses and room names are plausible inventions. Providers marked "(fictief)" are invented altogether.
 * Coordinates are not stored here: the generator takes them from the PC4 table.
 */
export interface DemoRegion {
  readonly id: string;
  readonly name: string;
  /** 2014 names, as in assets/pc4/4pp.csv. */
  readonly municipalities: readonly string[];
}

export interface DemoOrganisation {
  readonly key: string;
  readonly name: string;
  readonly agbCode: string | null;
}

export interface DemoUnit {
  readonly name: string;
  readonly kind: 'bed' | 'home_night';
  readonly acceptedStayTypes: readonly StayType[];
  readonly reservedFor: StayType | null;
  readonly features: readonly CareFeature[];
  /** A unit that opens this many days after the demo's today, so the calendar shows a not-yet-active unit. */
  readonly opensInDays?: number;
}

export interface DemoTariff {
  readonly stayType: StayType;
  readonly funding: 'in_kind' | 'personal_budget';
  readonly housingCents: number;
  readonly stayCents: number;
  readonly careCents: number;
}

export interface DemoLocation {
  readonly key: string;
  readonly organisationKey: string;
  readonly regionId: string;
  readonly name: string;
  readonly street: string;
  readonly houseNumber: string;
  readonly postcode: string;
  readonly city: string;
  readonly features: readonly CareFeature[];
  readonly admissionHours: readonly AdmissionHoursJson[];
  readonly units: readonly DemoUnit[];
  readonly tariffs: readonly DemoTariff[];
}

export const DEMO_REGIONS: readonly DemoRegion[] = [
  {
    id: 'hoeksche-waard',
    name: 'Hoeksche Waard',
    // One municipality since 2019 (Binnenmaas, Cromstrijen, Korendijk, Oud-Beijerland and Strijen merged).
    municipalities: ['Hoeksche Waard'],
  },
  {
    id: 'peelregio',
    name: 'Peelregio',
    municipalities: ['Helmond', 'Asten', 'Deurne', 'Gemert-Bakel', 'Laarbeek', 'Someren'],
  },
  {
    id: 'zuidoost-utrecht',
    name: 'Zuidoost Utrecht',
    municipalities: ['Zeist', 'De Bilt', 'Utrechtse Heuvelrug', 'Bunnik', 'Wijk bij Duurstede'],
  },
  {
    id: 'drechtsteden',
    name: 'Drechtsteden',
    municipalities: [
      'Dordrecht',
      'Zwijndrecht',
      'Papendrecht',
      'Sliedrecht',
      'Hendrik-Ido-Ambacht',
      'Alblasserdam',
      'Hardinxveld-Giessendam',
    ],
  },
  { id: 'utrecht-stad', name: 'Utrecht stad', municipalities: ['Utrecht'] },
  { id: 'eindhoven', name: 'Regio Eindhoven', municipalities: ['Eindhoven', 'Geldrop-Mierlo', 'Nuenen, Gerwen en Nederwetten'] },
];

/** Each pair once; the database stores both directions. */
export const DEMO_NEIGHBOURS: readonly (readonly [string, string])[] = [
  ['hoeksche-waard', 'drechtsteden'],
  ['zuidoost-utrecht', 'utrecht-stad'],
  ['peelregio', 'eindhoven'],
];

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  { key: 'alerimus', name: 'Alerimus', agbCode: null },
  { key: 'heemzicht', name: 'Heemzicht', agbCode: null },
  { key: 'zorgwaard', name: 'Zorgwaard', agbCode: null },
  { key: 'zorgboog', name: 'De Zorgboog', agbCode: null },
  { key: 'warande', name: 'Warande', agbCode: null },
  { key: 'spuioever', name: 'Zorgcollectief Spuioever (fictief)', agbCode: '73990101' },
  { key: 'peelrand', name: 'Stichting Peelrand Zorg (fictief)', agbCode: '73990202' },
  { key: 'heuvelrug', name: 'Heuvelrug Zorg (fictief)', agbCode: '73990303' },
  { key: 'oude-maas', name: 'Zorggroep Oude Maas (fictief)', agbCode: '73990404' },
  { key: 'vechtoever', name: 'Stichting Vechtoever (fictief)', agbCode: '73990505' },
  { key: 'genneper', name: 'Zorgvilla Genneper (fictief)', agbCode: '73990606' },
];

function hours(weekdays: readonly number[], from: string, until: string): AdmissionHoursJson[] {
  return weekdays.map((weekday) => ({ weekday, from, until }));
}

const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const OFFICE_HOURS = hours(WEEKDAYS, '09:00', '17:00');
// Crisis admissions come at any hour; "until" is the last minute of the day.
const ROUND_THE_CLOCK = hours(EVERY_DAY, '00:00', '23:59');

function tariff(
  stayType: StayType,
  cents: { housing?: number; stay?: number; care?: number },
  funding: DemoTariff['funding'] = 'in_kind',
): DemoTariff {
  return { stayType, funding, housingCents: cents.housing ?? 0, stayCents: cents.stay ?? 0, careCents: cents.care ?? 0 };
}

// ELV is paid by the health insurer as one care rate. The reports give no ELV prices: these are illustrative.
const ELV_LOW = tariff('elv_low_complex', { care: 22_000 });
const ELV_HIGH = tariff('elv_high_complex', { care: 31_000 });
const ELV_PALLIATIVE = tariff('elv_palliative', { care: 38_000 });
// The Hoeksche Waard pilot rate (2019): housing € 80 + stay € 70 per night.
const HOEKSCHE_WAARD_RESPITE = tariff('respite', { housing: 8_000, stay: 7_000 });
// Respite rate of the fictional providers: illustrative, between the pilots' rates.
const FICTIONAL_RESPITE = tariff('respite', { housing: 8_000, stay: 9_500 });

const RESPITE_OR_RECOVERY: readonly StayType[] = ['respite', 'elv_low_complex', 'elv_high_complex', 'elv_palliative'];
const CRISIS: readonly StayType[] = ['crisis_wmo', 'crisis_wlz'];
const ZOOMWIJCK_FLEXIBLE: readonly StayType[] = ['respite', 'crisis_wmo', 'elv_low_complex', 'elv_high_complex'];

function beds(names: readonly string[], unit: Omit<DemoUnit, 'name' | 'kind'>): DemoUnit[] {
  return names.map((name) => ({ name, kind: 'bed', ...unit }));
}

export const DEMO_LOCATIONS: readonly DemoLocation[] = [
  {
    key: 'zoomwijck',
    organisationKey: 'alerimus',
    regionId: 'hoeksche-waard',
    name: 'Wijkpension Zoomwijck (De Open Waard)',
    street: 'Zoomwijck',
    houseNumber: '100',
    postcode: '3262 GD',
    city: 'Oud-Beijerland',
    // Inside a nursing-home location, so nursing is at hand; not secured, so no guests who wander.
    features: ['nursing_24h', 'wheelchair_accessible'],
    admissionHours: hours(EVERY_DAY, '09:00', '20:00'),
    // Five apartments with two bedrooms each. The municipality buys one bed for logeerzorg; when the others are
    // not used for respite they are "always taken by ELV/emergency admissions".
    units: [
      ...beds(['Appartement 1A'], { acceptedStayTypes: ['respite'], reservedFor: 'respite', features: [] }),
      ...beds(['Appartement 1B'], { acceptedStayTypes: ZOOMWIJCK_FLEXIBLE, reservedFor: null, features: [] }),
      ...beds(['Appartement 2A', 'Appartement 2B'], {
        acceptedStayTypes: ZOOMWIJCK_FLEXIBLE,
        reservedFor: null,
        features: ['hoist_accessible'],
      }),
      ...beds(['Appartement 3A', 'Appartement 3B', 'Appartement 4A', 'Appartement 4B', 'Appartement 5A', 'Appartement 5B'], {
        acceptedStayTypes: ZOOMWIJCK_FLEXIBLE,
        reservedFor: null,
        features: [],
      }),
    ],
    tariffs: [HOEKSCHE_WAARD_RESPITE, ELV_LOW, ELV_HIGH],
  },
  {
    key: 'heemzicht',
    organisationKey: 'heemzicht',
    regionId: 'hoeksche-waard',
    name: 'Heemzicht',
    street: 'Dorpsstraat',
    houseNumber: '25',
    postcode: '3265 AC',
    city: 'Piershil',
    features: ['wheelchair_accessible'],
    admissionHours: OFFICE_HOURS,
    units: beds(['Logeerkamer 1', 'Logeerkamer 2'], {
      acceptedStayTypes: ['respite', 'elv_low_complex'],
      reservedFor: null,
      features: [],
    }),
    // Assumed: the municipality pays its pilot rate to every Hoeksche Waard provider.
    tariffs: [HOEKSCHE_WAARD_RESPITE, ELV_LOW],
  },
  {
    key: 'zorgwaard',
    organisationKey: 'zorgwaard',
    regionId: 'hoeksche-waard',
    name: 'Zorgwaard, crisis- en herstelbedden',
    street: 'Kerkstraat',
    houseNumber: '2',
    postcode: '3297 AK',
    city: 'Puttershoek',
    // No reserved respite bed; it takes the emergency admissions when a caregiver drops out.
    features: ['nursing_24h', 'dementia_specialised', 'secured_unit', 'wheelchair_accessible', 'hoist_accessible'],
    admissionHours: ROUND_THE_CLOCK,
    units: beds(['Crisisbed 1', 'Crisisbed 2', 'Crisisbed 3'], {
      acceptedStayTypes: [...CRISIS, 'elv_high_complex', 'elv_palliative'],
      reservedFor: null,
      features: [],
    }),
    tariffs: [ELV_HIGH, ELV_PALLIATIVE],
  },
  {
    key: 'spuioever',
    organisationKey: 'spuioever',
    regionId: 'hoeksche-waard',
    name: 'Huize Spuioever',
    street: 'Spuiweg',
    houseNumber: '12',
    postcode: '3281 AB',
    city: 'Numansdorp',
    features: ['wheelchair_accessible', 'hoist_accessible'],
    admissionHours: hours([1, 2, 3, 4, 5, 6], '09:00', '18:00'),
    units: [
      ...beds(['Kamer 1', 'Kamer 2'], { acceptedStayTypes: RESPITE_OR_RECOVERY, reservedFor: null, features: [] }),
      ...beds(['Kamer 3'], { acceptedStayTypes: RESPITE_OR_RECOVERY, reservedFor: null, features: ['couple_room'] }),
    ],
    tariffs: [FICTIONAL_RESPITE, ELV_LOW, ELV_HIGH, ELV_PALLIATIVE],
  },
  {
    key: 'plezant',
    organisationKey: 'zorgboog',
    regionId: 'peelregio',
    name: 'Logeerhuis Plezant',
    street: 'Deurneseweg',
    houseNumber: '40',
    postcode: '5701 AB',
    city: 'Helmond',
    // Built for guests with (suspected) dementia: seven beds around a shared living room.
    features: ['dementia_specialised', 'secured_unit', 'wheelchair_accessible'],
    admissionHours: hours(EVERY_DAY, '10:00', '17:00'),
    // Open without an indication; Wlz clients come too, and De Zorgboog cashes their indication.
    units: beds(['Kamer 1', 'Kamer 2', 'Kamer 3', 'Kamer 4', 'Kamer 5', 'Kamer 6', 'Kamer 7'], {
      acceptedStayTypes: ['respite', 'wlz_respite'],
      reservedFor: null,
      features: [],
    }),
    // The report gives one all-in rate per night (2019), without a split into housing and stay.
    tariffs: [tariff('respite', { stay: 20_891 }), tariff('respite', { stay: 24_930 }, 'personal_budget')],
  },
  {
    key: 'peelrand',
    organisationKey: 'peelrand',
    regionId: 'peelregio',
    name: 'Zorgcentrum De Peelrand',
    street: 'Stationsstraat',
    houseNumber: '8',
    postcode: '5751 HA',
    city: 'Deurne',
    features: ['nursing_24h', 'wheelchair_accessible', 'hoist_accessible'],
    admissionHours: ROUND_THE_CLOCK,
    units: [
      ...beds(['Kamer 1', 'Kamer 2', 'Kamer 3'], { acceptedStayTypes: RESPITE_OR_RECOVERY, reservedFor: null, features: [] }),
      ...beds(['Crisisbed'], { acceptedStayTypes: CRISIS, reservedFor: null, features: [] }),
      ...beds(['Kamer 4'], { acceptedStayTypes: RESPITE_OR_RECOVERY, reservedFor: null, features: [], opensInDays: 30 }),
    ],
    tariffs: [FICTIONAL_RESPITE, ELV_LOW, ELV_HIGH, ELV_PALLIATIVE],
  },
  {
    key: 'in-de-dennen',
    organisationKey: 'warande',
    regionId: 'zuidoost-utrecht',
    name: 'In de Dennen',
    street: 'Dennenweg',
    houseNumber: '1',
    postcode: '3705 BV',
    city: 'Zeist',
    features: ['wheelchair_accessible'],
    admissionHours: OFFICE_HOURS,
    units: [
      ...beds(['Logeerkamer'], { acceptedStayTypes: ['respite'], reservedFor: 'respite', features: [] }),
      // "Logeerzorg thuis": a night carer at the guest's home instead of a bed here; one guest a night.
      {
        name: 'Logeerzorg thuis (nachtzorg)',
        kind: 'home_night',
        acceptedStayTypes: ['respite'],
        reservedFor: 'respite',
        features: [],
      },
    ],
    tariffs: [tariff('respite', { stay: 23_031 })],
  },
  {
    key: 'schutsmantel',
    organisationKey: 'warande',
    regionId: 'zuidoost-utrecht',
    name: 'De Schutsmantel',
    street: 'Julianalaan',
    houseNumber: '7',
    postcode: '3722 GA',
    city: 'Bilthoven',
    features: ['wheelchair_accessible', 'hoist_accessible'],
    admissionHours: OFFICE_HOURS,
    units: beds(['Logeerkamer'], { acceptedStayTypes: ['respite'], reservedFor: 'respite', features: [] }),
    tariffs: [tariff('respite', { stay: 23_031 })],
  },
  {
    key: 'rijsenburg',
    organisationKey: 'heuvelrug',
    regionId: 'zuidoost-utrecht',
    name: 'Zorgcentrum Rijsenburg',
    street: 'Hoofdstraat',
    houseNumber: '88',
    postcode: '3971 KG',
    city: 'Driebergen-Rijsenburg',
    features: ['nursing_24h', 'wheelchair_accessible'],
    admissionHours: ROUND_THE_CLOCK,
    units: [
      ...beds(['Kamer 1', 'Kamer 2', 'Kamer 3'], {
        acceptedStayTypes: ['respite', 'elv_low_complex', 'elv_high_complex'],
        reservedFor: null,
        features: [],
      }),
      ...beds(['Crisisbed'], { acceptedStayTypes: CRISIS, reservedFor: null, features: [] }),
    ],
    tariffs: [FICTIONAL_RESPITE, ELV_LOW, ELV_HIGH],
  },
  {
    key: 'oude-maas',
    organisationKey: 'oude-maas',
    regionId: 'drechtsteden',
    name: 'Zorgcentrum Oude Maas',
    street: 'Noordendijk',
    houseNumber: '250',
    postcode: '3311 RR',
    city: 'Dordrecht',
    features: ['nursing_24h', 'wheelchair_accessible', 'hoist_accessible'],
    admissionHours: ROUND_THE_CLOCK,
    units: beds(['Kamer 1', 'Kamer 2', 'Kamer 3'], {
      acceptedStayTypes: ['respite', 'crisis_wmo', 'elv_low_complex', 'elv_high_complex'],
      reservedFor: null,
      features: [],
    }),
    tariffs: [FICTIONAL_RESPITE, ELV_LOW, ELV_HIGH],
  },
  {
    key: 'vechtoever',
    organisationKey: 'vechtoever',
    regionId: 'utrecht-stad',
    name: 'Logeerhuis Vechtoever',
    street: 'Vechtdijk',
    houseNumber: '14',
    postcode: '3563 AA',
    city: 'Utrecht',
    // Dementia-specialised, so a guest who wanders has a place when the home region has none.
    features: ['dementia_specialised', 'secured_unit', 'nursing_24h', 'wheelchair_accessible'],
    admissionHours: hours(EVERY_DAY, '09:00', '21:00'),
    units: beds(['Kamer 1', 'Kamer 2', 'Kamer 3'], { acceptedStayTypes: RESPITE_OR_RECOVERY, reservedFor: null, features: [] }),
    tariffs: [FICTIONAL_RESPITE, ELV_LOW, ELV_HIGH, ELV_PALLIATIVE],
  },
  {
    key: 'genneper',
    organisationKey: 'genneper',
    regionId: 'eindhoven',
    name: 'Zorgvilla Genneper',
    street: 'Tongelresestraat',
    houseNumber: '300',
    postcode: '5642 NE',
    city: 'Eindhoven',
    features: ['dementia_specialised', 'secured_unit', 'wheelchair_accessible'],
    admissionHours: hours(EVERY_DAY, '09:00', '21:00'),
    units: beds(['Kamer 1', 'Kamer 2', 'Kamer 3'], {
      acceptedStayTypes: ['respite', 'wlz_respite', 'elv_low_complex', 'elv_high_complex'],
      reservedFor: null,
      features: [],
    }),
    tariffs: [FICTIONAL_RESPITE, ELV_LOW, ELV_HIGH],
  },
];

/** A yearly cost outside the tariffs (table region_yearly_cost), valid from the start of the demo's year. */
export interface DemoYearlyCost {
  readonly regionId: string;
  readonly kind: 'staff' | 'coordination' | 'availability_contract';
  readonly description: string;
  readonly euros: number;
  /** For a contract: the location whose beds it pays. */
  readonly locationKey?: string;
  readonly shares: { readonly municipality: number; readonly insurer: number; readonly careOffice: number };
}

/** What the pilots paid beside their night tariffs: the figures of the reports (see src/domain/mkba/pilot-2019.ts). */
export const DEMO_YEARLY_COSTS: readonly DemoYearlyCost[] = [
  {
    regionId: 'hoeksche-waard',
    kind: 'staff',
    description: 'Personeel wijkpension Zoomwijck',
    euros: 96_800,
    shares: { municipality: 100, insurer: 0, careOffice: 0 },
  },
  {
    regionId: 'peelregio',
    kind: 'availability_contract',
    description: 'Lumpsum logeerhuis Plezant (CZ en zes gemeenten)',
    euros: 487_000,
    locationKey: 'plezant',
    shares: { municipality: 50, insurer: 50, careOffice: 0 },
  },
];

export interface DemoClosure {
  readonly locationKey: string;
  /** Absent: every unit of the location. */
  readonly unitNames?: readonly string[];
  /** Days from the demo's today; negative is in the past. */
  readonly startsInDays: number;
  readonly days: number;
  /** Absent: a planned closure. */
  readonly kind?: 'not_admitting';
  readonly reason: ClosureReason;
  readonly note: string;
}

export const DEMO_CLOSURES: readonly DemoClosure[] = [
  // Like the Hoeksche Waard admission stop of March–April 2020; planned stays in it were cancelled.
  {
    locationKey: 'zoomwijck',
    startsInDays: -190,
    days: 35,
    reason: 'admission_stop',
    note: 'Opnamestop na een coronabesmetting op de locatie',
  },
  { locationKey: 'plezant', unitNames: ['Kamer 3'], startsInDays: -100, days: 10, reason: 'maintenance', note: 'Nieuwe vloer' },
  {
    locationKey: 'schutsmantel',
    startsInDays: -240,
    days: 30,
    reason: 'other',
    note: 'Tijdelijk in gebruik voor een bewoner die op een vaste plaats wacht',
  },
  {
    locationKey: 'zoomwijck',
    unitNames: ['Appartement 5A', 'Appartement 5B'],
    startsInDays: 21,
    days: 14,
    reason: 'maintenance',
    note: 'Badkamer wordt vernieuwd',
  },
  // "An empty bed is not an available bed": the room is there, the staff is not.
  {
    locationKey: 'peelrand',
    unitNames: ['Kamer 3'],
    startsInDays: -2,
    days: 9,
    kind: 'not_admitting',
    reason: 'staff_shortage',
    note: 'Twee verzorgenden ziek, vervanging wordt gezocht',
  },
];
