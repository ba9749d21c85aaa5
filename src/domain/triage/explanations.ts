import type { Reason } from './outcome.ts';

type Params = Record<string, string | number>;
type Text = (params: Params) => string;

/** Plain-language wording (Dutch B1, and English) of every reason the rules can give. */
const TEXTS: Record<string, { nl: Text; en: Text }> = {
  'burden.burden_low': {
    nl: (p) => `De mantelzorger is weinig belast (score ${p.score} van ${p.maximum}).`,
    en: (p) => `Low caregiver burden (score ${p.score} of ${p.maximum}).`,
  },
  'burden.burden_moderate': {
    nl: (p) => `De mantelzorger is flink belast (score ${p.score} van ${p.maximum}).`,
    en: (p) => `Considerable caregiver burden (score ${p.score} of ${p.maximum}).`,
  },
  'burden.burden_high': {
    nl: (p) => `De mantelzorger is zwaar belast (score ${p.score} van ${p.maximum}). Geef voorrang.`,
    en: (p) => `High caregiver burden (score ${p.score} of ${p.maximum}). Give priority.`,
  },
  'urgency.unsafe_alone': {
    nl: () => 'De persoon is nu alleen en niet veilig: vandaag een plek nodig.',
    en: () => 'The person is alone and unsafe now: a place is needed today.',
  },
  'urgency.dropout_palliative': {
    nl: () => 'De mantelzorger is uitgevallen en de levensverwachting is kort: vandaag een plek nodig.',
    en: () => 'The caregiver dropped out and life expectancy is short: a place is needed today.',
  },
  'urgency.caregiver_dropout': {
    nl: () => 'De mantelzorger is uitgevallen: binnen 48 uur een plek nodig.',
    en: () => 'The caregiver dropped out: a place is needed within 48 hours.',
  },
  'urgency.planned': { nl: () => 'Geen crisis: het verblijf kan gepland worden.', en: () => 'No crisis: the stay can be planned.' },
  'disposition.specialist_needed': {
    nl: () => 'Er is behandeling door een medisch specialist nodig. Dat hoort in het ziekenhuis, niet in een tijdelijk verblijf.',
    en: () => 'Treatment by a medical specialist is needed. That belongs in hospital, not in a temporary stay.',
  },
  'disposition.temporary_stay': {
    nl: () => 'Een tijdelijk verblijf past bij deze vraag.',
    en: () => 'A temporary stay fits this request.',
  },
  'disposition.no_return_home': {
    nl: () => 'Eerstelijnsverblijf gaat uit van terugkeer naar huis. Die wordt niet verwacht: vraag een Wlz-indicatie aan.',
    en: () => 'A short-term stay (ELV) assumes a return home, which is not expected: apply for a Wlz indication.',
  },
  'stay_types.wlz_excludes_elv': {
    nl: () => 'Met een Wlz-indicatie is eerstelijnsverblijf niet mogelijk; de zorg gaat via de Wlz.',
    en: () => 'With a Wlz indication, ELV is not possible; care goes through the Wlz.',
  },
  'stay_types.wlz_crisis': { nl: () => 'Crisisopname binnen de Wlz.', en: () => 'Crisis admission under the Wlz.' },
  'stay_types.wlz_respite': {
    nl: (p) => `Logeren binnen de Wlz${p.profile ? ` (zorgprofiel ${p.profile})` : ''}.`,
    en: (p) => `Respite stay under the Wlz${p.profile ? ` (care profile ${p.profile})` : ''}.`,
  },
  'stay_types.palliative': {
    nl: () => 'De levensverwachting is 3 maanden of korter: ELV palliatief.',
    en: () => 'Life expectancy is 3 months or less: palliative ELV.',
  },
  'stay_types.elv_high': {
    nl: (p) => `ELV hoog complex, omdat ${WHY_NL[String(p.why)] ?? 'er medische zorg nodig is'}.`,
    en: (p) => `High-complexity ELV, because ${WHY_EN[String(p.why)] ?? 'medical care is needed'}.`,
  },
  'stay_types.elv_low': {
    nl: (p) => `ELV laag complex, omdat ${WHY_NL[String(p.why)] ?? 'er verpleging nodig is'}.`,
    en: (p) => `Low-complexity ELV, because ${WHY_EN[String(p.why)] ?? 'nursing is needed'}.`,
  },
  'stay_types.bridge_crisis_wmo': {
    nl: () => 'Tot de Wlz-indicatie er is: een crisisopname via de Wmo.',
    en: () => 'Until the Wlz indication is granted: a Wmo crisis stay.',
  },
  'stay_types.none_until_indication': {
    nl: () => 'Geen tijdelijk verblijf zonder Wlz-indicatie.',
    en: () => 'No temporary stay without a Wlz indication.',
  },
  'stay_types.wmo_crisis': {
    nl: () => 'Geen medische noodzaak, wel uitval van de mantelzorger: crisisopname via de Wmo.',
    en: () => 'No medical need, but the caregiver dropped out: a Wmo crisis stay.',
  },
  'stay_types.wmo_respite': {
    nl: () => 'Geen behandeling, observatie of onplanbare verpleging nodig: logeerzorg via de Wmo.',
    en: () => 'No treatment, observation or unplanned nursing needed: planned respite under the Wmo.',
  },
  'financing.wlz': { nl: () => 'Betaald uit de Wlz (zorgkantoor).', en: () => 'Paid under the Wlz (care office).' },
  'financing.zvw_elv': {
    nl: () => 'Betaald door de zorgverzekeraar (Zvw, eerstelijnsverblijf).',
    en: () => 'Paid by the health insurer (Zvw, ELV).',
  },
  'financing.wmo': { nl: () => 'Verblijf betaald door de gemeente (Wmo).', en: () => 'Stay paid by the municipality (Wmo).' },
  'financing.wmo_with_nursing': {
    nl: () => 'Verblijf betaald door de gemeente (Wmo); verpleging tijdens het verblijf door de zorgverzekeraar (Zvw).',
    en: () => 'Stay paid by the municipality (Wmo); nursing during the stay by the health insurer (Zvw).',
  },
  'financing.wmo_bridge': {
    nl: () => 'De overbrugging betaalt de gemeente (Wmo).',
    en: () => 'The municipality pays for the bridging stay (Wmo).',
  },
  'financing.none': { nl: () => 'Nog geen financiering: eerst een Wlz-indicatie.', en: () => 'No financing yet: a Wlz indication first.' },
  'features.wandering': {
    nl: () => 'Dwaalgedrag: alleen een gesloten afdeling met 24 uur toezicht. Een wijkpension zonder toezicht kan niet.',
    en: () => 'Wandering: only a secured unit with 24-hour supervision. A guest house without supervision cannot take the guest.',
  },
  'features.behaviour': {
    nl: () => 'Moeilijk gedrag: een plek die gespecialiseerd is in dementie.',
    en: () => 'Challenging behaviour: a place specialised in dementia.',
  },
  'features.dementia': {
    nl: () => 'Dementie (matig of ernstig): een plek die gespecialiseerd is in dementie.',
    en: () => 'Moderate or severe dementia: a place specialised in dementia.',
  },
  'features.hoist': {
    nl: () => 'Tillift nodig: een kamer die geschikt is voor een tillift.',
    en: () => 'A hoist is needed: a room suitable for a hoist.',
  },
  'features.wheelchair': { nl: () => 'Rolstoel: een rolstoeltoegankelijke kamer.', en: () => 'Wheelchair: a wheelchair-accessible room.' },
  'features.unplanned_nursing': {
    nl: () => 'Onplanbare verpleging: 24 uur per dag verpleging aanwezig.',
    en: () => 'Unplanned nursing: 24/7 nursing on site.',
  },
  'features.night_care': {
    nl: () => 'Zorg in de nacht: 24 uur per dag verpleging aanwezig.',
    en: () => 'Night care: 24/7 nursing on site.',
  },
  'features.oxygen': { nl: () => 'Zuurstof: 24 uur per dag verpleging aanwezig.', en: () => 'Oxygen: 24/7 nursing on site.' },
  'features.couple': { nl: () => 'Samen logeren: een koppelkamer.', en: () => 'Staying together: a couple room.' },
  // Version 2 (rules.ts); the codes above stay as they were, so version 1 triages read as they were concluded.
  'urgency.needed_today': {
    nl: () => 'De persoon kan vandaag niet thuis blijven: vandaag een plek nodig.',
    en: () => 'The person cannot stay at home today: a place is needed today.',
  },
  'urgency.discharge_today': {
    nl: (p) => `Ontslag uit het ziekenhuis op ${day(p.date, 'nl')}: vandaag een plek nodig.`,
    en: (p) => `Discharge from hospital on ${day(p.date, 'en')}: a place is needed today.`,
  },
  'urgency.discharge_soon': {
    nl: (p) => `Ontslag uit het ziekenhuis op ${day(p.date, 'nl')}: binnen 48 uur een plek nodig.`,
    en: (p) => `Discharge from hospital on ${day(p.date, 'en')}: a place is needed within 48 hours.`,
  },
  'urgency.discharge_later': {
    nl: (p) => `Ontslag uit het ziekenhuis op ${day(p.date, 'nl')}: plan de plek vanaf die dag.`,
    en: (p) => `Discharge from hospital on ${day(p.date, 'en')}: plan the place from that day.`,
  },
  'urgency.terminal': {
    nl: () => 'De persoon is in de laatste levensfase: binnen 48 uur een plek nodig.',
    en: () => 'The person is in the last phase of life: a place is needed within 48 hours.',
  },
  'disposition.hospice': {
    nl: () =>
      'De persoon wil de laatste fase in een hospice doorbrengen. Zoek samen met de huisarts een hospice of bijna-thuis-huis; Adempauze plaatst daar niet.',
    en: () =>
      'The person wishes to spend the last phase in a hospice. Find a hospice together with the GP; Adempauze does not place there.',
  },
  'disposition.rehabilitation': {
    nl: () =>
      'Revalidatie na een acute aandoening, met terugkeer naar huis als doel: geriatrische revalidatiezorg (GRZ). De medisch specialist of specialist ouderengeneeskunde verwijst; Adempauze plaatst niet.',
    en: () =>
      'Rehabilitation after an acute condition, aiming at a return home: geriatric rehabilitation (GRZ). The medical specialist or elderly-care physician refers; Adempauze does not place.',
  },
  'stay_types.elv_high_v2': {
    nl: (p) => `ELV hoog complex, omdat ${WHY_NL[String(p.why)] ?? 'de zorgvraag complex is'}.`,
    en: (p) => `High-complexity ELV, because ${WHY_EN[String(p.why)] ?? 'the care question is complex'}.`,
  },
  'stay_types.elv_low_v2': {
    nl: (p) => `ELV laag complex, omdat ${WHY_NL[String(p.why)] ?? 'de zorgvraag eenvoudig is'}.`,
    en: (p) => `Low-complexity ELV, because ${WHY_EN[String(p.why)] ?? 'the care question is simple'}.`,
  },
  'stay_types.wlz_pending_elv': {
    nl: () => 'Terug naar huis lukt niet meer, en de Wlz-indicatie is aangevraagd: het ELV overbrugt de tijd tot het besluit.',
    en: () => 'Returning home is no longer possible and a Wlz indication was applied for: the ELV bridges the time until the decision.',
  },
  'stay_types.wlz_pending_crisis': {
    nl: () =>
      'Terug naar huis lukt niet meer, de Wlz-indicatie is aangevraagd en thuis kan het nu niet: een crisisopname via de Wmo tot het besluit.',
    en: () =>
      'Returning home is no longer possible, a Wlz indication was applied for and home is not possible now: a Wmo crisis stay until the decision.',
  },
  'stay_types.wlz_pending_respite': {
    nl: () => 'Terug naar huis lukt op termijn niet meer en de Wlz-indicatie is aangevraagd: logeerzorg via de Wmo tot het besluit.',
    en: () => 'Returning home will not be possible in time and a Wlz indication was applied for: Wmo respite until the decision.',
  },
  'stay_types.wmo_crisis_v2': {
    nl: () => 'Geen medische noodzaak, maar thuis kan het nu niet: crisisopname via de Wmo.',
    en: () => 'No medical need, but home is not possible now: a Wmo crisis stay.',
  },
  'stay_types.long_dropout': {
    nl: () => 'De mantelzorger valt langer dan 6 weken uit: bespreek een oplossing voor daarna, zoals thuiszorg of een Wlz-aanvraag.',
    en: () => 'The caregiver is away for more than 6 weeks: discuss what comes after, such as home care or a Wlz application.',
  },
  'financing.hospice': {
    nl: () => 'Hospicezorg betaalt de zorgverzekeraar (Zvw); het hospice regelt dat.',
    en: () => 'The health insurer (Zvw) pays for hospice care; the hospice arranges it.',
  },
  'financing.grz': {
    nl: () => 'GRZ betaalt de zorgverzekeraar (Zvw), na verwijzing.',
    en: () => 'The health insurer (Zvw) pays for GRZ, after referral.',
  },
  'features.night_nursing': {
    nl: () => 'Verpleging in de nacht: 24 uur per dag verpleging aanwezig.',
    en: () => 'Nursing at night: 24/7 nursing on site.',
  },
  'features.night_supervision': {
    nl: () => 'Toezicht in de nacht is genoeg: verpleging is niet nodig.',
    en: () => 'Supervision at night is enough: nursing is not needed.',
  },
  'features.nursing_act': {
    nl: (p) => `${ACT_NL[String(p.act)] ?? 'Deze handeling'}: 24 uur per dag verpleging aanwezig.`,
    en: (p) => `${ACT_EN[String(p.act)] ?? 'This nursing act'}: 24/7 nursing on site.`,
  },
  'features.isolation': {
    nl: () => 'Besmettelijk (zoals MRSA): een isolatiekamer.',
    en: () => 'Contagious (such as MRSA): an isolation room.',
  },
  'features.bariatric': {
    nl: (p) => `Gewicht ${p.kg} kilo: een bed en tillift voor zware mensen.`,
    en: (p) => `Weight ${p.kg} kilos: a bariatric bed and hoist.`,
  },
  'features.korsakov': {
    nl: () => 'Korsakov: een plek met ervaring met Korsakov.',
    en: () => 'Korsakoff syndrome: a place experienced with it.',
  },
  'features.psychiatric': {
    nl: () => 'Psychiatrische problemen: een plek die daarbij kan begeleiden.',
    en: () => 'Psychiatric problems: a place that can support them.',
  },
  'features.addiction': {
    nl: () => 'Verslaving: een plek die daarbij kan begeleiden.',
    en: () => 'Addiction: a place that can support it.',
  },
  'features.partner_wandering': { nl: () => 'De partner dwaalt: een gesloten afdeling.', en: () => 'The partner wanders: a secured unit.' },
  'features.partner_hoist': {
    nl: () => 'De partner heeft een tillift nodig: een kamer die daarvoor geschikt is.',
    en: () => 'The partner needs a hoist: a room suitable for one.',
  },
  'features.partner_wheelchair': {
    nl: () => 'De partner zit in een rolstoel: een rolstoeltoegankelijke kamer.',
    en: () => 'The partner uses a wheelchair: a wheelchair-accessible room.',
  },
  'features.partner_night_nursing': {
    nl: () => "De partner heeft 's nachts verpleging nodig: 24 uur per dag verpleging aanwezig.",
    en: () => 'The partner needs nursing at night: 24/7 nursing on site.',
  },
  'partner.partner_needs_care': {
    nl: () => 'De partner heeft zelf ook zorg nodig: ook zijn of haar verblijf loopt via de Wmo.',
    en: () => 'The partner needs care too: their stay also goes through the Wmo.',
  },
  'partner.partner_companion': {
    nl: () =>
      'De partner logeert mee als gezelschap, zonder eigen zorg: de kosten daarvan betaalt de partner zelf, tenzij de gemeente anders besluit.',
    en: () =>
      'The partner stays as company, without care of their own: they pay for that themselves unless the municipality decides otherwise.',
  },
  'partner.partner_not_answered': {
    nl: () => 'Dit is een aanmelding om samen te logeren, maar de vragen over de partner zijn met nee beantwoord. Kijk dat na.',
    en: () => 'This is a couple-stay referral, but the partner questions were answered no. Check this.',
  },
};

