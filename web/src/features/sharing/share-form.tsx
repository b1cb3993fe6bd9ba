import { shareCreateSchema } from '@core/accounts/input.ts';
import { type Role, SHARE_SCOPE_LABELS, SHARE_SCOPES, type ShareScope } from '@core/accounts/scopes.ts';
import { Alert, Button, Card, Checkbox, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { errorMessage } from '../../api/hooks.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { DateField } from '../../components/date-field.tsx';
import { clearSent } from '../../lib/form-reset.ts';
import { fieldErrorsFor, schemaValidator } from '../../lib/form-schema.ts';
import { formatDate } from '../../lib/format.ts';
import { useCreateShare } from './api.ts';

interface Values {
  coachEmail: string;
  scopes: ShareScope[];
  endsOn: string | null;
}

const FIELDS = ['coachEmail', 'scopes', 'endsOn'];
const LABELS = { coachEmail: "The coach's e-mail", scopes: 'What to share', endsOn: 'The end date' };

/** Share chosen parts of your job search with a coach, by e-mail, optionally until a day. */
export function ShareForm() {
  const create = useCreateShare();
  const [invitationLink, setInvitationLink] = useState<{ email: string; link: string } | null>(null);
  // Someone else's invitation for the coach's address is on its way: no link of ours is needed.
  const [pending, setPending] = useState<{ email: string; role: Role; expiresAt: string } | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { coachEmail: '', scopes: [], endsOn: null },
    validate: schemaValidator(shareCreateSchema, LABELS),
  });
  // A past day typed as the end is not taken: say so, and share nothing until it is put right.
  const refusedEnd = useRef<string | null>(null);
  const refuseEnd = (reason: string | null) => {
    if (reason === null) {
      if (refusedEnd.current) form.clearFieldError('endsOn');
      refusedEnd.current = null;
      return;
    }
    refusedEnd.current = `${LABELS.endsOn} ${reason}.`;
    form.setFieldError('endsOn', refusedEnd.current);
  };
  function submit(values: Values) {
    if (refusedEnd.current) {
      form.setFieldError('endsOn', refusedEnd.current);
      return;
    }
    setInvitationLink(null);
    setPending(null);
    create.mutate(
      { coachEmail: values.coachEmail, scopes: values.scopes, endsOn: values.endsOn },
      {
        onSuccess: (share) => {
          clearSent(form, values);
          if (share.invitationLink)
            setInvitationLink({ email: share.coachEmail, link: share.invitationLink });
          else if (share.pendingInvitation)
            setPending({ email: share.coachEmail, ...share.pendingInvitation });
          else if (share.invitationEmailed)
            notifications.show({
              color: 'teal',
              message: `${share.coachEmail} has no account here yet: we e-mailed them an invitation.`,
            });
        },
        onError: (e) => form.setErrors(fieldErrorsFor(e, FIELDS, LABELS)),
      },
    );
  }
  const fieldErrorShown = Object.keys(fieldErrorsFor(create.error, FIELDS)).length > 0;
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="xs">
        Share with a coach
      </Title>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Coach's e-mail"
            type="email"
            placeholder="coach@example.org"
            {...form.getInputProps('coachEmail')}
          />
          <Checkbox.Group
            label="What they may see"
            description="Read only: a coach can never change anything of yours."
            {...form.getInputProps('scopes')}
          >
            <Stack gap={6} mt={6}>
              {SHARE_SCOPES.map((scope) => (
                <Checkbox key={scope} value={scope} label={SHARE_SCOPE_LABELS[scope]} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Alert color="gray" variant="light" icon={<IconLock size={16} />} p="xs">
            <Text size="sm">Your journal, moods and private writing are never shared, with anyone.</Text>
          </Alert>
          <DateField
            label="Until (optional)"
            description="Sharing ends by itself after this day. You can end it any time."
            notInPast
            clearable
            value={form.values.endsOn}
            onChange={(v) => {
              refusedEnd.current = null;
              form.setFieldValue('endsOn', v);
            }}
            onRefusedDay={refuseEnd}
            error={form.errors.endsOn}
            maw={260}
          />
          {create.error && !fieldErrorShown && <Alert color="red">{errorMessage(create.error)}</Alert>}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              Share
            </Button>
          </Group>
        </Stack>
      </form>
      {pending && (
        <Alert
          color={pending.role === 'analyst' ? 'yellow' : 'indigo'}
          mt="md"
          title={`${pending.email} already has an invitation on its way`}
          data-testid="share-pending-invitation"
        >
          <Text size="sm">
            {pending.role === 'analyst'
              ? `They were invited as an analyst (the link works until ${formatDate(pending.expiresAt.slice(0, 10))}), and an analyst cannot see what people share. Ask your admin to make them a coach if they should read your job search.`
              : `Someone here already invited them (the link works until ${formatDate(pending.expiresAt.slice(0, 10))}), so no new link is needed. Once they join through it, they will see what you share.`}
          </Text>
        </Alert>
      )}
      {invitationLink && (
        <Alert color="indigo" mt="md" title={`${invitationLink.email} has no account here yet`}>
          <Stack gap="xs">
            <Text size="sm">
              Send them this link to sign up; they will see what you share once they have.
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Code style={{ wordBreak: 'break-all' }}>{invitationLink.link}</Code>
              <CopyButton value={invitationLink.link}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? 'Copied' : 'Copy link'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}
    </Card>
  );
}
