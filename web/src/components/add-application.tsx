import { Center, Loader, Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  createContext,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useContext,
  useMemo,
  useState,
} from 'react';
import { useCreateApplication } from '../api/hooks.ts';
import { emptyForm } from './empty-form.ts';

// The form pulls in the date picker; load it when the dialog first opens.
const ApplicationForm = lazy(() =>
  import('./application-form.tsx').then((m) => ({ default: m.ApplicationForm })),
);

const AddApplicationContext = createContext<() => void>(() => {});

/** Opens the "Add application" dialog from anywhere in the app. */
export function useOpenAddApplication(): () => void {
  return useContext(AddApplicationContext);
}

export function AddApplicationProvider({ children }: { children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  const create = useCreateApplication();
  const open = useCallback(() => setOpened(true), []);
  const close = useCallback(() => setOpened(false), []);
  const value = useMemo(() => open, [open]);

  return (
    <AddApplicationContext.Provider value={value}>
      {children}
      <Modal opened={opened} onClose={close} title="Add an application" size="lg">
        <Suspense
          fallback={
            <Center py="xl">
              <Loader />
            </Center>
          }
        >
          <ApplicationForm
            initial={emptyForm}
            mode="create"
            submitLabel="Add application"
            onCancel={close}
            onSubmit={async (input) => {
              const created = await create.mutateAsync(input);
              close();
              notifications.show({
                color: 'teal',
                title: 'Added',
                message: `${created.company} · ${created.role} is on your board.`,
              });
            }}
          />
        </Suspense>
      </Modal>
    </AddApplicationContext.Provider>
  );
}
