import { Alert, Button, ButtonGroup, FormFieldTextarea, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { SUPPORT_CATEGORIES, SUPPORT_CATEGORY_LABELS } from '../../../../src/domain/support-info.ts';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { SelectField, TextField, fieldMessage } from '../../forms/fields.tsx';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { SupportItem } from '../public/SupportInfo.tsx';
import { AccessPointContactForm } from './AccessPointContactForm.tsx';

const texts: Texts<
  | 'title'
  | 'intro'
  | 'new'
  | 'edit'
  | 'municipality'
  | 'wholeRegion'
  | 'category'
  | 'itemTitle'
  | 'summary'
  | 'body'
  | 'phone'
  | 'email'
  | 'url'
  | 'save'
  | 'cancel'
  | 'change'
  | 'remove'
  | 'saved'
  | 'removed'
  | 'items'
> = {
  nl: {
    title: 'Steun voor mantelzorgers beheren',
    intro:
      'Wat hier staat, ziet iedereen op de pagina Steun voor mantelzorgers. Schrijf eenvoudig Nederlands (B1) en zet er geen namen van cliënten in.',
    new: 'Nieuwe informatie',
    edit: 'Informatie wijzigen',
    municipality: 'Gemeente',
    wholeRegion: 'Hele regio',
    category: 'Soort hulp',
    itemTitle: 'Titel',
    summary: 'Korte uitleg (1 of 2 zinnen)',
    body: 'Meer uitleg (niet verplicht)',
    phone: 'Telefoon (niet verplicht)',
    email: 'E-mail (niet verplicht)',
    url: 'Website, begint met https:// (niet verplicht)',
    save: 'Opslaan',
    cancel: 'Annuleren',
    change: 'Wijzigen',
    remove: 'Verwijderen',
    saved: 'Opgeslagen.',
    removed: 'Verwijderd.',
    items: 'Alle informatie ({count})',
  },
  en: {
    title: 'Manage support for caregivers',
    intro: 'What is here, everyone sees on the page Support for caregivers. Write plain Dutch (B1) and never name clients.',
    new: 'New information',
    edit: 'Change information',
    municipality: 'Municipality',
    wholeRegion: 'Whole region',
    category: 'Kind of help',
    itemTitle: 'Title',
    summary: 'Short explanation (1 or 2 sentences)',
    body: 'More explanation (optional)',
    phone: 'Phone (optional)',
    email: 'E-mail (optional)',
    url: 'Website, starting with https:// (optional)',
    save: 'Save',
    cancel: 'Cancel',
    change: 'Change',
    remove: 'Remove',
    saved: 'Saved.',
    removed: 'Removed.',
    items: 'All information ({count})',
  },
};

/** The central point keeps the caregiver-support information up to date. */
export function SupportInfoAdmin() {
  const { language } = useI18n();
  const t = useTexts(texts);
  const { data, error: loadError, reload } = useApiQuery<{ municipalities: string[]; items: SupportItem[] }>('/public/support');
  const [editing, setEditing] = useState<SupportItem | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const error = failure ?? loadError;
  const [done, setDone] = useState<string | null>(null);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const optional = (name: string) => String(form.get(name) ?? '').trim() || null;
    const body = {
      municipality: optional('municipality'),
      category: form.get('category'),
      title: String(form.get('title') ?? ''),
      summary: String(form.get('summary') ?? ''),
      body: String(form.get('body') ?? ''),
      phone: optional('phone'),
      email: optional('email'),
      url: optional('url'),
    };
    setFailure(null);
    try {
      await api(editing ? 'PUT' : 'POST', editing ? `/support/${editing.id}` : '/support', body);
      setDone(t('saved'));
      setEditing(null);
      element.reset();
      reload();
    } catch (refused) {
      setFailure(refused);
    }
  };

  const remove = async (item: SupportItem) => {
    setFailure(null);
    try {
      await api('DELETE', `/support/${item.id}`);
      setDone(t('removed'));
      reload();
    } catch (refused) {
      setFailure(refused);
    }
  };

  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      <AccessPointContactForm />
      {done && (
        <Alert type="ok" role="status">
          <Paragraph>{done}</Paragraph>
        </Alert>
      )}
      {error !== null && !(fieldMessage(error, 'title') || fieldMessage(error, 'summary') || fieldMessage(error, 'url')) && (
        <ErrorAlert error={error} />
      )}
      <form key={editing?.id ?? 'new'} onSubmit={(event) => void save(event)} noValidate className="adempauze-card">
        <Heading2>{editing ? t('edit') : t('new')}</Heading2>
        <SelectField
          name="municipality"
          label={t('municipality')}
          error={error}
          defaultValue={editing?.municipality ?? ''}
          options={[{ value: '', label: t('wholeRegion') }, ...(data?.municipalities ?? []).map((name) => ({ value: name, label: name }))]}
        />
        <SelectField
          name="category"
          label={t('category')}
          error={error}
          defaultValue={editing?.category}
          options={SUPPORT_CATEGORIES.map((category) => ({ value: category, label: SUPPORT_CATEGORY_LABELS[category][language] }))}
        />
        <TextField name="title" label={t('itemTitle')} error={error} defaultValue={editing?.title} required />
        <FormFieldTextarea
          id="summary"
          name="summary"
          label={t('summary')}
          defaultValue={editing?.summary}
          required
          invalid={Boolean(fieldMessage(error, 'summary'))}
          errorMessage={fieldMessage(error, 'summary')}
        />
        <FormFieldTextarea id="body" name="body" label={t('body')} defaultValue={editing?.body} />
        <TextField name="phone" label={t('phone')} type="tel" error={error} defaultValue={editing?.phone ?? undefined} />
        <TextField name="email" label={t('email')} type="email" error={error} defaultValue={editing?.email ?? undefined} />
        <TextField name="url" label={t('url')} error={error} defaultValue={editing?.url ?? undefined} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('save')}
          </Button>
          {editing && (
            <Button type="button" appearance="secondary-action-button" onClick={() => setEditing(null)}>
              {t('cancel')}
            </Button>
          )}
        </ButtonGroup>
      </form>
      {data && <Heading2>{t('items', { count: data.items.length })}</Heading2>}
      {data?.items.map((item) => (
        <article key={item.id} className="adempauze-card">
          <Heading2>{item.title}</Heading2>
          <Paragraph small>
            {SUPPORT_CATEGORY_LABELS[item.category][language]} · {item.municipality ?? t('wholeRegion')}
          </Paragraph>
          <Paragraph>{item.summary}</Paragraph>
          <ButtonGroup>
            <Button
              appearance="secondary-action-button"
              aria-label={`${t('change')}: ${item.title}`}
              onClick={() => {
                setEditing(item);
                window.scrollTo(0, 0);
              }}
            >
              {t('change')}
            </Button>
            <Button appearance="secondary-action-button" aria-label={`${t('remove')}: ${item.title}`} onClick={() => void remove(item)}>
              {t('remove')}
            </Button>
          </ButtonGroup>
        </article>
      ))}
    </>
  );
}
