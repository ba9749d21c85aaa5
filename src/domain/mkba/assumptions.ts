/**
 * The assumptions of the social cost-benefit analysis (MKBA) of respite care, after the structure of the pilots'
 * analysis: seed report 002 ("Opbrengsten van drie pilots structurele logeerzorg voor ouderen", DSP-groep 2021),
 * chapter 4, summarised again in §5.1.4.
 *
 * The report gives the structure (three effects, expert judgement as the positive scenario, half of it as the
 * conservative one, who gains what) and the outcomes for the three pilots, but not the unit prices or effect sizes
 * behind them; those are in the full MKBA report, which is not part of this project. The values below are therefore
 * our own, chosen so that the three pilots of 2019 (pilot-2019.ts: their guests, beds, tariffs and staff) give the
 * report's table per region within 10 %: costs, benefits in both scenarios and net result (002 §4.2 with §5.1.4).
 * Every source text says which of the two a value is: a figure from the reports, or our calibrated estimate.
 */

/** Who gains a benefit or bears a cost. The client appears only through the co-payment of Wmo stays. */
export const STAKEHOLDERS = ['municipality', 'care_office', 'insurer', 'employers', 'client'] as const;
export type Stakeholder = (typeof STAKEHOLDERS)[number];

export const STAKEHOLDER_LABELS: Record<Stakeholder, { nl: string; en: string }> = {
  municipality: { nl: 'Gemeente (Wmo)', en: 'Municipality (Wmo)' },
  care_office: { nl: 'Zorgkantoor (Wlz)', en: 'Care office (Wlz)' },
  insurer: { nl: 'Zorgverzekeraar (Zvw)', en: 'Health insurer (Zvw)' },
  employers: { nl: 'Werkgevers', en: 'Employers' },
  client: { nl: 'Cliënt (eigen bijdrage)', en: 'Client (co-payment)' },
};

export type AssumptionUnit = 'percent' | 'months' | 'nights' | 'days' | 'euro_per_month' | 'euro_per_night' | 'euro_per_day' | 'euro';

/** Which line of the analysis an assumption feeds. */
export type Effect = 'wlz_delay' | 'crisis' | 'sick_leave';

export const ASSUMPTION_KEYS = [
  'delayShare',
  'delayMonths',
  'nursingHomePerMonth',
  'homeNursingPerMonth',
  'homeSupportPerMonth',
  'crisisShare',
  'crisisNights',
  'crisisPricePerNight',
  'crisisShareWmo',
  'workingShare',
  'sickDaysAvoided',
  'sickDayCost',
] as const;
export type AssumptionKey = (typeof ASSUMPTION_KEYS)[number];

export interface AssumptionDefinition {
  readonly key: AssumptionKey;
  readonly effect: Effect;
  readonly label: { readonly nl: string; readonly en: string };
  readonly unit: AssumptionUnit;
  /** The value of the positive scenario, unless the region's own data give a better one (see defaultValues). */
  readonly defaultValue: number;
  readonly min: number;
  readonly max: number;
  /**
   * An expert estimate of how often an effect happens or how large it is. The conservative scenario takes half of
   * each, because "caregivers and older people would have found another solution without respite" (002 §4.1).
   * Prices, tariffs and durations are not halved. Prevented crises are counted in whole people, so for a small
   * region half the expert estimate can round to the same number of crises.
   */
  readonly expert: boolean;
  readonly source: { readonly nl: string; readonly en: string };
  /** Who gains (or, for a cost, pays) through this assumption. */
  readonly gains: readonly Stakeholder[];
}

const CALIBRATED_NL = 'Eigen schatting: het rapport noemt dit getal niet.';
const CALIBRATED_EN = 'Our own estimate: the report does not give this figure.';

