import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiError, api } from './api/client.ts';
import { BOARD_QUERY, boardKey } from './api/hooks.ts';
import { App } from './app.tsx';
import { meKey, readMe } from './features/account/session.tsx';
import { theme } from './theme.ts';

const queryClient = new QueryClient({
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
