import { Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { useApiQuery } from '../api/queries.ts';
import { useSession } from '../auth/session.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { type Texts, useTexts } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../layout/ErrorAlert.tsx';
import type { z } from 'zod';
import type { Notification as NotificationSchema } from '../../../src/http/schemas/waiting-list.schemas.ts';

type Notification = z.infer<typeof NotificationSchema>;

const texts: Texts<'title' | 'empty' | 'read' | 'unread' | 'markRead' | 'about' | 'openReferral' | 'openStay'> = {
  nl: {
    title: 'Meldingen',
    empty: 'U heeft geen meldingen.',
    read: 'Gelezen',
    unread: 'Nieuw',
    markRead: 'Markeer als gelezen',
    about: 'Over: {client}',
    openReferral: 'Aanmelding {reference} openen',
    openStay: 'Verblijf openen',
  },
  en: {
    title: 'Notifications',
    empty: 'You have no notifications.',
    read: 'Read',
    unread: 'New',
    markRead: 'Mark as read',
    about: 'About: {client}',
    openReferral: 'Open referral {reference}',
    openStay: 'Open the stay',
  },
};

/** Offers, bookings, changes and reminders for the signed-in person, newest first. */
export function Notifications() {
  const t = useTexts(texts);
  const { session } = useSession();
  const { data: items, error: loadError, reload } = useApiQuery<Notification[]>('/notifications');
  const [failure, setFailure] = useState<unknown>(null);
  const error = failure ?? loadError;

  const markRead = async (id: string) => {
    setFailure(null);
    try {
      await api('POST', `/notifications/${id}/read`, {});
      reload();
    } catch (refused) {
      setFailure(refused);
    }
  };

  return (
    <>
      <Heading1>{t('title')}</Heading1>
      {error !== null && <ErrorAlert error={error} />}
      {items?.length === 0 && <Paragraph>{t('empty')}</Paragraph>}
      {items?.map((item) => (
        <article key={item.id} className={`adempauze-card${item.read ? '' : ' adempauze-card--new'}`}>
          <Heading2>
            {item.read ? '' : `${t('unread')}: `}
            {item.title}
          </Heading2>
          <Paragraph>{formatDateTime(item.createdAt)}</Paragraph>
          {item.clientName && <Paragraph>{t('about', { client: item.clientName })}</Paragraph>}
          <Paragraph>{item.body}</Paragraph>
          {session?.user?.role === 'coordinator' && item.referralId && (
            <Paragraph>
              <Link className="utrecht-link" to={`/aanmeldpunt/aanmeldingen/${item.referralId}`}>
                {t('openReferral', { reference: item.reference ?? '' })}
              </Link>
            </Paragraph>
          )}
          {session?.user?.role === 'provider_planner' && item.stayId && (
            <Paragraph>
              <Link className="utrecht-link" to={`/zorgaanbieder/verblijven/${item.stayId}`}>
                {t('openStay')}
              </Link>
            </Paragraph>
          )}
          {!item.read && (
            <Button appearance="secondary-action-button" onClick={() => void markRead(item.id)}>
              {t('markRead')}
            </Button>
          )}
        </article>
      ))}
    </>
  );
}
