import { Button, FormField, FormLabel, Heading1, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { addDays } from '../../../../src/domain/dates.ts';
import { CARE_FEATURES, CARE_FEATURE_LABELS } from '../../../../src/domain/care-features.ts';
import { STAY_TYPES, STAY_TYPE_LABELS } from '../../../../src/domain/stay-types.ts';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { fullySignedIn, useSession } from '../../auth/session.tsx';
import { formatDate } from '../../i18n/format.ts';
import { type Texts, useI18n, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { BoardGrid } from './BoardGrid.tsx';
import { type Cell, type DayState, type Grid, occupationAt } from './board-model.ts';
import { CellPanel } from './CellPanel.tsx';
import { arrivedEarlyGrid, takeEarlyGrid } from './early-grid.ts';
import { serverToday } from '../../api/clock.ts';
import { BOARD_DEFAULT_NIGHTS, boardGridQuery } from '../../../../src/http/board-grid-address.ts';
import type { z } from 'zod';
import type { Region as RegionSchema } from '../../../../src/http/schemas/registry.schemas.ts';

const texts: Texts<
  | 'title'
  | 'intro'
  | 'region'
  | 'stayType'
  | 'all'
  | 'feature'
  | 'anyFeature'
  | 'location'
  | 'allLocations'
  | 'from'
  | 'days'
  | 'show'
  | 'caption'
  | 'legend'
  | 'loading'
  | 'empty'
  | DayState
> = {
  nl: {
    title: 'Bezetting',
    intro: 'Alle plekken in de regio, per nacht. Kies een vak met de muis of met de pijltjestoetsen en Enter.',
    region: 'Regio',
    stayType: 'Soort verblijf',
    all: 'Alle soorten',
    feature: 'Voorziening',
    anyFeature: 'Alle plekken',
    location: 'Locatie',
    allLocations: 'Alle locaties',
    from: 'Vanaf',
    days: 'Aantal dagen',
    show: 'Tonen',
    caption: 'Bezetting van {count|# plek|# plekken} van {from} tot {to}',
    legend: 'Uitleg van de kleuren',
    loading: 'Bezetting laden…',
    empty: 'Geen plekken met deze keuze.',
    free: 'Vrij',
    hold: 'Optie',
    booked: 'Bezet',
    closed: 'Dicht',
    not_admitting: 'Geen opname (personeel)',
    inactive: 'Niet in gebruik',
  },
  en: {
    title: 'Occupancy board',
    intro: 'Every place in the region, per night. Choose a cell with the mouse, or with the arrow keys and Enter.',
    region: 'Region',
    stayType: 'Kind of stay',
    all: 'All kinds',
    feature: 'Care feature',
    anyFeature: 'All places',
    location: 'Location',
    allLocations: 'All locations',
    from: 'From',
    days: 'Number of days',
    show: 'Show',
    caption: 'Occupancy of {count|# place|# places} from {from} to {to}',
    legend: 'What the colours mean',
    loading: 'Loading occupancy…',
    empty: 'No places with this choice.',
    free: 'Free',
    hold: 'Hold',
    booked: 'Booked',
    closed: 'Closed',
    not_admitting: 'Not admitting (staff)',
    inactive: 'Not in use',
  },
};

type Region = z.infer<typeof RegionSchema>;

interface Filter {
  regionId: string;
  stayType: string;
  feature: string;
  locationId: string;
  from: string;
  days: number;
}

function filterFromAddress(regionId: string): Filter {
  const days = Number(new URLSearchParams(window.location.search).get('dagen') ?? BOARD_DEFAULT_NIGHTS);
  return { regionId, stayType: '', feature: '', locationId: '', from: serverToday(), days };
}

function regionInAddress(): string | null {
  return typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get('regio');
}

/** The board: units × nights for a region, with filters, a legend, and what a selected cell allows. */
export function Board() {
  const { language } = useI18n();
  const t = useTexts(texts);
  const { session } = useSession();
  const [regions, setRegions] = useState<Region[]>([]);
  // A region named in the address is shown at once, beside the list of regions rather than after it.
  const [filter, setFilter] = useState<Filter | null>(() => {
    const named = regionInAddress();
    return named ? filterFromAddress(named) : null;
  });
  const [grid, setGrid] = useState<Grid | null>(() => (filter && arrivedEarlyGrid(boardGridQuery(filter))) || null);
  const [focus, setFocus] = useState<Cell>({ row: 0, column: 0 });
  const [selected, setSelected] = useState<Cell | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  // The region's locations, for the filter; the list of the region shown until another region's is there.
  const locationsQuery = useApiQuery<{ id: string; name: string }[]>(filter?.regionId ? `/regions/${filter.regionId}/locations` : null, {
    keepPrevious: true,
  });
  const locations = locationsQuery.data ?? [];
  const shownError = error ?? locationsQuery.error;

  useEffect(() => {
    const named = regionInAddress();
    api<Region[]>('GET', '/regions').then((list) => {
      setRegions(list);
      // Without a choice in the address, the region with the most places: where planning is busiest.
      if (!named) setFilter(filterFromAddress([...list].sort((a, b) => b.unitCount - a.unitCount)[0]?.id ?? ''));
    }, setError);
  }, []);

  useEffect(() => {
    if (!filter?.regionId) return;
    let current = true;
    const query = boardGridQuery(filter);
    const loading = takeEarlyGrid(query) ?? api<Grid>('GET', `/availability/grid?${query}`);
    loading.then(
      (loaded) => {
        if (!current) return;
        setGrid(loaded);
      },
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [filter, version]);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSelected(null);
    const regionId = String(form.get('regionId'));
    setFilter({
      regionId,
      stayType: String(form.get('stayType')),
      feature: String(form.get('feature')),
      // A location belongs to the region shown; choosing another region starts from all its locations.
      locationId: regionId === filter?.regionId ? String(form.get('locationId')) : '',
      from: String(form.get('from')) || serverToday(),
      days: Number(form.get('days')),
    });
  };

  // The texts of the language shown hold a name for every state; one object per language, so the board's rows are
  // written again only when the language changes.
  const stateLabels: Record<DayState, string> = texts[language];
  const unit = selected && grid ? grid.units[selected.row] : undefined;
  const date = selected && grid ? grid.dates[selected.column] : undefined;

  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      {/* Once the regions are there: the region list's default must find its option. */}
      {filter && regions.length > 0 && (
        <form className="adempauze-toolbar" onSubmit={apply}>
          <FormField>
            <FormLabel htmlFor="board-region">{t('region')}</FormLabel>
            <Select id="board-region" name="regionId" defaultValue={filter.regionId}>
              {regions.map((region) => (
                <SelectOption key={region.id} value={region.id}>
                  {region.name}
                </SelectOption>
              ))}
            </Select>
          </FormField>
          <FormField>
            <FormLabel htmlFor="board-type">{t('stayType')}</FormLabel>
            <Select id="board-type" name="stayType" defaultValue={filter.stayType}>
              <SelectOption value="">{t('all')}</SelectOption>
              {STAY_TYPES.map((type) => (
                <SelectOption key={type} value={type}>
                  {STAY_TYPE_LABELS[type][language]}
                </SelectOption>
              ))}
            </Select>
          </FormField>
          <FormField>
            <FormLabel htmlFor="board-feature">{t('feature')}</FormLabel>
            <Select id="board-feature" name="feature" defaultValue={filter.feature}>
              <SelectOption value="">{t('anyFeature')}</SelectOption>
              {CARE_FEATURES.map((feature) => (
                <SelectOption key={feature} value={feature}>
                  {CARE_FEATURE_LABELS[feature][language]}
                </SelectOption>
              ))}
            </Select>
          </FormField>
          <FormField>
            <FormLabel htmlFor="board-location">{t('location')}</FormLabel>
            <Select id="board-location" name="locationId" defaultValue={filter.locationId}>
              <SelectOption value="">{t('allLocations')}</SelectOption>
              {locations.map((location) => (
                <SelectOption key={location.id} value={location.id}>
                  {location.name}
                </SelectOption>
              ))}
            </Select>
          </FormField>
          <FormField>
            <FormLabel htmlFor="board-from">{t('from')}</FormLabel>
            <Textbox id="board-from" name="from" type="date" defaultValue={filter.from} />
          </FormField>
          <FormField>
            <FormLabel htmlFor="board-days">{t('days')}</FormLabel>
            <Select id="board-days" name="days" defaultValue={String(filter.days)}>
              {[14, 28, 56, 90].map((days) => (
                <SelectOption key={days} value={String(days)}>
                  {days}
                </SelectOption>
              ))}
            </Select>
          </FormField>
          <Button type="submit" appearance="secondary-action-button">
            {t('show')}
          </Button>
        </form>
      )}
      <ul className="adempauze-legend" aria-label={t('legend')}>
        {(['free', 'hold', 'booked', 'closed', 'not_admitting', 'inactive'] as const).map((state) => (
          <li key={state}>
            <span className={`adempauze-legend__swatch adempauze-board__cell--${state}`} aria-hidden="true" />
            {stateLabels[state]}
          </li>
        ))}
      </ul>
      {shownError !== null && <ErrorAlert error={shownError} />}
      {grid === null && error === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {grid && grid.units.length === 0 && <Paragraph>{t('empty')}</Paragraph>}
      {grid && grid.units.length > 0 && (
        <BoardGrid
          grid={grid}
          stateLabels={stateLabels}
          focus={focus}
          onFocus={setFocus}
          onSelect={setSelected}
          caption={t('caption', {
            count: grid.units.length,
            from: formatDate(grid.window.from),
            to: formatDate(addDays(grid.window.to, -1)),
          })}
        />
      )}
      {unit && date && fullySignedIn(session) && (
        <CellPanel
          key={`${unit.unitId}-${date}`}
          unit={unit}
          date={date}
          state={unit.states[selected!.column]!}
          occupation={occupationAt(unit, date)}
          role={session.user.role}
          stateLabel={stateLabels[unit.states[selected!.column]!]}
          onChanged={() => setVersion((n) => n + 1)}
        />
      )}
    </>
  );
}
