import { ReboundError } from '../errors.ts';

/** Where an IMAP account lives and who logs in, as `rebound mail sync --imap` gives it. */
export interface ImapAddress {
  security: 'tls' | 'plain';
  host: string;
  port: number;
  username: string;
  /** A password written in the URL (`imaps://user:secret@host`); better given another way. */
  password: string | null;
}

export const IMAPS_PORT = 993;
export const IMAP_PORT = 143;

/** True for a host only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Why a plain (unencrypted) connection to `host` is refused, or null when it is allowed. */
export function plainImapRefusal(host: string): string | null {
  if (isLoopbackHost(host)) return null;
  return `plain imap:// sends your password unencrypted, so Rebound uses it only to this computer (127.0.0.1, ::1 or localhost); use imaps://${host} (TLS, port 993)`;
}

function refuse(message: string): ReboundError {
  return new ReboundError('invalid_input', `--imap: ${message}`, [{ path: '--imap', message }]);
}

/**
 * Reads `imaps://user@host[:port]` (or `imap://` to a loopback address). The user name may be
 * percent-encoded (`me%40example.com` for an address with an @).
 */
export function parseImapUrl(text: string): ImapAddress {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    // Not echoed: a mistyped URL may hold a password.
    throw refuse('not a URL; write it as imaps://you@imap.example.com');
  }
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  if (scheme !== 'imaps' && scheme !== 'imap')
    throw refuse(`must start with imaps:// (or imap:// to this computer), not ${scheme}://`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === '') throw refuse('name the server, e.g. imaps://you@imap.example.com');
  const username = decodeURIComponent(url.username);
  if (username === '') throw refuse(`name the user before the server, e.g. imaps://you@${host}`);
  if (url.pathname !== '' && url.pathname !== '/')
    throw refuse('give the folders with --folder, not in the URL');
  const security = scheme === 'imaps' ? 'tls' : 'plain';
  if (security === 'plain') {
    const why = plainImapRefusal(host);
    if (why) throw refuse(why);
  }
  const port = url.port === '' ? (security === 'tls' ? IMAPS_PORT : IMAP_PORT) : Number(url.port);
  return {
    security,
    host,
    port,
    username,
    password: url.password === '' ? null : decodeURIComponent(url.password),
  };
}

/** The account as a person reads it, never with its password: `imaps://me@imap.example.com:993`. */
export function formatImapAddress(a: Pick<ImapAddress, 'security' | 'host' | 'port' | 'username'>): string {
  const host = a.host.includes(':') ? `[${a.host}]` : a.host;
  return `${a.security === 'tls' ? 'imaps' : 'imap'}://${encodeURIComponent(a.username).replace(/%40/g, '@')}@${host}:${a.port}`;
}
