import { NavLink, Route, Routes } from 'react-router';
import { type Texts, useTexts } from '../../i18n/i18n.tsx';
import { NotFound } from '../NotFound.tsx';
import { Handover } from './Handover.tsx';
import { Placements } from './Placements.tsx';
import { ProviderLocations } from './ProviderLocations.tsx';
import { Tariffs } from './Tariffs.tsx';
import { Today } from './Today.tsx';
import './provider.css';

const texts: Texts<'nav' | 'today' | 'placements' | 'locations' | 'tariffs'> = {
  nl: {
    nav: 'Zorgaanbieder',
    today: 'Vandaag',
    placements: 'Voorgestelde plaatsingen',
    locations: 'Locaties en plekken',
    tariffs: 'Tarieven',
  },
  en: { nav: 'Care provider', today: 'Today', placements: 'Proposed placements', locations: 'Locations and units', tariffs: 'Tariffs' },
};

/** The provider planner's workspace under /zorgaanbieder: today's guests, the locations with their units, tariffs. */
export function ProviderWorkspace() {
  const t = useTexts(texts);
  return (
    <>
      <nav className="adempauze-provider-nav" aria-label={t('nav')}>
        <ul>
          <li>
            <NavLink to="/zorgaanbieder" end className="utrecht-link">
              {t('today')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/zorgaanbieder/plaatsingen" className="utrecht-link">
              {t('placements')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/zorgaanbieder/locaties" className="utrecht-link">
              {t('locations')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/zorgaanbieder/tarieven" className="utrecht-link">
              {t('tariffs')}
            </NavLink>
          </li>
        </ul>
      </nav>
      <Routes>
        <Route index element={<Today />} />
        <Route path="plaatsingen" element={<Placements />} />
        <Route path="locaties" element={<ProviderLocations />} />
        <Route path="tarieven" element={<Tariffs />} />
        <Route path="verblijven/:id" element={<Handover />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </>
  );
}
