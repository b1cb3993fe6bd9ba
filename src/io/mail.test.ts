import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MailParseError, parseEmail, parseMbox, splitMbox } from './mail.ts';

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
