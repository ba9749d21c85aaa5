import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../data/schema.ts';
import type { SupportCategory } from '../domain/support-info.ts';

/**
 * Support for caregivers in the demo municipalities. The organisations are made up (marked "fictief", addresses on
 * example.nl); the kinds of help are the ones the pilot reports name: respite, advice, day care, peer groups, money.
 */
const ITEMS: readonly {
  municipality: string | null;
  category: SupportCategory;
  title: string;
  summary: string;
  body: string;
  phone?: string;
  url?: string;
}[] = [
  {
    municipality: null,
    category: 'emergency',
    title: 'Als het thuis niet meer gaat',
    summary:
      'Kunt u als mantelzorger plotseling niet meer zorgen? Bel het centrale aanmeldpunt of uw huisarts. Buiten kantoortijd: de huisartsenpost.',
    body: 'Het aanmeldpunt zoekt samen met u een plek voor een crisisopname, zo dicht mogelijk bij huis.',
    phone: '088 123 45 00',
  },
  {
    municipality: null,
    category: 'respite',
    title: 'Logeerzorg aanvragen',
    summary: 'Uw naaste logeert een paar dagen of weken in een logeerhuis, zodat u even rust heeft. Eén keer of vaker.',
    body: 'Vraag het aan via het formulier op deze website of via uw huisarts, casemanager of Wmo-consulent. Voor logeerzorg is meestal een Wmo-indicatie van de gemeente nodig.',
  },
  {
    municipality: 'Hoeksche Waard',
    category: 'peer_support',
    title: 'Mantelzorgcafé Oud-Beijerland (fictief)',
    summary: 'Elke eerste dinsdag van de maand praten mantelzorgers met elkaar, met koffie en een onderwerp.',
    body: 'In het dorpshuis, van 19.30 tot 21.30 uur. Aanmelden hoeft niet.',
    url: 'https://mantelzorg-hw.example.nl/cafe',
  },
  {
    municipality: 'Hoeksche Waard',
    category: 'advice',
    title: 'Steunpunt Mantelzorg Hoeksche Waard (fictief)',
    summary: 'Een mantelzorgconsulent denkt met u mee: wat heeft u nodig om het vol te houden?',
    body: 'Een gesprek bij u thuis of op het steunpunt. Gratis.',
    phone: '0186 700 100',
    url: 'https://mantelzorg-hw.example.nl',
  },
  {
    municipality: 'Hoeksche Waard',
    category: 'day_care',
    title: 'Dagbesteding De Korenschoof (fictief)',
    summary: 'Overdag een zinvolle dag voor uw naaste, met vervoer van en naar huis.',
    body: 'Drie dagen per week, voor ouderen met en zonder dementie. Via een Wmo-indicatie.',
    phone: '078 674 00 00',
  },
  {
    municipality: 'Hoeksche Waard',
    category: 'money',
    title: 'Mantelzorgwaardering Hoeksche Waard (fictief)',
    summary: 'Eén keer per jaar een bedrag of cadeaubon als dank voor uw zorg.',
    body: 'Aanvragen tussen 1 september en 1 november.',
  },
  {
    municipality: 'Helmond',
    category: 'respite',
    title: 'Logeerhuis Plezant',
    summary: 'Logeerhuis met zeven kamers en een gezamenlijke woonkamer, speciaal voor mensen met (beginnende) dementie.',
    body: 'Logeren van 3 tot 7 nachten, ook regelmatig. Vraag het aan via het aanmeldpunt.',
  },
  {
    municipality: 'Helmond',
    category: 'peer_support',
    title: 'Alzheimer Café Helmond (fictief)',
    summary: 'Maandelijks een avond voor mensen met dementie, hun naasten en belangstellenden.',
    body: 'Met een deskundige die over een thema vertelt, en tijd voor vragen.',
    url: 'https://alzheimercafe.example.nl/helmond',
  },
  {
    municipality: 'Deurne',
    category: 'advice',
    title: 'Casemanager dementie Peelregio (fictief)',
    summary: 'Een vaste casemanager helpt u en uw naaste vanaf de diagnose dementie.',
    body: 'Via de huisarts. De casemanager kan ook logeerzorg voor u aanvragen.',
  },
  {
    municipality: 'Zeist',
    category: 'respite',
    title: 'Logeerkamer In de Dennen',
    summary: 'Eén logeerkamer in Zeist, voor twee dagen tot twee weken.',
    body: 'Gemeente Zeist vergoedt de logeerkamer via de Wmo. Vraag het aan via het aanmeldpunt.',
  },
  {
    municipality: 'De Bilt',
    category: 'money',
    title: 'Eigen bijdrage voor logeren (fictief)',
    summary: 'Voor logeren via de Wmo betaalt u een eigen bijdrage van hoogstens € 21,80 per maand (abonnementstarief).',
    body: 'Het CAK stuurt de rekening. Heeft u weinig inkomen? Vraag de gemeente naar een tegemoetkoming.',
  },
  {
    municipality: 'Wijk bij Duurstede',
    category: 'advice',
    title: 'Logeerzorg thuis (fictief)',
    summary: "Liever niet logeren? Een verzorgende komt 's nachts bij u thuis, zodat u kunt doorslapen.",
    body: 'Een proef in Zuidoost Utrecht. Vraag het aanmeldpunt of het in uw gemeente kan.',
  },
];

export async function seedDemoSupportInfo(trx: Transaction<Database> | Kysely<Database>): Promise<{ support_item: number }> {
  await trx
    .insertInto('support_item')
    .values(ITEMS.map((item) => ({ ...item, phone: item.phone ?? null, url: item.url ?? null, email: null })))
    .execute();
  return { support_item: ITEMS.length };
}
