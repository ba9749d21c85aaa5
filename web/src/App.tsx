import { Paragraph } from '@utrecht/component-library-react';
import { type ComponentType, type ReactNode, Suspense, lazy } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { type Role, SessionProvider, fullySignedIn, useSession } from './auth/session.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { Shell } from './layout/Shell.tsx';
import { fetchHintedGrid } from './pages/board/early-grid.ts';
import { Login } from './pages/Login.tsx';
import { NoAccess } from './pages/NoAccess.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { PublicHome } from './pages/PublicHome.tsx';
import { AboutRespite } from './pages/public/AboutRespite.tsx';
import { LocationProfile } from './pages/public/LocationProfile.tsx';
import { Locations } from './pages/public/Locations.tsx';
import { RequestStatus } from './pages/public/RequestStatus.tsx';
import { SelfCheck } from './pages/public/SelfCheck.tsx';
import { RequestForm } from './pages/public/RequestForm.tsx';
import { Survey } from './pages/Survey.tsx';
import { SupportInfo } from './pages/public/SupportInfo.tsx';
import { SetPassword } from './pages/account/SetPassword.tsx';

const loadersByPath: [string, () => Promise<unknown>][] = [];

/**
 * A page of the staff's workspace, loaded when first opened: the public pages a caregiver opens on a phone stay small.
 * Opened by its address (`path`; ending in '/', any address under it), its script is fetched at once, beside the
 * session check.
 */
function staffPage<K extends string>(name: K, load: () => Promise<Record<K, ComponentType>>, path?: string): ComponentType {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const fetchPage = () => (loading ??= load().then((module) => (loaded = module[name])));
  if (path) loadersByPath.push([path, fetchPage]);
  const Lazy = lazy(() => fetchPage().then((component) => ({ default: component })));
  // A page whose script is already here renders at once: no fallback, and no wait for React to reveal it.
  // biome-ignore lint/correctness/noComponentHookFactories: one lazily loaded page component per route, made once at module load.
  return function StaffPage() {
    const Page = loaded;
    return Page ? <Page /> : <Lazy />;
  };
}
const Inbox = staffPage('Inbox', () => import('./pages/coordinator/Inbox.tsx'), '/aanmeldpunt');
const ReferralDetail = staffPage('ReferralDetail', () => import('./pages/coordinator/ReferralDetail.tsx'));
const NewReferral = staffPage('NewReferral', () => import('./pages/referrer/NewReferral.tsx'), '/verwijzen');
const MyReferral = staffPage('MyReferral', () => import('./pages/referrer/MyReferrals.tsx'));
const MyReferrals = staffPage('MyReferrals', () => import('./pages/referrer/MyReferrals.tsx'));
const ProviderWorkspace = staffPage('ProviderWorkspace', () => import('./pages/provider/ProviderWorkspace.tsx'), '/zorgaanbieder/');
const Board = staffPage('Board', () => import('./pages/board/Board.tsx'), '/bezetting');
const StayPage = staffPage('StayPage', () => import('./pages/stays/StayPage.tsx'));
const PolicyRoute = staffPage('PolicyRoute', () => import('./pages/policy/PolicyRoute.tsx'), '/beleid');
const PolicySummaryRoute = staffPage('PolicySummaryRoute', () => import('./pages/policy/PolicyRoute.tsx'));
const CapacityRoute = staffPage('CapacityRoute', () => import('./pages/capacity/CapacityRoute.tsx'));
const MkbaRoute = staffPage('MkbaRoute', () => import('./pages/mkba/MkbaRoute.tsx'));
const Tasks = staffPage('Tasks', () => import('./pages/coordinator/Tasks.tsx'));
const WaitingList = staffPage('WaitingList', () => import('./pages/coordinator/WaitingList.tsx'));
const Notifications = staffPage('Notifications', () => import('./pages/Notifications.tsx'));
const SupportInfoAdmin = staffPage('SupportInfoAdmin', () => import('./pages/admin/SupportInfoAdmin.tsx'));
const AdminHome = staffPage('AdminHome', () => import('./pages/admin/AdminHome.tsx'), '/beheer');
const CoPaymentAdmin = staffPage('CoPaymentAdmin', () => import('./pages/admin/CoPaymentAdmin.tsx'));
const YearlyCostsAdmin = staffPage('YearlyCostsAdmin', () => import('./pages/admin/YearlyCostsAdmin.tsx'));
const EntitlementsAdmin = staffPage('EntitlementsAdmin', () => import('./pages/admin/EntitlementsAdmin.tsx'));
const LocationAdminPage = staffPage('LocationAdminPage', () => import('./pages/admin/LocationAdminPage.tsx'));
const LocationsAdmin = staffPage('LocationsAdmin', () => import('./pages/admin/LocationsAdmin.tsx'));
const OrganisationsAdmin = staffPage('OrganisationsAdmin', () => import('./pages/admin/OrganisationsAdmin.tsx'));
const RegionsAdmin = staffPage('RegionsAdmin', () => import('./pages/admin/RegionsAdmin.tsx'));
const UsersAdmin = staffPage('UsersAdmin', () => import('./pages/admin/UsersAdmin.tsx'));
const ApiClientsAdmin = staffPage('ApiClientsAdmin', () => import('./pages/admin/ApiClientsAdmin.tsx'));
const ImportAdmin = staffPage('ImportAdmin', () => import('./pages/admin/ImportAdmin.tsx'));

