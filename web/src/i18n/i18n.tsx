import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setApiLanguage } from '../api/client.ts';
import { type MessageKey, en, nl } from './messages.ts';
import { fill } from './fill.ts';
import { setFormatLanguage } from './format.ts';

export type Language = 'nl' | 'en';

const STORAGE_KEY = 'adempauze.language';
const TABLES = { nl, en } as const;

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  // During render, not in an effect: the dates of this very render must follow the language already.
  setFormatLanguage(language);
  useEffect(() => {
    // Screen readers pick their voice from the page's language.
    document.documentElement.lang = language;
    setApiLanguage(language);
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, params) => fill(TABLES[language][key], params, language),
    }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}

/** Texts that belong to one page or feature, kept beside it: Dutch first, English with the same keys. */
export type Texts<K extends string> = { nl: Record<K, string>; en: Record<K, string> };

export function useTexts<K extends string>(texts: Texts<K>): (key: K, params?: Record<string, string | number>) => string {
  const { language } = useI18n();
  return (key, params) => fill(texts[language][key], params, language);
}
