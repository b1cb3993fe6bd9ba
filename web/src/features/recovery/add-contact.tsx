import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/hooks.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { type Contact, useLinkContact } from '../contacts/api.ts';
import { ContactForm } from '../contacts/contact-form.tsx';

interface Props {
  applicationId: string;
  company: string;
  onAdded: (contact: Contact) => void;
}

/** "Add someone you met": a new contact, linked to this application. */
export function AddContactButton({ applicationId, company, onAdded }: Props) {
  const [open, setOpen] = useState(false);
  const [dirty, setDirty] = useState(false);
  const link = useLinkContact();
  return (
    <>
      <Button
        variant="light"
        size="xs"
        leftSection={<IconUserPlus size={14} />}
        onClick={() => setOpen(true)}
      >
        Add someone you met
      </Button>
      <FormModal
        opened={open}
        onClose={() => setOpen(false)}
        dirty={dirty}
        title="Add someone you met"
        size="lg"
      >
        {(requestClose) => (
          <ContactForm
            defaults={{ company }}
            onCancel={requestClose}
            onDirtyChange={setDirty}
            onSaved={(contact) => {
              setOpen(false);
              link.mutate(
                { id: contact.id, applicationId },
                {
                  onSuccess: () => onAdded(contact),
                  onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
                },
              );
            }}
          />
        )}
      </FormModal>
    </>
  );
}
