import { Center, Loader } from '@mantine/core';
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
import { FormModal } from './form-modal.tsx';

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
  const [dirty, setDirty] = useState(false);
  const create = useCreateApplication();
  const open = useCallback(() => setOpened(true), []);
  const close = useCallback(() => {
    setOpened(false);
    setDirty(false);
  }, []);
  const value = useMemo(() => open, [open]);

  return (
    <AddApplicationContext.Provider value={value}>
      {children}
      <FormModal opened={opened} onClose={close} dirty={dirty} title="Add an application" size="lg">
        {(requestClose) => (
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
              onCancel={requestClose}
              onDirtyChange={setDirty}
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
        )}
      </FormModal>
    </AddApplicationContext.Provider>
  );
}
