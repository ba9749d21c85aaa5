import { Paragraph } from '@utrecht/component-library-react';
import { Suspense, lazy } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

// Loaded when someone opens the planner, like the policy monitor: the chart library stays out of every other page's download.
const CapacityPlanner = lazy(() => import('./CapacityPlanner.tsx'));

export function CapacityRoute() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Paragraph role="status">{t('loading')}</Paragraph>}>
      <CapacityPlanner />
    </Suspense>
  );
}
