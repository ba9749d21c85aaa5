import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { addDays } from '../../../../src/domain/dates.ts';
import type { Role } from '../../../../src/domain/roles.ts';
import { STAY_TYPES, STAY_TYPE_LABELS } from '../../../../src/domain/stay-types.ts';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { SelectField, TextField } from '../../forms/fields.tsx';
import { formatDate } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { DayState, GridUnit } from './board-model.ts';
import type { z } from 'zod';
import type { ReferralSummary } from '../../../../src/http/schemas/referral.schemas.ts';

const texts: Texts<
  'night' | 'openStay' | 'bookTitle' | 'referral' | 'noReferrals' | 'stayType' | 'departure' | 'hold' | 'book' | 'done' | 'loading'
> = {
  nl: {
    night: 'Nacht van {date}: {state}.',
    openStay: 'Verblijf openen',
    bookTitle: 'Deze plek vastleggen',
    referral: 'Voor aanmelding',
    noReferrals: 'Er zijn geen aanmeldingen die op een plek wachten.',
    stayType: 'Soort verblijf',
    departure: 'Vertrek',
    hold: 'Vasthouden',
    book: 'Boeken',
    done: 'Vastgelegd: {place} vanaf {date}.',
    loading: 'Aanmeldingen laden…',
  },
  en: {
    night: 'Night of {date}: {state}.',
    openStay: 'Open the stay',
    bookTitle: 'Take this place',
    referral: 'For referral',
    noReferrals: 'No referrals are waiting for a place.',
    stayType: 'Kind of stay',
    departure: 'Departure',
    hold: 'Hold',
    book: 'Book',
    done: 'Taken: {place} from {date}.',
    loading: 'Loading referrals…',
  },
};

type Pending = z.infer<typeof ReferralSummary>;

/** What one cell of the board allows: open the stay behind it, or hold or book a free night for a waiting referral. */
export function CellPanel({
  unit,
  date,
  state,
  occupation,
  role,
  stateLabel,
  onChanged,
}: {
  unit: GridUnit;
  date: string;
  state: DayState;
  occupation: GridUnit['occupations'][number] | undefined;
  role: Role;
  stateLabel: string;
  onChanged(): void;
}) {
  const { language } = useI18n();
  const t = useTexts(texts);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const canBook = role === 'coordinator' && state === 'free';
  const triaged = useApiQuery<Pending[]>(canBook ? '/referrals?status=triaged' : null);
  const waiting = useApiQuery<Pending[]>(canBook ? '/referrals?status=waiting' : null);
  const pending = triaged.data && waiting.data ? [...waiting.data, ...triaged.data] : null;
  const error = failure ?? triaged.error ?? waiting.error;

  const submit = (status: 'hold' | 'confirmed') => async (event: FormEvent<HTMLFormElement> | { currentTarget: HTMLFormElement }) => {
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setFailure(null);
    try {
      await api('POST', `/referrals/${String(form.get('referral'))}/stays`, {
        unitId: unit.unitId,
        stayType: form.get('stayType'),
        arrival: date,
        departure: form.get('departure'),
        status,
      });
      setDone(true);
      onChanged();
    } catch (failure) {
      setFailure(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="adempauze-cell-panel" aria-labelledby="cell-title" aria-live="polite">
      <Heading2 id="cell-title">
        {unit.locationName}, {unit.unitName}
      </Heading2>
      <Paragraph>{t('night', { date: formatDate(date), state: stateLabel })}</Paragraph>
      {occupation?.stayId && role === 'coordinator' && (
        <Paragraph>
          <Link className="utrecht-link" to={`/aanmeldpunt/verblijven/${occupation.stayId}`}>
            {t('openStay')}
          </Link>
        </Paragraph>
      )}
      {done && (
        <Alert type="ok">
          <Paragraph>{t('done', { place: `${unit.locationName}, ${unit.unitName}`, date: formatDate(date) })}</Paragraph>
        </Alert>
      )}
      {canBook &&
        !done &&
        (pending === null ? (
          <Paragraph role="status">{t('loading')}</Paragraph>
        ) : pending.length === 0 ? (
          <Paragraph>{t('noReferrals')}</Paragraph>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void submit('confirmed')(event);
            }}
          >
            <Heading2>{t('bookTitle')}</Heading2>
            {error !== null && <ErrorAlert error={error} />}
            <SelectField
              name="referral"
              label={t('referral')}
              error={error}
              options={pending.map((referral) => ({ value: referral.id, label: referral.reference }))}
            />
            <SelectField
              name="stayType"
              label={t('stayType')}
              error={error}
              options={STAY_TYPES.map((type) => ({ value: type, label: STAY_TYPE_LABELS[type][language] }))}
            />
            <TextField name="departure" label={t('departure')} type="date" error={error} defaultValue={addDays(date, 7)} />
            <div className="adempauze-toolbar">
              <Button
                type="button"
                appearance="secondary-action-button"
                disabled={busy}
                onClick={(event) => void submit('hold')({ currentTarget: event.currentTarget.form! })}
              >
                {t('hold')}
              </Button>
              <Button type="submit" appearance="primary-action-button" disabled={busy}>
                {t('book')}
              </Button>
            </div>
          </form>
        ))}
    </section>
  );
}
