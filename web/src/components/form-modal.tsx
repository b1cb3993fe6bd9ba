import { Button, Group, Modal, type ModalProps, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';

interface Props extends Omit<ModalProps, 'children'> {
  /** True while the form holds something the person typed and has not saved. */
  dirty: boolean;
  /** The form; as a function it gets the guarded close for its own Cancel button. */
  children: ReactNode | ((requestClose: () => void) => ReactNode);
}

/**
 * A dialog around a form. Closing it (Escape, the ×, a click outside, Cancel) with unsaved
 * text asks first, so a stray key never throws away what someone wrote.
 */
export function FormModal({ dirty, onClose, children, ...props }: Props) {
  const [asking, setAsking] = useState(false);
  const requestClose = () => (dirty ? setAsking(true) : onClose());
  return (
    <>
      <Modal {...props} onClose={requestClose} closeOnEscape={!asking && props.closeOnEscape !== false}>
        {typeof children === 'function' ? children(requestClose) : children}
      </Modal>
      <Modal
        opened={props.opened && asking}
        onClose={() => setAsking(false)}
        title="Discard what you typed?"
        size="sm"
        zIndex={300}
      >
        <Text size="sm" mb="md">
          This form has changes that are not saved yet.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setAsking(false)} data-autofocus>
            Keep editing
          </Button>
          <Button
            color="red"
            onClick={() => {
              setAsking(false);
              onClose();
            }}
          >
            Discard
          </Button>
        </Group>
      </Modal>
    </>
  );
}
