/**
 * The IMAP side of mail sync, through ImapFlow (loaded when a sync starts): log in, list folders,
 * open one and read its messages by UID. Failures become errors a person can act on (wrong
 * password, server unreachable, certificate not trusted, no such folder); the password never
 * appears in them, nor in any log (ImapFlow's logger is off).
 */
import type { ImapFlow } from 'imapflow';
import { ReboundError } from '../core/errors.ts';
import { formatImapAddress } from '../core/mail-sync/imap-url.ts';
import { isPrivateAddress } from './address-check.ts';
import { FILE_LIMITS } from './file-limits.ts';

export interface ImapTarget {
  host: string;
  port: number;
  security: 'tls' | 'plain';
  username: string;
  auth: 'password' | 'oauth2';
  secret: string;
}

export interface OpenedFolder {
  path: string;
  uidValidity: number;
  uidNext: number | null;
  exists: number;
}

export interface FetchedMessage {
  uid: number;
  source: Buffer;
}

export interface ImapSession {
  /** Every selectable folder's path. */
  folders(): Promise<string[]>;
  /** Selects a folder (read-only: nothing is marked as read). */
  open(folder: string): Promise<OpenedFolder>;
  /** The UIDs and sizes of the open folder's messages with UID ≥ `fromUid`, ascending. */
  listFrom(fromUid: number): Promise<{ uid: number; size: number }[]>;
  /** The raw messages with these UIDs (of the open folder), ascending by UID. */
  fetch(uids: number[]): Promise<FetchedMessage[]>;
  close(): Promise<void>;
}

/** How long to wait for the server before giving up. */
const TIMEOUT_MS = 30_000;

/**
 * The address to connect to. A server reachable by others (hosted) must not let a user reach its
 * own network: the name is resolved once, every address checked, and the connection made to the
 * checked address (the certificate still checked against the name).
 */
async function publicAddress(host: string): Promise<string> {
  const { lookup } = await import('node:dns/promises');
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    throw new ReboundError('mail_server_failed', `could not find the server ${host}`, [
      { path: 'host', message: 'not found' },
    ]);
  }
  if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address))) {
    throw new ReboundError(
      'invalid_input',
      `${host} is a private or local address, which this server does not connect to`,
      [{ path: 'host', message: 'private address' }],
    );
  }
  return addresses[0]!.address;
}

/** Connects and logs in; a refused login or an unreachable server is a ReboundError in plain words. */
export async function connectImap(
  target: ImapTarget,
  options: { allowPrivate?: boolean } = {},
): Promise<ImapSession> {
  const host = options.allowPrivate === false ? await publicAddress(target.host) : target.host;
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow({
    host,
    ...(host !== target.host ? { servername: target.host } : {}),
    port: target.port,
    secure: target.security === 'tls',
    // A plain connection (loopback only) must not be upgraded to a STARTTLS we cannot verify.
    doSTARTTLS: target.security === 'tls' ? undefined : false,
    auth:
      target.auth === 'oauth2'
        ? { user: target.username, accessToken: target.secret }
        : { user: target.username, pass: target.secret },
    logger: false,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 5 * 60_000,
    disableAutoIdle: true,
  });
  // Without a listener an 'error' event after connecting would end the process.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw describeFailure(error, target);
  }
  return session(client, target);
}

function session(client: ImapFlow, target: ImapTarget): ImapSession {
  let release: (() => void) | null = null;
  return {
    async folders() {
      const list = await client.list();
      return list.filter((f) => !f.flags.has('\\Noselect')).map((f) => f.path);
    },
    async open(folder) {
      release?.();
      release = null;
      try {
        const lock = await client.getMailboxLock(folder, { readOnly: true });
        release = () => lock.release();
      } catch (error) {
        if (!client.usable) throw describeFailure(error, target);
        const known = await this.folders().catch(() => [] as string[]);
        throw new ReboundError(
          'invalid_input',
          `folder "${folder}" is not on ${target.host}${known.length ? ` (its folders: ${known.slice(0, 30).join(', ')})` : ''}`,
          [{ path: 'folders', message: `no folder "${folder}"` }],
        );
      }
      const box = client.mailbox;
      if (!box) throw new ReboundError('mail_server_failed', `${target.host} did not open "${folder}"`);
      return {
        path: box.path,
        uidValidity: Number(box.uidValidity),
        uidNext: box.uidNext ? Number(box.uidNext) : null,
        exists: box.exists,
      };
    },
    async listFrom(fromUid) {
      const out: { uid: number; size: number }[] = [];
      // `N:*` also answers the last message when every UID is below N: keep only UIDs ≥ N.
      for await (const m of client.fetch(`${fromUid}:*`, { uid: true, size: true }, { uid: true })) {
        if (m.uid >= fromUid) out.push({ uid: m.uid, size: m.size ?? 0 });
      }
      return out.sort((a, b) => a.uid - b.uid);
    },
    async fetch(uids) {
      if (uids.length === 0) return [];
      const out: FetchedMessage[] = [];
      for await (const m of client.fetch(uids.join(','), { uid: true, source: true }, { uid: true })) {
        if (m.source) out.push({ uid: m.uid, source: m.source });
      }
      return out.sort((a, b) => a.uid - b.uid);
    },
    async close() {
      release?.();
      release = null;
      try {
        await client.logout();
      } catch {
        client.close();
      }
    },
  };
}

/** The largest message a sync reads; bigger ones are reported and skipped. */
export const MAX_SYNC_MESSAGE_BYTES = FILE_LIMITS.mailMessageBytes;

/** A connection or login failure as a person reads it; never includes the secret. */
export function describeFailure(error: unknown, target: ImapTarget): ReboundError {
  if (error instanceof ReboundError) return error;
  const e = error as NodeJS.ErrnoException & { authenticationFailed?: boolean; responseText?: string };
  const where = formatImapAddress(target);
  if (e.authenticationFailed) {
    const message =
      target.auth === 'oauth2'
        ? `${where} refused the access token (it may have expired); get a new one and sync again`
        : `${where} refused the user name or password; check them (many providers, Gmail and Outlook among them, need an app password for IMAP)`;
    return new ReboundError('mail_login_failed', message, [
      { path: target.auth === 'oauth2' ? 'accessToken' : 'password', message: 'refused by the server' },
    ]);
  }
  const code = e.code ?? '';
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'nothing answers on that port',
    ENOTFOUND: 'no server has that name',
    EAI_AGAIN: 'the name could not be looked up (offline?)',
    ETIMEDOUT: 'it did not answer in time',
    ECONNRESET: 'it closed the connection',
    EHOSTUNREACH: 'it cannot be reached from here',
    CONNECT_TIMEOUT: 'it did not answer in time',
    GREETING_TIMEOUT: 'it did not greet like an IMAP server (is the port right?)',
  };
  if (/certificate|self[- ]signed|CERT_|ERR_TLS|SSL/i.test(`${code} ${e.message}`)) {
    return new ReboundError(
      'mail_server_failed',
      `the certificate of ${target.host} could not be trusted, so Rebound did not send your password`,
      [{ path: 'host', message: 'untrusted certificate' }],
    );
  }
  const reason = reasons[code] ?? (e.message ? e.message.slice(0, 200) : 'the connection failed');
  return new ReboundError('mail_server_failed', `could not reach ${where}: ${reason}`, [
    { path: 'host', message: reason },
  ]);
}
