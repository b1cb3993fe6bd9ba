import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiError, api } from './api/client.ts';
import { BOARD_QUERY, boardKey } from './api/hooks.ts';
import { App } from './app.tsx';
import { type Me, meKey, readMe } from './features/account/session.tsx';
import { theme } from './theme.ts';

/**
 * A read or change refused because the session ended (signed out elsewhere, or expired) while a
 * signed-in page was open: ask who is signed in again, so the app shows the sign-in page, and say why.
 */
function sessionEnded(error: unknown): void {
  if (!(error instanceof ApiError) || error.status !== 401) return;
  if (!queryClient.getQueryData<Me>(meKey)?.user) return;
  notifications.show({
    id: 'session-ended',
    color: 'yellow',
    message: 'Your session has ended. Please sign in again.',
  });
  void queryClient.invalidateQueries({ queryKey: meKey });
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: sessionEnded }),
  mutationCache: new MutationCache({ onError: sessionEnded }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: true,
      // One more try after a network failure or a server error; an answer such as 404 or 403 will
      // not change on asking again, so "Nothing here" shows at once.
      retry: (failures, error) => failures < 1 && !(error instanceof ApiError && error.status < 500),
    },
  },
});

// Every page waits for who is signed in, and the board is the usual first screen: both are asked
// for before React's first render (and already in flight since /boot.js ran).
void queryClient.prefetchQuery({ queryKey: meKey, queryFn: readMe });
if (window.location.pathname === '/') {
  void queryClient.prefetchQuery({ queryKey: boardKey, queryFn: () => api.listApplications(BOARD_QUERY) });
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
