import { Paragraph } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { useTexts } from '../../i18n/i18n.tsx';
import { TEXTS } from './texts.ts';

/** The way in from the policy monitor: a question in plain words and a link to the MKBA page. */
export function MkbaLink() {
  const t = useTexts(TEXTS);
  return (
    <Paragraph>
      {t('linkIntro')}{' '}
      <Link to="/beleid/mkba" className="utrecht-link">
        {t('link')}
      </Link>
    </Paragraph>
  );
}
