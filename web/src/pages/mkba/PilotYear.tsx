import {
  Button,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useId, useMemo, useState } from 'react';
import type { PilotYearReport } from '../../../../src/domain/mkba/report.ts';
import { useApiQuery } from '../../api/queries.ts';
import { formatEuro } from '../../i18n/format.ts';
import type { Language, useTexts } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { ChartCanvas } from '../policy/Chart.tsx';
import { ScrollTable } from '../policy/period-and-tables.tsx';
import type { TEXTS } from './texts.ts';

type Translate = ReturnType<typeof useTexts<keyof (typeof TEXTS)['nl']>>;
type Region = PilotYearReport['regions'][number];

const wholeEuro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/** The measures of the report's table, each as ours, the report's and the difference. */
const MEASURES = [
  {
    key: 'pilotCosts',
    ours: (r: Region) => r.ours.costs,
    report: (r: Region) => r.report.costs,
    deviation: (r: Region) => r.deviation.costs,
  },
  {
    key: 'pilotBenefitsPositive',
    ours: (r: Region) => r.ours.benefits.positive,
    report: (r: Region) => r.report.benefits.positive,
    deviation: (r: Region) => r.deviation.benefits.positive,
  },
  {
    key: 'pilotBenefitsConservative',
    ours: (r: Region) => r.ours.benefits.conservative,
    report: (r: Region) => r.report.benefits.conservative,
    deviation: (r: Region) => r.deviation.benefits.conservative,
  },
  {
    key: 'pilotNetPositive',
    ours: (r: Region) => r.ours.net.positive,
    report: (r: Region) => r.report.net.positive,
    deviation: (r: Region) => r.deviation.net.positive,
  },
  {
    key: 'pilotNetConservative',
    ours: (r: Region) => r.ours.net.conservative,
    report: (r: Region) => r.report.net.conservative,
    deviation: (r: Region) => r.deviation.net.conservative,
  },
] as const;

/**
 * "Pilot year 2019": the page's own arithmetic applied to the three pilots, beside the report's figures, so a policy
 * officer can check the model against the source they know. Loaded on request: most visits do not need it.
 */
export function PilotYear({ t, language }: { t: Translate; language: Language }) {
  const [asked, setAsked] = useState(false);
  const { data: pilot, error, loading, reload } = useApiQuery<PilotYearReport>(asked ? '/policy/mkba/pilot-2019' : null);
  // Asked again after a failure: read again.
  const show = () => (asked ? reload() : setAsked(true));
  return (
    <section aria-labelledby="mkba-pilot" className="adempauze-mkba__section">
      <Heading2 id="mkba-pilot">{t('pilotTitle')}</Heading2>
      <Paragraph>{t('pilotIntro')}</Paragraph>
      {pilot === null && (
        <Button type="button" appearance="secondary-action-button" onClick={show} disabled={loading}>
          {t('pilotShow')}
        </Button>
      )}
      {loading && <Paragraph role="status">{t('loading')}</Paragraph>}
      {error !== null && <ErrorAlert error={error} />}
      {pilot && <PilotTable pilot={pilot} t={t} language={language} />}
    </section>
  );
}

function PilotTable({ pilot, t, language }: { pilot: PilotYearReport; t: Translate; language: Language }) {
  const captionId = useId();
  const chart = useMemo(
    () => ({
      labels: pilot.regions.map((region) => region.name),
      series: [
        {
          label: `${t('ours')}: ${t('pilotNetConservative').toLowerCase()}`,
          data: pilot.regions.map((region) => region.ours.net.conservative),
        },
        {
          label: `${t('report')}: ${t('pilotNetConservative').toLowerCase()}`,
          data: pilot.regions.map((region) => region.report.net.conservative),
        },
        { label: `${t('ours')}: ${t('pilotNetPositive').toLowerCase()}`, data: pilot.regions.map((region) => region.ours.net.positive) },
        {
          label: `${t('report')}: ${t('pilotNetPositive').toLowerCase()}`,
          data: pilot.regions.map((region) => region.report.net.positive),
        },
      ],
    }),
    [pilot, language],
  );
  return (
    <>
      <figure className="adempauze-mkba__chart">
        <ChartCanvas
          kind="bar"
          labels={chart.labels}
          series={chart.series}
          summary={t('pilotCaption')}
          format={(value) => wholeEuro.format(value)}
        />
        <figcaption>{t('pilotCaption')}</figcaption>
      </figure>
      <ScrollTable labelledBy={captionId}>
        <Table className="adempauze-mkba__table" data-table="pilot-2019">
          <TableCaption id={captionId}>{t('pilotCaption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('pilotRegion')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('line')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="adempauze-policy__number">
                {t('ours')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className="adempauze-policy__number">
                {t('report')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className="adempauze-policy__number">
                {t('difference')}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {pilot.regions.flatMap((region) =>
              MEASURES.map((measure, index) => (
                <TableRow key={`${region.id}-${measure.key}`} data-region={region.id} data-measure={measure.key}>
                  {index === 0 && (
                    <TableHeaderCell scope="rowgroup" rowSpan={MEASURES.length}>
                      {region.name} ({region.guests})
                    </TableHeaderCell>
                  )}
                  <TableHeaderCell scope="row">{t(measure.key)}</TableHeaderCell>
                  <TableCell className="adempauze-policy__number">{wholeEuro.format(measure.ours(region))}</TableCell>
                  <TableCell className="adempauze-policy__number">{wholeEuro.format(measure.report(region))}</TableCell>
                  <TableCell className="adempauze-policy__number" data-deviation>
                    {percent.format(measure.deviation(region))}
                  </TableCell>
                </TableRow>
              )),
            )}
          </TableBody>
        </Table>
      </ScrollTable>
      <Paragraph>{t('pilotWithin', { tolerance: pilot.tolerance * 100 })}</Paragraph>
      <Heading3>{t('pilotSources')}</Heading3>
      {pilot.regions.map((region) => (
        <div key={region.id}>
          <Paragraph>
            <strong>{region.name}</strong>
          </Paragraph>
          <UnorderedList>
            <UnorderedListItem>
              {t('pilotInputs')}: {region.sources[language]}
            </UnorderedListItem>
            <UnorderedListItem>
              {t('pilotReportFigures')}: {region.report.derivation[language]}
            </UnorderedListItem>
            <UnorderedListItem>
              {t('pilotOurCosts')}:{' '}
              {region.lines
                .filter((line) => line.kind === 'cost' && line.positive !== 0)
                .map((line) => `${line.label[language]} ${formatEuro(line.positive)}`)
                .join('; ')}
              .
            </UnorderedListItem>
          </UnorderedList>
        </div>
      ))}
    </>
  );
}