export const ASSUMPTIONS: readonly AssumptionDefinition[] = [
  {
    key: 'delayShare',
    effect: 'wlz_delay',
    unit: 'percent',
    defaultValue: 50,
    min: 0,
    max: 100,
    expert: true,
    gains: ['care_office'],
    label: {
      nl: 'Deel van de logés bij wie opname in het verpleeghuis later komt',
      en: 'Share of guests whose nursing-home admission is delayed',
    },
    source: {
      nl: `Schatting van deskundigen (002 §4.1, effect 1). ${CALIBRATED_NL} Samen met de andere getallen van dit effect gekozen zodat de baten van de drie pilots per regio binnen 10 % van het rapport liggen (002 §4.2: samen ca. € 1,8 miljoen).`,
      en: `Expert estimate (002 §4.1, effect 1). ${CALIBRATED_EN} Chosen with the other figures of this effect so that the three pilots' benefits per region lie within 10 % of the report's (002 §4.2: together ca. € 1.8 million).`,
    },
  },
  {
    key: 'delayMonths',
    effect: 'wlz_delay',
    unit: 'months',
    defaultValue: 6,
    min: 0,
    max: 120,
    expert: false,
    gains: ['care_office'],
    label: { nl: 'Maanden dat de opname later komt', en: 'Months by which the admission is delayed' },
    source: {
      nl: `${CALIBRATED_NL} Gekozen met de andere getallen van dit effect (002 §4.2: ca. € 1,8 miljoen voor de drie pilots).`,
      en: `${CALIBRATED_EN} Chosen with the other figures of this effect (002 §4.2: ca. € 1.8 million for the three pilots).`,
    },
  },
  {
    key: 'nursingHomePerMonth',
    effect: 'wlz_delay',
    unit: 'euro_per_month',
    defaultValue: 5875,
    min: 0,
    max: 100_000,
    expert: false,
    gains: ['care_office'],
    label: { nl: 'Kosten van een plek in het verpleeghuis per maand (Wlz)', en: 'Cost of a nursing-home place per month (Wlz)' },
    source: {
      nl: `${CALIBRATED_NL} Orde van grootte van een verpleeghuisplek met verblijf; deze kosten vallen weg zolang de opname later komt (002 §4.1). Het zorgkantoor bespaart ze (002 §4.3).`,
      en: `${CALIBRATED_EN} Order of magnitude of a nursing-home place with stay; these costs are avoided while the admission is delayed (002 §4.1). The care office saves them (002 §4.3).`,
    },
  },
  {
    key: 'homeNursingPerMonth',
    effect: 'wlz_delay',
    unit: 'euro_per_month',
    defaultValue: 1000,
    min: 0,
    max: 100_000,
    expert: false,
    gains: ['insurer'],
    label: {
      nl: 'Wijkverpleging thuis per maand, zolang de opname later komt (Zvw)',
      en: 'Home nursing per month while the admission is delayed (Zvw)',
    },
    source: {
      nl: `${CALIBRATED_NL} Het rapport zegt: de uitgaven om de zorg thuis door te zetten zijn lager dan de kosten van het verpleeghuis (002 §4.1). De zorgverzekeraar betaalt deze zorg.`,
      en: `${CALIBRATED_EN} The report says the cost of continuing care at home is lower than the nursing-home cost avoided (002 §4.1). The health insurer pays this care.`,
    },
  },
  {
    key: 'homeSupportPerMonth',
    effect: 'wlz_delay',
    unit: 'euro_per_month',
    defaultValue: 700,
    min: 0,
    max: 100_000,
    expert: false,
    gains: ['municipality'],
    label: {
      nl: 'Ondersteuning thuis per maand, zolang de opname later komt (Wmo)',
      en: 'Support at home per month while the admission is delayed (Wmo)',
    },
    source: {
      nl: `${CALIBRATED_NL} Bijvoorbeeld dagbesteding en hulp in het huishouden (002 §4.1: de zorg thuis gaat door). De gemeente betaalt deze ondersteuning; daarom is haar deel van de baten klein (002 §4.3).`,
      en: `${CALIBRATED_EN} For instance day care and household help (002 §4.1: care at home continues). The municipality pays this support, which is why its share of the benefits is small (002 §4.3).`,
    },
  },
  {
    key: 'crisisShare',
    effect: 'crisis',
    unit: 'percent',
    defaultValue: 6,
    min: 0,
    max: 100,
    expert: true,
    gains: ['municipality', 'insurer'],
    label: {
      nl: 'Deel van de logés bij wie een crisisopname niet nodig is',
      en: 'Share of guests for whom a crisis admission is prevented',
    },
    source: {
      nl: `Schatting van deskundigen (002 §4.1, effect 2). ${CALIBRATED_NL} Gekozen met de andere getallen van dit effect en het tarief van elke pilotregio, zodat de baten per regio binnen 10 % van het rapport liggen (002 §4.2). Een crisisopname telt voor een hele persoon: het aantal wordt afgerond.`,
      en: `Expert estimate (002 §4.1, effect 2). ${CALIBRATED_EN} Chosen with the other figures of this effect and each pilot region's tariff, so that the benefits per region lie within 10 % of the report's (002 §4.2). A crisis admission counts for a whole person: the number is rounded.`,
    },
  },
  {
    key: 'crisisNights',
    effect: 'crisis',
    unit: 'nights',
    defaultValue: 60,
    min: 0,
    max: 365,
    expert: false,
    gains: ['municipality', 'insurer'],
    label: { nl: 'Nachten van een crisisopname', en: 'Nights of a crisis admission' },
    source: {
      nl: `${CALIBRATED_NL} Gekozen met de andere getallen van dit effect (002 §4.2). Een crisisopname duurt vaak tot er een vaste plek is.`,
      en: `${CALIBRATED_EN} Chosen with the other figures of this effect (002 §4.2). A crisis admission often lasts until a permanent place is found.`,
    },
  },
  {
    key: 'crisisPricePerNight',
    effect: 'crisis',
    unit: 'euro_per_night',
    defaultValue: 300,
    min: 0,
    max: 10_000,
    expert: false,
    gains: ['municipality', 'insurer'],
    label: { nl: 'Prijs van een nacht crisisopvang', en: 'Price of a night of crisis care' },
    source: {
      nl: `${CALIBRATED_NL} Het rapport rekent met het tarief van de crisisopvang die in de regio het meest voorkomt; dat verschilt per gemeente en regio (002 §4.2). Vul het tarief van uw regio in.`,
      en: `${CALIBRATED_EN} The report uses the tariff of the kind of crisis care most common in the region, which differs per municipality and region (002 §4.2). Enter your region's tariff.`,
    },
  },
  {
    key: 'crisisShareWmo',
    effect: 'crisis',
    unit: 'percent',
    defaultValue: 50,
    min: 0,
    max: 100,
    expert: false,
    gains: ['municipality', 'insurer'],
    label: {
      nl: 'Deel van de crisisopnames dat de gemeente betaalt (Wmo-spoedopname); de rest is een ELV-crisisbed (Zvw)',
      en: 'Share of crisis admissions paid by the municipality (Wmo emergency admission); the rest is an ELV crisis bed (Zvw)',
    },
    source: {
      nl: `${CALIBRATED_NL} De besparing komt bij de gemeente (Wmo-spoedopname) en/of bij de zorgverzekeraar (ELV-crisisbed), afhankelijk van hoe de regio de crisisopvang regelt (002 §4.3). Zonder gegevens: half om half.`,
      en: `${CALIBRATED_EN} The saving goes to the municipality (Wmo emergency admission) and/or the health insurer (ELV crisis bed), depending on how the region organises crisis care (002 §4.3). Without data: half each.`,
    },
  },
  {
    key: 'workingShare',
    effect: 'sick_leave',
    unit: 'percent',
    defaultValue: 20,
    min: 0,
    max: 100,
    expert: false,
    gains: ['employers'],
    label: { nl: 'Deel van de mantelzorgers met betaald werk', en: 'Share of caregivers in paid work' },
    source: {
      nl: 'Uit de aanmeldingen van de logés in deze periode ("werkt de mantelzorger?"), als genoeg mantelzorgers die vraag beantwoordden. Anders: een vijfde, zoals in de Hoeksche Waard en de Peelregio (002 §2.1.1; Zuidoost Utrecht 16 %).',
      en: 'From the referrals of this period\'s guests ("does the caregiver work?"), when enough caregivers answered. Otherwise one fifth, as in the Hoeksche Waard and the Peelregio (002 §2.1.1; Zuidoost Utrecht 16 %).',
    },
  },
  {
    key: 'sickDaysAvoided',
    effect: 'sick_leave',
    unit: 'days',
    defaultValue: 6,
    min: 0,
    max: 260,
    expert: true,
    gains: ['employers'],
    label: {
      nl: 'Dagen minder ziekteverzuim per werkende mantelzorger per jaar',
      en: 'Fewer days of sick leave per working caregiver per year',
    },
    source: {
      nl: `Schatting van deskundigen (002 §4.1, effect 3). Werkende mantelzorgers verzuimen twee keer zo vaak als andere werkenden (002 §3.2, SCP 2015). ${CALIBRATED_NL} Gekozen zodat de drie pilots ca. € 48.000 opleveren (002 §4.2).`,
      en: `Expert estimate (002 §4.1, effect 3). Working caregivers are absent twice as often as other workers (002 §3.2, SCP 2015). ${CALIBRATED_EN} Chosen so that the three pilots give ca. € 48,000 (002 §4.2).`,
    },
  },
  {
    key: 'sickDayCost',
    effect: 'sick_leave',
    unit: 'euro_per_day',
    defaultValue: 300,
    min: 0,
    max: 10_000,
    expert: false,
    gains: ['employers'],
    label: { nl: 'Kosten van een dag ziekteverzuim voor de werkgever', en: 'Cost of a day of sick leave to the employer' },
    source: {
      nl: `${CALIBRATED_NL} Loon doorbetalen, productie die verloren gaat en loon voor vervanging; dat betaalt de werkgever (002 §4.3, noot 15: UWV, loon doorbetalen tijdens ziekte).`,
      en: `${CALIBRATED_EN} Wages paid during sickness, lost production and wages for a replacement, paid by the employer (002 §4.3, note 15: UWV, paying wages during illness).`,
    },
  },
];

