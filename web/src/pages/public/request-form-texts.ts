import type { Texts } from '../../i18n/i18n.tsx';

/** The words of the public request form, in Dutch (B1) and English. */
export type Key =
  | 'title'
  | 'intro'
  | 'urgent'
  | 'required'
  | 'optional'
  | 'kind'
  | 'kind.stay'
  | 'kind.trial_stay'
  | 'kind.tour'
  | 'kind.stayHint'
  | 'kind.trial_stayHint'
  | 'kind.tourHint'
  | 'where'
  | 'location'
  | 'locationHint'
  | 'noPreference'
  | 'arrival'
  | 'departure'
  | 'tourDay'
  | 'datesHint'
  | 'often'
  | 'oftenHint'
  | 'once'
  | 'everyWeek'
  | 'everyWeeks'
  | 'times'
  | 'timesHint'
  | 'client'
  | 'clientName'
  | 'clientPostcode'
  | 'postcodeHint'
  | 'clientBirth'
  | 'caregiver'
  | 'caregiverName'
  | 'relation'
  | 'relation.partner'
  | 'relation.child'
  | 'relation.other'
  | 'works'
  | 'contact'
  | 'phone'
  | 'email'
  | 'contactHint'
  | 'chooseRelation'
  | 'giveConsent'
  | 'consentShort'
  | 'message'
  | 'messageHint'
  | 'providerNote'
  | 'providerNoteHint'
  | 'consent'
  | 'trap'
  | 'submit'
  | 'busy'
  | 'invalidTitle'
  | 'invalidIntro'
  | 'place'
  | 'place.away'
  | 'place.home'
  | 'place.awayHint'
  | 'place.homeHint'
  | 'together'
  | 'partner'
  | 'partnerName'
  | 'partnerBirth'
  | 'needs'
  | 'needsHint'
  | 'sentTitle'
  | 'reference'
  | 'keepReference'
  | 'nextTitle'
  | 'again'
  | 'home'
  | 'followTitle'
  | 'follow'
  | 'followLink';

