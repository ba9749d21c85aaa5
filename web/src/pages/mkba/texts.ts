import type { Texts } from '../../i18n/i18n.tsx';

type Key =
  | 'title'
  | 'intro'
  | 'linkIntro'
  | 'link'
  | 'filter'
  | 'region'
  | 'period'
  | 'last12'
  | 'year'
  | 'apply'
  | 'loading'
  | 'periodText'
  | 'suppressed'
  | 'noGuests'
  | 'summary'
  | 'figures'
  | 'costsNote'
  | 'incomplete'
  | 'missingTariff'
  | 'csv'
  | 'print'
  | 'reservedBeds'
  | 'reservedNights'
  | 'pilotTitle'
  | 'pilotIntro'
  | 'pilotShow'
  | 'pilotCaption'
  | 'pilotRegion'
  | 'ours'
  | 'report'
  | 'difference'
  | 'pilotCosts'
  | 'pilotBenefitsPositive'
  | 'pilotBenefitsConservative'
  | 'pilotNetPositive'
  | 'pilotNetConservative'
  | 'pilotSources'
  | 'pilotWithin'
  | 'pilotInputs'
  | 'pilotReportFigures'
  | 'pilotOurCosts'
  | 'positive'
  | 'conservative'
  | 'positiveExplained'
  | 'conservativeExplained'
  | 'gain'
  | 'loss'
  | 'ratioText'
  | 'noRatio'
  | 'linesTitle'
  | 'linesIntro'
  | 'linesChart'
  | 'linesCaption'
  | 'line'
  | 'benefits'
  | 'costs'
  | 'net'
  | 'ratio'
  | 'benefitsTotal'
  | 'costsTotal'
  | 'howTitle'
  | 'howPositive'
  | 'howConservative'
  | 'whoTitle'
  | 'whoIntro'
  | 'whoChart'
  | 'whoCaption'
  | 'stakeholder'
  | 'total'
  | 'assumptionsTitle'
  | 'assumptionsIntro'
  | 'recalculate'
  | 'reset'
  | 'default'
  | 'defaultRegion'
  | 'expert'
  | 'source'
  | 'changed'
  | 'notRecalculated'
  | 'usedTitle'
  | 'usedCaption'
  | 'sourceColumn'
  | 'assumption'
  | 'valuePositive'
  | 'valueConservative'
  | 'inputsTitle'
  | 'guests'
  | 'stays'
  | 'nights'
  | 'workingShare'
  | 'workingUnknown'
  | 'costMunicipality'
  | 'costInsurer'
  | 'costCareOffice'
  | 'costClient'
  | 'per.euro_per_month'
  | 'per.euro_per_night'
  | 'per.euro_per_day'
  | 'unit.percent'
  | 'unit.months'
  | 'unit.nights'
  | 'unit.days'
  | 'unit.euro_per_month'
  | 'unit.euro_per_night'
  | 'unit.euro_per_day'
  | 'unit.euro';

