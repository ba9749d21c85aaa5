import { Paragraph } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';

// Here, not in the planner's texts: the monitor shows this link without loading the planner.
const TEXTS: Texts<'intro' | 'link'> = {
  nl: { intro: 'Hoeveel plekken zijn er nodig, en helpt samen delen?', link: 'Naar de capaciteitsplanner' },
  en: { intro: 'How many places are needed, and does sharing help?', link: 'To the capacity planner' },
};

/** The way in from the policy monitor: a question in plain words and a link to the capacity planner. */
export function CapacityLink() {
  const t = useTexts(TEXTS);
  return (
    <Paragraph>
      {t('intro')}{' '}
      <Link to="/beleid/capaciteit" className="utrecht-link">
        {t('link')}
      </Link>
    </Paragraph>
  );
}
