import { Alert, Anchor, Card, Center, Group, Loader, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';
import { ReframeCard } from '../writing/reframe-card.tsx';
import { WritingOffer } from '../writing/writing-offer.tsx';
import { useRejection, useSaveRecoveryStep } from './api.ts';
import { FeedbackStep } from './feedback-step.tsx';
import { KeepInTouchStep } from './keep-in-touch-step.tsx';
import { LookBackStep } from './look-back-step.tsx';
import { RECOVERY_STEPS, type RecoveryStep } from './paths.ts';
import { PauseStep } from './pause-step.tsx';

/** The guided steps after a "no": pause, ask for feedback, look back, keep in touch. */
export function RecoveryFlow() {
  const { applicationId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { data: rejection, isLoading, error } = useRejection(applicationId);
  const saveStep = useSaveRecoveryStep(applicationId);
  // A link may name a step (`?step=look-back`); otherwise the flow resumes where the user left it.
  const wanted = (params.get('step') ?? rejection?.step ?? 'pause') as RecoveryStep;
  const active = Math.max(0, RECOVERY_STEPS.indexOf(wanted));
  const go = (i: number) => {
    const step = RECOVERY_STEPS[Math.min(i, RECOVERY_STEPS.length - 1)] ?? 'pause';
    setParams({ step });
    if (rejection && step !== rejection.step) saveStep.mutate({ id: rejection.id, step });
  };

  if (isLoading) {
    return (
      <Center py={80}>
        <Loader />
      </Center>
    );
  }
  if (!rejection) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <Alert
        color={missing ? 'gray' : 'red'}
        title={missing ? 'Nothing to recover from here' : 'This did not load'}
        maw={640}
      >
        {missing ? 'This application has no rejection on record.' : errorMessage(error)}{' '}
        <Anchor component={Link} to="/today">
          Back to Today
        </Anchor>
      </Alert>
    );
  }
  const pausing = rejection.coolOff.endsAt !== null && Date.parse(rejection.coolOff.endsAt) > Date.now();

  return (
    <Stack gap="md" maw={880}>
      <Anchor component={Link} to={`/applications/${encodeURIComponent(applicationId)}`} size="sm" c="dimmed">
        <Group gap={4}>
          <IconArrowLeft size={14} /> {rejection.company}
        </Group>
      </Anchor>
      <div>
        <Title order={1} fz={28} className="user-text">
          After {rejection.company}
        </Title>
        <Text c="dimmed" className="user-text">
          {rejection.role}. Four short steps, at your own pace. Each one can wait; Today keeps track.
        </Text>
      </div>
      {rejection.reopenedAt && (
        <Alert color="gray" variant="light">
          This application was reopened, so these steps are only here for reference.
        </Alert>
      )}
      <Card padding="lg">
        <Stepper active={active} onStepClick={go} allowNextStepsSelect size="sm">
          <Stepper.Step label="Take a breath" description="A pause">
            <PauseStep rejection={rejection} onNext={() => go(1)} />
          </Stepper.Step>
          <Stepper.Step label="Ask for feedback" description="One short email">
            <FeedbackStep rejection={rejection} onNext={() => go(2)} />
          </Stepper.Step>
          <Stepper.Step label="Look back" description="What to keep, what to change">
            <LookBackStep rejection={rejection} pausing={pausing} onNext={() => go(3)} />
          </Stepper.Step>
          <Stepper.Step label="Keep in touch" description="People, not just jobs">
            <KeepInTouchStep rejection={rejection} onDone={() => navigate('/today')} />
          </Stepper.Step>
        </Stepper>
      </Card>
      <WritingOffer applicationId={applicationId} />
      <ReframeCard />
    </Stack>
  );
}
