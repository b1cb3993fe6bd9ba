import type { Outcome, Stage } from '@core/applications/application.ts';
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
import { useNavigate } from 'react-router';
import { useAddEvent } from '../api/hooks.ts';
import { recoveryPath } from '../features/recovery/paths.ts';
import { stageLabel } from '../lib/format.ts';
import { FormModal } from './form-modal.tsx';

const RejectForm = lazy(() => import('./reject-form.tsx').then((m) => ({ default: m.RejectForm })));

export interface Target {
  id: string;
  company: string;
  role: string;
}

export interface ApplicationActions {
  move(app: Target, stage: Stage): void;
  close(app: Target, outcome: Outcome): void;
  /** Asks for an optional reason first, records the rejection, then opens the guided next steps. */
  reject(app: Target): void;
  reopen(app: Target): void;
  undo(app: Target): void;
  isPending: boolean;
}

const Ctx = createContext<ApplicationActions | null>(null);

export function useApplicationActions(): ApplicationActions {
  const value = useContext(Ctx);
  if (!value) throw new Error('useApplicationActions needs ApplicationActionsProvider');
  return value;
}

const CLOSE_MESSAGES: Record<Outcome, string> = {
  rejected: 'Logged. Every answer is information, and this one is on your timeline now.',
  withdrawn: 'Marked as withdrawn. Stepping away is a choice worth making.',
  declined: 'Offer declined and noted.',
  ghosted: 'Marked as no reply. If they write back, you can reopen it.',
};

/** One place that turns a card or page action into an event, with a single reason dialog. */
export function ApplicationActionsProvider({ children }: { children: ReactNode }) {
  const addEvent = useAddEvent();
  const [rejecting, setRejecting] = useState<Target | null>(null);
  const [rejectDirty, setRejectDirty] = useState(false);
  const { mutate } = addEvent;
  const navigate = useNavigate();

  const move = useCallback(
    (app: Target, stage: Stage) => mutate({ id: app.id, event: { type: 'stage_changed', stage } }),
    [mutate],
  );
  const close = useCallback(
    (app: Target, outcome: Outcome) =>
      mutate(
        { id: app.id, event: { type: 'outcome_set', outcome } },
        { onSuccess: () => notifications.show({ title: app.company, message: CLOSE_MESSAGES[outcome] }) },
      ),
    [mutate],
  );
  const reject = useCallback((app: Target) => setRejecting(app), []);
  const reopen = useCallback((app: Target) => mutate({ id: app.id, event: { type: 'reopened' } }), [mutate]);
  const undo = useCallback(
    (app: Target) =>
      mutate(
        { id: app.id, event: { type: 'undo' } },
        {
          onSuccess: (detail) =>
            notifications.show({
              title: 'Undone',
              message: `${detail.company} is back in ${stageLabel(detail.stage)}${detail.outcome ? '' : ' and open'}.`,
            }),
        },
      ),
    [mutate],
  );

  const value = useMemo(
    () => ({ move, close, reject, reopen, undo, isPending: addEvent.isPending }),
    [move, close, reject, reopen, undo, addEvent.isPending],
  );

  function confirmReject(app: Target, reason: string, occurredOn: string | null) {
    const event = {
      type: 'outcome_set' as const,
      outcome: 'rejected' as const,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(occurredOn ? { occurredOn } : {}),
    };
    setRejecting(null);
    mutate(
      { id: app.id, event },
      {
        onSuccess: () => {
          notifications.show({ title: app.company, message: CLOSE_MESSAGES.rejected });
          navigate(recoveryPath(app.id));
        },
      },
    );
  }

  return (
    <Ctx.Provider value={value}>
      {children}
      <FormModal
        opened={rejecting !== null}
        onClose={() => setRejecting(null)}
        dirty={rejectDirty}
        title="Log a rejection"
      >
        {(requestClose) => (
          <Suspense fallback={null}>
            {rejecting && (
              <RejectForm
                target={rejecting}
                onCancel={requestClose}
                onDirtyChange={setRejectDirty}
                onConfirm={(reason, occurredOn) => confirmReject(rejecting, reason, occurredOn)}
              />
            )}
          </Suspense>
        )}
      </FormModal>
    </Ctx.Provider>
  );
}
