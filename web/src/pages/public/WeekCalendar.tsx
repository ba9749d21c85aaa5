import {
  Button,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import type { PublicAvailability } from '../../../../src/domain/public-calendar.ts';
import { useApiQuery } from '../../api/queries.ts';
import { formatDate, formatShortDate } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { stayTypeLabel } from './common.tsx';
import type { z } from 'zod';
import type { LocationWeek as LocationWeekSchema } from '../../../../src/http/schemas/public.schemas.ts';

/** GET /locations/{id}/week */
type LocationWeek = z.infer<typeof LocationWeekSchema>;

type Key =
  | 'title'
  | 'intro'
  | 'legend'
  | 'free'
  | 'limited'
  | 'full'
  | 'freeMeans'
  | 'limitedMeans'
  | 'fullMeans'
  | 'previous'
  | 'next'
  | 'showing'
  | 'caption'
  | 'night'
  | 'none'
  | 'loading'
  | 'scroll';

const TEXTS: Texts<Key> = {
  nl: {
    title: 'Wanneer is er plek?',
    intro:
      'Hier ziet u per nacht of er plek is. Dit verandert steeds. Een plek is pas zeker als het aanmeldpunt die met u heeft afgesproken.',
    legend: 'Wat betekenen de woorden?',
    free: 'Vrij',
    limited: 'Bijna vol',
    full: 'Vol',
    freeMeans: 'er is plek',
    limitedMeans: 'er is nog weinig plek',
    fullMeans: 'er is geen plek',
    previous: 'Vorige week',
    next: 'Volgende week',
    showing: 'U ziet de nachten van {from} tot en met {last}.',
    caption: 'Plek in {name}, nachten van {from} tot en met {last}',
    night: 'Nacht van',
    none: 'Deze locatie heeft in deze week geen plekken.',
    loading: 'Laden…',
    scroll: 'Tabel met plekken; schuif opzij voor meer',
  },
  en: {
    title: 'When is there room?',
    intro:
      'This shows for each night whether there is room. It changes all the time. A place is only certain once the access point has agreed it with you.',
    legend: 'What do the words mean?',
    free: 'Free',
    limited: 'Almost full',
    full: 'Full',
    freeMeans: 'there is room',
    limitedMeans: 'little room left',
    fullMeans: 'no room',
    previous: 'Previous week',
    next: 'Next week',
    showing: 'Showing the nights from {from} to {last}.',
    caption: 'Room at {name}, nights from {from} to {last}',
    night: 'Night of',
    none: 'This location has no places this week.',
    loading: 'Loading…',
    scroll: 'Table of places; scroll sideways for more',
  },
};

// A symbol beside the word and the colour, so the state never depends on colour alone (WCAG 1.4.1).
export const AVAILABILITY_SYMBOL: Record<PublicAvailability, string> = { free: '✓', limited: '!', full: '✕' };

/**
 * The live week calendar of one location: nights × stay types with a word, a symbol and a colour in each cell;
 * buttons step a week back or on. The buttons stay focusable at the ends (aria-disabled), so keyboard focus is
 * never dropped when the first week comes back.
 */
export function WeekCalendar({ locationId, locationName }: { locationId: string; locationName: string }) {
  const t = useTexts(TEXTS);
  const { language } = useI18n();
  const [from, setFrom] = useState<string | null>(null);
  const path = `/locations/${locationId}/week${from ? `?from=${from}` : ''}`;
  const { data, error } = useApiQuery<LocationWeek>(path);
  // Keep the last week on screen while the next one loads, so the table does not jump.
  const [shown, setShown] = useState<LocationWeek | null>(null);
  if (data !== null && data !== shown) setShown(data);
  const week = data ?? shown;
  const last = week ? week.dates[week.dates.length - 1]! : '';
  const label = (state: PublicAvailability) => t(state);

  const step = (target: string | null) => {
    if (target !== null) setFrom(target);
  };

  return (
    <section aria-labelledby="plek-per-week" className="adempauze-week">
      <Heading2 id="plek-per-week">{t('title')}</Heading2>
      <Paragraph>{t('intro')}</Paragraph>
      <Paragraph id="plek-legenda" className="adempauze-legend__title">
        {t('legend')}
      </Paragraph>
      <ul className="adempauze-legend" aria-labelledby="plek-legenda">
        {(['free', 'limited', 'full'] as const).map((state) => (
          <li key={state}>
            <span className={`adempauze-availability adempauze-availability--${state}`}>
              <span aria-hidden="true" className="adempauze-availability__symbol">
                {AVAILABILITY_SYMBOL[state]}
              </span>
              {label(state)}
            </span>{' '}
            {t(`${state}Means`)}
          </li>
        ))}
      </ul>
      <div className="adempauze-week-nav">
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-disabled={week?.previousFrom ? undefined : true}
          onClick={() => step(week?.previousFrom ?? null)}
        >
          <span aria-hidden="true">←&nbsp;</span>
          {t('previous')}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-disabled={week?.nextFrom ? undefined : true}
          onClick={() => step(week?.nextFrom ?? null)}
        >
          {t('next')}
          <span aria-hidden="true">&nbsp;→</span>
        </Button>
        <Paragraph role="status" className="adempauze-week-nav__status">
          {week ? t('showing', { from: formatDate(week.from), last: formatDate(last) }) : error === null ? t('loading') : ''}
        </Paragraph>
      </div>
      {error !== null && <ErrorAlert error={error} />}
      {week && week.stayTypes.length === 0 && <Paragraph>{t('none')}</Paragraph>}
      {week && week.stayTypes.length > 0 && (
        <div className="adempauze-table-scroll" role="region" aria-label={t('scroll')} tabIndex={0}>
          <Table className="adempauze-week-table" aria-busy={data === null ? true : undefined}>
            <TableCaption>{t('caption', { name: locationName, from: formatDate(week.from), last: formatDate(last) })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('night')}</TableHeaderCell>
                {week.stayTypes.map((row) => (
                  <TableHeaderCell key={row.stayType} scope="col">
                    {stayTypeLabel(row.stayType, language)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {week.dates.map((date, night) => (
                <TableRow key={date}>
                  <TableHeaderCell scope="row">{formatShortDate(date)}</TableHeaderCell>
                  {week.stayTypes.map((row) => {
                    const state = row.days[night]!;
                    return (
                      <TableCell key={row.stayType} className={`adempauze-availability adempauze-availability--${state}`}>
                        <span aria-hidden="true" className="adempauze-availability__symbol">
                          {AVAILABILITY_SYMBOL[state]}
                        </span>
                        {label(state)}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
