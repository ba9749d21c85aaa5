import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormLabel,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  Textbox,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import { CheckboxGroup, TextField, fieldMessage } from '../../forms/fields.tsx';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { Municipality, MunicipalityPostcode, RegionAdmin, RegionSummary } from './admin-api.ts';

type Key =
  | 'title'
  | 'intro'
  | 'none'
  | 'summary'
  | 'new'
  | 'name'
  | 'municipality'
  | 'municipalityHelp'
  | 'add'
  | 'remove'
  | 'chosen'
  | 'noneChosen'
  | 'neighbours'
  | 'save'
  | 'saved'
  | 'postcodes'
  | 'postcodesIntro'
  | 'otherRegion'
  | 'postbox'
  | 'savePostcodes'
  | 'postcodesSaved'
  | 'unknown'
  | 'loading';

const texts: Texts<Key> = {
  nl: {
    title: "Regio's",
    intro:
      'Een regio is het gebied waarvoor één aanmeldpunt werkt: een of meer gemeenten. Elk postcodegebied hoort bij hoogstens één regio.',
    none: "Er zijn nog geen regio's.",
    summary: '{municipalities}. {postcodes} postcodegebieden, {units} plekken.',
    new: 'Een regio toevoegen',
    name: 'Naam van de regio',
    municipality: 'Gemeente',
    municipalityHelp: 'Typ de naam en kies uit de lijst. Daarna: Toevoegen.',
    add: 'Toevoegen',
    remove: 'Weghalen',
    chosen: 'Gekozen gemeenten',
    noneChosen: 'Nog geen gemeente gekozen.',
    neighbours: "Buurregio's (daar zoeken we als er in de eigen regio geen plek is)",
    save: 'Regio toevoegen',
    saved: 'Regio {name} is toegevoegd, met alle postcodegebieden van de gekozen gemeenten.',
    postcodes: 'Postcodegebieden van {name}',
    postcodesIntro: 'Haal een vinkje weg als een gebied bij een andere regio hoort.',
    otherRegion: 'hoort bij {region}',
    postbox: 'alleen postbussen',
    savePostcodes: 'Postcodegebieden opslaan',
    postcodesSaved: 'Opgeslagen: {count} postcodegebieden.',
    unknown: 'Deze gemeente staat niet in de lijst.',
    loading: 'Laden…',
  },
  en: {
    title: 'Regions',
    intro: 'A region is the area one central point serves: one or more municipalities. Each postcode area belongs to at most one region.',
    none: 'There are no regions yet.',
    summary: '{municipalities}. {postcodes} postcode areas, {units} units.',
    new: 'Add a region',
    name: 'Name of the region',
    municipality: 'Municipality',
    municipalityHelp: 'Type the name and pick from the list. Then: Add.',
    add: 'Add',
    remove: 'Remove',
    chosen: 'Chosen municipalities',
    noneChosen: 'No municipality chosen yet.',
    neighbours: 'Neighbour regions (searched when the region itself has no place)',
    save: 'Add region',
    saved: 'Region {name} has been added, with every postcode area of the chosen municipalities.',
    postcodes: 'Postcode areas of {name}',
    postcodesIntro: 'Untick an area that belongs to another region.',
    otherRegion: 'belongs to {region}',
    postbox: 'PO boxes only',
    savePostcodes: 'Save postcode areas',
    postcodesSaved: 'Saved: {count} postcode areas.',
    unknown: 'This municipality is not in the list.',
    loading: 'Loading…',
  },
};

/** Regions: their municipalities, postcode areas and neighbours. */
export function RegionsAdmin() {
  const t = useTexts(texts);
  const regions = useApiQuery<RegionSummary[]>('/regions');
  const municipalities = useApiQuery<Municipality[]>('/admin/municipalities');
  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      {regions.error !== null && <ErrorAlert error={regions.error} />}
      {regions.data === null && regions.error === null && <Paragraph role="status">{t('loading')}</Paragraph>}
      {regions.data?.length === 0 && <Paragraph>{t('none')}</Paragraph>}
      {regions.data?.map((region) => (
        <section key={region.id} className="adempauze-card" aria-labelledby={`region-${region.id}`}>
          <Heading2 id={`region-${region.id}`}>{region.name}</Heading2>
          <Paragraph>
            {t('summary', { municipalities: region.municipalities.join(', '), postcodes: region.postcodeCount, units: region.unitCount })}
          </Paragraph>
          <details>
            <summary>{t('postcodes', { name: region.name })}</summary>
            <RegionPostcodes regionId={region.id} regions={regions.data ?? []} onSaved={regions.reload} />
          </details>
        </section>
      ))}
      <NewRegionForm municipalities={municipalities.data ?? []} regions={regions.data ?? []} onSaved={regions.reload} />
    </>
  );
}

