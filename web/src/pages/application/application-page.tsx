import { STAGES, type Stage } from '@core/applications/application.ts';
import type { ApplicationDetail } from '@core/applications/schemas.ts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Grid,
  Group,
  Loader,
  Menu,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconArrowLeft,
  IconDoorExit,
  IconDots,
  IconExternalLink,
  IconMailOff,
  IconMessage,
  IconPencil,
  IconRefresh,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import {
  errorMessage,
  useAddEvent,
  useApplication,
  useDeleteApplication,
  useUpdateApplication,
} from '../../api/hooks.ts';
import { useApplicationActions } from '../../components/application-actions.tsx';
import { ApplicationForm } from '../../components/application-form.tsx';
import { emptyForm, type FormValues } from '../../components/empty-form.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { NotFoundPage } from '../../components/not-found.tsx';
import { ResumeLinesCard } from '../../features/ai/resume-lines-card.tsx';
import { PeopleCard } from '../../features/contacts/people-card.tsx';
import { RecoveryCard } from '../../features/recovery/recovery-card.tsx';
import { PeopleYouKnowCard } from '../../features/referrals/people-you-know-card.tsx';
import { WaitingLine } from '../../features/referrals/waiting-line.tsx';
import { SkillsMatchCard } from '../../features/skills/skills-match-card.tsx';
import { WritingLink } from '../../features/writing/writing-offer.tsx';
import { OUTCOME_COLORS, outcomeLabel, STAGE_COLORS, stageLabel } from '../../lib/format.ts';
import { DetailsCard } from './details-card.tsx';
import { NoteCard } from './note-card.tsx';
import { RoundsCard } from './rounds-card.tsx';
import { EventTimeline } from './timeline.tsx';

function toForm(app: ApplicationDetail): FormValues {
  return {
    ...emptyForm,
    company: app.company,
    role: app.role,
    channel: app.channel,
    stage: app.stage,
    appliedOn: app.appliedOn,
    jobUrl: app.jobUrl ?? '',
    website: app.website ?? '',
    location: app.location ?? '',
    workMode: app.workMode,
    kind: app.kind,
    salaryMin: app.salaryMin ?? '',
    salaryMax: app.salaryMax ?? '',
    salaryCurrency: app.salaryCurrency ?? '',
    tags: app.tags,
    jobDescription: app.jobDescription ?? '',
    notes: app.notes ?? '',
    resumeVersion: app.resumeVersion ?? '',
    coverLetterVersion: app.coverLetterVersion ?? '',
    priority: app.priority ?? 0,
    excitement: app.excitement ?? 0,
  };
}

/**
 * One application: where it stands, its details, people, notes and history. The full page at
 * `/applications/:id` (for links), or inside the board's side drawer (`id` given, `inDrawer`).
 */
export function ApplicationPage({ id: given, inDrawer = false }: { id?: string; inDrawer?: boolean } = {}) {
  const params = useParams();
  const id = given ?? params.id ?? '';
  const { data: app, isLoading, error } = useApplication(id);
  const [editing, setEditing] = useState(false);
  const [editDirty, setEditDirty] = useState(false);
  // The form compares against what it started with; keep that stable while it is open.
  const editInitial = useMemo(() => (app && editing ? toForm(app) : emptyForm), [app, editing]);
  const navigate = useNavigate();
  const update = useUpdateApplication(id);

  if (isLoading) {
    return (
      <Center py={80}>
        <Loader />
      </Center>
    );
  }
  if (error instanceof ApiError && error.status === 404) {
    return <NotFoundPage message="This application is not here. It may have been deleted." />;
  }
  if (error || !app) {
    return (
      <Alert color="red" title="This application could not load">
        {errorMessage(error)}
      </Alert>
    );
  }

  return (
    <Stack gap="md" maw={1200}>
      {inDrawer ? (
        <Anchor component={Link} to={`/applications/${encodeURIComponent(app.id)}`} size="sm">
          <Group gap={4}>
            Open the full page <IconExternalLink size={14} />
          </Group>
        </Anchor>
      ) : (
        <Anchor
          component="button"
          type="button"
          size="sm"
          c="dimmed"
          onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))}
        >
          <Group gap={4}>
            <IconArrowLeft size={14} /> Back
          </Group>
        </Anchor>
      )}
      <Header app={app} />
      <Grid gap="md">
        <Grid.Col span={inDrawer ? 12 : { base: 12, md: 8 }}>
          <Stack gap="md">
            <WaitingLine wait={app.responseWait} />
            <StageCard app={app} />
            <PeopleYouKnowCard applicationId={app.id} people={app.peopleYouKnow ?? []} />
            <DetailsCard
              app={app}
              action={
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconPencil size={14} />}
                  onClick={() => setEditing(true)}
                >
                  Edit
                </Button>
              }
            />
            <Card padding="lg">
              <Title order={4} mb="md">
                Timeline
              </Title>
              <EventTimeline events={app.events} applicationId={app.id} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={inDrawer ? 12 : { base: 12, md: 4 }}>
          <Stack gap="md">
            {app.outcome === 'rejected' && <RecoveryCard applicationId={app.id} />}
            {app.outcome === 'rejected' && <WritingLink applicationId={app.id} />}
            <PeopleCard applicationId={app.id} company={app.company} />
            <NoteCard id={app.id} />
            <SkillsMatchCard applicationId={app.id} version={app.updatedAt} />
            <ResumeLinesCard app={app} />
            <RoundsCard id={app.id} rounds={app.rounds} />
          </Stack>
        </Grid.Col>
      </Grid>
      <FormModal
        opened={editing}
        onClose={() => setEditing(false)}
        dirty={editDirty}
        title={`Edit ${app.company}`}
        size="lg"
      >
        {(requestClose) => (
          <ApplicationForm
            initial={editInitial}
            mode="edit"
            submitLabel="Save changes"
            onCancel={requestClose}
            onDirtyChange={setEditDirty}
            onSubmit={async (input) => {
              await update.mutateAsync(input);
              setEditing(false);
              notifications.show({ color: 'teal', message: 'Saved.' });
            }}
          />
        )}
      </FormModal>
    </Stack>
  );
}

