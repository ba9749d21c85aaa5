import {
  Alert,
  Button,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import { useApiQuery } from '../api/queries.ts';
import { TextField, fieldMessage } from '../forms/fields.tsx';
import { type Texts, useTexts } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../layout/ErrorAlert.tsx';

type Key = 'title' | 'intro' | 'none' | 'file' | 'fileHelp' | 'alt' | 'altHelp' | 'add' | 'added' | 'remove' | 'removed' | 'busy';

const texts: Texts<Key> = {
  nl: {
    title: "Foto's voor de openbare pagina",
    intro:
      "Laat zien hoe het huis eruitziet: de kamer, de woonkamer, de tuin. Hoogstens 6 foto's. Geen mensen die te herkennen zijn, tenzij zij toestemming gaven.",
    none: "Nog geen foto's.",
    file: 'Foto',
    fileHelp: 'Een JPG-, PNG- of WebP-bestand van hoogstens 2 MB.',
    alt: 'Wat is er op de foto te zien?',
    altHelp: 'Voor mensen die de foto niet kunnen zien, bijvoorbeeld "Logeerkamer met een bed bij het raam".',
    add: 'Foto toevoegen',
    added: 'De foto is toegevoegd.',
    remove: 'Foto weghalen',
    removed: 'De foto is weggehaald.',
    busy: 'Even geduld…',
  },
  en: {
    title: 'Photos for the public page',
    intro:
      'Show what the house looks like: the room, the living room, the garden. At most 6 photos. No recognisable people unless they agreed.',
    none: 'No photos yet.',
    file: 'Photo',
    fileHelp: 'A JPG, PNG or WebP file of at most 2 MB.',
    alt: 'What does the photo show?',
    altHelp: 'For people who cannot see the photo, e.g. "Guest room with a bed by the window".',
    add: 'Add photo',
    added: 'The photo has been added.',
    remove: 'Remove photo',
    removed: 'The photo has been removed.',
    busy: 'Please wait…',
  },
};

/** The file as base64, the way the API takes it. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The photos of a location's public page, each with its text alternative; add or remove them. */
export function LocationPhotos({ locationId }: { locationId: string }) {
  const t = useTexts(texts);
  const location = useApiQuery<{ photos: { id: string; alt: string }[] }>(`/locations/${locationId}`);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const id = (name: string) => `photo-${locationId}-${name}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      const data = file instanceof File && file.size > 0 ? await base64Of(file) : '';
      await api('POST', `/locations/${locationId}/photos`, { data, alt: String(form.get('alt') ?? '') });
      setDone(t('added'));
      setFormKey((n) => n + 1);
      location.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (photoId: string) => {
    setError(null);
    try {
      await api('DELETE', `/locations/${locationId}/photos/${photoId}`);
      setDone(t('removed'));
      location.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const fileMessage = fieldMessage(error, 'data');

  return (
    <details className="adempauze-card">
      <summary>{t('title')}</summary>
      <Paragraph>{t('intro')}</Paragraph>
      <div aria-live="polite">
        {done && (
          <Alert type="ok">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
      </div>
      {error !== null && !fileMessage && !fieldMessage(error, 'alt') && <ErrorAlert error={error} />}
      {location.data?.photos.length === 0 && <Paragraph>{t('none')}</Paragraph>}
      <ul className="adempauze-photos">
        {location.data?.photos.map((photo) => (
          <li key={photo.id}>
            <img src={`/api/locations/${locationId}/photos/${photo.id}`} alt={photo.alt} loading="lazy" />
            <Button appearance="secondary-action-button" aria-label={`${t('remove')}: ${photo.alt}`} onClick={() => void remove(photo.id)}>
              {t('remove')}
            </Button>
          </li>
        ))}
      </ul>
      <form key={formKey} onSubmit={(event) => void submit(event)} noValidate aria-labelledby={id('title')}>
        <Heading3 id={id('title')}>{t('add')}</Heading3>
        <FormField invalid={Boolean(fileMessage)}>
          <FormLabel htmlFor={id('file')}>{t('file')}</FormLabel>
          <FormFieldDescription id={id('file-help')}>{t('fileHelp')}</FormFieldDescription>
          {fileMessage && <FormFieldErrorMessage id={id('file-error')}>{fileMessage}</FormFieldErrorMessage>}
          <input
            id={id('file')}
            name="file"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby={[id('file-help'), fileMessage ? id('file-error') : ''].filter(Boolean).join(' ')}
            aria-invalid={Boolean(fileMessage) || undefined}
          />
        </FormField>
        <TextField id={id('alt')} name="alt" label={t('alt')} description={t('altHelp')} error={error} required />
        <Button type="submit" appearance="secondary-action-button" disabled={busy}>
          {busy ? t('busy') : t('add')}
        </Button>
      </form>
    </details>
  );
}