function NewRegionForm({
  municipalities,
  regions,
  onSaved,
}: {
  municipalities: Municipality[];
  regions: RegionSummary[];
  onSaved(): void;
}) {
  const t = useTexts(texts);
  const [chosen, setChosen] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  const addMunicipality = () => {
    const name = municipalities.find((municipality) => municipality.name.toLowerCase() === typed.trim().toLowerCase())?.name;
    if (!name) {
      setTypedError(t('unknown'));
      return;
    }
    setTypedError(null);
    setChosen((list) => (list.includes(name) ? list : [...list, name]));
    setTyped('');
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { name: String(form.get('name') ?? ''), municipalities: chosen, neighbours: form.getAll('neighbours').map(String) };
    setError(null);
    setDone(null);
    try {
      await api('POST', '/regions', body);
      setDone(t('saved', { name: body.name }));
      setChosen([]);
      setFormKey((n) => n + 1);
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  };

  const municipalityMessage = typedError ?? fieldMessage(error, 'municipalities') ?? fieldMessage(error, 'municipalities.0');
  return (
    <form key={formKey} className="adempauze-card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="region-new">
      <Heading2 id="region-new">{t('new')}</Heading2>
      <div aria-live="polite">
        {done && (
          <Alert type="ok">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
      </div>
      {error !== null && !['name', 'municipalities', 'municipalities.0'].some((field) => fieldMessage(error, field)) && (
        <ErrorAlert error={error} />
      )}
      <TextField name="name" label={t('name')} error={error} required />
      <FormField invalid={Boolean(municipalityMessage)}>
        <FormLabel htmlFor="region-municipality">{t('municipality')}</FormLabel>
        <Paragraph small id="region-municipality-help">
          {t('municipalityHelp')}
        </Paragraph>
        {municipalityMessage && (
          <Paragraph small id="region-municipality-error" className="utrecht-form-field-error-message">
            {municipalityMessage}
          </Paragraph>
        )}
        <Textbox
          id="region-municipality"
          list="region-municipality-names"
          value={typed}
          invalid={Boolean(municipalityMessage)}
          aria-describedby={municipalityMessage ? 'region-municipality-help region-municipality-error' : 'region-municipality-help'}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              addMunicipality();
            }
          }}
        />
        <datalist id="region-municipality-names">
          {municipalities.map((municipality) => (
            <option key={municipality.name} value={municipality.name}>
              {municipality.province}
            </option>
          ))}
        </datalist>
      </FormField>
      <Button type="button" appearance="secondary-action-button" onClick={addMunicipality}>
        {t('add')}
      </Button>
      <Heading3>{t('chosen')}</Heading3>
      {chosen.length === 0 ? (
        <Paragraph>{t('noneChosen')}</Paragraph>
      ) : (
        <UnorderedList>
          {chosen.map((name) => (
            <UnorderedListItem key={name}>
              {name}{' '}
              <Button
                type="button"
                appearance="subtle-button"
                aria-label={`${t('remove')}: ${name}`}
                onClick={() => setChosen((list) => list.filter((other) => other !== name))}
              >
                {t('remove')}
              </Button>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {regions.length > 0 && (
        <CheckboxGroup
          name="neighbours"
          idPrefix="region-neighbours"
          legend={t('neighbours')}
          error={error}
          options={regions.map((region) => ({ value: region.id, label: region.name }))}
        />
      )}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {t('save')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** The PC4 areas of a region's municipalities, ticked when the region serves them. */
function RegionPostcodes({ regionId, regions, onSaved }: { regionId: string; regions: RegionSummary[]; onSaved(): void }) {
  const t = useTexts(texts);
  const region = useApiQuery<RegionAdmin>(`/regions/${regionId}/admin`);
  const [done, setDone] = useState<string | null>(null);
  const municipalities = region.data?.municipalities;
  // The PC4 areas of each of the region's municipalities (and which region serves each).
  const areasQuery = useApiQuery<Record<string, MunicipalityPostcode[]>>(municipalities ? '/admin/municipalities' : null, {
    key: ['postcodes', ...(municipalities ?? [])],
    load: async () =>
      Object.fromEntries(
        await Promise.all(
          (municipalities ?? []).map(
            async (name) =>
              [name, await api<MunicipalityPostcode[]>('GET', `/admin/municipalities/${encodeURIComponent(name)}/postcodes`)] as const,
          ),
        ),
      ),
  });
  const areas = areasQuery.data;
  const [failure, setFailure] = useState<unknown>(null);
  const error = failure ?? region.error ?? areasQuery.error;

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const postcodes = new FormData(event.currentTarget).getAll('postcodes').map(String);
    setFailure(null);
    try {
      await api('PATCH', `/regions/${regionId}`, { postcodes });
      setDone(t('postcodesSaved', { count: postcodes.length }));
      region.reload();
      areasQuery.reload();
      onSaved();
    } catch (refused) {
      setFailure(refused);
    }
  };

  const regionName = (id: string) => regions.find((other) => other.id === id)?.name ?? id;
  if (!region.data || !areas) return error ? <ErrorAlert error={error} /> : <Paragraph role="status">{t('loading')}</Paragraph>;
  const served = new Set(region.data.postcodes);
  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <Paragraph>{t('postcodesIntro')}</Paragraph>
      <div aria-live="polite">
        {done && (
          <Alert type="ok">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
      </div>
      {error !== null && <ErrorAlert error={error} />}
      {Object.entries(areas).map(([municipality, list]) => (
        <CheckboxGroup
          key={municipality}
          name="postcodes"
          idPrefix={`pc4-${regionId}-${municipality}`}
          legend={municipality}
          error={null}
          defaultValues={list.filter((area) => served.has(area.pc4)).map((area) => area.pc4)}
          options={list.map((area) => ({
            value: area.pc4,
            label: [
              `${area.pc4} ${area.place}`,
              area.kind === 'postbox' ? t('postbox') : null,
              area.regionId && area.regionId !== regionId ? t('otherRegion', { region: regionName(area.regionId) }) : null,
            ]
              .filter(Boolean)
              .join(', '),
          }))}
        />
      ))}
      <Button type="submit" appearance="secondary-action-button">
        {t('savePostcodes')}
      </Button>
    </form>
  );
}
