import { Paragraph } from '@utrecht/component-library-react';
import { Suspense, lazy } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

// Loaded when someone opens the monitor: the chart library stays out of every other page's download.
const PolicyMonitor = lazy(() => import('./PolicyMonitor.tsx'));
const PolicySummary = lazy(() => import('./PolicySummary.tsx'));

export function PolicyRoute() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Paragraph role="status">{t('loading')}</Paragraph>}>
      <PolicyMonitor />
    </Suspense>
  );
}

export function PolicySummaryRoute() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Paragraph role="status">{t('loading')}</Paragraph>}>
      <PolicySummary />
    </Suspense>
  );
}
