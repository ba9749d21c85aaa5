import type { Texts } from '../../i18n/i18n.tsx';

type Key =
  | 'title'
  | 'intro'
  | 'privacy'
  | 'hiddenCell'
  | 'filter'
  | 'from'
  | 'to'
  | 'apply'
  | 'loading'
  | 'period'
  | 'csv'
  | 'empty'
  | 'fromRequired'
  | 'toRequired'
  | 'toBeforeFrom'
  | 'tooLong'
  | 'occupancyLocation'
  | 'occupancyLocationIntro'
  | 'occupancyLocationChart'
  | 'occupancyLocationCaption'
  | 'location'
  | 'occupancyType'
  | 'occupancyTypeIntro'
  | 'occupancyTypeChart'
  | 'occupancyTypeCaption'
  | 'stayType'
  | 'requestsKind'
  | 'requestsKindIntro'
  | 'requestsKindChart'
  | 'requestsKindCaption'
  | 'kind'
  | 'requestsMunicipality'
  | 'requestsMunicipalityIntro'
  | 'requestsMunicipalityChart'
  | 'requestsMunicipalityCaption'
  | 'municipality'
  | 'requests'
  | 'placement'
  | 'placementIntro'
  | 'placementChart'
  | 'placementCaption'
  | 'homeRegion'
  | 'within'
  | 'outside'
  | 'shareWithin'
  | 'leadTimes'
  | 'leadTimesIntro'
  | 'leadTimesChart'
  | 'leadTimesCaption'
  | 'toOffer'
  | 'toBooking'
  | 'median'
  | 'p90'
  | 'referrals'
  | 'medianToOffer'
  | 'p90ToOffer'
  | 'medianToBooking'
  | 'p90ToBooking'
  | 'all'
  | 'hours'
  | 'days'
  | 'cancellations'
  | 'cancellationsIntro'
  | 'cancellationsChart'
  | 'cancellationsCaption'
  | 'reason'
  | 'otherReasons'
  | 'cancelledStays'
  | 'waitingList'
  | 'waitingListIntro'
  | 'waitingListChart'
  | 'waitingListCaption'
  | 'week'
  | 'waiting'
  | 'satisfaction'
  | 'satisfactionIntro'
  | 'satisfactionChart'
  | 'satisfactionCaption'
  | 'question'
  | 'answers'
  | 'meanScore'
  | 'caregiver'
  | 'guest'
  | 'month'
  | 'region'
  | 'allRegions'
  | 'partialMonth'
  | 'partialNote'
  | 'average'
  | 'manyLocations'
  | 'summary';

