import type { Command } from 'commander';
import { emailSchema, passwordSchema, roleSchema } from '../../core/accounts/input.ts';
import { ROLES } from '../../core/accounts/scopes.ts';
import { ReboundError } from '../../core/errors.ts';
import { type CommonFlags, common, printJson } from '../io.ts';

/** Reads a value through a zod schema, naming the flag when it is refused. */
function parseFlag<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  value: unknown,
  flag: string,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ReboundError('invalid_input', `${flag}: ${parsed.error.issues[0]?.message ?? 'is not valid'}`, [
      { path: flag, message: parsed.error.issues[0]?.message ?? 'is not valid' },
    ]);
  }
  return parsed.data;
}

/** Asks for a password on the terminal without echoing it. */
async function promptPassword(question: string): Promise<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  let asking = true;
  const write = muted._writeToOutput.bind(rl);
  muted._writeToOutput = (s: string) => {
    if (!asking) write(s);
  };
  process.stdout.write(question);
  return new Promise((done) => {
    rl.question('', (answer) => {
      asking = false;
      rl.close();
      process.stdout.write('\n');
      done(answer);
    });
  });
}

async function adminPassword(): Promise<string> {
  const fromEnv = process.env.REBOUND_ADMIN_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '')
    return parseFlag(passwordSchema, fromEnv, 'REBOUND_ADMIN_PASSWORD');
  if (!process.stdin.isTTY) {
    throw new ReboundError(
      'invalid_input',
      'password: set REBOUND_ADMIN_PASSWORD, or run this in a terminal to be asked for it',
      [{ path: 'password', message: 'is required' }],
    );
  }
  const first = parseFlag(
    passwordSchema,
    await promptPassword('Password (at least 10 characters): '),
    'password',
  );
  const again = await promptPassword('The same password again: ');
  if (again !== first) throw new ReboundError('invalid_input', 'password: the two passwords differ');
  return first;
}

/** Opens the database for account work (no workspace: accounts are the server's). */
async function withAccounts<T>(
  flags: CommonFlags,
  fn: (ctx: import('../../services/accounts/accounts.ts').AccountsContext) => Promise<T>,
): Promise<T> {
  const [{ openStore }, { resolveTarget }, { systemClock }] = await Promise.all([
    import('../../store/connect.ts'),
    import('../target.ts'),
    import('../../services/context.ts'),
  ]);
  const store = await openStore(resolveTarget(flags));
  try {
    return await fn({ db: store.db, clock: systemClock });
  } finally {
    await store.close();
  }
}

export function registerAdminCommands(program: Command): void {
  const admin = program
    .command('admin')
    .description('run a hosted server: create the first admin, invite people');

  common(
    admin
      .command('create')
      .description('create an admin account (password from REBOUND_ADMIN_PASSWORD, or asked)')
      .requiredOption('--email <address>', 'the admin’s e-mail address')
      .option('--name <name>', 'the name shown to others (default: the part of the address before @)'),
  ).action(async (opts: CommonFlags & { email: string; name?: string }) => {
    const email = parseFlag(emailSchema, opts.email, '--email');
    const name = (opts.name ?? email.split('@')[0] ?? email).trim().slice(0, 200) || email;
    const password = await adminPassword();
    await withAccounts(opts, async (ctx) => {
      const { createAccount, presentUser } = await import('../../services/accounts/accounts.ts');
      const user = await createAccount(ctx, { email, name, password, role: 'admin' });
      if (opts.json) printJson(presentUser(user));
      else console.log(`Admin account created for ${user.email}. Start the server and sign in with it.`);
    });
  });

  common(
    admin
      .command('invite')
      .description('invite someone by e-mail and print the sign-up link (e-mailed too when SMTP is set up)')
      .requiredOption('--email <address>', 'who to invite')
      .option('--role <role>', `their role: ${ROLES.join(', ')}`, 'seeker'),
  ).action(async (opts: CommonFlags & { email: string; role: string }) => {
    const email = parseFlag(emailSchema, opts.email, '--email');
    const role = parseFlag(roleSchema, opts.role, '--role');
    const { createMailer, mailSettingsFromEnv } = await import('../../services/accounts/mail.ts');
    const settings = mailSettingsFromEnv();
    await withAccounts(opts, async (base) => {
      const [{ createInvitationAs }, { findFirstAdmin }] = await Promise.all([
        import('../../services/accounts/invitations.ts'),
        import('../../store/accounts-repository.ts'),
      ]);
      const inviter = await findFirstAdmin(base.db);
      if (!inviter) {
        throw new ReboundError(
          'invalid_input',
          'No admin yet: create one first with rebound admin create --email you@example.org',
        );
      }
      const ctx = { ...base, mail: { publicUrl: settings.publicUrl, mailer: createMailer(settings) } };
      const made = await createInvitationAs(ctx, inviter, { email, role });
      if (opts.json) {
        printJson(made);
        return;
      }
      console.log(`Invitation for ${made.email} (${made.role}), valid until ${made.expiresAt.slice(0, 10)}:`);
      console.log(made.link);
      if (made.emailed) console.log(`E-mailed to ${made.email}.`);
      else if (settings.publicUrl === null)
        console.log("Open it on your server's address (set REBOUND_PUBLIC_URL to print whole links).");
      else console.log('Not e-mailed (no REBOUND_SMTP_URL): send them this link.');
    });
  });
}
