import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chatServerForTests, EVIL_REPLY } from '../support/chat-server.ts';
import { addArgs, rebound, tempDatabase } from './run.ts';

/** A database for the tests of this `describe` with one application, at Acme, rejected. */
function rejectedAtAcme(prefix: string, file: string) {
  const { dir, db } = tempDatabase(prefix, file);
  const app = { id: '' };
  beforeAll(async () => {
    app.id = (await rebound(addArgs(db, 'Acme', 'Data Analyst', '--json'))).json().id;
    expect((await rebound(['reject', app.id, '--db', db])).code).toBe(0);
  });
  return { dir, db, app };
}

// Issue 17: `rebound draft feedback ID --ai` sends the shown text to the user's own model.
describe('rebound draft feedback --ai', () => {
  const { dir, db, app } = rejectedAtAcme('rebound-ai-cli-', 'ai.db');
  const chat = chatServerForTests();

  it('without a model says how to set one up, and sends nothing', async () => {
    const res = await rebound(['draft', 'feedback', app.id, '--ai', '--db', db]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('No model is set up, so nothing was sent');
    expect(res.stderr).toContain('rebound ai set --url http://localhost:11434/v1');
    expect(chat.received).toHaveLength(0);
  });

  it('shows the exact text first, then prints the rewrite and the log line', async () => {
    const set = await rebound(['ai', 'set', '--url', chat.baseUrl, '--model', 'echo', '--db', db]);
    expect(set.stdout).toContain('Nothing is sent until you ask');
    const shown = await rebound(['draft', 'feedback', app.id, '--show', '--db', db]);
    expect(shown.stdout).toContain('Rewrite this feedback request so it sounds like me');
    expect(chat.received).toHaveLength(0);

    const res = await rebound(['draft', 'feedback', app.id, '--ai', '--db', db]);
    expect(res.code).toBe(0);
    expect(chat.received.at(-1)!.body.messages[0]!.content).toBe(shown.stdout.replace(/\n$/, ''));
    expect(res.stdout).toContain('REWRITTEN: Rewrite this feedback request');
    expect(res.stdout).toMatch(/Logged: .* · rewrite_feedback_request · \d+ characters sent to echo · ok/);

    // The user's edit of the shown text is what goes out, streamed this time.
    const edited = join(dir, 'edited.txt');
    writeFileSync(edited, 'Make this shorter: Subject: Thanks');
    const mine = await rebound([
      'draft',
      'feedback',
      app.id,
      '--ai',
      '--text-file',
      edited,
      '--stream',
      '--db',
      db,
    ]);
    expect(mine.stdout).toContain('REWRITTEN: Make this shorter: Subject: Thanks');
    expect(chat.received.at(-1)!.body.stream).toBe(true);
    const log = await rebound(['ai', 'log', '--db', db]);
    expect(log.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('prints a reply full of instructions as text and does nothing it says', async () => {
    await rebound(['ai', 'set', '--url', chat.baseUrl, '--model', 'evil', '--db', db]);
    const res = await rebound(['draft', 'feedback', app.id, '--ai', '--db', db]);
    expect(res.stdout).toContain(EVIL_REPLY);
    const list = JSON.parse((await rebound(['list', '--db', db, '--json'])).stdout);
    expect((list.items ?? list).map((a: { id: string }) => a.id)).toEqual([app.id]);
  });

  it('reports a failing model in plain words, and logs the attempt', async () => {
    await rebound(['ai', 'set', '--url', chat.baseUrl, '--model', 'broken', '--db', db]);
    const res = await rebound(['draft', 'feedback', app.id, '--ai', '--db', db]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/answered 500/);
    expect((await rebound(['ai', 'log', '--db', db])).stdout).toMatch(/broken\s+error/);
    const shown = await rebound(['ai', 'show', '--db', db]);
    expect(shown.stdout).toContain('no key');
  });
});

// Issue 17: the themes of a feedback reply, kept beside the reply.
describe('rebound draft themes', () => {
  const { dir, db, app } = rejectedAtAcme('rebound-ai-themes-', 'themes.db');
  const chat = chatServerForTests();

  it('asks the model only with --ai, and keeps the edited themes beside the unchanged reply', async () => {
    const early = await rebound(['draft', 'themes', app.id, '--show', '--db', db]);
    expect(early.stderr).toContain('There is no reply from Acme yet');
    await rebound(['feedback', 'sent', app.id, '--db', db]);
    await rebound(['feedback', 'answered', app.id, '--text', 'Your SQL answers were thin.', '--db', db]);
    await rebound(['ai', 'set', '--url', chat.baseUrl, '--model', 'echo', '--db', db]);
    const shown = await rebound(['draft', 'themes', app.id, '--show', '--db', db]);
    expect(shown.stdout).toContain('Your SQL answers were thin.');
    expect(chat.received).toHaveLength(0);

    const res = await rebound(['draft', 'themes', app.id, '--ai', '--db', db]);
    expect(res.code).toBe(0);
    expect(chat.received.at(-1)!.body.messages[0]!.content).toBe(shown.stdout.replace(/\n$/, ''));
    expect(res.stdout).toMatch(/Logged: .* · summarise_feedback_reply · \d+ characters sent to echo · ok/);

    const file = join(dir, 'themes.txt');
    writeFileSync(file, '- SQL practice\n');
    expect((await rebound(['draft', 'themes', app.id, '--keep', file, '--db', db])).stdout).toContain(
      'the reply is unchanged',
    );
    expect((await rebound(['draft', 'themes', app.id, '--db', db])).stdout.trim()).toBe('- SQL practice');
    const f = JSON.parse((await rebound(['feedback', 'draft', app.id, '--db', db, '--json'])).stdout);
    expect(f.answer).toBe('Your SQL answers were thin.');
  });
});
