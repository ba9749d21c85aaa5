import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';

const texts: Texts<'affected' | 'openHandover' | 'moved'> = {
  nl: {
    moved: '{count|# gast is|# gasten zijn} verplaatst.',
    affected:
      'Let op: in deze periode {count|is nog # gast|zijn nog # gasten} geboekt. Het aanmeldpunt heeft bericht gekregen en zoekt een oplossing.',
    openHandover: 'Overdracht van het geboekte verblijf',
  },
  en: {
    moved: '{count|# guest was|# guests were} moved.',
    affected:
      'Note: {count|# guest is|# guests are} still booked in this period. The central point has been told and looks for a solution.',
    openHandover: 'Handover of the booked stay',
  },
};

/** What closing units or stopping admissions did: the sentence, and the guests already booked then, to follow up. */
export function ClosedResult({ text, affected, moved = 0 }: { text: string; affected: readonly string[]; moved?: number }) {
  const t = useTexts(texts);
  return (
    <Alert type="ok">
      <Paragraph>{text}</Paragraph>
      {moved > 0 && <Paragraph>{t('moved', { count: moved })}</Paragraph>}
      {affected.length > 0 && <Paragraph>{t('affected', { count: affected.length })}</Paragraph>}
      {affected.length > 0 && (
        <UnorderedList>
          {affected.map((stayId) => (
            <UnorderedListItem key={stayId}>
              <Link className="utrecht-link" to={`/zorgaanbieder/verblijven/${stayId}`}>
                {t('openHandover')}
              </Link>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </Alert>
  );
}
