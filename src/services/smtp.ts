import type { SendMail } from './reminders.ts';

/**
 * Sends e-mail over SMTP with nodemailer, from `REBOUND_SMTP_URL` (smtp://user:pass@host:587 or
 * smtps://…) and `REBOUND_MAIL_FROM`. Loaded only when a server sends mail.
 */
export async function smtpSender(url: string, from: string): Promise<SendMail> {
  const { createTransport } = await import('nodemailer');
  const transport = createTransport(url);
  return async (mail) => {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
  };
}
