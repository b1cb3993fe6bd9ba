import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useCreateApplication } from '../api/hooks.ts';
import { ApplicationForm, emptyForm } from './application-form.tsx';

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
      </Modal>
    </AddApplicationContext.Provider>
  );
}
