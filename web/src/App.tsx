import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { type Role, SessionProvider, fullySignedIn, useSession } from './auth/session.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { Shell } from './layout/Shell.tsx';
import { Login } from './pages/Login.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { PublicHome } from './pages/PublicHome.tsx';
import { Inbox } from './pages/coordinator/Inbox.tsx';
import { ReferralDetail } from './pages/coordinator/ReferralDetail.tsx';
import { NewReferral } from './pages/referrer/NewReferral.tsx';

/** A page for signed-in people with one of these roles; others are sent to the sign-in page. */
function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { session } = useSession();
  const { t } = useI18n();
  if (session === null) return <Paragraph role="status">{t('loading')}</Paragraph>;
  if (!fullySignedIn(session) || !roles.includes(session.user.role)) return <Navigate to="/inloggen" replace />;
  return children;
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <Shell>
            <Routes>
              <Route path="/" element={<PublicHome />} />
              <Route path="/inloggen" element={<Login />} />
              <Route path="/aanmeldpunt" element={<RequireRole roles={['coordinator']}><Inbox /></RequireRole>} />
              <Route path="/aanmeldpunt/aanmeldingen/:id" element={<RequireRole roles={['coordinator']}><ReferralDetail /></RequireRole>} />
              <Route path="/verwijzen" element={<RequireRole roles={['referrer']}><NewReferral /></RequireRole>} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Shell>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