// The first page's script, fetched while the session is checked, and the board's grid if the page names it.
if (typeof window !== 'undefined') {
  fetchHintedGrid();
  const here = window.location.pathname;
  const match = loadersByPath.find(([path]) => (path.endsWith('/') ? here.startsWith(path) : here === path));
  void match?.[1]().catch(() => undefined);
}

/**
 * A page for signed-in people with one of these roles. Someone not signed in goes to the sign-in page and comes
 * back here afterwards; someone signed in with another role is told there is no access.
 */
function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { session } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  if (session === null) return <Paragraph role="status">{t('loading')}</Paragraph>;
  if (!fullySignedIn(session)) return <Navigate to="/inloggen" replace state={{ from: `${location.pathname}${location.search}` }} />;
  if (!roles.includes(session.user.role)) return <NoAccess role={session.user.role} />;
  return children;
}

function Loading() {
  const { t } = useI18n();
  return <Paragraph role="status">{t('loading')}</Paragraph>;
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <Shell>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/" element={<PublicHome />} />
                <Route path="/inloggen" element={<Login />} />
                <Route path="/wachtwoord-instellen" element={<SetPassword />} />
                <Route path="/logeren" element={<AboutRespite />} />
                <Route path="/locaties" element={<Locations />} />
                <Route path="/locaties/:id" element={<LocationProfile />} />
                <Route path="/aanvragen" element={<RequestForm />} />
                <Route path="/zelftest" element={<SelfCheck />} />
                <Route path="/mijn-aanvraag/:token" element={<RequestStatus />} />
                <Route
                  path="/aanmeldpunt"
                  element={
                    <RequireRole roles={['coordinator']}>
                      <Inbox />
                    </RequireRole>
                  }
                />
                <Route
                  path="/aanmeldpunt/aanmeldingen/:id"
                  element={
                    <RequireRole roles={['coordinator']}>
                      <ReferralDetail />
                    </RequireRole>
                  }
                />
                <Route
                  path="/aanmeldpunt/wachtlijst"
                  element={
                    <RequireRole roles={['coordinator']}>
                      <WaitingList />
                    </RequireRole>
                  }
                />
                <Route
                  path="/aanmeldpunt/taken"
                  element={
                    <RequireRole roles={['coordinator']}>
                      <Tasks />
                    </RequireRole>
                  }
                />
                <Route
                  path="/meldingen"
                  element={
                    <RequireRole roles={['coordinator', 'referrer', 'provider_planner', 'policy_viewer', 'administrator']}>
                      <Notifications />
                    </RequireRole>
                  }
                />
                <Route path="/enquete/:token" element={<Survey />} />
                <Route path="/steun" element={<SupportInfo />} />
                <Route
                  path="/beheer"
                  element={
                    <RequireRole roles={['administrator']}>
                      <AdminHome />
                    </RequireRole>
                  }
                />
                <Route
                  path="/beheer/regios"
                  element={
                    <RequireRole roles={['administrator']}>
                      <RegionsAdmin />
                    </RequireRole>
                  }
                />
                <Route
                  path="/beheer/organisaties"
                  element={
                    <RequireRole roles={['administrator']}>
                      <OrganisationsAdmin />
                    </RequireRole>
                  }
                />
                <Route
                  path="/beheer/locaties"
                  element={
                    <RequireRole roles={['administrator', 'coordinator']}>
                      <LocationsAdmin />
                    </RequireRole>
                  }
                />
                <Route
                  path="/beheer/locaties/:id"
                  element={
                    <RequireRole roles={['administrator']}>
                      <LocationAdminPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="/beheer/gebruikers"
                  element={
                    <RequireRole roles={['administrator']}>
                      <UsersAdmin />
                    </RequireRole>
                  }
                />
                <Route
                  path="/beheer/koppelingen"
                  element={
                    <RequireRole roles={['administrator']}>
                      <ApiClientsAdmin />
                    </RequireRole>
                  }
                />
                <Route
                  path="/beheer/import"
                  element={
                    <RequireRole roles={['administrator']}>
                      <ImportAdmin />
                    </RequireRole>
                  }
                />
                <Route
                  path="/beheer/eigen-bijdrage"
                  element={
                    <RequireRole roles={['administrator']}>
                      <CoPaymentAdmin />
                    </RequireRole>
                  }
                />
                <Route
                  path="/beheer/vaste-kosten"
                  element={
                    <RequireRole roles={['administrator']}>
                      <YearlyCostsAdmin />
                    </RequireRole>
                  }
                />
                <Route
                  path="/beheer/rechten"
                  element={
                    <RequireRole roles={['administrator']}>
                      <EntitlementsAdmin />
                    </RequireRole>
                  }
                />
                <Route
                  path="/beheer/steun"
                  element={
                    <RequireRole roles={['coordinator', 'administrator']}>
                      <SupportInfoAdmin />
                    </RequireRole>
                  }
                />
                <Route
                  path="/aanmeldpunt/verblijven/:id"
                  element={
                    <RequireRole roles={['coordinator']}>
                      <StayPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="/bezetting"
                  element={
                    <RequireRole roles={['coordinator', 'provider_planner', 'policy_viewer', 'administrator']}>
                      <Board />
                    </RequireRole>
                  }
                />
                <Route
                  path="/zorgaanbieder/*"
                  element={
                    <RequireRole roles={['provider_planner']}>
                      <ProviderWorkspace />
                    </RequireRole>
                  }
                />
                <Route
                  path="/beleid"
                  element={
                    <RequireRole roles={['policy_viewer', 'coordinator', 'administrator']}>
                      <PolicyRoute />
                    </RequireRole>
                  }
                />
                <Route
                  path="/beleid/samenvatting"
                  element={
                    <RequireRole roles={['policy_viewer', 'coordinator', 'administrator']}>
                      <PolicySummaryRoute />
                    </RequireRole>
                  }
                />
                <Route
                  path="/beleid/capaciteit"
                  element={
                    <RequireRole roles={['policy_viewer', 'coordinator', 'administrator']}>
                      <CapacityRoute />
                    </RequireRole>
                  }
                />
                <Route
                  path="/beleid/mkba"
                  element={
                    <RequireRole roles={['policy_viewer', 'coordinator', 'administrator']}>
                      <MkbaRoute />
                    </RequireRole>
                  }
                />
                <Route
                  path="/verwijzen"
                  element={
                    <RequireRole roles={['referrer']}>
                      <NewReferral />
                    </RequireRole>
                  }
                />
                <Route
                  path="/verwijzen/aanmeldingen"
                  element={
                    <RequireRole roles={['referrer']}>
                      <MyReferrals />
                    </RequireRole>
                  }
                />
                <Route
                  path="/verwijzen/aanmeldingen/:id"
                  element={
                    <RequireRole roles={['referrer']}>
                      <MyReferral />
                    </RequireRole>
                  }
                />
                <Route path="*" element={<NotFound />} />
              </Routes>
            </Suspense>
          </Shell>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
