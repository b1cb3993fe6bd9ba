import { readFileSync } from 'node:fs';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { MailParseError, parseEmail, parseMbox, parsePlainEmail, splitMbox } from './mail.ts';

const file = (path: string) =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/${path}`, import.meta.url)));

describe('parseEmail', () => {
  it('reads headers and the plain-text body', async () => {
    const mail = await parseEmail(file('mail/email-agent/rejection.eml'));
    expect(mail).toMatchObject({
      messageId: '<rej-001@talent.example-corp.com>',
      from: { name: '', address: 'no-reply@talent.example-corp.com' },
      to: [{ name: '', address: 'me@example.com' }],
      subject: 'Update on your application - Software Engineer',
      date: '2026-07-09T06:00:00.000Z',
    });
    expect(mail.text).toContain('decided to move forward with other candidates');
  });

  it('turns an HTML-only, quoted-printable message into text', async () => {
    const mail = await parseEmail(file('mail/html-only-qp.eml'));
    expect(mail.subject).toBe('Your application – Analyst');
    expect(mail.from).toEqual({ name: 'Northwind Careers', address: 'no-reply@northwind.example' });
    expect(mail.text).toBe(
      'Hi Sam,\n\nWe’ve reviewed your application for the Analyst role. Unfortunately, we aren’t able to offer you an interview at this time.\n\nWe wish you the best.',
    );
  });

  it('accepts a message with no body', async () => {
    const mail = await parseEmail(file('mail/no-body.eml'));
    expect(mail.subject).toBe('Thanks for your application!');
    expect(mail.text).toBe('');
  });

  it('ignores attachments', async () => {
    const mail = await parseEmail(file('mail/with-attachment.eml'));
    expect(mail.text).toBe(
      'Hi Sam, we are delighted to offer you the position. The offer letter is attached.',
    );
  });

  it('refuses bytes that are not an e-mail', async () => {
    await expect(parseEmail('just some words\nand more words\n')).rejects.toBeInstanceOf(MailParseError);
  });
});

describe('mbox', () => {
  it('splits at From_ lines with each message index and starting line, undoing >From quoting', () => {
    const parts = splitMbox(file('mail/broken-middle.mbox'));
    expect(parts.map((p) => [p.index, p.line])).toEqual([
      [1, 1],
      [2, 13],
      [3, 18],
    ]);
    expect(Buffer.from(parts[0]!.raw).toString('utf8')).toContain('\nFrom here, our team');
  });

  it('reports a broken message in the middle and parses the others', async () => {
    const result = await parseMbox(file('mail/broken-middle.mbox'));
    expect(result.messages.map((m) => [m.index, m.line, m.email.subject])).toEqual([
      [1, 1, 'Your application to Lumenwave - Data Engineer'],
      [3, 18, 'Update on your Harborpoint application'],
    ]);
    expect(result.errors).toEqual([
      { index: 2, line: 13, error: expect.stringMatching(/^message 2 \(line 13\): no mail headers found/) },
    ]);
  });

  it('accepts a string and an mbox with no messages', () => {
    expect(splitMbox('')).toEqual([]);
    expect(splitMbox('From a@b.example Mon Jan  1 00:00:00 2024\nSubject: x\n\nbody\n')).toHaveLength(1);
  });
});

describe('parsePlainEmail (the direct reader for plain single-part mail)', () => {
  const plain = [
    'From: "Doe, Jane" <Jane.Doe@Example.org>\nTo: sam@example.org, "Q" <q@r.example>\nSubject: Your application\n  for Analyst\nDate: Tue, 1 Jul 2025 10:00:00 +0200\nMessage-ID: <a1@example.org>\n\nHi Sam,\r\n\r\nThank you for applying.\n',
    'From: careers@acme.example\r\nSubject: Interview\r\nContent-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: 8bit\r\n\r\nWe would like to invite you – next week.\r\n',
    'From: Acme <no-reply@ats.example>\nReply-To: Jo Smith <Jo@Acme.example>\nSubject: Hi\n\nbody\n',
    'From: Acme Talent <talent@acme.example>\nSubject: Received\nMIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\nWe have received your application.\n',
  ];
  const viaPostalMime = [
    'From: =?utf-8?q?J=C3=B6rg?= <j@x.example>\nSubject: Hi\n\nbody\n',
    'From: a@b.example\nSubject: Hi\nContent-Type: text/plain; charset=iso-8859-1\n\nbody\n',
    'From: a@b.example\nSubject: Hi\nContent-Transfer-Encoding: quoted-printable\n\nbody=3D\n',
    'From: a@b.example\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nx\n--b--\n',
    'From: a@b.example\nTo: Group: a@b.example;\nSubject: Hi\n\nbody\n',
  ];

  it('reads the plain cases exactly as postal-mime does', async () => {
    for (const raw of plain) {
      const direct = parsePlainEmail(raw);
      expect(direct, raw).not.toBeNull();
      const parsed = await PostalMime.parse(raw);
      expect(direct).toEqual({
        messageId: parsed.messageId ?? null,
        from: { name: parsed.from?.name ?? '', address: parsed.from?.address?.toLowerCase() },
        to: (parsed.to ?? []).map((a) => ({ name: a.name ?? '', address: a.address?.toLowerCase() })),
        subject: parsed.subject,
        date: parsed.date ? new Date(parsed.date).toISOString() : null,
        text: (parsed.text ?? '').replace(/\r\n/g, '\n').trim(),
        replyTo: (parsed.replyTo ?? []).map((a) => ({
          name: a.name ?? '',
          address: a.address?.toLowerCase(),
        })),
      });
    }
  });

  it('leaves encoded words, other charsets and encodings, multipart and groups to postal-mime', async () => {
    for (const raw of viaPostalMime) expect(parsePlainEmail(raw), raw).toBeNull();
    expect((await parseEmail(viaPostalMime[0]!)).from).toEqual({ name: 'Jörg', address: 'j@x.example' });
  });

  it('keeps the links of an HTML body, which its text loses', async () => {
    const raw =
      'From: Acme <no-reply@ats.example>\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n<p>See <a href="https://jobs.lever.co/acme/1?a=1&amp;b=2">the role</a></p>\n';
    const email = await parseEmail(raw);
    expect(email.links).toEqual(['https://jobs.lever.co/acme/1?a=1&b=2']);
    expect(email.text).toBe('See the role');
  });
});