/** The policy monitor's texts: plain Dutch (B1) first, English with the same keys. */
export const TEXTS: Texts<Key> = {
  nl: {
    title: 'Beleidscijfers',
    intro:
      'Cijfers over tijdelijk verblijf in de regio: hoe vol de plekken zijn, wie om een plek vraagt en hoe snel die er is. Kies een periode. Onder elke grafiek staat een tabel met de getallen. U kunt elke tabel downloaden.',
    privacy:
      'Gaat een getal over minder dan {threshold} mensen? Dan laten we het niet zien, want dan kunt u iemand misschien herkennen. Soms verbergen we nog een getal. Anders kunt u het verborgen getal uitrekenen uit het totaal. Aantallen mensen en bezette nachten ronden we af op 5 (7 wordt 5, 8 wordt 10). Zo kunt u ook door twee periodes te vergelijken niet zien wie er kwam.',
    hiddenCell: 'verborgen',
    filter: 'Periode',
    from: 'Van',
    to: 'Tot en met',
    apply: 'Cijfers tonen',
    loading: 'Cijfers laden…',
    period: 'Periode: {from} tot en met {to}',
    csv: 'Download als CSV: {table}',
    empty: 'Geen cijfers in deze periode.',
    fromRequired: 'Vul de eerste dag van de periode in.',
    toRequired: 'Vul de laatste dag van de periode in.',
    toBeforeFrom: 'De laatste dag moet op of na de eerste dag liggen.',
    tooLong: 'Kies een periode van hoogstens 3 jaar.',
    occupancyLocation: 'Bezetting per locatie',
    occupancyLocationIntro:
      'Welk deel van de nachten een plek bezet was. Dichte plekken (bijvoorbeeld bij een opnamestop) tellen niet mee.',
    occupancyLocationChart: 'Lijngrafiek: bezetting per maand, in procenten, voor elke locatie. De getallen staan in de tabel hieronder.',
    occupancyLocationCaption: 'Bezetting per locatie en maand, in procenten van de beschikbare nachten',
    location: 'Locatie',
    occupancyType: 'Bezetting per soort verblijf',
    occupancyTypeIntro: 'Hoe de bezette nachten verdeeld waren over de soorten verblijf. Samen is dat de bezetting van alle locaties.',
    occupancyTypeChart:
      'Gestapelde staafgrafiek: per maand het deel van alle nachten per soort verblijf, in procenten. De getallen staan in de tabel hieronder.',
    occupancyTypeCaption: 'Bezette nachten per soort verblijf en maand, in procenten van alle beschikbare nachten',
    stayType: 'Soort verblijf',
    requestsKind: 'Aanvragen per maand',
    requestsKindIntro: 'Hoeveel aanmeldingen er per maand binnenkwamen, per soort aanvraag.',
    requestsKindChart: 'Gestapelde staafgrafiek: aantal aanvragen per maand, per soort aanvraag. De getallen staan in de tabel hieronder.',
    requestsKindCaption: 'Aanvragen per soort en maand',
    kind: 'Soort aanvraag',
    requestsMunicipality: 'Aanvragen per gemeente',
    requestsMunicipalityIntro: 'Uit welke gemeente de mensen kwamen voor wie een plek werd gevraagd.',
    requestsMunicipalityChart: 'Staafgrafiek: aantal aanvragen per woongemeente. De getallen staan in de tabel hieronder.',
    requestsMunicipalityCaption: 'Aanvragen per woongemeente',
    municipality: 'Gemeente',
    requests: 'Aanvragen',
    placement: 'Geplaatst in de eigen regio',
    placementIntro: 'Van de aanvragen met een plek: hoeveel mensen een plek kregen in hun eigen regio, en hoeveel daarbuiten.',
    placementChart:
      'Staafgrafiek: deel van de mensen dat een plek kreeg in de eigen regio, per regio, in procenten. De getallen staan in de tabel hieronder.',
    placementCaption: 'Plaatsing in of buiten de eigen regio, per regio van herkomst',
    homeRegion: 'Regio waar de cliënt woont',
    within: 'In eigen regio',
    outside: 'Buiten eigen regio',
    shareWithin: 'Deel in eigen regio',
    leadTimes: 'Hoe snel er een plek is',
    leadTimesIntro:
      'De tijd van aanmelding tot het eerste aanbod van een plek, en tot de boeking. De mediaan is de middelste tijd: de helft ging sneller. Bij 90% van de aanvragen ging het sneller dan de tijd bij "90%".',
    leadTimesChart:
      'Staafgrafiek: per soort aanvraag de mediaan en de 90%-tijd tot het eerste aanbod en tot de boeking, in dagen. De getallen staan in de tabel hieronder.',
    leadTimesCaption: 'Tijd van aanmelding tot aanbod en tot boeking, per soort aanvraag',
    toOffer: 'tot aanbod',
    toBooking: 'tot boeking',
    median: 'Mediaan',
    p90: '90%',
    referrals: 'Aanmeldingen',
    medianToOffer: 'Mediaan tot aanbod',
    p90ToOffer: '90% tot aanbod',
    medianToBooking: 'Mediaan tot boeking',
    p90ToBooking: '90% tot boeking',
    all: 'Alle aanvragen',
    hours: '{value} uur',
    days: '{value} dagen',
    cancellations: 'Annuleringen',
    cancellationsIntro:
      'Geannuleerde verblijven met een aankomst in de periode, per reden. Een reden tonen we alleen als die bij minstens {threshold} mensen is gegeven. De andere redenen staan samen onder "overige redenen".',
    cancellationsChart: 'Staafgrafiek: aantal geannuleerde verblijven per reden. De getallen staan in de tabel hieronder.',
    cancellationsCaption: 'Geannuleerde verblijven per reden',
    reason: 'Reden',
    otherReasons: 'Overige redenen',
    cancelledStays: 'Geannuleerd',
    waitingList: 'Wachtlijst',
    waitingListIntro: 'Hoeveel mensen op maandag op de wachtlijst stonden.',
    waitingListChart: 'Lijngrafiek: aantal mensen op de wachtlijst per week. De getallen staan in de tabel hieronder.',
    waitingListCaption: 'Mensen op de wachtlijst, per maandag',
    week: 'Maandag',
    waiting: 'Op de wachtlijst',
    satisfaction: 'Tevredenheid',
    satisfactionIntro:
      'Na het verblijf vullen mantelzorgers en gasten een korte vragenlijst in. Per vraag ziet u het gemiddelde cijfer van 1 tot en met 5.',
    satisfactionChart: 'Staafgrafiek: gemiddeld cijfer per vraag, van 1 tot en met 5. De getallen staan in de tabel hieronder.',
    satisfactionCaption: 'Gemiddeld cijfer per vraag (1 tot en met 5)',
    question: 'Vraag',
    answers: 'Antwoorden',
    meanScore: 'Gemiddeld cijfer',
    caregiver: 'Mantelzorger',
    guest: 'Gast',
    month: 'Maand',
    region: 'Regio',
    allRegions: "Alle regio's samen",
    partialMonth: '{month} (nog niet compleet)',
    partialNote:
      'Let op: {months} {count|is|zijn} niet compleet. De cijfers gaan tot en met {date}; vergelijk die maand dus niet zomaar met de andere.',
    average: 'Alle locaties samen',
    manyLocations:
      'De grafiek toont alle locaties samen, de {count} met de hoogste en de {count} met de laagste bezetting. De tabel toont elke locatie.',
    summary: 'Samenvatting om te printen',
  },
  en: {
    title: 'Policy figures',
    intro:
      'Figures about temporary stays in the region: how full the places are, who asks for a place and how soon there is one. Choose a period. Under each chart is a table with the numbers. You can download every table.',
    privacy:
      'Is a number about fewer than {threshold} people? Then we do not show it, because you might recognise someone. Sometimes we hide one more number, because otherwise you could work out the hidden one from the total. Numbers of people and occupied nights are rounded to 5 (7 becomes 5, 8 becomes 10), so that comparing two periods does not show who came either.',
    hiddenCell: 'hidden',
    filter: 'Period',
    from: 'From',
    to: 'To (including)',
    apply: 'Show figures',
    loading: 'Loading figures…',
    period: 'Period: {from} to {to} (including)',
    region: 'Region',
    allRegions: 'All regions together',
    partialMonth: '{month} (not complete yet)',
    partialNote:
      'Note: {months} {count|is|are} not complete. The figures go up to and including {date}; do not compare that month with the others as it is.',
    average: 'All locations together',
    manyLocations:
      'The chart shows all locations together, the {count} with the highest and the {count} with the lowest occupancy. The table shows every location.',
    summary: 'Summary to print',
    csv: 'Download as CSV: {table}',
    empty: 'No figures in this period.',
    fromRequired: 'Enter the first day of the period.',
    toRequired: 'Enter the last day of the period.',
    toBeforeFrom: 'The last day must be on or after the first day.',
    tooLong: 'Choose a period of at most 3 years.',
    occupancyLocation: 'Occupancy per location',
    occupancyLocationIntro: 'The share of nights a place was taken. Closed places (for example during an admission stop) do not count.',
    occupancyLocationChart: 'Line chart: occupancy per month, in per cent, for each location. The numbers are in the table below.',
    occupancyLocationCaption: 'Occupancy per location and month, in per cent of the available nights',
    location: 'Location',
    occupancyType: 'Occupancy per kind of stay',
    occupancyTypeIntro: 'How the occupied nights were shared among the kinds of stay. Together they make the occupancy of all locations.',
    occupancyTypeChart:
      'Stacked bar chart: per month the share of all nights per kind of stay, in per cent. The numbers are in the table below.',
    occupancyTypeCaption: 'Occupied nights per kind of stay and month, in per cent of all available nights',
    stayType: 'Kind of stay',
    requestsKind: 'Requests per month',
    requestsKindIntro: 'How many referrals came in each month, per kind of request.',
    requestsKindChart: 'Stacked bar chart: number of requests per month, per kind of request. The numbers are in the table below.',
    requestsKindCaption: 'Requests per kind and month',
    kind: 'Kind of request',
    requestsMunicipality: 'Requests per municipality',
    requestsMunicipalityIntro: 'The home municipality of the people a place was asked for.',
    requestsMunicipalityChart: 'Bar chart: number of requests per home municipality. The numbers are in the table below.',
    requestsMunicipalityCaption: 'Requests per home municipality',
    municipality: 'Municipality',
    requests: 'Requests',
    placement: 'Placed in the own region',
    placementIntro: 'Of the requests that got a place: how many people got one in their own region, and how many outside it.',
    placementChart: 'Bar chart: share of people placed in their own region, per region, in per cent. The numbers are in the table below.',
    placementCaption: 'Placement inside or outside the own region, per home region',
    homeRegion: 'Region where the client lives',
    within: 'In own region',
    outside: 'Outside own region',
    shareWithin: 'Share in own region',
    leadTimes: 'How soon there is a place',
    leadTimesIntro:
      'The time from referral to the first offer of a place, and to the booking. The median is the middle time: half went faster. For 90% of the requests it went faster than the time under "90%".',
    leadTimesChart:
      'Bar chart: per kind of request the median and the 90% time to the first offer and to the booking, in days. The numbers are in the table below.',
    leadTimesCaption: 'Time from referral to offer and to booking, per kind of request',
    toOffer: 'to offer',
    toBooking: 'to booking',
    median: 'Median',
    p90: '90%',
    referrals: 'Referrals',
    medianToOffer: 'Median to offer',
    p90ToOffer: '90% to offer',
    medianToBooking: 'Median to booking',
    p90ToBooking: '90% to booking',
    all: 'All requests',
    hours: '{value} hours',
    days: '{value} days',
    cancellations: 'Cancellations',
    cancellationsIntro:
      'Cancelled stays with an arrival in the period, per reason. We show a reason only when it was given for at least {threshold} people. The other reasons are counted together as "other reasons".',
    cancellationsChart: 'Bar chart: number of cancelled stays per reason. The numbers are in the table below.',
    cancellationsCaption: 'Cancelled stays per reason',
    reason: 'Reason',
    otherReasons: 'Other reasons',
    cancelledStays: 'Cancelled',
    waitingList: 'Waiting list',
    waitingListIntro: 'How many people were on the waiting list on Monday.',
    waitingListChart: 'Line chart: number of people on the waiting list per week. The numbers are in the table below.',
    waitingListCaption: 'People on the waiting list, per Monday',
    week: 'Monday',
    waiting: 'On the waiting list',
    satisfaction: 'Satisfaction',
    satisfactionIntro:
      'After the stay, caregivers and guests fill in a short questionnaire. Per question you see the mean score from 1 to 5.',
    satisfactionChart: 'Bar chart: mean score per question, from 1 to 5. The numbers are in the table below.',
    satisfactionCaption: 'Mean score per question (1 to 5)',
    question: 'Question',
    answers: 'Answers',
    meanScore: 'Mean score',
    caregiver: 'Caregiver',
    guest: 'Guest',
    month: 'Month',
  },
};
