import type { Language } from './i18n.tsx';

const PLURALS = { nl: new Intl.PluralRules('nl-NL'), en: new Intl.PluralRules('en-GB') };

/**
 * Puts the parameters into a text. `{count|# plek|# plekken}` chooses the singular or the plural form by the
 * language's plural rule, `#` being the number: "1 plek", "3 plekken", "1 place", "3 places".
 */
export function fill(text: string, params: Record<string, string | number> | undefined, language: Language): string {
  return text
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, name: string, one: string, other: string) => {
      const value = Number(params?.[name]);
      return (PLURALS[language].select(value) === 'one' ? one : other).replaceAll('#', String(params?.[name] ?? '#'));
    })
    .replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
}
