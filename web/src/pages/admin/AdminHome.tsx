import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';

type Key =
  | 'title'
  | 'intro'
  | 'order'
  | 'regions'
  | 'regionsText'
  | 'organisations'
  | 'organisationsText'
  | 'locations'
  | 'locationsText'
  | 'users'
  | 'usersText'
  | 'connections'
  | 'connectionsText'
  | 'coPayments'
  | 'coPaymentsText'
  | 'yearlyCosts'
  | 'yearlyCostsText'
  | 'entitlements'
  | 'entitlementsText'
  | 'support'
  | 'supportText'
  | 'import'
  | 'importText';

const texts: Texts<Key> = {
  nl: {
    title: 'Beheer',
    intro: 'Hier zet u de regio op en houdt u hem bij.',
    order: 'Een nieuwe regio begint u in deze volgorde:',
    regions: "Regio's",
    regionsText: "Gemeenten en postcodegebieden van elke regio, en de buurregio's.",
    organisations: 'Organisaties',
    organisationsText: 'Zorgaanbieders en verwijzers, met AGB-code en contactpersoon.',
    locations: 'Locaties',
    locationsText: 'Adres, voorzieningen, plekken en tarieven. Ook: welke locaties hun gegevens lang niet bevestigden.',
    users: 'Gebruikers',
    usersText: 'Mensen uitnodigen, hun rol en organisatie, blokkeren en de tweede stap opnieuw laten instellen.',
    connections: 'Koppelingen',
    connectionsText: 'Sleutels voor systemen van ziekenhuizen, huisartsen en monitors die via FHIR aanmelden of capaciteit ophalen.',
    coPayments: 'Eigen bijdrage',
    coPaymentsText: 'Wat een logé per nacht zelf betaalt, per gemeente.',
    yearlyCosts: 'Vaste kosten per regio',
    yearlyCostsText: 'Personeel, coördinatie en contracten voor bedden: wat de regio elk jaar betaalt naast de tarieven.',
    entitlements: 'Rechten per gemeente',
    entitlementsText: 'Hoe lang een crisisopname mag duren en hoeveel logeernachten per jaar.',
    support: 'Steun voor mantelzorgers',
    supportText: 'De informatie die iedereen op de pagina Steun ziet.',
    import: 'Beddenlijst inlezen',
    importText: 'Veel locaties en plekken tegelijk, uit een Excel-bestand (opgeslagen als CSV). Eerst ziet u wat er zou gebeuren.',
  },
  en: {
    title: 'Administration',
    intro: 'Here you set up the region and keep it current.',
    order: 'Start a new region in this order:',
    regions: 'Regions',
    regionsText: 'Municipalities and postcode areas of each region, and its neighbours.',
    organisations: 'Organisations',
    organisationsText: 'Care providers and referrers, with AGB code and contact person.',
    locations: 'Locations',
    locationsText: 'Address, features, units and tariffs. Also: which locations have not confirmed their details for long.',
    users: 'Users',
    usersText: 'Invite people, their role and organisation, block them and have them set up the second step again.',
    connections: 'Connections',
    connectionsText: 'Keys for the systems of hospitals, GPs and monitors that refer or pull capacity over FHIR.',
    coPayments: 'Co-payment',
    coPaymentsText: 'What a guest pays per night, per municipality.',
    yearlyCosts: 'Fixed costs per region',
    yearlyCostsText: 'Staff, coordination and contracts for beds: what the region pays each year beside the tariffs.',
    entitlements: 'Entitlements per municipality',
    entitlementsText: 'How long a crisis stay may last and how many respite nights a year.',
    support: 'Support for caregivers',
    supportText: 'The information everyone sees on the Support page.',
    import: 'Import a bed list',
    importText: 'Many locations and units at once, from an Excel sheet (saved as CSV). First you see what would happen.',
  },
};

const SECTIONS = [
  ['/beheer/regios', 'regions', 'regionsText'],
  ['/beheer/organisaties', 'organisations', 'organisationsText'],
  ['/beheer/locaties', 'locations', 'locationsText'],
  ['/beheer/import', 'import', 'importText'],
  ['/beheer/gebruikers', 'users', 'usersText'],
  ['/beheer/koppelingen', 'connections', 'connectionsText'],
  ['/beheer/eigen-bijdrage', 'coPayments', 'coPaymentsText'],
  ['/beheer/vaste-kosten', 'yearlyCosts', 'yearlyCostsText'],
  ['/beheer/rechten', 'entitlements', 'entitlementsText'],
  ['/beheer/steun', 'support', 'supportText'],
] as const;

/** The administrator's start page: the parts of setting up a region, in the order a new region needs them. */
export function AdminHome() {
  const t = useTexts(texts);
  return (
    <>
      <Heading1>{t('title')}</Heading1>
      <Paragraph>
        {t('intro')} {t('order')}
      </Paragraph>
      <ol className="adempauze-admin-steps">
        {SECTIONS.map(([to, title, text]) => (
          <li key={to}>
            <Heading2>
              <Link className="utrecht-link" to={to}>
                {t(title)}
              </Link>
            </Heading2>
            <Paragraph>{t(text)}</Paragraph>
          </li>
        ))}
      </ol>
    </>
  );
}
