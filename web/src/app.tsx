import { Route, Routes } from 'react-router';
import { AddApplicationProvider } from './components/add-application.tsx';
import { ApplicationActionsProvider } from './components/application-actions.tsx';
import { Layout } from './components/layout.tsx';
import { NotFoundPage } from './components/not-found.tsx';
import { ApplicationPage } from './pages/application/application-page.tsx';
import { ApplicationsPage } from './pages/applications/applications-page.tsx';
import { BoardPage } from './pages/board/board-page.tsx';

export function App() {
  return (
    <ApplicationActionsProvider>
      <AddApplicationProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<BoardPage />} />
            <Route path="applications" element={<ApplicationsPage />} />
            <Route path="applications/:id" element={<ApplicationPage />} />
            {/* Later pages (Today, Insights, Skills, Contacts) get their routes here. */}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </AddApplicationProvider>
    </ApplicationActionsProvider>
  );
}
