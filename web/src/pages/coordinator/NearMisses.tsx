import {
  Button,
  ButtonGroup,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { CARE_FEATURE_LABELS, type CareFeature } from '../../../../src/domain/care-features.ts';
import { STAY_TYPE_LABELS } from '../../../../src/domain/stay-types.ts';
import { TextField } from '../../forms/fields.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { z } from 'zod';
import type { Proposals } from '../../../../src/http/schemas/matching.schemas.ts';

export type NearMiss = z.infer<typeof Proposals>['nearMisses'][number];

type Key =
  | 'title'
  | 'intro'
  | 'caption'
  | 'place'
  | 'stay'
  | 'distance'
  | 'missing'
  | 'actions'
  | 'anyway'
  | 'reason'
  | 'reasonHelp'
  | 'confirm'
  | 'cancel';

const texts: Texts<Key> = {
  nl: {
    title: 'Plekken die niet alles bieden',
    intro:
      'Deze plekken zijn vrij, maar missen iets wat de logé nodig heeft. Boek er alleen een als er echt niets beters is, en schrijf op waarom. Die reden staat daarna bij de aanmelding en in het logboek.',
    caption: 'Vrije plekken die iets missen',
    place: 'Plek',
    stay: 'Soort verblijf',
    distance: 'Afstand',
    missing: 'Mist',
    actions: 'Actie',
    anyway: 'Toch boeken…',
    reason: 'Waarom is dit toch de beste plek?',
    reasonHelp: 'Bijvoorbeeld: wat er geregeld is om de zorg toch te geven.',
    confirm: 'Toch boeken met deze reden',
    cancel: 'Niet boeken',
  },
  en: {
    title: 'Places that lack something',
    intro:
      'These places are free but lack something the guest needs. Book one only if there really is nothing better, and write down why. The reason is then shown with the referral and kept in the log.',
    caption: 'Free places that lack something',
    place: 'Place',
    stay: 'Kind of stay',
    distance: 'Distance',
    missing: 'Lacks',
    actions: 'Action',
    anyway: 'Book anyway…',
    reason: 'Why is this still the best place?',
    reasonHelp: 'For instance: what has been arranged to give the care anyway.',
    confirm: 'Book anyway with this reason',
    cancel: 'Do not book',
  },
};

/** Free units that lack a required feature: a coordinator may book one, with a reason that is kept and shown. */
export function NearMisses({
  nearMisses,
  busy,
  onBook,
}: {
  nearMisses: readonly NearMiss[];
  busy: boolean;
  onBook(nearMiss: NearMiss, reason: string): Promise<void>;
}) {
  const { language } = useI18n();
  const t = useTexts(texts);
  const [chosen, setChosen] = useState<NearMiss | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      await onBook(chosen!, String(new FormData(event.currentTarget).get('reason') ?? ''));
    } catch (failure) {
      setError(failure);
    }
  };
  const features = (codes: readonly string[]) =>
    codes.map((code) => CARE_FEATURE_LABELS[code as CareFeature]?.[language] ?? code).join(', ');
  return (
    <section aria-labelledby="near-misses-title">
      <Heading3 id="near-misses-title">{t('title')}</Heading3>
      <Paragraph>{t('intro')}</Paragraph>
      <div className="adempauze-table-scroll">
        <Table>
          <TableCaption>{t('caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              {(['place', 'stay', 'distance', 'missing', 'actions'] as const).map((key) => (
                <TableHeaderCell key={key} scope="col">
                  {t(key)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {nearMisses.map((nearMiss) => (
              <TableRow key={nearMiss.unitId}>
                <TableHeaderCell scope="row">
                  {nearMiss.locationName}, {nearMiss.unitName}
                </TableHeaderCell>
                <TableCell>{STAY_TYPE_LABELS[nearMiss.stayType][language]}</TableCell>
                <TableCell>{nearMiss.distanceKm === null ? '–' : `${formatNumber(nearMiss.distanceKm)} km`}</TableCell>
                <TableCell>{features(nearMiss.missingFeatures)}</TableCell>
                <TableCell>
                  <Button
                    appearance="secondary-action-button"
                    disabled={busy}
                    aria-label={`${t('anyway')} ${nearMiss.locationName}, ${nearMiss.unitName}`}
                    onClick={() => {
                      setChosen(nearMiss);
                      setError(null);
                    }}
                  >
                    {t('anyway')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {chosen && (
        <form onSubmit={(event) => void submit(event)} noValidate aria-label={`${t('anyway')} ${chosen.locationName}, ${chosen.unitName}`}>
          <Paragraph>
            <strong>
              {chosen.locationName}, {chosen.unitName}
            </strong>
            : {t('missing').toLowerCase()} {features(chosen.missingFeatures)}
          </Paragraph>
          <TextField
            name="reason"
            errorField="featureOverride.reason"
            label={t('reason')}
            description={t('reasonHelp')}
            error={error}
            required
          />
          {error !== null && <ErrorAlert error={error} />}
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" disabled={busy}>
              {t('confirm')}
            </Button>
            <Button appearance="subtle-button" onClick={() => setChosen(null)}>
              {t('cancel')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
