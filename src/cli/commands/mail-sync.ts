import type { Command } from 'commander';
import { ReboundError } from '../../core/errors.ts';
import { formatImapAddress, parseImapUrl } from '../../core/mail-sync/imap-url.ts';
import {
  MAIL_SYNC_MAX_MINUTES,
  MAIL_SYNC_MIN_MINUTES,
  type MailAccountInput,
  mailAccountInputSchema,
  mailAccountSettingsSchema,
} from '../../core/mail-sync/input.ts';
import type { MailSyncReport } from '../../core/mail-sync/schemas.ts';
import { parseInput } from '../../core/validation.ts';
import { keyFileSecretBox } from '../../io/secret-box.ts';
import {
  deleteMailAccount,
  getMailAccountOrThrow,
  mailAccountView,
  updateMailAccountSettings,
} from '../../services/mail-sync/account.ts';
import { type SyncProgress, syncMail } from '../../services/mail-sync/sync.ts';
import { type CommonFlags, common, printJson, withWorkspace } from '../io.ts';
import { resolveTarget, secretKeyFile } from '../target.ts';

type SyncFlags = CommonFlags & { imap?: string; folder: string[]; oauth2?: boolean; every?: string };

/** Reads a secret on a terminal without echoing it. */
function promptSecret(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    let typed = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new ReboundError('invalid_input', 'cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The password (or token): from the URL, the environment, or asked for on a terminal. */
async function secretFor(fromUrl: string | null, oauth2: boolean, address: string): Promise<string> {
  const variable = oauth2 ? 'REBOUND_IMAP_ACCESS_TOKEN' : 'REBOUND_IMAP_PASSWORD';
  const given = fromUrl ?? process.env[variable];
  if (given) return given;
  if (process.stdin.isTTY) {
    const typed = await promptSecret(`${oauth2 ? 'Access token' : 'Password'} for ${address}: `);
    if (typed !== '') return typed;
  }
  throw new ReboundError(
    'invalid_input',
    `--imap: no ${oauth2 ? 'access token' : 'password'} for ${address}; set ${variable} (or run on a terminal to be asked)`,
    [{ path: '--imap', message: 'no password' }],
  );
}

function parseEvery(value: string | undefined): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === 'off') return null;
  const minutes = Number(value);
  if (!Number.isInteger(minutes) || minutes < MAIL_SYNC_MIN_MINUTES || minutes > MAIL_SYNC_MAX_MINUTES) {
    throw new ReboundError(
      'invalid_input',
      `--every: "${value}" must be a whole number of minutes from ${MAIL_SYNC_MIN_MINUTES} to ${MAIL_SYNC_MAX_MINUTES}, or off`,
      [{ path: '--every', message: 'minutes or off' }],
    );
  }
  return minutes;
}

async function accountFromFlags(flags: SyncFlags): Promise<MailAccountInput | undefined> {
  if (!flags.imap) return undefined;
  const address = parseImapUrl(flags.imap);
  const shown = formatImapAddress(address);
  const secret = await secretFor(address.password, flags.oauth2 === true, shown);
  return parseInput(
    mailAccountInputSchema,
    {
      host: address.host,
      port: address.port,
      security: address.security,
      username: address.username,
      auth: flags.oauth2 ? 'oauth2' : 'password',
      secret,
      folders: flags.folder.length > 0 ? flags.folder : ['INBOX'],
      scheduleMinutes: parseEvery(flags.every) ?? null,
    },
    'flags',
  );
}

