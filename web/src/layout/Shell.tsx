import { PageContent, PageFooter, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { fullySignedIn, useSession } from '../auth/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { PublicNavItems } from '../pages/public/PublicNav.tsx';

/** Every page: skip link, header with navigation and language switch, the page itself, footer. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  const { session, logout } = useSession();
  const signedIn = fullySignedIn(session);
  const other = language === 'nl' ? 'en' : 'nl';
  return (
    <>
      <a className="adempauze-skip-link" href="#inhoud">
        {t('shell.skip')}
      </a>
      <header className="adempauze-header">
        <div className="adempauze-header__bar">
          <NavLink to="/" className="adempauze-brand utrecht-link">
            {t('app.name')}
          </NavLink>
          <nav className="adempauze-nav" aria-label={t('shell.nav')}>
            <ul>
              <li>
                <NavLink to="/" end className="utrecht-link">
                  {t('shell.home')}
                </NavLink>
              </li>
              <PublicNavItems />
              {signedIn && session.user.role === 'coordinator' && (
                <>
                  <li>
                    <NavLink to="/aanmeldpunt" end className="utrecht-link">
                      {t('shell.inbox')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/aanmeldpunt/wachtlijst" className="utrecht-link">
                      {t('shell.waitingList')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/aanmeldpunt/taken" className="utrecht-link">
                      {t('shell.tasks')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/beheer/locaties" className="utrecht-link">
                      {t('shell.locations')}
                    </NavLink>
                  </li>
                </>
              )}
              {signedIn && (session.user.role === 'coordinator' || session.user.role === 'provider_planner') && (
                <li>
                  <NavLink to="/bezetting" className="utrecht-link">
                    {t('shell.board')}
                  </NavLink>
                </li>
              )}
              {signedIn && (
                <li>
                  <NavLink to="/meldingen" className="utrecht-link">
                    {t('shell.notifications')}
                  </NavLink>
                </li>
              )}
              {signedIn && session.user.role === 'provider_planner' && (
                <li>
                  <NavLink to="/zorgaanbieder" className="utrecht-link">
                    {t('shell.provider')}
                  </NavLink>
                </li>
              )}
              {signedIn &&
                (session.user.role === 'policy_viewer' || session.user.role === 'coordinator' || session.user.role === 'administrator') && (
                  <li>
                    <NavLink to="/beleid" className="utrecht-link">
                      {t('shell.policy')}
                    </NavLink>
                  </li>
                )}
              {signedIn && session.user.role === 'administrator' && (
                <li>
                  <NavLink to="/beheer" className="utrecht-link">
                    {t('shell.admin')}
                  </NavLink>
                </li>
              )}
              {signedIn && session.user.role === 'referrer' && (
                <>
                  <li>
                    <NavLink to="/verwijzen" end className="utrecht-link">
                      {t('shell.refer')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/verwijzen/aanmeldingen" className="utrecht-link">
                      {t('shell.myReferrals')}
                    </NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <div className="adempauze-header__tools">
            <button
              type="button"
              className="adempauze-plain-button"
              lang={other}
              aria-label={t('shell.languageLabel')}
              onClick={() => setLanguage(other)}
            >
              {t('shell.language')}
            </button>
            {signedIn ? (
              <button type="button" className="adempauze-plain-button" onClick={() => void logout()}>
                {t('shell.logout')}
              </button>
            ) : (
              <NavLink to="/inloggen" className="utrecht-link">
                {t('shell.login')}
              </NavLink>
            )}
          </div>
        </div>
      </header>
      <main id="inhoud" tabIndex={-1} className="adempauze-main">
        <PageContent className="utrecht-page">{children}</PageContent>
      </main>
      <PageFooter className="adempauze-footer">
        <div className="utrecht-page">
          <Paragraph>{t('shell.footer')}</Paragraph>
          {signedIn && <Paragraph>{t('shell.signedInAs', { email: session.user.email })}</Paragraph>}
        </div>
      </PageFooter>
    </>
  );
}
