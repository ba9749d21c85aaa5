import {
  Alert,
  Button,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { MAX_BURDEN_SCORE } from '../../../../src/domain/burden-screening.ts';
import type { BurdenLevel } from '../../../../src/domain/triage/outcome.ts';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { BurdenQuestions, readBurdenAnswers } from '../../forms/BurdenQuestions.tsx';
import { SelectField } from '../../forms/fields.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { z } from 'zod';
import type { CaregiverContact as CaregiverContactSchema } from '../../../../src/http/schemas/caregiver-contact.schemas.ts';

/** GET /clients/{id}/caregiver-contact */
type Contact = z.infer<typeof CaregiverContactSchema>;

type Key =
  | 'title'
  | 'contact'
  | 'none'
  | 'save'
  | 'next'
  | 'noNext'
  | 'optedOut'
  | 'screenings'
  | 'noScreenings'
  | 'when'
  | 'score'
  | 'by'
  | 'by.caregiver'
  | 'by.coordinator'
  | 'level.low'
  | 'level.moderate'
  | 'level.high'
  | 'record'
  | 'recordIntro'
  | 'missing'
  | 'recorded'
  | 'saved'
  | 'optOut'
  | 'optIn';

const TEXTS: Texts<Key> = {
  nl: {
    title: 'Mantelzorger: vaste contactpersoon en jaarlijkse check-in',
    contact: 'Vaste contactpersoon',
    none: 'Nog niemand',
    save: 'Contactpersoon opslaan',
    next: 'Volgende check-in: {date}.',
    noNext: 'Er is nog geen check-in gepland.',
    optedOut: 'De mantelzorger wil niet elk jaar gevraagd worden hoe het gaat.',
    screenings: 'Belasting van de mantelzorger',
    noScreenings: 'Nog geen check-in gedaan.',
    when: 'Wanneer',
    score: 'Score',
    by: 'Ingevuld door',
    'by.caregiver': 'mantelzorger (statuspagina)',
    'by.coordinator': 'aanmeldpunt (gesprek)',
    'level.low': 'weinig belast',
    'level.moderate': 'flink belast',
    'level.high': 'zwaar belast',
    record: 'Check-in vastleggen',
    recordIntro: 'Vraag in het gesprek bij elke zin of die past: nee, een beetje of ja.',
    missing: 'Kies bij elke zin een antwoord.',
    recorded: 'De check-in is vastgelegd: score {score} van {max} ({level}).',
    saved: 'Opgeslagen.',
    optOut: 'Mantelzorger wil geen jaarlijkse check-in',
    optIn: 'Toch weer jaarlijks vragen',
  },
  en: {
    title: 'Caregiver: contact person and yearly check-in',
    contact: 'Contact person',
    none: 'No one yet',
    save: 'Save contact person',
    next: 'Next check-in: {date}.',
    noNext: 'No check-in planned yet.',
    optedOut: 'The caregiver does not want to be asked every year.',
    screenings: "Caregiver's burden",
    noScreenings: 'No check-in done yet.',
    when: 'When',
    score: 'Score',
    by: 'Filled in by',
    'by.caregiver': 'caregiver (status page)',
    'by.coordinator': 'access point (call)',
    'level.low': 'low burden',
    'level.moderate': 'considerable burden',
    'level.high': 'high burden',
    record: 'Record a check-in',
    recordIntro: 'In the call, ask for each sentence whether it fits: no, somewhat or yes.',
    missing: 'Choose an answer for each sentence.',
    recorded: 'The check-in is recorded: score {score} of {max} ({level}).',
    saved: 'Saved.',
    optOut: 'Caregiver wants no yearly check-in',
    optIn: 'Ask every year again',
  },
};

/** On a referral: the caregiver's contact person at the central point, the check-ins so far, and recording a call. */
export function CaregiverContact({ clientId }: { clientId: string }) {
  const t = useTexts(TEXTS);
  const contact = useApiQuery<Contact>(`/clients/${clientId}/caregiver-contact`);
  const coordinators = useApiQuery<{ id: string; name: string }[]>('/coordinators');
  const { data } = contact;
  const people = coordinators.data ?? [];
  const [failure, setFailure] = useState<unknown>(null);
  const error = failure ?? contact.error ?? coordinators.error;
  const [notice, setNotice] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);

  const change = (body: object) =>
    api<Contact>('PUT', `/clients/${clientId}/caregiver-contact`, body)
      .then((answer) => {
        contact.replace(answer);
        setFailure(null);
        setNotice(t('saved'));
      })
      .catch(setFailure);
  const saveContact = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = String(new FormData(event.currentTarget).get('contactUserId') ?? '');
    void change({ contactUserId: chosen || null });
  };
  const record = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const read = readBurdenAnswers(new FormData(form), 'gesprek');
    setMissing(read.missing);
    if (!read.answers) return;
    api<{ score: number; level: BurdenLevel }>('POST', `/clients/${clientId}/check-ins`, { answers: read.answers })
      .then((result) => {
        form.reset();
        setFailure(null);
        setNotice(t('recorded', { score: result.score, max: MAX_BURDEN_SCORE, level: t(`level.${result.level}`) }));
        contact.reload();
      })
      .catch(setFailure);
  };

  return (
    <section aria-labelledby="mantelzorger-kop">
      <Heading2 id="mantelzorger-kop">{t('title')}</Heading2>
      {error !== null && <ErrorAlert error={error} />}
      {notice && (
        <div role="status">
          <Alert type="ok">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        </div>
      )}
      {data && (
        <>
          <form onSubmit={saveContact} className="adempauze-inline-form">
            <SelectField
              key={data.contact?.id ?? 'none'}
              name="contactUserId"
              label={t('contact')}
              error={error}
              defaultValue={data.contact?.id ?? ''}
              options={[{ value: '', label: t('none') }, ...people.map((person) => ({ value: person.id, label: person.name }))]}
            />
            <Button type="submit" appearance="secondary-action-button">
              {t('save')}
            </Button>
          </form>
          <Paragraph>{data.nextCheckIn ? t('next', { date: formatDate(data.nextCheckIn) }) : t('noNext')}</Paragraph>
          {data.optedOut && <Paragraph>{t('optedOut')}</Paragraph>}
          <Button type="button" appearance="subtle-button" onClick={() => void change({ optedOut: !data.optedOut })}>
            {data.optedOut ? t('optIn') : t('optOut')}
          </Button>
          <Heading3>{t('screenings')}</Heading3>
          {data.screenings.length === 0 ? (
            <Paragraph>{t('noScreenings')}</Paragraph>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('when')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('score')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('by')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.screenings.map((screening) => (
                  <TableRow key={screening.id}>
                    <TableCell>{formatDateTime(screening.takenAt)}</TableCell>
                    <TableCell>
                      {screening.score} / {MAX_BURDEN_SCORE}: {t(`level.${screening.level}`)}
                    </TableCell>
                    <TableCell>{t(`by.${screening.takenBy}`)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {!data.optedOut && (
            <details>
              <summary>{t('record')}</summary>
              <form onSubmit={record} noValidate>
                <Paragraph>{t('recordIntro')}</Paragraph>
                {missing.length > 0 && (
                  <Alert type="error" role="alert">
                    <Paragraph>{t('missing')}</Paragraph>
                  </Alert>
                )}
                <BurdenQuestions prefix="gesprek" missing={missing} />
                <Button type="submit" appearance="primary-action-button">
                  {t('record')}
                </Button>
              </form>
            </details>
          )}
        </>
      )}
    </section>
  );
}