/** Progress on stderr: redrawn in place on a terminal, one line per batch on a pipe. */
function progressLines(): ((p: SyncProgress) => void) & { end(): void } {
  const tty = process.stderr.isTTY === true;
  let shown = false;
  const update = (p: SyncProgress) => {
    if (p.phase === 'listing') return;
    const text =
      p.phase === 'fetching'
        ? `${p.folder}: fetching ${Math.min(p.done + 1, p.total)}–${Math.min(p.done + 100, p.total)} of ${p.total} new message(s)…`
        : `${p.folder}: imported ${p.done} of ${p.total}`;
    if (tty) {
      process.stderr.write(`\r\x1b[2K${text}`);
      shown = true;
    } else if (p.phase === 'importing' && p.done > 0) process.stderr.write(`${text}\n`);
  };
  return Object.assign(update, {
    end: () => {
      if (shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  });
}

function printReport(r: MailSyncReport): void {
  const folders = r.folders.map((f) => f.folder);
  for (const f of r.folders.filter((x) => x.restarted))
    console.log(
      `${f.folder} was renumbered by the server (new UIDVALIDITY), so it was read again; mail seen before was left as it was.`,
    );
  if (r.nothingNew) {
    console.log(
      `Nothing new in ${folders.join(', ') || 'the chosen folders'} since the last sync (${r.address}).`,
    );
  } else {
    const c = r.counts;
    const per = r.folders.filter((f) => f.fetched > 0).map((f) => `${f.folder} ${f.fetched}`);
    console.log(
      `Synced ${r.address}: ${c.fetched} new message(s) (${per.join(', ')}): ${c.applied} recorded, ${c.pending} waiting for review, ${c.dismissed} not about an application, ${c.alreadyImported} seen before.`,
    );
    for (const i of r.items) {
      if (i.status === 'already_imported' || i.status === 'dismissed') continue;
      console.log(
        `  ${i.folder} UID ${i.uid}: ${i.kind} (${i.confidence.toFixed(2)}) "${i.subject}" → ${i.status}${i.action ? `: ${i.action}` : ''}`,
      );
      // Why: the phrases that decided the kind, and the signals that chose the application.
      if (i.evidence.length > 0)
        console.log(`      reads as it does because it says: ${i.evidence.map((e) => `"${e}"`).join(', ')}`);
      if (i.matchReasons.length > 0) console.log(`      matched because: ${i.matchReasons.join('; ')}`);
    }
    if (c.pending > 0) console.log('See them with: rebound mail review');
  }
  for (const e of r.errors) console.log(`  ${e.folder}: ${e.message}`);
}

export function registerMailSyncCommands(program: Command): void {
  const mail = program.commands.find((c) => c.name() === 'mail');
  if (!mail) return;
  common(
    mail
      .command('sync')
      .description(
        'read new mail from an IMAP account (saved for next time; plain `rebound mail sync` runs it again)',
      ),
  )
    .option(
      '--imap <url>',
      'imaps://you@imap.example.com[:port] (imap:// only to this computer; a password in the URL shows in the process list, prefer REBOUND_IMAP_PASSWORD)',
    )
    .option(
      '--folder <name>',
      'a folder to read (repeatable; default INBOX)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option(
      '--oauth2',
      'log in with an OAuth2 access token (REBOUND_IMAP_ACCESS_TOKEN) instead of a password',
    )
    .option('--every <minutes>', 'also sync every N minutes while `rebound serve` runs (off: stop)')
    .action(async (opts: SyncFlags) => {
      const account = await accountFromFlags(opts);
      const box = keyFileSecretBox(secretKeyFile(resolveTarget(opts)));
      await withWorkspace(opts, async (ctx) => {
        if (!account && (opts.folder.length > 0 || opts.every !== undefined)) {
          await getMailAccountOrThrow(ctx);
          const scheduleMinutes = parseEvery(opts.every);
          const patch = parseInput(
            mailAccountSettingsSchema,
            {
              ...(opts.folder.length > 0 ? { folders: opts.folder } : {}),
              ...(scheduleMinutes !== undefined ? { scheduleMinutes } : {}),
            },
            'flags',
          );
          await updateMailAccountSettings(ctx, patch);
        }
        const progress = progressLines();
        const report = await syncMail(ctx, box, {
          account,
          onProgress: opts.json ? undefined : progress,
        }).finally(progress.end);
        if (opts.json) printJson(report);
        else printReport(report);
      });
    });

  common(mail.command('account').description('show the saved IMAP account and its last sync'))
    .option('--forget', 'forget the account and its saved password (the imported mail stays)')
    .action(async (opts: CommonFlags & { forget?: boolean }) =>
      withWorkspace(opts, async (ctx) => {
        if (opts.forget) {
          await deleteMailAccount(ctx);
          if (opts.json) printJson({ account: null });
          else console.log('Forgot the mail account and its password.');
          return;
        }
        const view = await mailAccountView(ctx);
        if (opts.json) return printJson({ account: view });
        if (!view)
          return console.log(
            'No mail account saved. Add one with: rebound mail sync --imap imaps://you@host',
          );
        console.log(
          `${view.address} (${view.auth === 'oauth2' ? 'OAuth2 token' : 'password'} saved, encrypted)`,
        );
        console.log(`Folders: ${view.folders.join(', ')}`);
        console.log(
          `Schedule: ${view.scheduleMinutes ? `every ${view.scheduleMinutes} minutes while the server runs` : 'off'}`,
        );
        if (view.lastSync) {
          const c = view.lastSync.counts;
          console.log(
            `Last sync: ${view.lastSync.at} ${view.lastSync.status === 'ok' ? 'ok' : `failed: ${view.lastSync.error}`}${c ? ` (${c.fetched} new)` : ''}`,
          );
        } else console.log('Never synced.');
        for (const f of view.folderStates)
          console.log(`  ${f.folder}: ${f.messages} message(s) read, up to UID ${f.lastUid}`);
      }),
    );
}