export const ASSUMPTION_BY_KEY = Object.fromEntries(ASSUMPTIONS.map((assumption) => [assumption.key, assumption])) as Record<
  AssumptionKey,
  AssumptionDefinition
>;

/** The assumptions that are expert estimates: halved in the conservative scenario. */
export const EXPERT_ESTIMATES: readonly AssumptionKey[] = ASSUMPTIONS.filter((assumption) => assumption.expert).map(
  (assumption) => assumption.key,
);

export type AssumptionValues = Record<AssumptionKey, number>;

/** Where a default comes from: the table above, or this region's own figures. */
export type DefaultOrigin = 'report' | 'region';

/**
 * The defaults for one region and period: the table's values, except the share of working caregivers, which comes
 * from the region's referrals when enough caregivers answered the question (workingSharePercent not null).
 */
export function defaultValues(workingSharePercent: number | null): {
  values: AssumptionValues;
  origin: Record<AssumptionKey, DefaultOrigin>;
} {
  const values = Object.fromEntries(ASSUMPTIONS.map((assumption) => [assumption.key, assumption.defaultValue])) as AssumptionValues;
  const origin = Object.fromEntries(ASSUMPTIONS.map((assumption) => [assumption.key, 'report'])) as Record<AssumptionKey, DefaultOrigin>;
  if (workingSharePercent !== null) {
    values.workingShare = workingSharePercent;
    origin.workingShare = 'region';
  }
  return { values, origin };
}
