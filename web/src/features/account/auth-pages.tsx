import {
  passwordResetCompleteSchema,
  passwordResetRequestSchema,
  signInSchema,
  signUpSchema,
} from '@core/accounts/input.ts';
import type { InvitationPublicView } from '@core/accounts/schemas.ts';
import { ROLE_LABELS } from '@core/accounts/scopes.ts';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowBounce } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, request } from '../../api/client.ts';
import { schemaValidator } from '../../lib/form-schema.ts';
import { authErrorWords, isMissingRoute, useAfterSessionChange } from './session.tsx';

const LABELS = { email: 'E-mail', password: 'Password', name: 'Your name', token: 'The link' };

/** The frame of the pages a signed-out person sees: the name, a title, one card. */
function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Stack w="100%" maw={420} gap="lg">
        <Group gap={8} justify="center">
          <ThemeIcon size="lg" radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'cyan' }}>
            <IconArrowBounce size={20} />
          </ThemeIcon>
          <Text fw={700} size="lg">
            Rebound
          </Text>
        </Group>
        <Card withBorder padding="lg" radius="md">
          <Stack gap="md">
            <Title order={2} size="h3">
              {title}
            </Title>
            {children}
          </Stack>
        </Card>
      </Stack>
    </Center>
  );
}

/**
 * Password resets are public routes: a "sign in first" answer means this server has no such
 * route yet (an older server), not that anyone should sign in.
 */
function publicRouteWords(error: unknown): string {
  if (error instanceof ApiError && error.status === 401)
    return 'This server cannot reset passwords yet. Ask its admin to set a new one for you.';
  return authErrorWords(error);
}

/** Sign in with e-mail and password; the server's refusal is shown as it words it. */
export function SignInPage() {
  const after = useAfterSessionChange();
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: schemaValidator(signInSchema, LABELS),
  });
  const signIn = useMutation({
    mutationFn: (values: { email: string; password: string }) =>
      request('POST', '/api/v1/auth/sign-in', values),
    onSuccess: after,
  });
  return (
    <AuthFrame title="Sign in">
      <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
        <Stack gap="sm">
          <TextInput label="E-mail" type="email" autoComplete="email" {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          {signIn.error && (
            <Alert color="red" role="alert">
              {authErrorWords(signIn.error)}
            </Alert>
          )}
          <Button type="submit" loading={signIn.isPending}>
            Sign in
          </Button>
        </Stack>
      </form>
      <Group justify="space-between">
        <Anchor component={Link} to="/forgot-password" size="sm">
          Forgot your password?
        </Anchor>
        <Anchor component={Link} to="/sign-up" size="sm">
          Create an account
        </Anchor>
      </Group>
    </AuthFrame>
  );
}

/**
 * Sign up: by an invitation link (`?invitation=…`, which says who invited whom and as what), on a
 * server whose sign-up is open, or as the first person on a new server (who becomes its admin).
 */
