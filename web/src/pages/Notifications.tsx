import { Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { formatDateTime } from '../i18n/format.ts';
import { type Texts, useTexts } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../layout/ErrorAlert.tsx';

interface Notification {
  id: string;
  kind: 'offer' | 'booking' | 'change' | 'reminder';
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
}

const texts: Texts<'title' | 'empty' | 'read' | 'unread' | 'markRead'> = {
  nl: { title: 'Meldingen', empty: 'U heeft geen meldingen.', read: 'Gelezen', unread: 'Nieuw', markRead: 'Markeer als gelezen' },
  en: { title: 'Notifications', empty: 'You have no notifications.', read: 'Read', unread: 'New', markRead: 'Mark as read' },
};

/** Offers, bookings, changes and reminders for the signed-in person, newest first. */
export function Notifications() {
  const t = useTexts(texts);
  const [items, setItems] = useState<Notification[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => api<Notification[]>('GET', '/notifications').then(setItems, setError), []);
  useEffect(() => {
    void load();
  }, [load]);

  const markRead = async (id: string) => {
    try {
      await api('POST', `/notifications/${id}/read`, {});
      await load();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <Heading1>{t('title')}</Heading1>
      {error !== null && <ErrorAlert error={error} />}
      {items?.length === 0 && <Paragraph>{t('empty')}</Paragraph>}
      {items?.map((item) => (
        <article key={item.id} className={`adempauze-card${item.read ? '' : ' adempauze-card--new'}`}>
          <Heading2>{item.read ? '' : `${t('unread')}: `}{item.title}</Heading2>
          <Paragraph>{formatDateTime(item.createdAt)}</Paragraph>
          <Paragraph>{item.body}</Paragraph>
          {!item.read && <Button appearance="secondary-action-button" onClick={() => void markRead(item.id)}>{t('markRead')}</Button>}
        </article>
      ))}
    </>
  );
}
