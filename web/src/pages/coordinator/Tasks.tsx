import { Alert, Button, FormFieldTextarea, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDate } from '../../i18n/format.ts';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';

interface Task {
  id: string;
  dueOn: string;
  reference: string;
  referralId: string;
  clientName: string;
  caregiver: { name: string | null; phone: string | null; email: string | null };
}

const texts: Texts<'title' | 'intro' | 'empty' | 'call' | 'due' | 'caregiver' | 'note' | 'done' | 'saved'> = {
  nl: {
    title: 'Nazorg', intro: 'Na elk verblijf belt het aanmeldpunt de mantelzorger: hoe ging het, en wat is er nog nodig?',
    empty: 'Er zijn geen open taken.', call: 'Bel de mantelzorger van {name} ({reference})', due: 'Uiterlijk {date}',
    caregiver: 'Mantelzorger: {contact}', note: 'Notitie van het gesprek (niet verplicht)', done: 'Afgerond', saved: 'De taak is afgerond. De aanmelding is gesloten.',
  },
  en: {
    title: 'Aftercare', intro: 'After each stay the access point calls the caregiver: how did it go, and what is still needed?',
    empty: 'There are no open tasks.', call: 'Call the caregiver of {name} ({reference})', due: 'By {date}',
    caregiver: 'Caregiver: {contact}', note: 'Note of the call (optional)', done: 'Done', saved: 'The task is done. The referral is closed.',
  },
};

/** The central point's aftercare calls, earliest due first. */
export function Tasks() {
  const t = useTexts(texts);
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const load = useCallback(() => api<Task[]>('GET', '/tasks').then(setTasks, setError), []);
  useEffect(() => {
    void load();
  }, [load]);

  const finish = (task: Task) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
    try {
      await api('POST', `/tasks/${task.id}/done`, note ? { note } : {});
      setSaved(true);
      await load();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      {saved && <Alert type="ok" role="status"><Paragraph>{t('saved')}</Paragraph></Alert>}
      {error !== null && <ErrorAlert error={error} />}
      {tasks?.length === 0 && <Paragraph>{t('empty')}</Paragraph>}
      {tasks?.map((task) => (
        <form key={task.id} className="adempauze-card" onSubmit={(event) => void finish(task)(event)}>
          <Heading2>{t('call', { name: task.clientName, reference: task.reference })}</Heading2>
          <Paragraph>{t('due', { date: formatDate(task.dueOn) })}</Paragraph>
          <Paragraph>{t('caregiver', { contact: [task.caregiver.name, task.caregiver.phone, task.caregiver.email].filter(Boolean).join(', ') || '–' })}</Paragraph>
          <Paragraph><Link className="utrecht-link" to={`/aanmeldpunt/aanmeldingen/${task.referralId}`}>{task.reference}</Link></Paragraph>
          <FormFieldTextarea id={`note-${task.id}`} name="note" label={t('note')} />
          <Button type="submit" appearance="primary-action-button">{t('done')}</Button>
        </form>
      ))}
    </>
  );
}
