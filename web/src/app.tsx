import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AddApplicationProvider } from './components/add-application.tsx';
import { ApplicationActionsProvider } from './components/application-actions.tsx';
import { Layout } from './components/layout.tsx';
import { NotFoundPage } from './components/not-found.tsx';
import { FEATURE_PAGES } from './features/registry.tsx';
import { BoardPage } from './pages/board/board-page.tsx';

// The board is the first screen; the other pages load when first visited.
const ApplicationPage = lazy(() =>
  import('./pages/application/application-page.tsx').then((m) => ({ default: m.ApplicationPage })),
);
const ApplicationsPage = lazy(() =>
  import('./pages/applications/applications-page.tsx').then((m) => ({ default: m.ApplicationsPage })),
);

// What the bookmarklet opens (Settings, "Save jobs from your browser").
const ClipPage = lazy(() => import('./features/clipper/clip-page.tsx'));

const pageLoader = (
  <Center py={80}>
    <Loader />
  </Center>
);

export function App() {
  return (
    <ApplicationActionsProvider>
      <AddApplicationProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<BoardPage />} />
            <Route
              path="applications"
              element={
                <Suspense fallback={pageLoader}>
                  <ApplicationsPage />
                </Suspense>
              }
            />
            <Route
              path="applications/:id"
              element={
                <Suspense fallback={pageLoader}>
                  <ApplicationPage />
                </Suspense>
              }
            />
            <Route
              path="clip"
              element={
                <Suspense fallback={pageLoader}>
                  <ClipPage />
                </Suspense>
              }
            />
            {FEATURE_PAGES.map(({ path, Page }) => (
              <Route
                key={path}
                path={`${path}/*`}
                element={
                  <Suspense fallback={pageLoader}>
                    <Page />
                  </Suspense>
                }
              />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </AddApplicationProvider>
    </ApplicationActionsProvider>
  );
}
