import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVIL_REPLY, ownModelForTests } from '../../../test/support/chat-server.ts';
import { openTestContext, type TestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import { chatComplete } from '../../io/chat-completions.ts';
import { listApplications } from '../applications.ts';
import { askOwnModel, clearAiEndpoint, getAiEndpoint, listAiCalls, setAiEndpoint } from './own-model.ts';

const NOW = new Date('2026-11-20T10:00:00Z');
const { chat, secrets } = ownModelForTests('rebound-ai-key-');

describe('talking to a chat-completions endpoint', () => {
  it('reads a plain answer and a streamed one alike', async () => {
    const endpoint = { baseUrl: chat.baseUrl, model: 'echo', apiKey: null };
    const messages = [{ role: 'user' as const, content: 'Hello there, a long enough text' }];
    const plain = await chatComplete(endpoint, messages);
    const streamed = await chatComplete(endpoint, messages, { stream: true });
    expect(plain).toBe('REWRITTEN: Hello there, a long enough text');
    expect(streamed).toBe(plain);
    expect(chat.received.at(-1)!.body.stream).toBe(true);
  });

  it('gives up on a silent model, and says what went wrong with a failing or wrong one', async () => {
    const slow = { baseUrl: chat.baseUrl, model: 'slow', apiKey: null };
    await expect(
      chatComplete(slow, [{ role: 'user', content: 'hi' }], { timeoutMs: 300 }),
    ).rejects.toMatchObject({
      kind: 'timeout',
      message: expect.stringMatching(/did not answer within/),
    });
    await expect(
      chatComplete({ ...slow, model: 'broken' }, [{ role: 'user', content: 'hi' }]),
    ).rejects.toThrow(/answered 500/);
    await expect(
      chatComplete({ ...slow, model: 'garbage' }, [{ role: 'user', content: 'hi' }]),
    ).rejects.toThrow(/not answer with JSON/);
    await expect(
      chatComplete({ ...slow, baseUrl: 'http://127.0.0.1:9/v1' }, [{ role: 'user', content: 'hi' }]),
    ).rejects.toThrow(/Could not reach the model/);
  });
});

describe.each(databases)('your own model ($name)', (database) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openTestContext(database, NOW);
  });
  afterEach(async () => t.close());

  it('is off by default and sends nothing until set', async () => {
    expect(await getAiEndpoint(t.ctx)).toEqual({
      configured: false,
      baseUrl: null,
      model: null,
      hasKey: false,
    });
    const before = chat.received.length;
    await expect(askOwnModel(t.ctx, secrets, 'rewrite_feedback_request', 'Rewrite this')).rejects.toThrow(
      /rebound ai set/,
    );
    expect(chat.received.length).toBe(before);
    expect(await listAiCalls(t.ctx)).toEqual([]);
  });

  it('keeps the key sealed, sends exactly the text shown, and logs each call', async () => {
    const view = await setAiEndpoint(t.ctx, secrets, {
      baseUrl: `${chat.baseUrl}/`,
      model: 'echo',
      apiKey: 'sk-secret-123',
    });
    expect(view).toEqual({ configured: true, baseUrl: chat.baseUrl, model: 'echo', hasKey: true });
    expect(JSON.stringify(view)).not.toContain('sk-secret');
    const row = await t.store.db.selectFrom('ai_endpoints').selectAll().executeTakeFirstOrThrow();
    expect(row.api_key).not.toContain('sk-secret');

    const text = 'Rewrite this feedback request so it sounds like me.\n\nSubject: Thanks';
    const { draft, log } = await askOwnModel(t.ctx, secrets, 'rewrite_feedback_request', text, {
      stream: true,
    });
    expect(draft).toBe(`REWRITTEN: ${text}`);
    expect(chat.received.at(-1)!.body.messages).toEqual([{ role: 'user', content: text }]);
    expect(chat.received.at(-1)!.authorization).toBe('Bearer sk-secret-123');
    expect(log).toEqual({
      at: NOW.toISOString(),
      feature: 'rewrite_feedback_request',
      charsSent: text.length,
      model: 'echo',
      status: 'ok',
    });

    await setAiEndpoint(t.ctx, secrets, { baseUrl: chat.baseUrl, model: 'broken' });
    await expect(askOwnModel(t.ctx, secrets, 'rewrite_thank_you', 'abc')).rejects.toThrow(/answered 500/);
    expect((await listAiCalls(t.ctx)).map((c) => [c.feature, c.charsSent, c.status])).toEqual(
      expect.arrayContaining([
        ['rewrite_feedback_request', text.length, 'ok'],
        ['rewrite_thank_you', 3, 'error'],
      ]),
    );
    expect(chat.received.at(-1)!.authorization).toBeUndefined();
    expect((await clearAiEndpoint(t.ctx)).configured).toBe(false);
  });

  it('returns a reply full of instructions as text, and acts on none of it', async () => {
    await setAiEndpoint(t.ctx, secrets, { baseUrl: chat.baseUrl, model: 'evil' });
    const before = await listApplications(t.ctx, { status: 'all', sort: 'updated', limit: 100, offset: 0 });
    const { draft } = await askOwnModel(t.ctx, secrets, 'rewrite_feedback_request', 'Rewrite: hello');
    expect(draft).toBe(EVIL_REPLY);
    expect(await listApplications(t.ctx, { status: 'all', sort: 'updated', limit: 100, offset: 0 })).toEqual(
      before,
    );
  });
});
