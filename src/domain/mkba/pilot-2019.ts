import { bedYearCents } from '../bed-year-cost.ts';
import { type AssumptionValues, defaultValues } from './assumptions.ts';
import { costInPeriod, type YearlyCost } from './fixed-costs.ts';
import { type MkbaInputs, type MkbaResult, type Scenario, SCENARIOS, mkba } from './mkba.ts';

/**
 * "Pilot year 2019": the MKBA of the three structural respite pilots, computed with this application's own arithmetic
 * and default assumptions from the inputs the reports give per region (guests, beds, tariffs, staff, financing), beside
 * the table of the report (002 §4.2 and §5.1.4). A policy officer can see that the model that prices their region's
 * year reproduces the pilots' published figures, and by how much it differs.
 *
 * The report's table is not printed as one table. It gives per region the net result in both scenarios (002 §5.1.4)
 * and over the regions the lowest and highest costs and benefits (002 §4.2); each region's costs and benefits follow
 * from those, as `derivation` says.
 */

type Text = { readonly nl: string; readonly en: string };

export interface ReportFigures {
  /** Euros per year. */
  readonly costs: number;
  readonly benefits: Record<Scenario, number>;
  readonly net: Record<Scenario, number>;
  readonly derivation: Text;
}

export interface PilotRegion {
  readonly id: string;
  readonly name: string;
  /** Guests in 2019 (002 §4.2 note 13). */
  readonly guests: number;
  /** Beds reserved for respite all year, at this tariff per night. */
  readonly reservedBeds: { readonly beds: number; readonly tariffCents: number };
  /** Nights used in beds that were not reserved, at this tariff. */
  readonly otherNights: { readonly nights: number; readonly tariffCents: number };
  readonly yearlyCosts: readonly YearlyCost[];
  /** The assumptions the report says differ per region; the others are the application's defaults. */
  readonly regional: Partial<AssumptionValues>;
  readonly sources: Text;
  readonly report: ReportFigures;
}

const YEAR = { from: '2019-01-01', to: '2020-01-01' } as const;
const yearly = (kind: YearlyCost['kind'], description: string, euros: number, shares: YearlyCost['shares']): YearlyCost => ({
  kind,
  description,
  centsPerYear: euros * 100,
  validFrom: YEAR.from,
  validUntil: YEAR.to,
  shares,
});
const MUNICIPALITY = { municipality: 100, insurer: 0, careOffice: 0 };

