import { Heading1, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/i18n.tsx';

export function PublicHome() {
  const { t } = useI18n();
  return (
    <>
      <Heading1>{t('home.title')}</Heading1>
      <Paragraph lead>{t('home.intro')}</Paragraph>
      <Heading2>{t('home.what')}</Heading2>
      <UnorderedList>
        <UnorderedListItem>{t('home.respite')}</UnorderedListItem>
        <UnorderedListItem>{t('home.crisis')}</UnorderedListItem>
        <UnorderedListItem>{t('home.elv')}</UnorderedListItem>
      </UnorderedList>
      <Paragraph>{t('home.how')}</Paragraph>
    </>
  );
}