/** The MKBA page's texts: plain Dutch (B1) first, English with the same keys. */
export const TEXTS: Texts<Key> = {
  nl: {
    title: 'Kosten en baten van logeerzorg',
    intro:
      'Wat levert logeerzorg op, en voor wie? Deze berekening is een maatschappelijke kosten-batenanalyse (MKBA). Ze volgt het onderzoek naar drie pilots met logeerzorg (DSP-groep, 2021). Kies een regio en een periode. U kunt elke aanname zelf aanpassen.',
    linkIntro: 'Wat levert logeerzorg op, en voor wie?',
    link: 'Bekijk de kosten en baten van logeerzorg (MKBA)',
    filter: 'Regio en periode',
    region: 'Regio',
    period: 'Periode',
    last12: 'Afgelopen 12 maanden',
    year: 'Heel {year}',
    apply: 'Berekenen',
    loading: 'Berekening laden…',
    periodText: '{region}, {from} tot en met {to}',
    suppressed:
      'In deze periode logeerden in deze regio minder dan {threshold} mensen. Dan tonen we geen cijfers, want dan kunt u iemand misschien herkennen.',
    noGuests: 'In deze periode logeerde niemand in deze regio. Er is dus niets te berekenen.',
    summary: 'Samenvatting',
    figures:
      'In deze periode logeerden {guests} mensen. Samen waren dat {stays} verblijven en {nights} nachten. De logeerzorg kostte in totaal {costs}.',
    costsNote:
      'De kosten zijn: de nachten volgens de tarieven, elke nacht van een bed dat vrij wordt gehouden voor logeerzorg (ook als het leeg is), en personeel, coördinatie en contracten zoals die in het register staan.',
    incomplete:
      'Deze uitkomst is niet compleet. Voor {nights} nachten is er geen tarief. Die kosten ontbreken dus, en de baten lijken groter dan ze zijn. Vul deze tarieven in:',
    missingTariff: '{location}, {stayType}: {nights} nachten',
    csv: 'Download de berekening als CSV',
    print: 'Afdrukken',
    positive: 'Positief scenario',
    conservative: 'Conservatief scenario',
    positiveExplained: 'Het positieve scenario gebruikt de schattingen van deskundigen.',
    conservativeExplained:
      'Het conservatieve scenario neemt de helft van die schattingen. Misschien hadden mensen zonder logeerzorg ook een andere oplossing gevonden.',
    gain: '{scenario}: de baten zijn {benefits} en de kosten {costs}. Logeerzorg levert dan {net} meer op dan het kost.',
    loss: '{scenario}: de baten zijn {benefits} en de kosten {costs}. Logeerzorg kost dan {net} meer dan het oplevert.',
    ratioText: 'Elke euro voor logeerzorg levert {ratio} op.',
    noRatio: 'Er zijn geen kosten, dus we kunnen baten en kosten niet vergelijken.',
    linesTitle: "Baten en kosten in beide scenario's",
    linesIntro:
      'De baten komen uit drie effecten: opname in het verpleeghuis komt later, er zijn minder crisisopnames en werkende mantelzorgers zijn minder vaak ziek.',
    linesChart:
      'Staafgrafiek: baten, kosten en saldo in het positieve en het conservatieve scenario, in euro. De getallen staan in de tabel hieronder.',
    linesCaption: 'Baten en kosten per regel, in euro',
    line: 'Regel',
    benefits: 'Baten',
    costs: 'Kosten',
    net: 'Baten min kosten',
    ratio: 'Baten per euro kosten',
    benefitsTotal: 'Baten samen',
    costsTotal: 'Kosten samen',
    howTitle: 'Zo is het berekend',
    howPositive: 'Positief',
    howConservative: 'Conservatief',
    whoTitle: 'Wie heeft er voordeel van?',
    whoIntro:
      'De baten en kosten komen bij verschillende partijen terecht. Het zorgkantoor bespaart het meest, omdat opname in het verpleeghuis later komt. De gemeente betaalt de logeerzorg en de ondersteuning thuis.',
    whoChart:
      'Staafgrafiek: baten min kosten per partij, in het positieve en het conservatieve scenario, in euro. De getallen staan in de tabellen hieronder.',
    whoCaption: 'Baten en kosten per partij, {scenario}, in euro',
    stakeholder: 'Partij',
    total: 'Samen',
    assumptionsTitle: 'Aannames',
    assumptionsIntro: 'Pas een getal aan en kies "Opnieuw berekenen". Bij elk getal staat de standaardwaarde en waar die vandaan komt.',
    recalculate: 'Opnieuw berekenen',
    reset: 'Terug naar de standaardwaarden',
    default: 'Standaard: {value}.',
    defaultRegion: 'Standaard: {value}, uit de aanmeldingen van deze regio.',
    expert: 'Schatting van deskundigen: het conservatieve scenario neemt de helft ({value}).',
    source: 'Bron: {source}',
    changed: 'Aangepast',
    notRecalculated: 'De berekening is niet bijgewerkt. Kijk bij de aannames wat er mis is.',
    usedTitle: 'Gebruikte aannames',
    usedCaption: "Aannames in beide scenario's, met hun standaardwaarde en bron",
    sourceColumn: 'Standaard en bron',
    assumption: 'Aanname',
    valuePositive: 'Positief',
    valueConservative: 'Conservatief',
    inputsTitle: 'Cijfers van de regio',
    reservedBeds: 'Bedden vrijgehouden voor logeerzorg',
    reservedNights: 'Nachten van die bedden (ook lege)',
    pilotTitle: 'Vergelijk met de pilots van 2019',
    pilotIntro:
      'Klopt deze berekening? Hieronder rekent Adempauze de drie pilots van 2019 door, met dezelfde aannames en de gegevens uit de rapporten: logés, bedden, tarieven, personeel en contracten. Daarnaast staan de cijfers van het rapport zelf (DSP-groep 2021, hoofdstuk 4).',
    pilotShow: 'Toon de pilots van 2019',
    pilotCaption: 'Pilotjaar 2019: Adempauze en het rapport, per regio, in euro per jaar',
    pilotRegion: 'Regio',
    ours: 'Adempauze',
    report: 'Rapport',
    difference: 'Verschil',
    pilotCosts: 'Kosten',
    pilotBenefitsPositive: 'Baten, positief',
    pilotBenefitsConservative: 'Baten, conservatief',
    pilotNetPositive: 'Saldo, positief',
    pilotNetConservative: 'Saldo, conservatief',
    pilotSources: 'Gegevens en bronnen per regio',
    pilotInputs: 'Gegevens',
    pilotReportFigures: 'Cijfers van het rapport',
    pilotOurCosts: 'Kosten bij Adempauze',
    pilotWithin: 'Elk verschil is hoogstens {tolerance}%. De tests van Adempauze controleren dat.',
    guests: 'Logés (mensen die logeerden)',
    stays: 'Verblijven',
    nights: 'Nachten',
    workingShare: 'Mantelzorgers met betaald werk (uit de aanmeldingen)',
    workingUnknown: 'te weinig antwoorden',
    costMunicipality: 'Nachten: kosten voor de gemeente (Wmo)',
    costInsurer: 'Nachten: kosten voor de zorgverzekeraar (Zvw)',
    costCareOffice: 'Nachten: kosten voor het zorgkantoor (Wlz)',
    costClient: 'Nachten: eigen bijdrage van cliënten',
    'per.euro_per_month': 'per maand',
    'per.euro_per_night': 'per nacht',
    'per.euro_per_day': 'per dag',
    'unit.percent': '%',
    'unit.months': 'maanden',
    'unit.nights': 'nachten',
    'unit.days': 'dagen',
    'unit.euro_per_month': 'euro per maand',
    'unit.euro_per_night': 'euro per nacht',
    'unit.euro_per_day': 'euro per dag',
    'unit.euro': 'euro',
  },
  en: {
    title: 'Costs and benefits of respite care',
    intro:
      'What does respite care bring, and to whom? This is a social cost-benefit analysis (MKBA). It follows the study of three respite pilots (DSP-groep, 2021). Choose a region and a period. You can change every assumption.',
    linkIntro: 'What does respite care bring, and to whom?',
    link: 'See the costs and benefits of respite care (MKBA)',
    filter: 'Region and period',
    region: 'Region',
    period: 'Period',
    last12: 'Last 12 months',
    year: 'All of {year}',
    apply: 'Calculate',
    loading: 'Loading the calculation…',
    periodText: '{region}, {from} to {to}',
    suppressed:
      'Fewer than {threshold} people stayed in this region in this period. We show no figures then, because you might recognise someone.',
    noGuests: 'Nobody stayed in this region in this period, so there is nothing to calculate.',
    summary: 'Summary',
    figures: 'In this period {guests} people stayed: {stays} stays and {nights} nights together. Respite care cost {costs} in total.',
    costsNote:
      'The costs are: the nights at their tariffs, every night of a bed kept free for respite (also when empty), and staff, coordination and contracts as the registry records them.',
    incomplete:
      'This result is not complete. {nights} nights have no tariff, so their costs are missing and the benefits look larger than they are. Please enter these tariffs:',
    missingTariff: '{location}, {stayType}: {nights} nights',
    csv: 'Download the calculation as CSV',
    print: 'Print',
    positive: 'Positive scenario',
    conservative: 'Conservative scenario',
    positiveExplained: "The positive scenario uses the experts' estimates.",
    conservativeExplained:
      'The conservative scenario takes half of those estimates: without respite care, people might have found another solution.',
    gain: '{scenario}: the benefits are {benefits} and the costs {costs}. Respite care then brings {net} more than it costs.',
    loss: '{scenario}: the benefits are {benefits} and the costs {costs}. Respite care then costs {net} more than it brings.',
    ratioText: 'Every euro spent on respite care brings {ratio}.',
    noRatio: 'There are no costs, so benefits and costs cannot be compared.',
    linesTitle: 'Benefits and costs in both scenarios',
    linesIntro:
      'The benefits come from three effects: nursing-home admission comes later, there are fewer crisis admissions, and working caregivers are less often ill.',
    linesChart:
      'Bar chart: benefits, costs and the balance in the positive and the conservative scenario, in euros. The numbers are in the table below.',
    linesCaption: 'Benefits and costs per line, in euros',
    line: 'Line',
    benefits: 'Benefits',
    costs: 'Costs',
    net: 'Benefits minus costs',
    ratio: 'Benefits per euro of cost',
    benefitsTotal: 'Benefits together',
    costsTotal: 'Costs together',
    howTitle: 'How it is calculated',
    howPositive: 'Positive',
    howConservative: 'Conservative',
    whoTitle: 'Who gains?',
    whoIntro:
      'Benefits and costs land with different parties. The care office saves most, because nursing-home admission comes later. The municipality pays for the respite care and the support at home.',
    whoChart:
      'Bar chart: benefits minus costs per party, in the positive and the conservative scenario, in euros. The numbers are in the tables below.',
    whoCaption: 'Benefits and costs per party, {scenario}, in euros',
    stakeholder: 'Party',
    total: 'Together',
    assumptionsTitle: 'Assumptions',
    assumptionsIntro: 'Change a number and choose "Calculate again". Each number shows its default and where it comes from.',
    recalculate: 'Calculate again',
    reset: 'Back to the defaults',
    default: 'Default: {value}.',
    defaultRegion: "Default: {value}, from this region's referrals.",
    expert: 'Expert estimate: the conservative scenario takes half ({value}).',
    source: 'Source: {source}',
    changed: 'Changed',
    notRecalculated: 'The calculation was not updated. See the assumptions for what is wrong.',
    usedTitle: 'Assumptions used',
    usedCaption: 'Assumptions in both scenarios, with their default and source',
    sourceColumn: 'Default and source',
    assumption: 'Assumption',
    valuePositive: 'Positive',
    valueConservative: 'Conservative',
    inputsTitle: "The region's figures",
    reservedBeds: 'Beds kept free for respite',
    reservedNights: 'Nights of those beds (also empty ones)',
    pilotTitle: 'Compare with the pilots of 2019',
    pilotIntro:
      "Is this calculation right? Below, Adempauze computes the three pilots of 2019 with the same assumptions and the data from the reports: guests, beds, tariffs, staff and contracts. Beside it are the report's own figures (DSP-groep 2021, chapter 4).",
    pilotShow: 'Show the pilots of 2019',
    pilotCaption: 'Pilot year 2019: Adempauze and the report, per region, in euros a year',
    pilotRegion: 'Region',
    ours: 'Adempauze',
    report: 'Report',
    difference: 'Difference',
    pilotCosts: 'Costs',
    pilotBenefitsPositive: 'Benefits, positive',
    pilotBenefitsConservative: 'Benefits, conservative',
    pilotNetPositive: 'Net, positive',
    pilotNetConservative: 'Net, conservative',
    pilotSources: 'Data and sources per region',
    pilotInputs: 'Data',
    pilotReportFigures: "The report's figures",
    pilotOurCosts: 'Costs in Adempauze',
    pilotWithin: "Every difference is at most {tolerance}%. Adempauze's tests check this.",
    guests: 'Guests (people who stayed)',
    stays: 'Stays',
    nights: 'Nights',
    workingShare: 'Caregivers in paid work (from the referrals)',
    workingUnknown: 'too few answers',
    costMunicipality: 'Nights: costs for the municipality (Wmo)',
    costInsurer: 'Nights: costs for the health insurer (Zvw)',
    costCareOffice: 'Nights: costs for the care office (Wlz)',
    costClient: "Nights: clients' co-payment",
    'per.euro_per_month': 'a month',
    'per.euro_per_night': 'a night',
    'per.euro_per_day': 'a day',
    'unit.percent': '%',
    'unit.months': 'months',
    'unit.nights': 'nights',
    'unit.days': 'days',
    'unit.euro_per_month': 'euros a month',
    'unit.euro_per_night': 'euros a night',
    'unit.euro_per_day': 'euros a day',
    'unit.euro': 'euros',
  },
};
