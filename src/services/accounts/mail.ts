import { ReboundError } from '../../core/errors.ts';

/** One plain-text e-mail (user text is never HTML). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail; resolves when the SMTP server accepted the message. */
export type Mailer = (message: MailMessage) => Promise<void>;

/** How a hosted server builds links and sends them (from REBOUND_PUBLIC_URL, REBOUND_SMTP_URL, REBOUND_MAIL_FROM). */
export interface MailSettings {
  /** The address people reach the server at, without a trailing slash; the start of every link. */
  publicUrl: string | null;
  /** The SMTP server (`smtp://user:pass@host:port`, or `smtps://` for TLS from the start). */
  smtpUrl: string | null;
  from: string | null;
}

/** Reads and checks the mail settings from the environment; a bad value names the variable. */
export function mailSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MailSettings {
  const publicUrl = env.REBOUND_PUBLIC_URL?.trim() || null;
  const smtpUrl = env.REBOUND_SMTP_URL?.trim() || null;
  const from = env.REBOUND_MAIL_FROM?.trim() || null;
  return checkMailSettings({ publicUrl, smtpUrl, from });
}

export function checkMailSettings(settings: MailSettings): MailSettings {
  let publicUrl = settings.publicUrl;
  if (publicUrl !== null) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(publicUrl);
    } catch {
      parsed = null;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      throw new ReboundError(
        'invalid_input',
        `REBOUND_PUBLIC_URL: must be the http(s) address people open, like https://rebound.example.org (not "${publicUrl}")`,
      );
    }
    publicUrl = publicUrl.replace(/\/+$/, '');
  }
  if (settings.smtpUrl !== null) {
    if (!/^smtps?:\/\/[^\s]+$/.test(settings.smtpUrl)) {
      throw new ReboundError(
        'invalid_input',
        'REBOUND_SMTP_URL: must look like smtp://user:password@host:587 (or smtps:// for TLS from the start)',
      );
    }
    // Links in e-mail must never be built from a request's Host header (a forged Host would send
    // someone's reset link to another site), so e-mail needs the public address.
    if (publicUrl === null) {
      throw new ReboundError(
        'invalid_input',
        'REBOUND_PUBLIC_URL: needed with REBOUND_SMTP_URL, so e-mailed links point at this server (like https://rebound.example.org)',
      );
    }
  }
  return { publicUrl, smtpUrl: settings.smtpUrl, from: settings.from };
}

/** A mailer over SMTP with nodemailer (loaded when the first message is sent), or null without SMTP. */
export function createMailer(settings: MailSettings): Mailer | null {
  const { smtpUrl, publicUrl } = settings;
  if (smtpUrl === null) return null;
  const from = settings.from ?? `Rebound <rebound@${publicUrl ? new URL(publicUrl).hostname : 'localhost'}>`;
  let transport: Promise<import('nodemailer').Transporter> | undefined;
  return async (message) => {
    transport ??= import('nodemailer').then((m) => m.default.createTransport(smtpUrl));
    await (await transport).sendMail({ from, to: message.to, subject: message.subject, text: message.text });
  };
}

/** Sends a message, reporting whether it went; a failing SMTP server never fails the request. */
export async function trySend(
  mailer: Mailer | null,
  message: MailMessage,
  log: (error: unknown) => void = () => {},
): Promise<boolean> {
  if (!mailer) return false;
  try {
    await mailer(message);
    return true;
  } catch (error) {
    log(error);
    return false;
  }
}

/** What account use cases need to build and send links. */
export interface AccountMail {
  /** REBOUND_PUBLIC_URL without a trailing slash; e-mail is only ever sent with it set. */
  publicUrl: string | null;
  mailer: Mailer | null;
  /**
   * The origin the current request reached (scheme and host), for links shown to the caller,
   * never e-mailed, when no public URL is set.
   */
  requestOrigin?: () => string | undefined;
  log?: (error: unknown) => void;
}

/** An absolute link to a page of the web app (a path when no address is known). */
export function linkTo(mail: AccountMail | undefined, pathAndQuery: string): string {
  const base = mail?.publicUrl ?? mail?.requestOrigin?.() ?? '';
  return `${base}${pathAndQuery}`;
}

/** E-mails a message when SMTP and the public address are configured; true when it was accepted. */
export function sendAccountMail(mail: AccountMail | undefined, message: MailMessage): Promise<boolean> {
  if (!mail?.mailer || !mail.publicUrl) return Promise.resolve(false);
  return trySend(mail.mailer, message, mail.log);
}
