import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  FormFieldErrorMessage,
  Heading1,
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
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { FixedCostKind } from '../../../../src/domain/mkba/mkba.ts';
import { api } from '../../api/client.ts';
import { serverToday } from '../../api/clock.ts';
import { useApiQuery } from '../../api/queries.ts';
import { SelectField, TextField, centsOf, fieldMessage, optionalText } from '../../forms/fields.tsx';
import { formatDate, formatEuro } from '../../i18n/format.ts';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import type { LocationAdmin, RegionSummary } from './admin-api.ts';
import type { z } from 'zod';
import type { YearlyCost as YearlyCostSchema } from '../../../../src/http/schemas/yearly-cost.schemas.ts';

type YearlyCost = z.infer<typeof YearlyCostSchema>;

type Key =
  | 'title'
  | 'intro'
  | 'region'
  | 'caption'
  | 'kind'
  | 'description'
  | 'location'
  | 'perYear'
  | 'shares'
  | 'valid'
  | 'from'
  | 'fromUntil'
  | 'none'
  | 'new'
  | 'newIntro'
  | 'amount'
  | 'amountHelp'
  | 'sharesLegend'
  | 'municipality'
  | 'insurer'
  | 'careOffice'
  | 'validFrom'
  | 'validUntil'
  | 'save'
  | 'saved'
  | 'noLocation'
  | 'end'
  | 'endIntro'
  | 'endWhich'
  | 'endOn'
  | 'endButton'
  | 'ended'
  | 'sharesText'
  | 'mkba'
  | 'kind.staff'
  | 'kind.coordination'
  | 'kind.availability_contract';

const texts: Texts<Key> = {
  nl: {
    title: 'Vaste kosten per regio',
    intro:
      'Wat de regio elk jaar betaalt naast de tarieven per nacht: personeel, coördinatie van het aanmeldpunt, en contracten die een vast bedrag betalen voor de bedden van een locatie. De kosten-batenanalyse (MKBA) telt ze mee.',
    region: 'Regio',
    caption: 'Vaste kosten van {region}',
    kind: 'Soort',
    description: 'Omschrijving',
    location: 'Locatie',
    perYear: 'Per jaar',
    shares: 'Wie betaalt',
    valid: 'Geldig',
    from: 'vanaf {from}',
    fromUntil: '{from} tot {until}',
    none: 'Voor deze regio zijn nog geen vaste kosten ingevuld.',
    new: 'Nieuwe vaste kosten',
    newIntro:
      'Een bedrag per jaar, vanaf een datum. Een contract voor bedden hoort bij één locatie: de nachten daar tellen dan niet nog eens mee.',
    amount: 'Bedrag per jaar (euro)',
    amountHelp: 'Bijvoorbeeld 96.800',
    sharesLegend: 'Wie betaalt welk deel? (procent, samen 100)',
    municipality: 'Gemeente (Wmo)',
    insurer: 'Zorgverzekeraar (Zvw)',
    careOffice: 'Zorgkantoor (Wlz)',
    validFrom: 'Geldig vanaf',
    validUntil: 'Geldig tot (leeg: geen einde)',
    save: 'Opslaan',
    saved: '{description} is opgeslagen.',
    noLocation: 'Geen locatie (niet voor een contract)',
    end: 'Vaste kosten stoppen',
    endIntro: 'Vanaf de gekozen dag telt het bedrag niet meer. Eerdere jaren houden het.',
    endWhich: 'Welke kosten?',
    endOn: 'Stoppen op',
    endButton: 'Stoppen',
    ended: '{description} stopt op {date}.',
    sharesText: 'gemeente {municipality}%, zorgverzekeraar {insurer}%, zorgkantoor {careOffice}%',
    mkba: 'Bekijk de kosten en baten van logeerzorg (MKBA)',
    'kind.staff': 'Personeel',
    'kind.coordination': 'Coördinatie',
    'kind.availability_contract': 'Contract voor bedden (vast bedrag)',
  },
  en: {
    title: 'Fixed costs per region',
    intro:
      "What the region pays each year beside the tariffs per night: staff, coordination of the access point, and contracts that pay a lump sum for a location's beds. The cost-benefit analysis (MKBA) counts them.",
    region: 'Region',
    caption: 'Fixed costs of {region}',
    kind: 'Kind',
    description: 'Description',
    location: 'Location',
    perYear: 'A year',
    shares: 'Who pays',
    valid: 'Valid',
    from: 'from {from}',
    fromUntil: '{from} to {until}',
    none: 'No fixed costs have been entered for this region yet.',
    new: 'New fixed costs',
    newIntro: 'An amount a year, from a date. A contract for beds belongs to one location: its nights are then not counted again.',
    amount: 'Amount a year (euro)',
    amountHelp: 'For example 96,800',
    sharesLegend: 'Who pays which share? (percent, 100 together)',
    municipality: 'Municipality (Wmo)',
    insurer: 'Health insurer (Zvw)',
    careOffice: 'Care office (Wlz)',
    validFrom: 'Valid from',
    validUntil: 'Valid until (empty: no end)',
    save: 'Save',
    saved: '{description} has been saved.',
    noLocation: 'No location (not for a contract)',
    end: 'Stop fixed costs',
    endIntro: 'From the chosen day the amount no longer counts. Earlier years keep it.',
    endWhich: 'Which costs?',
    endOn: 'Stop on',
    endButton: 'Stop',
    ended: '{description} stops on {date}.',
    sharesText: 'municipality {municipality}%, insurer {insurer}%, care office {careOffice}%',
    mkba: 'See the costs and benefits of respite care (MKBA)',
    'kind.staff': 'Staff',
    'kind.coordination': 'Coordination',
    'kind.availability_contract': 'Contract for beds (lump sum)',
  },
};

