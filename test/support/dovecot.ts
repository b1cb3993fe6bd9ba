/**
 * A real IMAP server for mail sync tests: Dovecot started in the foreground with a temporary
 * configuration (passwd-file users, maildirs in a temporary folder, plain IMAP on a free
 * loopback port), stopped by the test. Ask `hasTool('dovecot')` first (test/support/tools.ts).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { TOOLS } from './tools.ts';

export interface TestImapServer {
  host: string;
  port: number;
  /** imap://user@127.0.0.1:port (no password). */
  url(user: string): string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('* OK'));
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

/** Who the mail processes run as: this user, or Dovecot's own users when the tests run as root. */
function accounts(): { internal: string; login: string; uid: number; gid: number } {
  const me = userInfo();
  if (me.uid !== 0) {
    return { internal: me.username, login: me.username, uid: me.uid, gid: me.gid };
  }
  const uid = Number(execFileSync('id', ['-u', 'dovecot'], { encoding: 'utf8' }));
  const gid = Number(execFileSync('id', ['-g', 'dovecot'], { encoding: 'utf8' }));
  return { internal: 'dovecot', login: 'dovenull', uid, gid };
}

/** Starts Dovecot with these users (name → password) and waits until it greets. */
export async function startDovecot(users: Record<string, string>): Promise<TestImapServer> {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-dovecot-'));
  chmodSync(dir, 0o755);
  const run = join(dir, 'run');
  const mail = join(dir, 'mail');
  mkdirSync(run);
  mkdirSync(mail);
  const who = accounts();
  chownSync(mail, who.uid, who.gid);
  const passwd = join(dir, 'users');
  writeFileSync(
    passwd,
    Object.entries(users)
      .map(([name, password]) => `${name}:{PLAIN}${password}::::::\n`)
      .join(''),
    { mode: 0o644 },
  );
  const port = await freePort();
  const config = join(dir, 'dovecot.conf');
  writeFileSync(
    config,
    `protocols = imap
listen = 127.0.0.1
base_dir = ${run}
state_dir = ${run}
instance_name = rebound-test-${port}
log_path = ${join(dir, 'dovecot.log')}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
first_valid_uid = 1
first_valid_gid = 1
default_internal_user = ${who.internal}
default_internal_group = ${execFileSync('id', ['-gn', who.internal], { encoding: 'utf8' }).trim()}
default_login_user = ${who.login}
mail_location = maildir:${mail}/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${passwd}
}
userdb {
  driver = static
  args = uid=${who.uid} gid=${who.gid} home=${mail}/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
  # No growing delay after a refused login (the tests refuse some on purpose).
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
`,
  );
  const child: ChildProcess = spawn(TOOLS.dovecot.path(), ['-F', '-c', config], { stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (let i = 0; i < 200 && !exited; i++) {
    if (await answers(port)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (exited || !(await answers(port))) {
    child.kill('SIGTERM');
    throw new Error(`Dovecot did not start (see ${join(dir, 'dovecot.log')})`);
  }
  return {
    host: '127.0.0.1',
    port,
    url: (user) => `imap://${user}@127.0.0.1:${port}`,
    close: async () => {
      if (!exited) {
        const done = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await done;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Puts messages into a user's folder with IMAP APPEND, as a mail program would. */
export async function appendMessages(
  server: TestImapServer,
  user: { name: string; password: string },
  folder: string,
  messages: string[],
): Promise<void> {
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    auth: { user: user.name, pass: user.password },
    logger: false,
  });
  await client.connect();
  try {
    if (folder !== 'INBOX' && !(await client.list()).some((f) => f.path === folder))
      await client.mailboxCreate(folder);
    for (const m of messages) await client.append(folder, m);
  } finally {
    await client.logout();
  }
}

/** Deletes and recreates a folder: the server gives it a new UIDVALIDITY. */
export async function recreateFolder(
  server: TestImapServer,
  user: { name: string; password: string },
  folder: string,
): Promise<void> {
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    auth: { user: user.name, pass: user.password },
    logger: false,
  });
  await client.connect();
  try {
    await client.mailboxDelete(folder);
    await client.mailboxCreate(folder);
  } finally {
    await client.logout();
  }
}