export const PILOT_REGIONS_2019: readonly PilotRegion[] = [
  {
    id: 'zuidoost-utrecht',
    name: 'Zuidoost Utrecht',
    guests: 17,
    reservedBeds: { beds: 1, tariffCents: 23_031 },
    otherNights: { nights: 40, tariffCents: 23_031 },
    yearlyCosts: [],
    regional: { workingShare: 16, crisisPricePerNight: 500 },
    sources: {
      nl: '17 logés (002 §4.2 noot 13); een bed beschikbaar, bij drukte een tweede (002 §4.2 noot 13: "bij verschillende zorgaanbieders een bed"); € 230,31 per nacht (noot 14); 16 % werkende mantelzorgers (002 §2.1.1). Eigen schatting: 40 nachten in het tweede bed en € 500 per nacht crisisopvang (het rapport noemt deze getallen niet).',
      en: '17 guests (002 §4.2 note 13); one bed available, a second when busy (002 §4.2 note 13: "a bed at several providers"); € 230.31 a night (note 14); 16 % working caregivers (002 §2.1.1). Our own estimate: 40 nights in the second bed and € 500 a night of crisis care (the report does not give these figures).',
    },
    report: {
      costs: 93_394,
      benefits: { positive: 247_840, conservative: 138_920 },
      net: { positive: 154_446, conservative: 45_526 },
      derivation: {
        nl: 'Saldo € 45.526 tot € 154.446 (002 §5.1.4). De laagste baten van de drie regio\'s, € 138.920 en € 247.840 (002 §4.2), zijn die van deze regio; kosten = € 138.920 − € 45.526 = € 93.394 (rapport: "ca. € 93.400").',
        en: 'Net € 45,526 to € 154,446 (002 §5.1.4). The lowest benefits of the three regions, € 138,920 and € 247,840 (002 §4.2), are this region\'s; costs = € 138,920 − € 45,526 = € 93,394 (report: "ca. € 93,400").',
      },
    },
  },
  {
    id: 'hoeksche-waard',
    name: 'Hoeksche Waard',
    guests: 28,
    reservedBeds: { beds: 1, tariffCents: 15_000 },
    otherNights: { nights: 0, tariffCents: 15_000 },
    yearlyCosts: [yearly('staff', 'Personeel wijkpension (004 §7)', 96_800, MUNICIPALITY)],
    regional: { workingShare: 20, crisisPricePerNight: 475 },
    sources: {
      nl: '28 logés (002 §4.2 noot 13); één bed ingekocht voor logeerzorg, het hele jaar betaald: € 150 per nacht (wonen € 80 + verblijf € 70) en € 96.800 personeel (004 §7); een vijfde werkende mantelzorgers (002 §2.1.1). Eigen schatting: € 475 per nacht crisisopvang.',
      en: '28 guests (002 §4.2 note 13); one bed bought for respite, paid all year: € 150 a night (housing € 80 + stay € 70) and € 96,800 staff (004 §7); one fifth working caregivers (002 §2.1.1). Our own estimate: € 475 a night of crisis care.',
    },
    report: {
      costs: 151_550,
      benefits: { positive: 417_940, conservative: 208_970 },
      net: { positive: 266_390, conservative: 57_420 },
      derivation: {
        nl: "Saldo € 57.420 tot € 266.390 (002 §5.1.4). Baten conservatief: de drie effecten samen (€ 891.000 + € 65.460 + € 24.000, 002 §4.2) min die van de andere twee regio's = € 208.970; kosten = € 208.970 − € 57.420 = € 151.550, gelijk aan de begroting (004 §7); baten positief = € 266.390 + € 151.550 = € 417.940.",
        en: "Net € 57,420 to € 266,390 (002 §5.1.4). Conservative benefits: the three effects together (€ 891,000 + € 65,460 + € 24,000, 002 §4.2) minus the other two regions' = € 208,970; costs = € 208,970 − € 57,420 = € 151,550, equal to the budget (004 §7); positive benefits = € 266,390 + € 151,550 = € 417,940.",
      },
    },
  },
  {
    id: 'peelregio',
    name: 'Peelregio',
    guests: 93,
    reservedBeds: { beds: 0, tariffCents: 20_891 },
    otherNights: { nights: 0, tariffCents: 20_891 },
    yearlyCosts: [
      yearly('availability_contract', 'Lumpsum logeerhuis Plezant, 7 bedden (002 §9.1)', 487_000, {
        municipality: 50,
        insurer: 50,
        careOffice: 0,
      }),
    ],
    regional: { workingShare: 20, crisisPricePerNight: 240 },
    sources: {
      nl: '93 logés (002 §4.2 noot 13); zeven bedden in logeerhuis Plezant, betaald met een vast bedrag: zorgverzekeraar CZ 50 %, de zes gemeenten 50 % (002 §9.1); de hoogste kosten van de drie, ca. € 487.000 (002 §4.2); een vijfde werkende mantelzorgers (002 §2.1.1). Eigen schatting: € 240 per nacht crisisopvang.',
      en: '93 guests (002 §4.2 note 13); seven beds in respite house Plezant, paid as a lump sum: insurer CZ 50 %, the six municipalities 50 % (002 §9.1); the highest costs of the three, ca. € 487,000 (002 §4.2); one fifth working caregivers (002 §2.1.1). Our own estimate: € 240 a night of crisis care.',
    },
    report: {
      costs: 487_009,
      benefits: { positive: 1_284_594, conservative: 632_570 },
      net: { positive: 797_585, conservative: 145_561 },
      derivation: {
        nl: 'Saldo € 145.561 tot € 797.585 (002 §5.1.4). De hoogste conservatieve baten, € 632.570 (002 §4.2), zijn die van deze regio; kosten = € 632.570 − € 145.561 = € 487.009 (rapport: "ca. € 487.000"); baten positief = € 797.585 + € 487.009 = € 1.284.594 (rapport: "ca. € 1,3 miljoen").',
        en: 'Net € 145,561 to € 797,585 (002 §5.1.4). The highest conservative benefits, € 632,570 (002 §4.2), are this region\'s; costs = € 632,570 − € 145,561 = € 487,009 (report: "ca. € 487,000"); positive benefits = € 797,585 + € 487,009 = € 1,284,594 (report: "ca. € 1.3 million").',
      },
    },
  },
];

/** The inputs of one pilot region's year, built as the live MKBA builds a region's: nights, reserved beds, yearly costs. */
export function pilotInputs(region: PilotRegion): MkbaInputs {
  const reservedNights = region.reservedBeds.beds * 365;
  const otherCents = region.otherNights.nights * region.otherNights.tariffCents;
  return {
    guests: region.guests,
    stays: 0,
    nights: region.otherNights.nights,
    costsCents: { municipality: otherCents, insurer: 0, careOffice: 0, client: 0 },
    reservedBeds: {
      beds: region.reservedBeds.beds,
      nights: reservedNights,
      costsCents: {
        municipality: region.reservedBeds.beds * bedYearCents(region.reservedBeds.tariffCents),
        insurer: 0,
        careOffice: 0,
        client: 0,
      },
    },
    fixedCosts: region.yearlyCosts.flatMap((cost) => costInPeriod(cost, YEAR) ?? []),
  };
}

export interface PilotComparison {
  readonly region: PilotRegion;
  readonly inputs: MkbaInputs;
  readonly values: AssumptionValues;
  readonly result: MkbaResult;
  /** Ours against the report's, as a fraction: 0.05 is 5 % more than the report. */
  readonly deviation: { readonly costs: number; readonly benefits: Record<Scenario, number>; readonly net: Record<Scenario, number> };
}

const deviationOf = (oursCents: number, reportEuros: number) => Math.round((oursCents / 100 / reportEuros - 1) * 10_000) / 10_000;

export function pilotYear2019(): PilotComparison[] {
  return PILOT_REGIONS_2019.map((region) => {
    const inputs = pilotInputs(region);
    const values = { ...defaultValues(null).values, ...region.regional };
    const result = mkba(inputs, values);
    const perScenario = (pick: (scenario: MkbaResult[Scenario]) => number, report: Record<Scenario, number>) =>
      Object.fromEntries(SCENARIOS.map((which) => [which, deviationOf(pick(result[which]), report[which])])) as Record<Scenario, number>;
    return {
      region,
      inputs,
      values,
      result,
      deviation: {
        costs: deviationOf(result.positive.costsCents, region.report.costs),
        benefits: perScenario((scenario) => scenario.benefitsCents, region.report.benefits),
        net: perScenario((scenario) => scenario.netCents, region.report.net),
      },
    };
  });
}
