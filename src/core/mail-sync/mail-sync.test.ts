import { describe, expect, it } from 'vitest';
import { planFolder } from './folder-plan.ts';
import { formatImapAddress, parseImapUrl } from './imap-url.ts';
import { mailAccountInputSchema } from './input.ts';

describe('reading --imap', () => {
  it('reads imaps with the default port, a port, an encoded user and a password in the URL', () => {
    expect(parseImapUrl('imaps://me@imap.example.com')).toEqual({
      security: 'tls',
      host: 'imap.example.com',
      port: 993,
      username: 'me',
      password: null,
    });
    expect(parseImapUrl('imaps://me%40example.com:p%40ss@imap.example.com:1993')).toMatchObject({
      port: 1993,
      username: 'me@example.com',
      password: 'p@ss',
    });
    expect(parseImapUrl('imap://me@127.0.0.1')).toMatchObject({ security: 'plain', port: 143 });
    expect(parseImapUrl('imap://me@[::1]:1143')).toMatchObject({ host: '::1', port: 1143 });
  });

  it('refuses plain imap:// beyond this computer, and other mistakes, naming --imap', () => {
    expect(() => parseImapUrl('imap://me@mail.example.com')).toThrow(
      /^--imap: plain imap:\/\/ sends your password unencrypted.*use imaps:\/\/mail\.example\.com/,
    );
    expect(() => parseImapUrl('imap://me@10.0.0.5')).toThrow(/^--imap: plain imap/);
    expect(() => parseImapUrl('imaps://imap.example.com')).toThrow('--imap: name the user');
    expect(() => parseImapUrl('https://me@example.com')).toThrow('--imap: must start with imaps://');
    expect(() => parseImapUrl('imaps://me:s3cret@')).toThrow(
      /^--imap: not a URL; write it as imaps:\/\/you@imap\.example\.com$/,
    );
    expect(() => parseImapUrl('imaps://me@example.com/INBOX')).toThrow('--folder');
  });

  it('shows an account without its password', () => {
    expect(formatImapAddress(parseImapUrl('imaps://me%40example.com:secret@imap.example.com'))).toBe(
      'imaps://me@example.com@imap.example.com:993',
    );
  });

  it('refuses a plain connection in the account form too, on the security field', () => {
    const result = mailAccountInputSchema.safeParse({
      host: 'imap.example.com',
      security: 'plain',
      username: 'me',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['security'],
      message: expect.stringContaining('unencrypted'),
    });
  });
});

describe('where an incremental read starts', () => {
  it('starts at UID 1 the first time and after the last UID read afterwards', () => {
    expect(planFolder(undefined, { uidValidity: 7, uidNext: 4, exists: 3 })).toEqual({
      restart: false,
      fromUid: 1,
      nothingNew: false,
    });
    expect(planFolder({ uidValidity: 7, lastUid: 3 }, { uidValidity: 7, uidNext: 4, exists: 3 })).toEqual({
      restart: false,
      fromUid: 4,
      nothingNew: true,
    });
    expect(
      planFolder({ uidValidity: 7, lastUid: 3 }, { uidValidity: 7, uidNext: 6, exists: 5 }).fromUid,
    ).toBe(4);
  });

  it('reads the folder again when UIDVALIDITY changed', () => {
    expect(planFolder({ uidValidity: 7, lastUid: 90 }, { uidValidity: 8, uidNext: 3, exists: 2 })).toEqual({
      restart: true,
      fromUid: 1,
      nothingNew: false,
    });
  });

  it('knows an empty folder has nothing new even when the server gives no UIDNEXT', () => {
    expect(planFolder(undefined, { uidValidity: 1, uidNext: null, exists: 0 }).nothingNew).toBe(true);
    expect(
      planFolder({ uidValidity: 1, lastUid: 2 }, { uidValidity: 1, uidNext: null, exists: 2 }).nothingNew,
    ).toBe(false);
  });
});