function Header({ app }: { app: ApplicationDetail }) {
  const navigate = useNavigate();
  const remove = useDeleteApplication();
  const [confirming, setConfirming] = useState(false);
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <div style={{ minWidth: 0 }}>
        <Title order={1} fz={28} className="clamp-1">
          {app.company}
        </Title>
        <Text size="lg" c="dimmed" className="clamp-1">
          {app.role}
        </Text>
        <Group gap={6} mt="xs">
          <Badge color={STAGE_COLORS[app.stage]} variant="light">
            {stageLabel(app.stage)}
          </Badge>
          {app.outcome && (
            <Badge color={OUTCOME_COLORS[app.outcome]} variant="filled">
              {outcomeLabel(app.outcome)}
            </Badge>
          )}
          <Text size="sm" c="dimmed" data-testid="furthest-stage">
            reached: {app.furthestStage}
          </Text>
          {app.likelyGhosted && (
            <Badge color="yellow" variant="light">
              likely no reply · quiet {app.daysSilent} days
            </Badge>
          )}
        </Group>
      </div>
      <Menu position="bottom-end" shadow="md">
        <Menu.Target>
          <Button variant="default" size="xs" aria-label="More actions">
            <IconDots size={16} />
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => setConfirming(true)}>
            Delete application
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Delete this application?">
        <Text size="sm" mb="md">
          {app.company} · {app.role} and its whole history will be removed. This cannot be undone.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(app.id, {
                onSuccess: () => {
                  notifications.show({ message: `${app.company} was deleted.` });
                  navigate('/');
                },
                onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
              })
            }
          >
            Delete
          </Button>
        </Group>
      </Modal>
    </Group>
  );
}

function StageCard({ app }: { app: ApplicationDetail }) {
  const actions = useApplicationActions();
  const addEvent = useAddEvent();
  const closed = app.outcome !== null;
  // Before it is sent there is no one to reply, reject or go quiet: only "not applying" applies.
  const sent = app.stage !== 'saved';
  // Six stages side by side do not fit a phone: there they stack.
  const narrow = useMediaQuery('(max-width: 600px)');
  return (
    <Card padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Where it stands</Title>
        {closed && (
          <Text size="sm" c="dimmed">
            Closed. Reopen it to move it again.
          </Text>
        )}
      </Group>
      <SegmentedControl
        fullWidth
        orientation={narrow ? 'vertical' : 'horizontal'}
        disabled={closed || actions.isPending}
        data={STAGES.map((s) => ({ value: s, label: stageLabel(s) }))}
        value={app.stage}
        onChange={(v) => v !== app.stage && actions.move(app, v as Stage)}
        aria-label="Stage"
      />
      <Group gap="xs" mt="md">
        {closed ? (
          <Button variant="light" leftSection={<IconRefresh size={16} />} onClick={() => actions.reopen(app)}>
            Reopen
          </Button>
        ) : (
          <>
            {sent && (
              <>
                <Button
                  variant="light"
                  leftSection={<IconMessage size={16} />}
                  onClick={() => addEvent.mutate({ id: app.id, event: { type: 'response' } })}
                >
                  They replied
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconX size={16} />}
                  onClick={() => actions.reject(app)}
                >
                  Mark rejected…
                </Button>
              </>
            )}
            <Button
              variant="default"
              leftSection={<IconDoorExit size={16} />}
              onClick={() => actions.close(app, 'withdrawn')}
            >
              {sent ? 'Withdraw' : 'Not applying'}
            </Button>
            {sent && (
              <Button
                variant="default"
                leftSection={<IconMailOff size={16} />}
                onClick={() => actions.close(app, 'ghosted')}
              >
                Mark no reply
              </Button>
            )}
            {app.stage === 'offer' && (
              <Button variant="default" onClick={() => actions.close(app, 'declined')}>
                Decline offer
              </Button>
            )}
          </>
        )}
        <Button
          variant="subtle"
          leftSection={<IconArrowBackUp size={16} />}
          onClick={() => actions.undo(app)}
        >
          Undo last move
        </Button>
      </Group>
    </Card>
  );
}
