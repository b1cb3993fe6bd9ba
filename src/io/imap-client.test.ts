import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { connectImap, describeFailure, type ImapTarget } from './imap-client.ts';

const target = (o: Partial<ImapTarget> = {}): ImapTarget => ({
  host: '127.0.0.1',
  port: 143,
  security: 'plain',
  username: 'sam',
  auth: 'password',
  secret: 'hunter2-secret',
  ...o,
});

describe('connecting to an IMAP server', () => {
  it('refuses this machine and private networks when the server is reachable by others', async () => {
    for (const host of ['127.0.0.1', 'localhost', '10.1.2.3', '192.168.0.7'])
      await expect(connectImap(target({ host }), { allowPrivate: false })).rejects.toMatchObject({
        code: 'invalid_input',
        message: `${host} is a private or local address, which this server does not connect to`,
      });
  });

  it('says plainly that nothing answers, without the password', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const a = s.address();
        s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
      });
    });
    const error = await connectImap(target({ port })).catch((e: Error) => e);
    expect(error).toMatchObject({
      code: 'mail_server_failed',
      message: `could not reach imap://sam@127.0.0.1:${port}: nothing answers on that port`,
    });
    expect(JSON.stringify(error)).not.toContain('hunter2');
  });

  it('words a refused login and an untrusted certificate for a person', () => {
    expect(describeFailure({ authenticationFailed: true }, target({ auth: 'oauth2' })).message).toBe(
      'imap://sam@127.0.0.1:143 refused the access token (it may have expired); get a new one and sync again',
    );
    const tls = describeFailure(
      Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
      target({ host: 'imap.example.com', security: 'tls' }),
    );
    expect(tls.message).toBe(
      'the certificate of imap.example.com could not be trusted, so Rebound did not send your password',
    );
  });
});
