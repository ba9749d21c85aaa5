import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { ROLE_LABELS } from '../../../src/domain/roles.ts';
import type { Role } from '../auth/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { HOME_OF_ROLE } from './Login.tsx';

/** For someone signed in whose role does not open this page: say so, rather than ask them to sign in again. */
export function NoAccess({ role }: { role: Role }) {
  const { t, language } = useI18n();
  return (
    <>
      <Heading1>{t('noAccess.title')}</Heading1>
      <Paragraph>{t('noAccess.text', { role: ROLE_LABELS[role][language] })}</Paragraph>
      <Paragraph>
        <Link to={HOME_OF_ROLE[role]} className="utrecht-link">
          {t('noAccess.back')}
        </Link>
      </Paragraph>
    </>
  );
}
