import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';

/** A message the test SMTP server accepted, parsed. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** The SMTP user the sender authenticated as. */
  user: string | undefined;
}

export interface TestSmtp {
  /** `smtp://user:pass@127.0.0.1:<port>` for REBOUND_SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** The next message to this address (already received, or when it arrives). */
  next(to: string): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/**
 * A real SMTP server (the `smtp-server` package) on a free loopback port, with a login, keeping
 * every message it accepts. No TLS: it listens on loopback for one test file.
 */
export async function startTestSmtp(user = 'rebound', pass = 'mail secret'): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const waiting: { to: string; done: (m: ReceivedMail) => void }[] = [];
  const deliver = (mail: ReceivedMail) => {
    received.push(mail);
    const i = waiting.findIndex((w) => mail.to.includes(w.to));
    if (i >= 0) {
      taken.add(mail);
      waiting.splice(i, 1)[0]!.done(mail);
    }
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) return callback(null, { user });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const parsed = await PostalMime.parse(Buffer.concat(chunks));
        deliver({
          from: parsed.from?.address ?? '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    received,
    next: (to) => {
      const already = received.find((m) => !taken.has(m) && m.to.includes(to));
      if (already) {
        taken.add(already);
        return Promise.resolve(already);
      }
      return new Promise((done) => waiting.push({ to, done }));
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
