import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';

export function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <Heading1>{t('notFound.title')}</Heading1>
      <Paragraph>
        <Link to="/" className="utrecht-link">
          {t('notFound.back')}
        </Link>
      </Paragraph>
    </>
  );
}
