import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';

const texts: Texts<'affected' | 'openHandover'> = {
  nl: {
    affected: 'Let op: in deze periode zijn al gasten geboekt (aantal: {count}). Zij blijven geboekt. Bespreek dit met het aanmeldpunt.',
    openHandover: 'Overdracht van het geboekte verblijf',
  },
  en: {
    affected: 'Note: guests are already booked in this period (number: {count}). They stay booked. Discuss this with the central point.',
    openHandover: 'Handover of the booked stay',
  },
};

/** What closing units or stopping admissions did: the sentence, and the guests already booked then, to follow up. */
export function ClosedResult({ text, affected }: { text: string; affected: readonly string[] }) {
  const t = useTexts(texts);
  return (
    <Alert type="ok">
      <Paragraph>{text}</Paragraph>
      {affected.length > 0 && <Paragraph>{t('affected', { count: affected.length })}</Paragraph>}
      {affected.length > 0 && (
        <UnorderedList>
          {affected.map((stayId) => (
            <UnorderedListItem key={stayId}><Link className="utrecht-link" to={`/zorgaanbieder/verblijven/${stayId}`}>{t('openHandover')}</Link></UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </Alert>
  );
}
