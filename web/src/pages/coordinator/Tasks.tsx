import { Alert, Button, FormFieldTextarea, Heading1, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { formatDate } from '../../i18n/format.ts';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { z } from 'zod';
import type { Task as TaskSchema } from '../../../../src/http/schemas/aftercare.schemas.ts';
import type { CheckInDue } from '../../../../src/http/schemas/caregiver-contact.schemas.ts';

type Task = z.infer<typeof TaskSchema>;

type CheckIn = z.infer<typeof CheckInDue>;

const texts: Texts<
  | 'title'
  | 'intro'
  | 'empty'
  | 'call'
  | 'due'
  | 'caregiver'
  | 'note'
  | 'done'
  | 'saved'
  | 'checkIns'
  | 'checkInsIntro'
  | 'checkIn'
  | 'contact'
  | 'noCheckIns'
> = {
  nl: {
    checkIns: 'Jaarlijkse check-in',
    checkInsIntro: 'Eén keer per jaar vraagt de vaste contactpersoon de mantelzorger hoe het gaat. Leg het gesprek vast bij de aanmelding.',
    checkIn: 'Vraag de mantelzorger van {name} hoe het gaat',
    contact: 'Contactpersoon: {name}',
    noCheckIns: 'Er zijn geen check-ins te doen.',
    title: 'Nazorg',
    intro: 'Na elk verblijf belt het aanmeldpunt de mantelzorger: hoe ging het, en wat is er nog nodig?',
    empty: 'Er zijn geen open taken.',
    call: 'Bel de mantelzorger van {name} ({reference})',
    due: 'Uiterlijk {date}',
    caregiver: 'Mantelzorger: {contact}',
    note: 'Notitie van het gesprek (niet verplicht)',
    done: 'Afgerond',
    saved: 'De taak is afgerond. De aanmelding is gesloten.',
  },
  en: {
    checkIns: 'Yearly check-in',
    checkInsIntro: 'Once a year the contact person asks the caregiver how they are doing. Record the call on the referral.',
    checkIn: 'Ask the caregiver of {name} how they are doing',
    contact: 'Contact person: {name}',
    noCheckIns: 'There are no check-ins to do.',
    title: 'Aftercare',
    intro: 'After each stay the access point calls the caregiver: how did it go, and what is still needed?',
    empty: 'There are no open tasks.',
    call: 'Call the caregiver of {name} ({reference})',
    due: 'By {date}',
    caregiver: 'Caregiver: {contact}',
    note: 'Note of the call (optional)',
    done: 'Done',
    saved: 'The task is done. The referral is closed.',
  },
};

/** The central point's aftercare calls, earliest due first. */
export function Tasks() {
  const t = useTexts(texts);
  const { data: tasks, error: tasksError, reload: reloadTasks } = useApiQuery<Task[]>('/tasks');
  const { data: checkIns, error: checkInsError, reload: reloadCheckIns } = useApiQuery<CheckIn[]>('/check-ins');
  const [failure, setFailure] = useState<unknown>(null);
  const error = failure ?? tasksError ?? checkInsError;
  const [saved, setSaved] = useState(false);

  const finish = (task: Task) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
    setFailure(null);
    try {
      await api('POST', `/tasks/${task.id}/done`, note ? { note } : {});
      setSaved(true);
      reloadTasks();
      reloadCheckIns();
    } catch (refused) {
      setFailure(refused);
    }
  };

  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      {saved && (
        <Alert type="ok" role="status">
          <Paragraph>{t('saved')}</Paragraph>
        </Alert>
      )}
      {error !== null && <ErrorAlert error={error} />}
      {tasks?.length === 0 && <Paragraph>{t('empty')}</Paragraph>}
      {tasks?.map((task) => (
        <form key={task.id} className="adempauze-card" onSubmit={(event) => void finish(task)(event)}>
          <Heading2>{t('call', { name: task.clientName, reference: task.reference })}</Heading2>
          <Paragraph>{t('due', { date: formatDate(task.dueOn) })}</Paragraph>
          <Paragraph>
            {t('caregiver', {
              contact: [task.caregiver.name, task.caregiver.phone, task.caregiver.email].filter(Boolean).join(', ') || '–',
            })}
          </Paragraph>
          <Paragraph>
            <Link className="utrecht-link" to={`/aanmeldpunt/aanmeldingen/${task.referralId}`}>
              {task.reference}
            </Link>
          </Paragraph>
          <FormFieldTextarea id={`note-${task.id}`} name="note" label={t('note')} />
          <Button type="submit" appearance="primary-action-button">
            {t('done')}
          </Button>
        </form>
      ))}

      <Heading2>{t('checkIns')}</Heading2>
      <Paragraph>{t('checkInsIntro')}</Paragraph>
      {checkIns?.length === 0 && <Paragraph>{t('noCheckIns')}</Paragraph>}
      {checkIns?.map((checkIn) => (
        <section key={checkIn.clientId} className="adempauze-card" aria-label={t('checkIn', { name: checkIn.clientName })}>
          <Heading3>{t('checkIn', { name: checkIn.clientName })}</Heading3>
          <Paragraph>
            {t('due', { date: formatDate(checkIn.dueOn) })}
            {checkIn.contact && ` · ${t('contact', { name: checkIn.contact.name })}`}
          </Paragraph>
          <Paragraph>
            {t('caregiver', {
              contact: [checkIn.caregiver.name, checkIn.caregiver.phone, checkIn.caregiver.email].filter(Boolean).join(', ') || '–',
            })}
          </Paragraph>
          <Paragraph>
            <Link className="utrecht-link" to={`/aanmeldpunt/aanmeldingen/${checkIn.referralId}`}>
              {checkIn.reference}
            </Link>
          </Paragraph>
        </section>
      ))}
    </>
  );
}
