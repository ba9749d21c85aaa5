import { NavLink } from 'react-router';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';

const TEXTS: Texts<'about' | 'locations' | 'request' | 'selfCheck' | 'support'> = {
  nl: { about: 'Logeren', locations: 'Locaties', request: 'Aanvragen', selfCheck: 'Hoe gaat het?', support: 'Steun' },
  en: { about: 'Respite care', locations: 'Locations', request: 'Request', selfCheck: 'How are you?', support: 'Support' },
};

/** The public pages' items of the header navigation, for everyone, signed in or not. */
export function PublicNavItems() {
  const t = useTexts(TEXTS);
  return (
    <>
      <li>
        <NavLink to="/logeren" className="utrecht-link">
          {t('about')}
        </NavLink>
      </li>
      <li>
        <NavLink to="/locaties" className="utrecht-link">
          {t('locations')}
        </NavLink>
      </li>
      <li>
        <NavLink to="/aanvragen" className="utrecht-link">
          {t('request')}
        </NavLink>
      </li>
      <li>
        <NavLink to="/zelftest" className="utrecht-link">
          {t('selfCheck')}
        </NavLink>
      </li>
      <li>
        <NavLink to="/steun" className="utrecht-link">
          {t('support')}
        </NavLink>
      </li>
    </>
  );
}
