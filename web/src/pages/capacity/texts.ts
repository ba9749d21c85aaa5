import type { Texts } from '../../i18n/i18n.tsx';

type Key =
  | 'title'
  | 'intro'
  | 'privacy'
  | 'back'
  | 'filter'
  | 'region'
  | 'from'
  | 'to'
  | 'apply'
  | 'loading'
  | 'calculating'
  | 'period'
  | 'observed'
  | 'fromRequired'
  | 'toRequired'
  | 'toBeforeFrom'
  | 'tooLong'
  | 'hiddenCell'
  | 'noData'
  | 'csv'
  | 'showNumbers'
  | 'all'
  | 'stayType'
  | 'demand'
  | 'demandIntro'
  | 'demandTitle'
  | 'demandCaption'
  | 'requests'
  | 'perWeek'
  | 'dispersion'
  | 'meanNights'
  | 'p90Nights'
  | 'outside'
  | 'notPlaced'
  | 'recurring'
  | 'definitions'
  | 'weeks'
  | 'weeksIntro'
  | 'weeksChart'
  | 'weeksCaption'
  | 'week'
  | 'days'
  | 'nights'
  | 'nightsIntro'
  | 'nightsChart'
  | 'nightsCaption'
  | 'nightClass'
  | 'nightClassOpen'
  | 'stays'
  | 'seasons'
  | 'seasonsIntro'
  | 'seasonsChart'
  | 'seasonsCaption'
  | 'winter'
  | 'spring'
  | 'summer'
  | 'autumn'
  | 'needed'
  | 'neededIntro'
  | 'targetLabel'
  | 'targetHelp'
  | 'neededChart'
  | 'neededCaption'
  | 'currentUnits'
  | 'unitsErlang'
  | 'unitsSimulation'
  | 'refusedAtSimulation'
  | 'load'
  | 'onePool'
  | 'neededNote'
  | 'unitsUnit'
  | 'pooling'
  | 'poolingExplain'
  | 'poolingErlang'
  | 'poolingErlangCaption'
  | 'provider'
  | 'separateTotal'
  | 'pooledTotal'
  | 'poolingSaves'
  | 'poolingSimulation'
  | 'poolingChart'
  | 'poolingCaption'
  | 'separate'
  | 'pooled'
  | 'refused'
  | 'reserving'
  | 'reservingExplain'
  | 'reservedLabel'
  | 'reservedValue'
  | 'reservedNow'
  | 'reservingChart'
  | 'reservingCaption'
  | 'reservedTableCaption'
  | 'flexible'
  | 'withReserved'
  | 'busyUnits'
  | 'homeNights'
  | 'bedCostTitle'
  | 'bedCostExplain'
  | 'bedCostUnknown'
  | 'bedCostCaption'
  | 'keptBeds'
  | 'costPerYear'
  | 'respiteRefusedYear'
  | 'allRefusedYear'
  | 'oneMoreRespite'
  | 'oneMoreAll'
  | 'bedCostChosen'
  | 'bedCostMkba'
  | 'method'
  | 'methodText'
  | 'simulationSettings'
  | 'refusedNow'
  | 'refusedNowTitle'
  | 'glossary'
  | 'glossaryText';

