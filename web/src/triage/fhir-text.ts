import type { Language } from '../i18n/i18n.tsx';

/** A FHIR primitive's translation extension (http://hl7.org/fhir/StructureDefinition/translation). */
interface Translated {
  extension?: { url: string; extension?: { url: string; valueCode?: string; valueString?: string }[] }[];
}

const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';

/** The text in the interface language: the element itself is Dutch, English comes from its translation extension. */
export function fhirText(text: string, translated: Translated | undefined, language: Language): string {
  if (language === 'nl') return text;
  for (const translation of translated?.extension ?? []) {
    if (translation.url !== TRANSLATION) continue;
    const parts = translation.extension ?? [];
    if (parts.find((part) => part.url === 'lang')?.valueCode === language) {
      return parts.find((part) => part.url === 'content')?.valueString ?? text;
    }
  }
  return text;
}

export interface FhirItem {
  linkId: string;
  text: string;
  _text?: Translated;
  type: 'group' | 'boolean' | 'choice' | 'string' | 'date' | 'integer';
  required?: boolean;
  enableBehavior?: 'all' | 'any';
  extension?: { url: string; valueInteger?: number }[];
  repeats?: boolean;
  answerOption?: { valueCoding: { code: string; display: string; _display?: Translated } }[];
  enableWhen?: { question: string; operator: '='; answerBoolean?: boolean; answerCoding?: { code: string } }[];
  item?: FhirItem[];
}

export interface FhirQuestionnaire {
  resourceType: 'Questionnaire';
  url: string;
  version: string;
  title: string;
  _title?: Translated;
  item: FhirItem[];
}
