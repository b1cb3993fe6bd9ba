import { Center, Drawer, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';

const ApplicationPage = lazy(() =>
  import('../application/application-page.tsx').then((m) => ({ default: m.ApplicationPage })),
);

/** The board's `?app=ID`: which application is open in the side drawer (null: none). */
export function useOpenOnBoard(): [string | null, (id: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const open = (id: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('app', id);
      else next.delete('app');
      return next;
    });
  return [params.get('app'), open];
}

/**
 * An application opened from the board, in a drawer over it, so triage keeps the board in view.
 * The id lives in the address (`/?app=ID`), so Back closes it; the full page stays for links.
 */
export function ApplicationDrawer() {
  const [id, open] = useOpenOnBoard();
  return (
    <Drawer
      opened={id !== null}
      onClose={() => open(null)}
      position="right"
      size="min(720px, 100%)"
      title="Application"
      data-testid="application-drawer"
    >
      <Suspense
        fallback={
          <Center py="xl">
            <Loader />
          </Center>
        }
      >
        {id && <ApplicationPage id={id} inDrawer />}
      </Suspense>
    </Drawer>
  );
}