const KINDS: FixedCostKind[] = ['staff', 'coordination', 'availability_contract'];
const percentOf = (form: FormData, name: string) => {
  const text = String(form.get(name) ?? '').trim();
  return text === '' ? 0 : Number(text.replace(',', '.'));
};

/** The administrator records a region's yearly costs outside the tariffs; the MKBA counts them from their first day. */
export function YearlyCostsAdmin() {
  const t = useTexts(texts);
  const [params, setParams] = useSearchParams();
  const regions = useApiQuery<RegionSummary[]>('/regions');
  const regionId = params.get('regio') ?? regions.data?.[0]?.id ?? '';
  const costs = useApiQuery<YearlyCost[]>(regionId ? `/regions/${regionId}/yearly-costs` : null);
  const locations = useApiQuery<LocationAdmin[]>(regionId ? `/admin/locations?regionId=${regionId}` : null);
  const [error, setError] = useState<unknown>(null);
  const [endError, setEndError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const region = regions.data?.find((candidate) => candidate.id === regionId);
  const list = costs.data;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      kind: String(form.get('kind')),
      description: String(form.get('description') ?? '').trim(),
      locationId: optionalText(form, 'locationId') ?? null,
      centsPerYear: centsOf(String(form.get('centsPerYear') ?? '')),
      shares: {
        municipality: percentOf(form, 'municipality'),
        insurer: percentOf(form, 'insurer'),
        careOffice: percentOf(form, 'careOffice'),
      },
      validFrom: String(form.get('validFrom') ?? ''),
      validUntil: optionalText(form, 'validUntil') ?? null,
    };
    setError(null);
    setDone(null);
    try {
      await api('POST', `/regions/${regionId}/yearly-costs`, body);
      setDone(t('saved', { description: body.description }));
      costs.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const end = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const id = String(form.get('costId'));
    const validUntil = String(form.get('endOn') ?? '');
    setEndError(null);
    setDone(null);
    try {
      const ended = await api<YearlyCost>('POST', `/yearly-costs/${id}/end`, { validUntil });
      setDone(t('ended', { description: ended.description, date: formatDate(validUntil) }));
      costs.reload();
    } catch (failure) {
      setEndError(failure);
    }
  };

  const sharesMessage = fieldMessage(error, 'shares');
  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>{t('intro')}</Paragraph>
      {regions.error !== null && <ErrorAlert error={regions.error} />}
      {regions.data && (
        <SelectField
          name="regio"
          label={t('region')}
          error={null}
          value={regionId}
          onChange={(value) => setParams([['regio', value]])}
          options={regions.data.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
        />
      )}
      <div aria-live="polite">
        {done && (
          <Alert type="ok">
            <Paragraph>{done}</Paragraph>
          </Alert>
        )}
      </div>
      {costs.error !== null && <ErrorAlert error={costs.error} />}
      {list?.length === 0 && <Paragraph>{t('none')}</Paragraph>}
      {list && list.length > 0 && (
        <div className="adempauze-table-scroll" role="region" aria-label={t('caption', { region: region?.name ?? '' })} tabIndex={0}>
          <Table data-table="yearly-costs">
            <TableCaption>{t('caption', { region: region?.name ?? '' })}</TableCaption>
            <TableHeader>
              <TableRow>
                {[t('description'), t('kind'), t('location'), t('perYear'), t('shares'), t('valid')].map((column) => (
                  <TableHeaderCell key={column} scope="col">
                    {column}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((cost) => (
                <TableRow key={cost.id}>
                  <TableHeaderCell scope="row">{cost.description}</TableHeaderCell>
                  <TableCell>{t(`kind.${cost.kind}`)}</TableCell>
                  <TableCell>{cost.locationName ?? '–'}</TableCell>
                  <TableCell className="adempauze-policy__number">{formatEuro(cost.centsPerYear / 100)}</TableCell>
                  <TableCell>{t('sharesText', cost.shares)}</TableCell>
                  <TableCell>
                    {cost.validUntil
                      ? t('fromUntil', { from: formatDate(cost.validFrom), until: formatDate(cost.validUntil) })
                      : t('from', { from: formatDate(cost.validFrom) })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Paragraph>
        <Link className="utrecht-link" to={`/beleid/mkba?regio=${regionId}`}>
          {t('mkba')}
        </Link>
      </Paragraph>
      {regionId && (
        <form
          key={regionId}
          className="adempauze-card"
          onSubmit={(event) => void submit(event)}
          noValidate
          aria-labelledby="yearly-cost-new"
        >
          <Heading2 id="yearly-cost-new">{t('new')}</Heading2>
          <Paragraph>{t('newIntro')}</Paragraph>
          {error !== null &&
            ![
              'kind',
              'description',
              'locationId',
              'centsPerYear',
              'shares',
              'shares.municipality',
              'shares.insurer',
              'shares.careOffice',
              'validFrom',
              'validUntil',
            ].some((field) => fieldMessage(error, field)) && <ErrorAlert error={error} />}
          <SelectField
            name="kind"
            label={t('kind')}
            error={error}
            options={KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
          />
          <TextField name="description" label={t('description')} error={error} required />
          <SelectField
            name="locationId"
            label={t('location')}
            error={error}
            options={[
              { value: '', label: t('noLocation') },
              ...(locations.data ?? []).map((location) => ({ value: location.id, label: location.name })),
            ]}
          />
          <TextField name="centsPerYear" label={t('amount')} description={t('amountHelp')} error={error} required />
          <Fieldset invalid={Boolean(sharesMessage)}>
            <FieldsetLegend>{t('sharesLegend')}</FieldsetLegend>
            {sharesMessage && <FormFieldErrorMessage>{sharesMessage}</FormFieldErrorMessage>}
            <TextField name="municipality" errorField="shares.municipality" label={t('municipality')} error={error} defaultValue="100" />
            <TextField name="insurer" errorField="shares.insurer" label={t('insurer')} error={error} defaultValue="0" />
            <TextField name="careOffice" errorField="shares.careOffice" label={t('careOffice')} error={error} defaultValue="0" />
          </Fieldset>
          <TextField name="validFrom" type="date" label={t('validFrom')} error={error} defaultValue={serverToday()} required />
          <TextField name="validUntil" type="date" label={t('validUntil')} error={error} />
          <Button type="submit" appearance="primary-action-button">
            {t('save')}
          </Button>
        </form>
      )}
      {list && list.length > 0 && (
        <form className="adempauze-card" onSubmit={(event) => void end(event)} noValidate aria-labelledby="yearly-cost-end">
          <Heading2 id="yearly-cost-end">{t('end')}</Heading2>
          <Paragraph>{t('endIntro')}</Paragraph>
          {endError !== null && !fieldMessage(endError, 'validUntil') && <ErrorAlert error={endError} />}
          <SelectField
            name="costId"
            label={t('endWhich')}
            error={null}
            options={list.filter((cost) => cost.validUntil === null).map((cost) => ({ value: cost.id, label: cost.description }))}
          />
          <TextField
            name="endOn"
            errorField="validUntil"
            type="date"
            label={t('endOn')}
            error={endError}
            defaultValue={serverToday()}
            required
          />
          <Button type="submit" appearance="secondary-action-button">
            {t('endButton')}
          </Button>
        </form>
      )}
    </>
  );
}
