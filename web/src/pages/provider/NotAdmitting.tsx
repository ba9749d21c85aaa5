import { Alert, Button, FormFieldTextbox, Heading3, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { addDays } from '../../../../src/domain/dates.ts';
import { api } from '../../api/client.ts';
import { SelectField, fieldMessage } from '../../forms/fields.tsx';
import { formatDate } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { ClosedResult } from './ClosedResult.tsx';
import type { ClosureGroup, NotAdmittingReason, ProviderLocation } from './provider-api.ts';
import { NOT_ADMITTING_REASON_LABELS } from './provider-labels.ts';
import type { z } from 'zod';
import type { LocationClosures } from '../../../../src/http/schemas/provider.schemas.ts';

type Key =
  | 'title'
  | 'intro'
  | 'none'
  | 'line'
  | 'wholeLocation'
  | 'extend'
  | 'newEnd'
  | 'extended'
  | 'resume'
  | 'resumed'
  | 'formTitle'
  | 'formIntro'
  | 'what'
  | 'allUnits'
  | 'reason'
  | 'expectedEnd'
  | 'expectedEndHelp'
  | 'note'
  | 'noteHelp'
  | 'submit'
  | 'busy'
  | 'done'
  | 'overdue';

const texts: Texts<Key> = {
  nl: {
    title: 'Tijdelijk geen opname',
    intro:
      'Een leeg bed is nog geen vrij bed. Is er niet genoeg personeel? Zet de plekken hier tijdelijk op "geen opname". Het aanmeldpunt boekt ze dan niet.',
    none: 'Alle plekken kunnen gasten opnemen.',
    line: '{what}: {reason}. Geen opname sinds {since}, verwacht weer vanaf {end}.',
    wholeLocation: 'De hele locatie',
    extend: 'Verlengen',
    newEnd: 'Nieuwe verwachte datum',
    extended: 'Verlengd tot {end}.',
    resume: 'We nemen weer op',
    resumed: 'Vanaf vandaag weer opname: {what}.',
    formTitle: 'Tijdelijk geen gasten opnemen',
    formIntro:
      'Vanaf vandaag. Gasten die er al zijn, blijven. Op de verwachte datum kunnen de plekken vanzelf weer geboekt worden, tenzij u verlengt.',
    what: 'Welke plekken?',
    allUnits: 'Alle plekken van de locatie',
    reason: 'Waarom niet?',
    expectedEnd: 'Verwacht weer opname vanaf',
    expectedEndHelp: 'Uw beste schatting. U kunt later verlengen of eerder weer opnemen.',
    note: 'Toelichting (niet verplicht)',
    noteHelp: 'Voor het aanmeldpunt. Schrijf geen namen of gegevens over de gezondheid van mensen.',
    submit: 'Geen opname',
    busy: 'Even geduld…',
    done: '{what} neemt tot {end} geen gasten op.',
    overdue: 'De verwachte datum is bijna voorbij. Verleng, of laat de plekken weer open gaan.',
  },
  en: {
    title: 'Not admitting for now',
    intro:
      'An empty bed is not an available bed. Short of staff? Mark the units as "not admitting" here. The central point will not book them.',
    none: 'All units can take guests.',
    line: '{what}: {reason}. Not admitting since {since}, expected to admit again from {end}.',
    wholeLocation: 'The whole location',
    extend: 'Extend',
    newEnd: 'New expected date',
    extended: 'Extended until {end}.',
    resume: 'We admit again',
    resumed: 'Admitting again from today: {what}.',
    formTitle: 'Take no guests for a while',
    formIntro:
      'From today. Guests already staying stay. On the expected date the units can be booked again by themselves, unless you extend.',
    what: 'Which units?',
    allUnits: 'All units of the location',
    reason: 'Why not?',
    expectedEnd: 'Expect to admit again from',
    expectedEndHelp: 'Your best guess. You can extend later or admit again earlier.',
    note: 'Explanation (optional)',
    noteHelp: 'For the central point. Do not write names or health details of people.',
    submit: 'Not admitting',
    busy: 'Please wait…',
    done: '{what} takes no guests until {end}.',
    overdue: 'The expected date is nearly here. Extend, or let the units open again.',
  },
};

const REASONS: readonly NotAdmittingReason[] = ['staff_shortage', 'outbreak', 'care_load', 'other'];

function unitNames(group: ClosureGroup, location: ProviderLocation, wholeLocation: string): string {
  return group.wholeLocation
    ? wholeLocation
    : location.units
        .filter((unit) => group.unitIds.includes(unit.id))
        .map((unit) => unit.name)
        .join(', ');
}

/**
 * Staffed capacity of one location: the units that take no guests for now (no staff), with their expected end,
 * to extend or end early, and the form to stop admitting. Distinct from a planned closure.
 */
export function NotAdmitting({ location, today, onChanged }: { location: ProviderLocation; today: string; onChanged(): void }) {
  const t = useTexts(texts);
  const { language } = useI18n();
  const groups = location.closures.filter((group) => group.kind === 'not_admitting');
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const act = async (action: () => Promise<string>) => {
    setMessage(null);
    setFailure(null);
    try {
      setMessage(await action());
      onChanged();
    } catch (problem) {
      setFailure(problem);
    }
  };
  const resume = (group: ClosureGroup) =>
    act(async () => {
      await api('POST', `/locations/${location.id}/reopen`, { closureIds: group.closureIds });
      return t('resumed', { what: unitNames(group, location, t('wholeLocation')) });
    });
  const extend = (group: ClosureGroup, expectedEnd: string) =>
    act(async () => {
      await api('POST', `/locations/${location.id}/not-admitting/extend`, { closureIds: group.closureIds, expectedEnd });
      return t('extended', { end: formatDate(expectedEnd) });
    });

  return (
    <>
      <Heading3>{t('title')}</Heading3>
      <Paragraph>{t('intro')}</Paragraph>
      <div aria-live="polite">
        {message && (
          <Alert type="ok">
            <Paragraph>{message}</Paragraph>
          </Alert>
        )}
      </div>
      {failure !== null && !fieldMessage(failure, 'expectedEnd') && <ErrorAlert error={failure} />}
      {groups.length === 0 ? (
        <Paragraph>{t('none')}</Paragraph>
      ) : (
        <ul className="adempauze-provider-closures">
          {groups.map((group) => {
            const what = unitNames(group, location, t('wholeLocation'));
            return (
              <li key={group.closureIds.join()}>
                <strong>
                  {t('line', {
                    what,
                    reason: NOT_ADMITTING_REASON_LABELS[group.reason as NotAdmittingReason]?.[language] ?? group.reason,
                    since: formatDate(group.startsOn),
                    end: formatDate(group.endsOn),
                  })}
                </strong>
                {group.note && <> {group.note}</>}
                {group.endsOn <= addDays(today, 1) && (
                  <Paragraph>
                    <em>{t('overdue')}</em>
                  </Paragraph>
                )}
                <ExtendForm group={group} what={what} today={today} error={failure} onExtend={extend} t={t} />
                <div className="adempauze-provider-actions">
                  <Button appearance="secondary-action-button" aria-label={`${t('resume')}: ${what}`} onClick={() => void resume(group)}>
                    {t('resume')}
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <StopAdmittingForm location={location} today={today} onDone={onChanged} />
    </>
  );
}

function ExtendForm({
  group,
  what,
  today,
  error,
  onExtend,
  t,
}: {
  group: ClosureGroup;
  what: string;
  today: string;
  error: unknown;
  onExtend(group: ClosureGroup, expectedEnd: string): Promise<void>;
  t: (key: Key, params?: Record<string, string | number>) => string;
}) {
  const id = `extend-${group.closureIds[0]}`;
  const message = fieldMessage(error, 'expectedEnd');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void onExtend(group, String(new FormData(event.currentTarget).get('expectedEnd')));
  };
  return (
    <form
      className="adempauze-provider-form adempauze-provider-form--inline"
      onSubmit={submit}
      noValidate
      aria-label={`${t('extend')}: ${what}`}
    >
      <FormFieldTextbox
        id={id}
        name="expectedEnd"
        type="date"
        label={t('newEnd')}
        defaultValue={addDays(group.endsOn < today ? today : group.endsOn, 7)}
        invalid={Boolean(message)}
        errorMessage={message}
      />
      <Button type="submit" appearance="secondary-action-button">
        {t('extend')}
      </Button>
    </form>
  );
}

type Paused = z.infer<typeof LocationClosures>;

function StopAdmittingForm({ location, today, onDone }: { location: ProviderLocation; today: string; onDone(): void }) {
  const t = useTexts(texts);
  const { language } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; affected: string[] } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const id = (name: string) => `not-admitting-${location.id}-${name}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const choice = String(form.get('units'));
    const body = {
      units: choice === 'all' ? 'all' : [choice],
      reason: String(form.get('reason')),
      expectedEnd: String(form.get('expectedEnd')),
      note: String(form.get('note') ?? ''),
    };
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const paused = await api<Paused>('POST', `/locations/${location.id}/not-admitting`, body);
      const what = choice === 'all' ? location.name : (location.units.find((unit) => unit.id === choice)?.name ?? '');
      setResult({
        text: t('done', { what, end: formatDate(body.expectedEnd) }),
        affected: paused.closures.flatMap((closure) => closure.affectedStayIds),
      });
      setFormKey((n) => n + 1);
      onDone();
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  const fields = ['units', 'units.0', 'reason', 'expectedEnd', 'note'];
  const otherProblem = error !== null && !fields.some((field) => fieldMessage(error, field));

  return (
    <form
      key={formKey}
      className="adempauze-provider-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={id('title')}
    >
      <Heading3 id={id('title')}>{t('formTitle')}</Heading3>
      <Paragraph>{t('formIntro')}</Paragraph>
      <div aria-live="polite">{result && <ClosedResult text={result.text} affected={result.affected} />}</div>
      {otherProblem && <ErrorAlert error={error} />}
      <SelectField
        id={id('units')}
        name="units"
        label={t('what')}
        error={error}
        defaultValue="all"
        options={[{ value: 'all', label: t('allUnits') }, ...location.units.map((unit) => ({ value: unit.id, label: unit.name }))]}
      />
      <SelectField
        id={id('reason')}
        name="reason"
        label={t('reason')}
        error={error}
        defaultValue="staff_shortage"
        options={REASONS.map((reason) => ({ value: reason, label: NOT_ADMITTING_REASON_LABELS[reason][language] }))}
      />
      <FormFieldTextbox
        id={id('expectedEnd')}
        name="expectedEnd"
        type="date"
        required
        label={t('expectedEnd')}
        description={t('expectedEndHelp')}
        defaultValue={addDays(today, 7)}
        invalid={Boolean(fieldMessage(error, 'expectedEnd'))}
        errorMessage={fieldMessage(error, 'expectedEnd')}
      />
      <FormFieldTextbox
        id={id('note')}
        name="note"
        label={t('note')}
        description={t('noteHelp')}
        invalid={Boolean(fieldMessage(error, 'note'))}
        errorMessage={fieldMessage(error, 'note')}
      />
      <Button type="submit" appearance="primary-action-button" disabled={busy}>
        {busy ? t('busy') : t('submit')}
      </Button>
    </form>
  );
}
