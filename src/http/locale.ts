export type Locale = 'nl' | 'en';

/** Dutch unless the caller prefers English (first language of Accept-Language wins). */
export function localeOf(acceptLanguage: string | undefined): Locale {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'nl';
}