const WHY_NL: Record<string, string> = {
  unstable: 'de gezondheid niet stabiel is',
  treatment: 'behandeling of observatie door een arts nodig is',
  unplanned_nursing: 'verpleging nodig is op momenten die je niet kunt plannen',
  adl_takeover: 'de mantelzorger is uitgevallen en alle dagelijkse zorg moet worden overgenomen',
  multimorbidity: 'er meerdere aandoeningen zijn die elkaar beïnvloeden, of de zorgvraag moeilijk in te schatten is',
  elderly_care_physician: 'de specialist ouderengeneeskunde de medische zorg geeft',
  single_condition_gp: 'het om één aandoening gaat die goed in te schatten is en die de huisarts behandelt',
};
const WHY_EN: Record<string, string> = {
  unstable: 'health is not stable',
  treatment: 'treatment or observation by a doctor is needed',
  unplanned_nursing: 'nursing is needed at moments that cannot be planned',
  adl_takeover: 'the caregiver dropped out and all daily care must be taken over',
  multimorbidity: 'several conditions affect each other, or the care question is hard to assess',
  elderly_care_physician: 'the elderly-care physician gives the medical care',
  single_condition_gp: 'it is one condition, easy to assess, that the GP treats',
};

const ACT_NL: Record<string, string> = { oxygen: 'Zuurstof', pain_pump: 'Pijnpomp', iv_therapy: 'Infuus', tracheostomy: 'Tracheacanule' };
const ACT_EN: Record<string, string> = {
  oxygen: 'Oxygen',
  pain_pump: 'Pain pump',
  iv_therapy: 'Intravenous drip',
  tracheostomy: 'Tracheostomy tube',
};

/** A date in a reason, as people write it: 6 december 2026. */
function day(value: string | number | undefined, locale: 'nl' | 'en'): string {
  const date = new Date(`${String(value)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export function explain(reason: Reason, locale: 'nl' | 'en'): string {
  const text = TEXTS[`${reason.topic}.${reason.code}`];
  return text ? text[locale](reason.params ?? {}) : `${reason.topic}: ${reason.code}`;
}

/** Every code the rules can produce has words: checked by a test over all answer combinations. */
export function hasExplanation(reason: Reason): boolean {
  return `${reason.topic}.${reason.code}` in TEXTS;
}
