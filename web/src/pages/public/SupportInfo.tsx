import {
  Button,
  FormField,
  FormLabel,
  Heading1,
  Heading2,
  Link as UtrechtLink,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { fullySignedIn, useSession } from '../../auth/session.tsx';
import { SUPPORT_CATEGORIES, SUPPORT_CATEGORY_LABELS } from '../../../../src/domain/support-info.ts';
import { useApiQuery } from '../../api/queries.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { usePageTitle } from './common.tsx';
import type { z } from 'zod';
import type { SupportItem as SupportItemSchema } from '../../../../src/http/schemas/support-info.schemas.ts';

export type SupportItem = z.infer<typeof SupportItemSchema>;

const texts: Texts<
  | 'title'
  | 'intro'
  | 'words'
  | 'wordsHelp'
  | 'municipality'
  | 'allMunicipalities'
  | 'kind'
  | 'allKinds'
  | 'search'
  | 'found'
  | 'foundOne'
  | 'none'
  | 'call'
  | 'mail'
  | 'site'
  | 'forAll'
  | 'manage'
> = {
  nl: {
    title: 'Steun voor mantelzorgers',
    intro: 'Alle hulp voor mantelzorgers in uw gemeente op één plek: even vrij, advies, dagbesteding, lotgenoten en geldzaken.',
    words: 'Zoek op woorden',
    wordsHelp: 'Bijvoorbeeld: logeren, dementie, café',
    municipality: 'Uw gemeente',
    allMunicipalities: 'Alle gemeenten',
    kind: 'Soort hulp',
    allKinds: 'Alle soorten hulp',
    search: 'Zoeken',
    found: '{count} resultaten gevonden.',
    foundOne: '1 resultaat gevonden.',
    none: 'Niets gevonden. Probeer andere woorden of alle gemeenten.',
    call: 'Bel {phone}',
    mail: 'Mail {email}',
    site: 'Website van {title}',
    forAll: 'Voor de hele regio',
    manage: 'Deze informatie beheren',
  },
  en: {
    title: 'Support for caregivers',
    intro: 'All help for caregivers in your municipality in one place: a break, advice, day care, peer support and money matters.',
    words: 'Search by words',
    wordsHelp: 'For example: logeren, dementie, café (the information is in Dutch)',
    municipality: 'Your municipality',
    allMunicipalities: 'All municipalities',
    kind: 'Kind of help',
    allKinds: 'All kinds of help',
    search: 'Search',
    found: '{count} results found.',
    foundOne: '1 result found.',
    none: 'Nothing found. Try other words or all municipalities.',
    call: 'Call {phone}',
    mail: 'E-mail {email}',
    site: 'Website of {title}',
    forAll: 'For the whole region',
    manage: 'Manage this information',
  },
};

/** One place with all caregiver support per municipality, searchable; kept up to date by the central point. */
export function SupportInfo() {
  const { language } = useI18n();
  const t = useTexts(texts);
  usePageTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  // The municipalities to choose from stay while another search loads; the results are only ever this search's.
  const search = useApiQuery<{ municipalities: string[]; items: SupportItem[] }>(`/public/support${query ? `?${query}` : ''}`, {
    keepPrevious: true,
  });
  const result = search.previous ? null : search.data;
  const { error } = search;
  const { session } = useSession();
  const editor = fullySignedIn(session) && (session.user.role === 'coordinator' || session.user.role === 'administrator');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ['q', 'municipality', 'category']) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
    }
    setParams(next);
  };

  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph lead>{t('intro')}</Paragraph>
      {editor && (
        <Paragraph>
          <Link className="utrecht-link" to="/beheer/steun">
            {t('manage')}
          </Link>
        </Paragraph>
      )}
      <form role="search" className="adempauze-toolbar" onSubmit={submit}>
        <FormField>
          <FormLabel htmlFor="support-q">{t('words')}</FormLabel>
          <Textbox id="support-q" name="q" type="search" defaultValue={params.get('q') ?? ''} aria-describedby="support-q-help" />
          <Paragraph small id="support-q-help">
            {t('wordsHelp')}
          </Paragraph>
        </FormField>
        <FormField>
          <FormLabel htmlFor="support-municipality">{t('municipality')}</FormLabel>
          <Select id="support-municipality" name="municipality" defaultValue={params.get('municipality') ?? ''}>
            <SelectOption value="">{t('allMunicipalities')}</SelectOption>
            {search.data?.municipalities.map((name) => (
              <SelectOption key={name} value={name}>
                {name}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor="support-category">{t('kind')}</FormLabel>
          <Select id="support-category" name="category" defaultValue={params.get('category') ?? ''}>
            <SelectOption value="">{t('allKinds')}</SelectOption>
            {SUPPORT_CATEGORIES.map((category) => (
              <SelectOption key={category} value={category}>
                {SUPPORT_CATEGORY_LABELS[category][language]}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <Button type="submit" appearance="primary-action-button">
          {t('search')}
        </Button>
      </form>
      {error !== null && <ErrorAlert error={error} />}
      <Paragraph role="status">
        {result &&
          (result.items.length > 1 ? t('found', { count: result.items.length }) : result.items.length === 1 ? t('foundOne') : t('none'))}
      </Paragraph>
      {result?.items.map((item) => (
        <article key={item.id} className="adempauze-card">
          <Heading2>{item.title}</Heading2>
          <Paragraph small>
            {SUPPORT_CATEGORY_LABELS[item.category][language]} · {item.municipality ?? t('forAll')}
          </Paragraph>
          <Paragraph>{item.summary}</Paragraph>
          {item.body && <Paragraph>{item.body}</Paragraph>}
          {item.phone && (
            <Paragraph>
              <UtrechtLink href={`tel:${item.phone.replace(/\s/g, '')}`}>{t('call', { phone: item.phone })}</UtrechtLink>
            </Paragraph>
          )}
          {item.email && (
            <Paragraph>
              <UtrechtLink href={`mailto:${item.email}`}>{t('mail', { email: item.email })}</UtrechtLink>
            </Paragraph>
          )}
          {item.url && (
            <Paragraph>
              <UtrechtLink href={item.url} rel="noopener noreferrer">
                {t('site', { title: item.title })}
              </UtrechtLink>
            </Paragraph>
          )}
        </article>
      ))}
    </>
  );
}
