import { Alert, Center, Loader } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { errorMessage } from './api/hooks.ts';
import { AddApplicationProvider } from './components/add-application.tsx';
import { ApplicationActionsProvider } from './components/application-actions.tsx';
import { Layout } from './components/layout.tsx';
import { NotFoundPage } from './components/not-found.tsx';
import {
  ForgotPasswordPage,
  ResetPasswordPage,
  SignInPage,
  SignUpPage,
} from './features/account/auth-pages.tsx';
import { type Me, SessionProvider, useMe } from './features/account/session.tsx';
import { FEATURE_PAGES } from './features/registry.tsx';
import { BoardPage } from './pages/board/board-page.tsx';

// The board is the first screen; the other pages load when first visited.
const ApplicationPage = lazy(() =>
  import('./pages/application/application-page.tsx').then((m) => ({ default: m.ApplicationPage })),
);
const ApplicationsPage = lazy(() =>
  import('./pages/applications/applications-page.tsx').then((m) => ({ default: m.ApplicationsPage })),
);
// Hosted mode only: accounts, sharing, the caseload and the admin's pages.
const AccountPage = lazy(() => import('./features/account/account-page.tsx'));
const SharingPage = lazy(() => import('./features/sharing/page.tsx'));
const CaseloadPage = lazy(() => import('./features/caseload/page.tsx'));
const SeekerView = lazy(() => import('./features/caseload/seeker-view.tsx'));
const AdminPage = lazy(() => import('./features/admin/page.tsx'));
const CohortsPage = lazy(() => import('./features/admin/cohorts-page.tsx'));

// What the bookmarklet opens (Settings, "Save jobs from your browser").
const ClipPage = lazy(() => import('./features/clipper/clip-page.tsx'));

const pageLoader = (
  <Center py={80}>
    <Loader />
  </Center>
);

const lazyPage = (page: ReactNode) => <Suspense fallback={pageLoader}>{page}</Suspense>;

/**
 * GET /api/v1/me decides what opens: on a server on your own machine (local mode) the app as it
 * always was, with no sign-in anywhere; on a hosted server the sign-in pages until someone signs
 * in, then the app with their account, sharing and (by role) caseload and admin pages.
 */
export function App() {
  const me = useMe();
  if (me.isPending) return pageLoader;
  if (!me.data) {
    return (
      <Center py={80} px="md">
        <Alert color="red" title="Rebound could not start">
          {errorMessage(me.error)}
        </Alert>
      </Center>
    );
  }
  if (me.data.mode === 'hosted' && !me.data.user) return <SignedOut />;
  return (
    <SessionProvider me={me.data}>
      <SignedIn me={me.data} />
    </SessionProvider>
  );
}

function SignedOut() {
  return (
    <Routes>
      <Route path="sign-up" element={<SignUpPage />} />
      <Route path="forgot-password" element={<ForgotPasswordPage />} />
      <Route path="reset-password" element={<ResetPasswordPage />} />
      <Route path="*" element={<SignInPage />} />
    </Routes>
  );
}

function SignedIn({ me }: { me: Me }) {
  const role = me.user?.role;
  const hosted = me.mode === 'hosted';
  // An analyst sees cohort aggregates and nothing else of anyone.
  if (role === 'analyst') {
    return (
      <Routes>
        <Route element={<Layout />}>
          <Route path="cohorts" element={lazyPage(<CohortsPage />)} />
          <Route path="account" element={lazyPage(<AccountPage />)} />
          <Route path="*" element={<Navigate to="/cohorts" replace />} />
        </Route>
      </Routes>
    );
  }
  return (
    <ApplicationActionsProvider>
      <AddApplicationProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<BoardPage />} />
            <Route path="applications" element={lazyPage(<ApplicationsPage />)} />
            <Route path="applications/:id" element={lazyPage(<ApplicationPage />)} />
            <Route path="clip" element={lazyPage(<ClipPage />)} />
            {FEATURE_PAGES.map(({ path, Page }) => (
              <Route key={path} path={`${path}/*`} element={lazyPage(<Page />)} />
            ))}
            {hosted && (
              <>
                <Route path="account" element={lazyPage(<AccountPage />)} />
                <Route path="sharing" element={lazyPage(<SharingPage />)} />
                <Route path="caseload" element={lazyPage(<CaseloadPage />)} />
                <Route path="caseload/:workspaceId" element={lazyPage(<SeekerView />)} />
                {role === 'admin' && <Route path="admin" element={lazyPage(<AdminPage />)} />}
                {role === 'admin' && <Route path="cohorts" element={lazyPage(<CohortsPage />)} />}
                {/* Signed in already: the links of the signed-out pages lead home. */}
                <Route path="sign-up" element={<Navigate to="/" replace />} />
                <Route path="reset-password" element={<Navigate to="/" replace />} />
                <Route path="forgot-password" element={<Navigate to="/" replace />} />
              </>
            )}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </AddApplicationProvider>
    </ApplicationActionsProvider>
  );
}