/** The capacity planner's texts: plain Dutch (B1) first, English with the same keys. */
export const TEXTS: Texts<Key> = {
  nl: {
    title: 'Capaciteitsplanner',
    intro:
      'Hoeveel plekken heeft een regio nodig voor logeerzorg, crisisopname en eerstelijnsverblijf (ELV)? Deze pagina rekent het uit met de aanvragen van de inwoners van de regio. U kiest zelf hoeveel aanvragen er geweigerd mogen worden.',
    privacy:
      'Gaat een getal over minder dan {threshold} mensen? Dan laten we het niet zien. Ook niet als u het zou kunnen uitrekenen uit een totaal. Aantallen mensen ronden we af op 5.',
    back: 'Terug naar de beleidscijfers',
    filter: 'Regio en periode',
    region: 'Regio',
    from: 'Van',
    to: 'Tot en met',
    apply: 'Berekenen',
    loading: 'Cijfers laden…',
    calculating: 'Bezig met rekenen…',
    period: 'Regio {region}, {from} tot en met {to}.',
    observed: 'We tellen vanaf {from}: de eerste dag dat de regio plekken had. Dat zijn {days} dagen.',
    fromRequired: 'Vul de eerste dag van de periode in.',
    toRequired: 'Vul de laatste dag van de periode in.',
    toBeforeFrom: 'De laatste dag moet op of na de eerste dag liggen.',
    tooLong: 'Kies een periode van hoogstens 3 jaar.',
    hiddenCell: 'verborgen',
    noData: 'Geen aanvragen van inwoners van deze regio in deze periode.',
    csv: 'Download als CSV: {table}',
    showNumbers: 'Toon de getallen',
    all: 'Alle soorten samen',
    stayType: 'Soort verblijf',
    demand: 'De vraag',
    demandIntro: 'Wat inwoners van de regio vroegen, per soort verblijf. Ook als ze daarna buiten de regio zijn opgenomen.',
    demandTitle: 'Aanvragen per soort verblijf',
    demandCaption: 'Aanvragen, lengte van het verblijf en plaatsing, per soort verblijf',
    requests: 'Aanvragen',
    perWeek: 'Per week',
    dispersion: 'Spreiding',
    meanNights: 'Gemiddeld nachten',
    p90Nights: 'Nachten (9 op 10 korter dan)',
    outside: 'Buiten de regio',
    notPlaced: 'Geen plek',
    recurring: 'Komt vaker terug',
    definitions:
      'Een aanvraag is één verblijf dat iemand vroeg. Een reeks van 6 keer logeren telt dus 6 keer. "Geen plek": de aanvraag is gestopt zonder verblijf. "Komt vaker terug": mensen die in de periode 2 keer of vaker om dit soort verblijf vroegen. "Spreiding" is ongeveer 1 als aanvragen toevallig binnenkomen. Lager dan 1: ze komen heel regelmatig. Hoger dan 1: ze komen in golven.',
    weeks: 'Aanvragen per week',
    weeksIntro: 'Hoeveel verblijven per week begonnen of zouden beginnen, alle soorten samen.',
    weeksChart:
      'Staafgrafiek: aantal aanvragen per week. Weken met minder dan 5 mensen zijn leeg. De getallen staan in de tabel hieronder.',
    weeksCaption: 'Aanvragen per week (de week begint op maandag)',
    week: 'Week van',
    days: 'Dagen',
    nights: 'Hoe lang mensen blijven',
    nightsIntro: 'Het aantal nachten van de verblijven die doorgingen.',
    nightsChart:
      'Gestapelde staafgrafiek: aantal verblijven per aantal nachten, per soort verblijf. De getallen staan in de tabel hieronder.',
    nightsCaption: 'Verblijven per aantal nachten',
    nightClass: 'Nachten',
    nightClassOpen: '{from} of meer',
    stays: 'Verblijven',
    seasons: 'Per seizoen',
    seasonsIntro:
      'Is de vraag in de winter groter dan in de zomer? Aanvragen per week, per seizoen. Een seizoen dat korter dan twee weken in de periode valt, krijgt geen getal (–).',
    seasonsChart: 'Staafgrafiek: aanvragen per week in elk seizoen, per soort verblijf. De getallen staan in de tabel hieronder.',
    seasonsCaption: 'Aanvragen per week, per seizoen',
    winter: 'Winter',
    spring: 'Lente',
    summer: 'Zomer',
    autumn: 'Herfst',
    needed: 'Hoeveel plekken zijn nodig?',
    neededIntro:
      'Bij een vaste hoeveelheid plekken is er soms geen plek vrij. Dan moet iemand naar een andere regio of wachten. Kies hoeveel aanvragen dat mag zijn. Dan ziet u hoeveel plekken elk soort verblijf nodig heeft als het eigen plekken heeft.',
    targetLabel: 'Hoeveel aanvragen mogen geen plek krijgen?',
    targetHelp: 'Schuif met de muis, of gebruik de pijltjestoetsen.',
    neededChart:
      'Staafgrafiek: per soort verblijf de plekken die er nu zijn, de plekken nodig volgens de Erlang-formule en volgens de simulatie. De getallen staan in de tabel hieronder.',
    neededCaption: 'Plekken nodig per soort verblijf, bij {target} zonder plek',
    currentUnits: 'Plekken nu',
    unitsErlang: 'Nodig (snelle berekening)',
    unitsSimulation: 'Nodig (nagespeeld jaar)',
    refusedAtSimulation: 'Geen plek in het nagespeelde jaar',
    load: 'Gemiddeld bezet',
    onePool: 'Alle soorten samen, alle plekken gedeeld',
    neededNote:
      '"Nodig (snelle berekening)" rekent met een vaste formule (Erlang B) die ervan uitgaat dat aanvragen toevallig binnenkomen. Het nagespeelde jaar (simulatie) speelt de echte vraag na: vaste gasten komen in hun eigen ritme, de anderen per seizoen, met de echte lengte van de verblijven. "Plekken nu" telt elke plek die dit soort verblijf mag opnemen. Plekken voor meer soorten tellen dus bij elk soort mee.',
    unitsUnit: '{value} plekken',
    pooling: 'Samen delen of ieder apart?',
    poolingExplain:
      'Samen delen betekent: alle plekken van de regio zijn samen één voorraad. Wie een plek zoekt, kan overal in de regio terecht. Als ieder apart werkt, heeft elke zorgaanbieder zijn eigen plekken en zijn eigen aanvragen. Dan kan er bij de ene aanbieder iemand geen plek krijgen, terwijl er bij de andere een plek leeg staat. Samen delen is daarom zuiniger: met dezelfde plekken krijgen meer mensen een plek.',
    poolingErlang:
      'Met de snelle berekening: zoveel plekken zijn nodig als elke aanbieder zijn eigen deel van de vraag heeft, of als de regio alles deelt.',
    poolingErlangCaption: 'Plekken nodig per aanbieder, bij {target} zonder plek',
    provider: 'Aanbieder',
    separateTotal: 'Ieder apart, samen',
    pooledTotal: 'Alle plekken van de regio gedeeld',
    poolingSaves: 'Samen delen scheelt {units} plekken.',
    poolingSimulation: 'Met de plekken zoals ze nu zijn: hoeveel aanvragen krijgen geen plek?',
    poolingChart:
      'Staafgrafiek: per soort verblijf het deel van de aanvragen zonder plek, als elke aanbieder apart werkt en als de regio samen deelt, in procenten. De getallen staan in de tabel hieronder.',
    poolingCaption: 'Aanvragen zonder plek: ieder apart of samen delen (simulatie, de plekken van nu)',
    separate: 'Ieder apart',
    pooled: 'Samen delen',
    refused: 'Geen plek',
    reserving: 'Bedden vasthouden voor logeerzorg?',
    reservingExplain:
      'Logeerzorg wordt lang van tevoren gepland. ELV en crisisopnames komen onverwacht. Een bed dat niet vastgehouden wordt, wordt vaak snel gevuld met ELV. Daarom kan de regio een paar bedden alleen voor logeerzorg houden. Dan krijgen logeergasten vaker een plek, maar ELV en crisis minder vaak. Hieronder ziet u wat er gebeurt als alle bedden elk soort verblijf mogen opnemen, behalve de bedden die u vasthoudt.',
    reservedLabel: 'Hoeveel bedden houden we vast voor logeerzorg?',
    reservedValue: '{value} van {beds} bedden',
    reservedNow: 'Nu houdt de regio {count|# bed|# bedden} vast.',
    reservingChart:
      'Lijngrafiek: per soort verblijf het deel van de aanvragen zonder plek, bij 0 tot alle bedden vastgehouden voor logeerzorg, in procenten. De getallen staan in de tabel hieronder.',
    reservingCaption: 'Aanvragen zonder plek bij elk aantal vastgehouden bedden (simulatie)',
    reservedTableCaption: 'Aanvragen zonder plek: {k|# bed|# bedden} vastgehouden, tegen alle bedden gedeeld',
    flexible: 'Alle bedden gedeeld',
    withReserved: '{k} vastgehouden',
    busyUnits: 'Gemiddeld bezette plekken',
    homeNights: 'Nachtzorg thuis blijft in beide gevallen alleen voor logeerzorg.',
    bedCostTitle: 'Wat kost een bed vasthouden, en wat levert het op?',
    bedCostExplain:
      'Een bed dat u vasthoudt voor logeerzorg kost elke nacht het tarief, ook als het leeg is. Eén bed kost {cost} per jaar. Dat is het middelste tarief van {locations|# locatie|# locaties} met logeerbedden in deze regio, voor 365 nachten. De kosten-batenanalyse rekent met dezelfde prijs.',
    bedCostUnknown: 'Voor de logeerbedden in deze regio is geen tarief voor een heel jaar bekend. Daarom staan hieronder geen kosten.',
    bedCostCaption: 'Kosten per jaar en aanvragen zonder plek per jaar, bij elk aantal vastgehouden bedden (simulatie)',
    keptBeds: 'Vastgehouden bedden',
    costPerYear: 'Kosten per jaar',
    respiteRefusedYear: 'Logeeraanvragen zonder plek per jaar',
    allRefusedYear: 'Alle aanvragen zonder plek per jaar',
    oneMoreRespite: 'Eén bed meer: logeeraanvragen die wel een plek krijgen',
    oneMoreAll: 'Eén bed meer: alle aanvragen die wel een plek krijgen',
    bedCostChosen:
      'Met {k|# bed|# bedden} vastgehouden kost dat {cost} per jaar. Door het laatste bed krijgen {respite} logeeraanvragen per jaar een plek. Voor alle aanvragen samen is dat {all}. Een min betekent: ELV en crisis krijgen dan vaker geen plek.',
    bedCostMkba: 'Bekijk de kosten en baten van logeerzorg (MKBA)',
    method: 'Hoe we rekenen',
    methodText:
      'Gemiddeld bezet = aanvragen per dag × gemiddeld aantal nachten. De snelle berekening gebruikt de Erlang B-formule (een rekenregel uit de telefonie: hoeveel lijnen zijn nodig): bij hoeveel plekken krijgt hoogstens het gekozen deel geen plek. Het nagespeelde jaar (simulatie) speelt een jaar na, {replications} keer, telkens met andere toevallige aanvragen. Tussen haakjes staat de onzekerheidsmarge (het 95%-betrouwbaarheidsinterval): het echte getal ligt daar bijna zeker tussen. Wie geen plek krijgt, telt als geweigerd. In het echt wacht iemand soms een paar dagen. De plekken zijn die van de laatste dag van de periode. Een opnamestop telt niet mee.',
    simulationSettings: 'Simulatie: {replications} keer een jaar, na {warmup} dagen inlopen, startgetal {seed}.',
    refusedNowTitle: 'Zoals het nu is',
    refusedNow:
      'Met de plekken van nu, gedeeld in de regio en {count|# bed|# bedden} vast voor logeerzorg, krijgt {share} van de aanvragen geen plek (tussen {low} en {high}).',
    glossary: 'Wat betekenen de woorden?',
    glossaryText:
      'Geen plek: de aanvraag kon niet in de regio terecht op de gevraagde dagen. Snelle berekening (Erlang B): een vaste formule die rekent alsof aanvragen toevallig binnenkomen. Nagespeeld jaar (simulatie): de computer speelt een jaar aanvragen na, met hun echte ritme en lengte. Samen delen: alle plekken van de regio zijn één voorraad. Onzekerheidsmarge: het echte getal ligt bijna zeker tussen de twee getallen.',
  },
  en: {
    title: 'Capacity planner',
    intro:
      "How many places does a region need for planned respite, crisis admissions and short-term stays (ELV)? This page works it out from the requests of the region's residents. You choose how many requests may go without a place.",
    privacy:
      'A number about fewer than {threshold} people is not shown, nor when you could work it out from a total. Numbers of people are rounded to 5.',
    back: 'Back to the policy figures',
    filter: 'Region and period',
    region: 'Region',
    from: 'From',
    to: 'Up to and including',
    apply: 'Calculate',
    loading: 'Loading figures…',
    calculating: 'Calculating…',
    period: 'Region {region}, {from} up to and including {to}.',
    observed: 'Counted from {from}, the first day the region had places: {days} days.',
    fromRequired: 'Enter the first day of the period.',
    toRequired: 'Enter the last day of the period.',
    toBeforeFrom: 'The last day must be on or after the first day.',
    tooLong: 'Choose a period of at most 3 years.',
    hiddenCell: 'hidden',
    noData: 'No requests from residents of this region in this period.',
    csv: 'Download as CSV: {table}',
    showNumbers: 'Show the numbers',
    all: 'All kinds together',
    stayType: 'Kind of stay',
    demand: 'Demand',
    demandIntro: 'What residents of the region asked for, per kind of stay, also when they then stayed outside the region.',
    demandTitle: 'Requests per kind of stay',
    demandCaption: 'Requests, length of stay and placement, per kind of stay',
    requests: 'Requests',
    perWeek: 'Per week',
    dispersion: 'Dispersion',
    meanNights: 'Mean nights',
    p90Nights: 'Nights (9 in 10 shorter)',
    outside: 'Outside the region',
    notPlaced: 'No place',
    recurring: 'Comes back',
    definitions:
      'A request is one stay someone asked for: a series of 6 stays counts 6 times. "No place": the request ended without a stay. "Comes back": people who asked for this kind of stay twice or more in the period. "Dispersion" is about 1 when requests come at random, below 1 when they come very regularly, above 1 when they come in waves.',
    weeks: 'Requests per week',
    weeksIntro: 'How many stays started or would have started each week, all kinds together.',
    weeksChart: 'Bar chart: number of requests per week. Weeks with fewer than 5 people are empty. The numbers are in the table below.',
    weeksCaption: 'Requests per week (weeks start on Monday)',
    week: 'Week of',
    days: 'Days',
    nights: 'How long people stay',
    nightsIntro: 'The number of nights of the stays that took place.',
    nightsChart: 'Stacked bar chart: number of stays per number of nights, per kind of stay. The numbers are in the table below.',
    nightsCaption: 'Stays per number of nights',
    nightClass: 'Nights',
    nightClassOpen: '{from} or more',
    stays: 'Stays',
    seasons: 'Per season',
    seasonsIntro:
      'Is demand higher in winter than in summer? Requests per week, per season. A season with less than two weeks in the period gets no figure (–).',
    seasonsChart: 'Bar chart: requests per week in each season, per kind of stay. The numbers are in the table below.',
    seasonsCaption: 'Requests per week, per season',
    winter: 'Winter',
    spring: 'Spring',
    summer: 'Summer',
    autumn: 'Autumn',
    needed: 'How many places are needed?',
    neededIntro:
      'With a fixed number of places, sometimes none is free. Then someone has to go to another region or wait. Choose how many requests that may be, and see how many places each kind of stay needs if it has places of its own.',
    targetLabel: 'How many requests may go without a place?',
    targetHelp: 'Slide with the mouse, or use the arrow keys.',
    neededChart:
      'Bar chart: per kind of stay the places there are now, and the places needed by the Erlang formula and by simulation. The numbers are in the table below.',
    neededCaption: 'Places needed per kind of stay, with {target} without a place',
    currentUnits: 'Places now',
    unitsErlang: 'Needed (quick calculation)',
    unitsSimulation: 'Needed (replayed year)',
    refusedAtSimulation: 'No place in the replayed year',
    load: 'Mean occupied',
    onePool: 'All kinds together, all places shared',
    neededNote:
      '"Needed (quick calculation)" uses a fixed formula (Erlang B) that assumes requests come at random. The replayed year (simulation) replays the real demand: regular guests at their own rhythm, the others by season, with the real lengths of stay. "Places now" counts every place that may take this kind of stay, so a place for several kinds counts for each.',
    unitsUnit: '{value} places',
    pooling: 'Share or each on their own?',
    poolingExplain:
      'Sharing means all places of the region form one stock: whoever needs a place can go anywhere in the region. When each works apart, each care provider has its own places and its own requests, so someone may get no place at one provider while a place is empty at another. Sharing is therefore more efficient: with the same places, more people get one.',
    poolingErlang:
      'By the quick calculation: the places needed when each provider has its own share of the demand, or when the region shares everything.',
    poolingErlangCaption: 'Places needed per provider, with {target} without a place',
    provider: 'Provider',
    separateTotal: 'Each on their own, together',
    pooledTotal: 'All places of the region shared',
    poolingSaves: 'Sharing saves {units} places.',
    poolingSimulation: 'With the places as they are now: how many requests get no place?',
    poolingChart:
      'Bar chart: per kind of stay the share of requests without a place, when each provider works on its own and when the region shares, in percent. The numbers are in the table below.',
    poolingCaption: 'Requests without a place: each on their own or shared (simulation, the places of now)',
    separate: 'Each on their own',
    pooled: 'Shared',
    refused: 'No place',
    reserving: 'Keep beds for planned respite?',
    reservingExplain:
      'Respite is planned long in advance; ELV and crisis admissions come unexpectedly. A bed that is not kept is soon filled with ELV. So the region can keep a few beds for respite only: respite guests then get a place more often, ELV and crisis less often. Below you see what happens when every bed may take any kind of stay, except the beds you keep.',
    reservedLabel: 'How many beds do we keep for planned respite?',
    reservedValue: '{value} of {beds} beds',
    reservedNow: 'The region keeps {count|# bed|# beds} now.',
    reservingChart:
      'Line chart: per kind of stay the share of requests without a place, with 0 up to all beds kept for respite, in percent. The numbers are in the table below.',
    reservingCaption: 'Requests without a place for each number of beds kept (simulation)',
    reservedTableCaption: 'Requests without a place: {k|# bed|# beds} kept, against all beds shared',
    flexible: 'All beds shared',
    withReserved: '{k} kept',
    busyUnits: 'Mean places occupied',
    homeNights: 'Night care at home stays with respite either way.',
    bedCostTitle: 'What does keeping a bed cost, and what does it bring?',
    bedCostExplain:
      'A bed kept for respite costs the tariff every night, also when it is empty. One bed costs {cost} a year: the middle tariff of {locations|# location|# locations} with respite beds in this region, for 365 nights. The cost-benefit analysis uses the same price.',
    bedCostUnknown: 'No tariff for a whole year is known for the respite beds in this region, so no costs are shown below.',
    bedCostCaption: 'Costs a year and requests without a place a year, for each number of beds kept (simulation)',
    keptBeds: 'Beds kept',
    costPerYear: 'Costs a year',
    respiteRefusedYear: 'Respite requests without a place a year',
    allRefusedYear: 'All requests without a place a year',
    oneMoreRespite: 'One bed more: respite requests that do get a place',
    oneMoreAll: 'One bed more: all requests that do get a place',
    bedCostChosen:
      'With {k|# bed|# beds} kept this costs {cost} a year. The last bed gives {respite} respite requests a year a place; for all requests together that is {all}. A minus means ELV and crisis find no place more often.',
    bedCostMkba: 'See the costs and benefits of respite care (MKBA)',
    method: 'How we calculate',
    methodText:
      'Mean occupied = requests per day × mean number of nights. The quick calculation uses the Erlang B formula (a rule from telephony: how many lines are needed) to find the number of places at which at most the chosen share gets no place. The replayed year (simulation) replays a year {replications} times, each time with other random requests. Between brackets is the margin of uncertainty (the 95% confidence interval): the true figure lies there almost certainly. Whoever gets no place counts as refused; in reality someone sometimes waits a few days. The places are those of the last day of the period. An admission stop is not counted.',
    simulationSettings: 'Simulation: {replications} times a year, after {warmup} days of warming up, seed {seed}.',
    refusedNowTitle: 'As it is now',
    refusedNow:
      'With the places of now, shared in the region and {count|# bed|# beds} kept for respite, {share} of the requests get no place (between {low} and {high}).',
    glossary: 'What do the words mean?',
    glossaryText:
      'No place: the request could not be placed in the region on the days asked for. Quick calculation (Erlang B): a fixed formula that assumes requests come at random. Replayed year (simulation): the computer replays a year of requests with their real rhythm and length. Sharing: all places of the region are one stock. Margin of uncertainty: the true figure lies almost certainly between the two numbers.',
  },
};