export const TEXTS: Texts<Key> = {
  nl: {
    title: 'Logeren aanvragen',
    intro:
      'Met dit formulier vraagt u logeren, proeflogeren of een rondleiding aan. U hoeft geen account te maken. Een medewerker van het aanmeldpunt neemt daarna contact met u op.',
    urgent: 'Is het dringend, omdat u vandaag of morgen niet meer kunt zorgen? Bel dan uw huisarts.',
    required: 'verplicht',
    optional: 'mag leeg blijven',
    kind: 'Wat wilt u aanvragen?',
    'kind.stay': 'Logeren',
    'kind.trial_stay': 'Proeflogeren',
    'kind.tour': 'Een rondleiding',
    'kind.stayHint': 'een paar dagen of weken',
    'kind.trial_stayHint': 'één of twee nachten om het uit te proberen',
    'kind.tourHint': 'de locatie bekijken en kennismaken',
    where: 'Waar en wanneer?',
    location: 'Locatie',
    locationHint: 'Weet u het nog niet? Kies dan "Geen voorkeur". Wij zoeken een plek dicht bij huis.',
    noPreference: 'Geen voorkeur',
    arrival: 'Eerste dag',
    departure: 'Laatste dag (dag van vertrek)',
    tourDay: 'Welke dag past u goed?',
    datesHint: 'Weet u het nog niet precies? Laat het dan leeg.',
    often: 'Hoe vaak wilt u dit?',
    oftenHint: 'Bijvoorbeeld elke 4 weken een weekend. Vul dan hierboven de dagen van de eerste keer in.',
    once: 'Eén keer',
    everyWeek: 'Elke week',
    everyWeeks: 'Elke {weeks} weken',
    times: 'Hoeveel keer in totaal?',
    timesHint: 'Tussen 2 en 26 keer.',
    place: 'Waar wilt u de zorg?',
    'place.away': 'Op een logeerplek',
    'place.home': 'Bij ons thuis',
    'place.awayHint': 'uw naaste slaapt een paar nachten ergens anders',
    'place.homeHint': "er komt 's nachts iemand bij u thuis, zodat u zelf ergens anders kunt slapen",
    together: 'Mijn naaste komt samen met zijn of haar partner',
    partner: 'Over de partner',
    partnerName: 'Naam van de partner',
    partnerBirth: 'Geboortedatum van de partner',
    needs: 'Welke hulp heeft uw naaste nodig?',
    needsHint: 'Zet een vinkje bij wat past. Dan weten we waar we op moeten letten. We vragen er later nog naar.',
    client: 'Over de persoon die komt logeren',
    clientName: 'Naam',
    clientPostcode: 'Postcode',
    postcodeHint: 'Bijvoorbeeld 3262 GD. Zo zoeken we een plek dicht bij huis.',
    clientBirth: 'Geboortedatum',
    caregiver: 'Over u',
    caregiverName: 'Uw naam',
    relation: 'Wat bent u van deze persoon?',
    'relation.partner': 'Partner',
    'relation.child': 'Zoon of dochter',
    'relation.other': 'Iets anders, bijvoorbeeld buurvrouw of vriend',
    works: 'Ik heb naast de zorg ook werk',
    contact: 'Hoe kunnen we u bereiken?',
    phone: 'Telefoonnummer',
    email: 'E-mailadres',
    contactHint: 'Vul een telefoonnummer of een e-mailadres in. Of allebei.',
    providerNote: 'Wat moeten de medewerkers van de logeerplek weten?',
    providerNoteHint:
      'Bijvoorbeeld: slechtziend, slaapt met het licht aan, houdt van koffie om 7 uur. Dit lezen de medewerkers die uw naaste ontvangen.',
    message: 'Wilt u nog iets vertellen?',
    messageHint: 'Bijvoorbeeld wat uw naaste nodig heeft, of wat u belangrijk vindt.',
    consent: 'Ik vind het goed dat het aanmeldpunt deze gegevens bewaart om mijn aanvraag te beantwoorden.',
    consentShort: 'Toestemming',
    chooseRelation: 'Kies wat u bent van deze persoon.',
    giveConsent: 'Zet hier een vinkje. Zonder uw toestemming mogen we uw aanvraag niet bewaren.',
    trap: 'Laat dit veld leeg',
    submit: 'Aanvraag versturen',
    busy: 'Versturen…',
    invalidTitle: 'Niet alles is goed ingevuld',
    invalidIntro: 'Kijk bij deze vragen wat er mis is:',
    sentTitle: 'Uw aanvraag is verstuurd',
    reference: 'Uw kenmerk is {reference}.',
    keepReference: 'Bewaar dit kenmerk. Noem het als u ons belt of mailt.',
    nextTitle: 'Wat gebeurt er nu?',
    again: 'Nog een aanvraag doen',
    home: 'Naar de startpagina',
    followTitle: 'Uw aanvraag volgen',
    follow:
      'Op uw eigen pagina ziet u steeds hoe het met uw aanvraag staat. U kunt hem daar ook wijzigen of intrekken. Gaf u een e-mailadres? Dan staat de link ook in de mail die wij u sturen. Bewaar de link goed: iedereen met de link kan de stand zien.',
    followLink: 'Naar mijn aanvraag',
  },
  en: {
    title: 'Ask for a stay',
    intro:
      'With this form you ask for a respite stay, a trial stay or a tour. You do not need an account. Someone from the access point will then contact you.',
    urgent: 'Is it urgent, because you cannot give care today or tomorrow? Call your GP.',
    required: 'required',
    optional: 'optional',
    kind: 'What would you like to ask for?',
    'kind.stay': 'A respite stay',
    'kind.trial_stay': 'A trial stay',
    'kind.tour': 'A tour',
    'kind.stayHint': 'a few days or weeks',
    'kind.trial_stayHint': 'one or two nights to try it out',
    'kind.tourHint': 'see the location and meet the team',
    where: 'Where and when?',
    location: 'Location',
    locationHint: 'Not sure yet? Choose "No preference". We look for a place close to home.',
    noPreference: 'No preference',
    arrival: 'First day',
    departure: 'Last day (day of leaving)',
    tourDay: 'Which day suits you?',
    datesHint: 'Not sure of the exact dates? Leave them empty.',
    often: 'How often would you like this?',
    oftenHint: 'For example a weekend every 4 weeks. Then enter the days of the first time above.',
    once: 'Once',
    everyWeek: 'Every week',
    everyWeeks: 'Every {weeks} weeks',
    times: 'How many times in all?',
    timesHint: 'Between 2 and 26 times.',
    place: 'Where would you like the care?',
    'place.away': 'At a place to stay',
    'place.home': 'In our own home',
    'place.awayHint': 'your loved one sleeps somewhere else for a few nights',
    'place.homeHint': 'someone comes to your home at night, so you can sleep elsewhere',
    together: 'My loved one comes together with their partner',
    partner: 'About the partner',
    partnerName: "Partner's name",
    partnerBirth: "Partner's date of birth",
    needs: 'What help does your loved one need?',
    needsHint: 'Tick what fits. Then we know what to look out for. We will ask about it later.',
    client: 'About the person who will stay',
    clientName: 'Name',
    clientPostcode: 'Postcode',
    postcodeHint: 'For instance 3262 GD. So we can find a place close to home.',
    clientBirth: 'Date of birth',
    caregiver: 'About you',
    caregiverName: 'Your name',
    relation: 'How are you related to this person?',
    'relation.partner': 'Partner',
    'relation.child': 'Son or daughter',
    'relation.other': 'Something else, for instance neighbour or friend',
    works: 'I also have a job besides giving care',
    contact: 'How can we reach you?',
    phone: 'Phone number',
    email: 'E-mail address',
    contactHint: 'Enter a phone number or an e-mail address. Or both.',
    providerNote: 'What should the staff at the place know?',
    providerNoteHint:
      'For instance: poor eyesight, sleeps with the light on, likes coffee at 7. The staff who receive your loved one read this.',
    message: 'Anything else you would like to tell us?',
    messageHint: 'For instance what your loved one needs, or what matters to you.',
    consent: 'I agree that the access point keeps these details to answer my request.',
    consentShort: 'Consent',
    chooseRelation: 'Choose how you are related to this person.',
    giveConsent: 'Tick this box. Without your consent we may not keep your request.',
    trap: 'Leave this field empty',
    submit: 'Send request',
    busy: 'Sending…',
    invalidTitle: 'Not everything is filled in correctly',
    invalidIntro: 'See what is wrong with these questions:',
    sentTitle: 'Your request has been sent',
    reference: 'Your reference is {reference}.',
    keepReference: 'Keep this reference. Mention it when you call or e-mail us.',
    nextTitle: 'What happens now?',
    again: 'Make another request',
    home: 'To the home page',
    followTitle: 'Follow your request',
    follow:
      'Your own page always shows how your request stands. You can change or withdraw it there too. Did you give an e-mail address? Then the link is also in the mail we send you. Keep the link safe: anyone with it can see the status.',
    followLink: 'To my request',
  },
};
