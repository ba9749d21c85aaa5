import type { Reason } from './rules.ts';

type Params = Record<string, string | number>;
type Text = (params: Params) => string;

/** Plain-language wording (Dutch B1, and English) of every reason the rules can give. */
const TEXTS: Record<string, { nl: Text; en: Text }> = {
  'burden.burden_low': { nl: (p) => `De mantelzorger is weinig belast (score ${p.score} van ${p.maximum}).`, en: (p) => `Low caregiver burden (score ${p.score} of ${p.maximum}).` },
  'burden.burden_moderate': { nl: (p) => `De mantelzorger is flink belast (score ${p.score} van ${p.maximum}).`, en: (p) => `Considerable caregiver burden (score ${p.score} of ${p.maximum}).` },
  'burden.burden_high': { nl: (p) => `De mantelzorger is zwaar belast (score ${p.score} van ${p.maximum}). Geef voorrang.`, en: (p) => `High caregiver burden (score ${p.score} of ${p.maximum}). Give priority.` },
  'urgency.unsafe_alone': { nl: () => 'De persoon is nu alleen en niet veilig: vandaag een plek nodig.', en: () => 'The person is alone and unsafe now: a place is needed today.' },
  'urgency.dropout_palliative': { nl: () => 'De mantelzorger is uitgevallen en de levensverwachting is kort: vandaag een plek nodig.', en: () => 'The caregiver dropped out and life expectancy is short: a place is needed today.' },
  'urgency.caregiver_dropout': { nl: () => 'De mantelzorger is uitgevallen: binnen 48 uur een plek nodig.', en: () => 'The caregiver dropped out: a place is needed within 48 hours.' },
  'urgency.planned': { nl: () => 'Geen crisis: het verblijf kan gepland worden.', en: () => 'No crisis: the stay can be planned.' },
  'disposition.specialist_needed': { nl: () => 'Er is behandeling door een medisch specialist nodig. Dat hoort in het ziekenhuis, niet in een tijdelijk verblijf.', en: () => 'Treatment by a medical specialist is needed. That belongs in hospital, not in a temporary stay.' },
  'disposition.temporary_stay': { nl: () => 'Een tijdelijk verblijf past bij deze vraag.', en: () => 'A temporary stay fits this request.' },
  'disposition.no_return_home': { nl: () => 'Eerstelijnsverblijf gaat uit van terugkeer naar huis. Die wordt niet verwacht: vraag een Wlz-indicatie aan.', en: () => 'A short-term stay (ELV) assumes a return home, which is not expected: apply for a Wlz indication.' },
  'stay_types.wlz_excludes_elv': { nl: () => 'Met een Wlz-indicatie is eerstelijnsverblijf niet mogelijk; de zorg gaat via de Wlz.', en: () => 'With a Wlz indication, ELV is not possible; care goes through the Wlz.' },
  'stay_types.wlz_crisis': { nl: () => 'Crisisopname binnen de Wlz.', en: () => 'Crisis admission under the Wlz.' },
  'stay_types.wlz_respite': { nl: (p) => `Logeren binnen de Wlz${p.profile ? ` (zorgprofiel ${p.profile})` : ''}.`, en: (p) => `Respite stay under the Wlz${p.profile ? ` (care profile ${p.profile})` : ''}.` },
  'stay_types.palliative': { nl: () => 'De levensverwachting is 3 maanden of korter: ELV palliatief.', en: () => 'Life expectancy is 3 months or less: palliative ELV.' },
  'stay_types.elv_high': { nl: (p) => `ELV hoog complex, omdat ${WHY_NL[String(p.why)] ?? 'er medische zorg nodig is'}.`, en: (p) => `High-complexity ELV, because ${WHY_EN[String(p.why)] ?? 'medical care is needed'}.` },
  'stay_types.elv_low': { nl: (p) => `ELV laag complex, omdat ${WHY_NL[String(p.why)] ?? 'er verpleging nodig is'}.`, en: (p) => `Low-complexity ELV, because ${WHY_EN[String(p.why)] ?? 'nursing is needed'}.` },
  'stay_types.bridge_crisis_wmo': { nl: () => 'Tot de Wlz-indicatie er is: een crisisopname via de Wmo.', en: () => 'Until the Wlz indication is granted: a Wmo crisis stay.' },
  'stay_types.none_until_indication': { nl: () => 'Geen tijdelijk verblijf zonder Wlz-indicatie.', en: () => 'No temporary stay without a Wlz indication.' },
  'stay_types.wmo_crisis': { nl: () => 'Geen medische noodzaak, wel uitval van de mantelzorger: crisisopname via de Wmo.', en: () => 'No medical need, but the caregiver dropped out: a Wmo crisis stay.' },
  'stay_types.wmo_respite': { nl: () => 'Geen behandeling, observatie of onplanbare verpleging nodig: logeerzorg via de Wmo.', en: () => 'No treatment, observation or unplanned nursing needed: planned respite under the Wmo.' },
  'financing.wlz': { nl: () => 'Betaald uit de Wlz (zorgkantoor).', en: () => 'Paid under the Wlz (care office).' },
  'financing.zvw_elv': { nl: () => 'Betaald door de zorgverzekeraar (Zvw, eerstelijnsverblijf).', en: () => 'Paid by the health insurer (Zvw, ELV).' },
  'financing.wmo': { nl: () => 'Verblijf betaald door de gemeente (Wmo).', en: () => 'Stay paid by the municipality (Wmo).' },
  'financing.wmo_with_nursing': { nl: () => 'Verblijf betaald door de gemeente (Wmo); verpleging tijdens het verblijf door de zorgverzekeraar (Zvw).', en: () => 'Stay paid by the municipality (Wmo); nursing during the stay by the health insurer (Zvw).' },
  'financing.wmo_bridge': { nl: () => 'De overbrugging betaalt de gemeente (Wmo).', en: () => 'The municipality pays for the bridging stay (Wmo).' },
  'financing.none': { nl: () => 'Nog geen financiering: eerst een Wlz-indicatie.', en: () => 'No financing yet: a Wlz indication first.' },
  'features.wandering': { nl: () => 'Dwaalgedrag: alleen een gesloten afdeling met 24 uur toezicht. Een wijkpension zonder toezicht kan niet.', en: () => 'Wandering: only a secured unit with 24-hour supervision. A guest house without supervision cannot take the guest.' },
  'features.behaviour': { nl: () => 'Moeilijk gedrag: een plek die gespecialiseerd is in dementie.', en: () => 'Challenging behaviour: a place specialised in dementia.' },
  'features.dementia': { nl: () => 'Dementie (matig of ernstig): een plek die gespecialiseerd is in dementie.', en: () => 'Moderate or severe dementia: a place specialised in dementia.' },
  'features.hoist': { nl: () => 'Tillift nodig: een kamer die geschikt is voor een tillift.', en: () => 'A hoist is needed: a room suitable for a hoist.' },
  'features.wheelchair': { nl: () => 'Rolstoel: een rolstoeltoegankelijke kamer.', en: () => 'Wheelchair: a wheelchair-accessible room.' },
  'features.unplanned_nursing': { nl: () => 'Onplanbare verpleging: 24 uur per dag verpleging aanwezig.', en: () => 'Unplanned nursing: 24/7 nursing on site.' },
  'features.night_care': { nl: () => "Zorg in de nacht: 24 uur per dag verpleging aanwezig.", en: () => 'Night care: 24/7 nursing on site.' },
  'features.oxygen': { nl: () => 'Zuurstof: 24 uur per dag verpleging aanwezig.', en: () => 'Oxygen: 24/7 nursing on site.' },
  'features.couple': { nl: () => 'Samen logeren: een koppelkamer.', en: () => 'Staying together: a couple room.' },
};

const WHY_NL: Record<string, string> = {
  unstable: 'de gezondheid niet stabiel is',
  treatment: 'behandeling of observatie door een arts nodig is',
  unplanned_nursing: 'verpleging nodig is op momenten die je niet kunt plannen',
  adl_takeover: 'de mantelzorger is uitgevallen en alle dagelijkse zorg moet worden overgenomen',
};
const WHY_EN: Record<string, string> = {
  unstable: 'health is not stable',
  treatment: 'treatment or observation by a doctor is needed',
  unplanned_nursing: 'nursing is needed at moments that cannot be planned',
  adl_takeover: 'the caregiver dropped out and all daily care must be taken over',
};

export function explain(reason: Reason, locale: 'nl' | 'en'): string {
  const text = TEXTS[`${reason.topic}.${reason.code}`];
  return text ? text[locale](reason.params ?? {}) : `${reason.topic}: ${reason.code}`;
}

/** Every code the rules can produce has words: checked by a test over all answer combinations. */
export function hasExplanation(reason: Reason): boolean {
  return `${reason.topic}.${reason.code}` in TEXTS;
}