export function SignUpPage() {
  const [params] = useSearchParams();
  const invitation = params.get('invitation') ?? undefined;
  const after = useAfterSessionChange();
  const navigate = useNavigate();
  const preview = useQuery({
    queryKey: ['invitation-preview', invitation],
    queryFn: () =>
      request<InvitationPublicView>(
        'GET',
        `/api/v1/auth/invitations/${encodeURIComponent(invitation ?? '')}`,
      ),
    enabled: invitation !== undefined,
    retry: false,
  });
  const invited = preview.data;
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', email: '', password: '' },
    validate: schemaValidator(signUpSchema, LABELS),
  });
  const invitedEmail = invited?.email;
  // biome-ignore lint/correctness/useExhaustiveDependencies: fill the address once the link is read
  useEffect(() => {
    if (invitedEmail) form.setFieldValue('email', invitedEmail);
  }, [invitedEmail]);
  const signUp = useMutation({
    mutationFn: (values: { name: string; email: string; password: string }) =>
      request('POST', '/api/v1/auth/sign-up', { ...values, ...(invitation ? { invitation } : {}) }),
    onSuccess: async () => {
      await navigate('/', { replace: true });
      await after();
    },
  });
  // Only the preview's own "no such invitation" counts: a server without the preview route still
  // checks the link at sign-up.
  const linkBroken =
    preview.error instanceof ApiError &&
    (preview.error.status === 404 || preview.error.status === 410) &&
    !isMissingRoute(preview.error)
      ? 'This invitation link is not valid any more (used, expired or mistyped). Ask for a new one.'
      : null;

  return (
    <AuthFrame title="Create your account">
      {invited ? (
        <Alert color="indigo" variant="light">
          {invited.invitedByName} invited <b>{invited.email}</b> to join as{' '}
          {ROLE_LABELS[invited.role].toLowerCase()}.
        </Alert>
      ) : invitation === undefined ? (
        <Text size="sm" c="dimmed">
          Sign-up here is by invitation, unless this server's admin has opened it. The first person to sign up
          on a new server becomes its admin.
        </Text>
      ) : null}
      {linkBroken && <Alert color="orange">{linkBroken}</Alert>}
      <form onSubmit={form.onSubmit((values) => signUp.mutate(values))} noValidate>
        <Stack gap="sm">
          <TextInput label="Your name" autoComplete="name" {...form.getInputProps('name')} />
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="email"
            readOnly={invited !== undefined}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            description="At least 10 characters; a few words you will remember work well."
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          {signUp.error && (
            <Alert color="red" role="alert">
              {authErrorWords(signUp.error)}
            </Alert>
          )}
          <Button type="submit" loading={signUp.isPending}>
            Create account
          </Button>
        </Stack>
      </form>
      <Anchor component={Link} to="/" size="sm">
        I already have an account
      </Anchor>
    </AuthFrame>
  );
}

/** Ask for a password-reset link; the answer is the same whether the address has an account. */
export function ForgotPasswordPage() {
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validate: schemaValidator(passwordResetRequestSchema, LABELS),
  });
  const ask = useMutation({
    mutationFn: (values: { email: string }) => request('POST', '/api/v1/auth/password-reset', values),
  });
  return (
    <AuthFrame title="Reset your password">
      {ask.isSuccess ? (
        <Alert color="teal">
          If an account uses that address, a link to choose a new password is on its way. It works for a short
          while. No e-mail? Ask this server's admin.
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((values) => ask.mutate(values))} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Type the e-mail address you sign in with; we will send a link to choose a new password.
            </Text>
            <TextInput label="E-mail" type="email" autoComplete="email" {...form.getInputProps('email')} />
            {ask.error && <Alert color="red">{publicRouteWords(ask.error)}</Alert>}
            <Button type="submit" loading={ask.isPending}>
              Send the link
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/" size="sm">
        Back to sign in
      </Anchor>
    </AuthFrame>
  );
}

/** `/reset-password?token=…`: choose a new password, then you are signed in. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const after = useAfterSessionChange();
  const navigate = useNavigate();
  const form = useForm({
    mode: 'controlled',
    initialValues: { token, password: '', again: '' },
    validate: (values) => {
      const errors = schemaValidator(passwordResetCompleteSchema, {
        ...LABELS,
        password: 'The new password',
      })(values);
      if (!errors.password && values.again !== values.password)
        errors.again = 'The two passwords are not the same.';
      return errors;
    },
  });
  const reset = useMutation({
    mutationFn: (values: { token: string; password: string }) =>
      request('POST', '/api/v1/auth/password-reset/complete', {
        token: values.token,
        password: values.password,
      }),
    onSuccess: async () => {
      await navigate('/', { replace: true });
      await after();
    },
  });
  return (
    <AuthFrame title="Choose a new password">
      {token === '' ? (
        <Alert color="orange">
          This page needs the link from the e-mail.{' '}
          <Anchor component={Link} to="/forgot-password">
            Ask for a new one
          </Anchor>
          .
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((values) => reset.mutate(values))} noValidate>
          <Stack gap="sm">
            <PasswordInput
              label="New password"
              autoComplete="new-password"
              description="At least 10 characters."
              {...form.getInputProps('password')}
            />
            <PasswordInput
              label="The same again"
              autoComplete="new-password"
              {...form.getInputProps('again')}
            />
            {form.errors.token && <Alert color="red">{form.errors.token}</Alert>}
            {reset.error && <Alert color="red">{publicRouteWords(reset.error)}</Alert>}
            <Button type="submit" loading={reset.isPending}>
              Save the new password
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/" size="sm">
        Back to sign in
      </Anchor>
    </AuthFrame>
  );
}
