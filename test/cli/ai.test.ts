import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatServer, EVIL_REPLY, startChatServer } from '../support/chat-server.ts';
import { rebound } from './run.ts';

// Issue 17: `rebound draft feedback ID --ai` sends the shown text to the user's own model.
describe('rebound draft feedback --ai', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-ai-cli-'));
  const db = join(dir, 'ai.db');
  let chat: ChatServer;
  let appId: string;
  beforeAll(async () => {
    chat = await startChatServer();
    const added = await rebound(['add', '--company', 'Acme', '--role', 'Data Analyst', '--db', db, '--json']);
    appId = JSON.parse(added.stdout).id;
    expect((await rebound(['reject', appId, '--db', db])).code).toBe(0);
  });
  afterAll(async () => {
    await chat.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('without a model says how to set one up, and sends nothing', async () => {
    const res = await rebound(['draft', 'feedback', appId, '--ai', '--db', db]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('No model is set up, so nothing was sent');
    expect(res.stderr).toContain('rebound ai set --url http://localhost:11434/v1');
    expect(chat.received).toHaveLength(0);
  });

  it('shows the exact text first, then prints the rewrite and the log line', async () => {
    const set = await rebound(['ai', 'set', '--url', chat.baseUrl, '--model', 'echo', '--db', db]);
    expect(set.stdout).toContain('Nothing is sent until you ask');
    const shown = await rebound(['draft', 'feedback', appId, '--show', '--db', db]);
    expect(shown.stdout).toContain('Rewrite this feedback request so it sounds like me');
    expect(chat.received).toHaveLength(0);

    const res = await rebound(['draft', 'feedback', appId, '--ai', '--db', db]);
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
      appId,
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
    const res = await rebound(['draft', 'feedback', appId, '--ai', '--db', db]);
    expect(res.stdout).toContain(EVIL_REPLY);
    const list = JSON.parse((await rebound(['list', '--db', db, '--json'])).stdout);
    expect((list.items ?? list).map((a: { id: string }) => a.id)).toEqual([appId]);
  });

  it('reports a failing model in plain words, and logs the attempt', async () => {
    await rebound(['ai', 'set', '--url', chat.baseUrl, '--model', 'broken', '--db', db]);
    const res = await rebound(['draft', 'feedback', appId, '--ai', '--db', db]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/answered 500/);
    expect((await rebound(['ai', 'log', '--db', db])).stdout).toMatch(/broken\s+error/);
    const shown = await rebound(['ai', 'show', '--db', db]);
    expect(shown.stdout).toContain('no key');
  });
});

// Issue 17: the themes of a feedback reply, kept beside the reply.
describe('rebound draft themes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-ai-themes-'));
  const db = join(dir, 'themes.db');
  let chat: ChatServer;
  let appId: string;
  beforeAll(async () => {
    chat = await startChatServer();
    const added = await rebound(['add', '--company', 'Acme', '--role', 'Data Analyst', '--db', db, '--json']);
    appId = JSON.parse(added.stdout).id;
    expect((await rebound(['reject', appId, '--db', db])).code).toBe(0);
  });
  afterAll(async () => {
    await chat.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks the model only with --ai, and keeps the edited themes beside the unchanged reply', async () => {
    const early = await rebound(['draft', 'themes', appId, '--show', '--db', db]);
    expect(early.stderr).toContain('There is no reply from Acme yet');
    await rebound(['feedback', 'sent', appId, '--db', db]);
    await rebound(['feedback', 'answered', appId, '--text', 'Your SQL answers were thin.', '--db', db]);
    await rebound(['ai', 'set', '--url', chat.baseUrl, '--model', 'echo', '--db', db]);
    const shown = await rebound(['draft', 'themes', appId, '--show', '--db', db]);
    expect(shown.stdout).toContain('Your SQL answers were thin.');
    expect(chat.received).toHaveLength(0);

    const res = await rebound(['draft', 'themes', appId, '--ai', '--db', db]);
    expect(res.code).toBe(0);
    expect(chat.received.at(-1)!.body.messages[0]!.content).toBe(shown.stdout.replace(/\n$/, ''));
    expect(res.stdout).toMatch(/Logged: .* · summarise_feedback_reply · \d+ characters sent to echo · ok/);

    const file = join(dir, 'themes.txt');
    writeFileSync(file, '- SQL practice\n');
    expect((await rebound(['draft', 'themes', appId, '--keep', file, '--db', db])).stdout).toContain(
      'the reply is unchanged',
    );
    expect((await rebound(['draft', 'themes', appId, '--db', db])).stdout.trim()).toBe('- SQL practice');
    const f = JSON.parse((await rebound(['feedback', 'draft', appId, '--db', db, '--json'])).stdout);
    expect(f.answer).toBe('Your SQL answers were thin.');
  });
});
