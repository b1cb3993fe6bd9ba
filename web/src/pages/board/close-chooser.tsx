import { stageIndex } from '@core/applications/application.ts';
import type { ApplicationSummary } from '@core/applications/schemas.ts';
import { Button, Divider, Modal, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconDoorExit, IconHandStop, IconMailOff, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useApplicationActions } from '../../components/application-actions.tsx';

/** Where a card was dropped that ends it: the Closed lane, or the Accepted column. */
export interface Ending {
  app: ApplicationSummary;
  /** `accepted`: the card went to the Accepted column; only that is asked about. */
  target: 'closed' | 'accepted';
}

interface Props {
  ending: Ending | null;
  onClose: () => void;
}

/**
 * Dropping a card where an application ends never decides the outcome by itself: it asks.
 * Rejected goes on to the rejection dialog and the guided steps after it; Accepted is a
 * separate, deliberate button.
 */
export function CloseChooser({ ending, onClose }: Props) {
  const actions = useApplicationActions();
  const app = ending?.app;
  const hadOffer = app ? stageIndex(app.furthestStage) >= stageIndex('offer') : false;
  const choose = (run: () => void) => {
    onClose();
    run();
  };

  return (
    <Modal
      opened={ending !== null}
      onClose={onClose}
      title={ending?.target === 'accepted' ? 'Did you accept the offer?' : 'How did it end?'}
    >
      {app && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {app.company} · {app.role}
          </Text>
          {ending.target === 'closed' && (
            <>
              <Choice icon={<IconX size={16} />} onClick={() => choose(() => actions.reject(app))}>
                They said no (rejected)…
              </Choice>
              <Choice
                icon={<IconDoorExit size={16} />}
                onClick={() => choose(() => actions.close(app, 'withdrawn'))}
              >
                I withdrew
              </Choice>
              {hadOffer && (
                <Choice
                  icon={<IconHandStop size={16} />}
                  onClick={() => choose(() => actions.close(app, 'declined'))}
                >
                  I declined the offer
                </Choice>
              )}
              <Choice
                icon={<IconMailOff size={16} />}
                onClick={() => choose(() => actions.close(app, 'ghosted'))}
              >
                They never replied
              </Choice>
              <Divider label="or, good news" labelPosition="center" my={4} />
            </>
          )}
          <Choice
            icon={<IconCircleCheck size={16} />}
            color="green"
            onClick={() => choose(() => actions.move(app, 'accepted'))}
          >
            I accepted the offer
          </Choice>
          <Button variant="subtle" color="gray" onClick={onClose} mt={4}>
            {ending.target === 'accepted' ? 'Not yet, leave it where it was' : 'Cancel, leave it open'}
          </Button>
        </Stack>
      )}
    </Modal>
  );
}

function Choice({
  icon,
  color,
  onClick,
  children,
}: {
  icon: ReactNode;
  color?: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button
      variant={color ? 'light' : 'default'}
      color={color}
      justify="flex-start"
      leftSection={icon}
      onClick={onClick}
      fullWidth
    >
      {children}
    </Button>
  );
}
