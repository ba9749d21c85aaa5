import { Paragraph } from '@utrecht/component-library-react';
import { Suspense, lazy } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

// Loaded when someone opens the page, like the policy monitor: the chart library stays out of every other page's download.
const MkbaPage = lazy(() => import('./MkbaPage.tsx'));

export function MkbaRoute() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Paragraph role="status">{t('loading')}</Paragraph>}>
      <MkbaPage />
    </Suspense>
  );
}
