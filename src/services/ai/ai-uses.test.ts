import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVIL_REPLY, ownModelForTests } from '../../../test/support/chat-server.ts';
import { openTestContext, type TestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import { createTestApplication } from '../../../test/support/factories.ts';
import {
  listLines,
  postMortemActionsPrompt,
  replyThemesPrompt,
  resumeLinesPrompt,
  splitSubject,
} from '../../core/ai/prompts.ts';
import { addEvent } from '../applications.ts';
import { exportBackup, importBackup } from '../backup.ts';
import { getFeedbackRequestOrThrow, updateFeedbackRequest } from '../recovery/feedback.ts';
import { createActionItem, getPostMortem, listActionItems } from '../recovery/post-mortem.ts';
import { logRejection } from '../recovery/rejections.ts';
import { askOwnModel, listAiCalls, setAiEndpoint } from './own-model.ts';
import { deleteReplySummary, getReplySummary, saveReplySummary } from './reply-summaries.ts';

const NOW = new Date('2026-11-20T10:00:00Z');
const ANSWER =
  'Thanks for asking. The panel liked your system design, but your answers on testing were thin and you ran out of time on the coding task.';
const { chat, secrets } = ownModelForTests('rebound-ai-uses-');

describe('the text proposed for each use, and reading answers back', () => {
  it('puts the user’s own material in the text, and reads subjects and lists off an answer', () => {
    expect(replyThemesPrompt('Acme', 'Engineer', ANSWER)).toContain(ANSWER);
    const resume = resumeLinesPrompt({
      company: 'Acme',
      role: 'Engineer',
      jobDescription: 'We need TypeScript and Kubernetes.',
      matched: ['TypeScript'],
      missing: ['Kubernetes'],
      resume: 'Built a TypeScript API used by 2,000 people.',
    });
    expect(resume).toMatch(/shows: TypeScript/);
    expect(resume).toMatch(/does not show: Kubernetes/);
    expect(resume).toContain('Built a TypeScript API');
    const look = postMortemActionsPrompt('Acme', 'Engineer', [
      { title: 'Coding round', rating: 'weak', note: 'ran out of time' },
      { title: 'Resume', rating: null, note: null },
    ]);
    expect(look).toContain('- Coding round: weak — ran out of time');
    expect(look).not.toContain('Resume');
    expect(splitSubject('Subject: Hello again\n\nDear Sam,\nthanks.')).toEqual({
      subject: 'Hello again',
      body: 'Dear Sam,\nthanks.',
    });
    expect(splitSubject('Just a body')).toEqual({ subject: null, body: 'Just a body' });
    expect(listLines('Here you go:\n- Practise timed katas\n\n2. Write tests first\n* Ask early')).toEqual([
      'Here you go:',
      'Practise timed katas',
      'Write tests first',
      'Ask early',
    ]);
  });
});

describe.each(databases)('using your own model ($name)', (database) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openTestContext(database, NOW);
    await setAiEndpoint(t.ctx, secrets, { baseUrl: chat.baseUrl, model: 'echo' });
  });
  afterEach(async () => t.close());

  async function answeredFeedback() {
    const app = await createTestApplication(t.ctx, {
      company: 'Acme',
      role: 'Engineer',
      appliedOn: '2026-10-01',
    });
    await addEvent(t.ctx, app.id, { type: 'stage_changed', stage: 'screening', occurredOn: '2026-10-10' });
    const id = (await logRejection(t.ctx, { applicationId: app.id })).feedbackRequest!.id;
    await updateFeedbackRequest(t.ctx, id, { state: 'sent' });
    await updateFeedbackRequest(t.ctx, id, { state: 'answered', answer: ANSWER });
    return { appId: app.id, id };
  }

  it('keeps a reply’s theme summary beside the reply, which stays word for word', async () => {
    const { id } = await answeredFeedback();
    expect(await getReplySummary(t.ctx, id)).toEqual({
      feedbackRequestId: id,
      summary: null,
      updatedAt: null,
    });
    const text = replyThemesPrompt('Acme', 'Engineer', ANSWER);
    const { draft, log } = await askOwnModel(t.ctx, secrets, 'summarise_feedback_reply', text);
    expect(chat.received.at(-1)!.body.messages).toEqual([{ role: 'user', content: text }]);
    expect(log).toMatchObject({ feature: 'summarise_feedback_reply', charsSent: text.length, status: 'ok' });

    const edited = `${draft}\n- My own extra theme`;
    expect(await saveReplySummary(t.ctx, id, edited)).toMatchObject({ summary: edited });
    expect((await getReplySummary(t.ctx, id)).summary).toBe(edited);
    expect((await getFeedbackRequestOrThrow(t.ctx, id)).answer).toBe(ANSWER);

    // A backup keeps the themes with the reply, and a restore brings both back.
    const backup = await exportBackup(t.ctx);
    await importBackup(t.ctx, backup, { replace: true });
    expect((await getReplySummary(t.ctx, id)).summary).toBe(edited);
    expect((await getFeedbackRequestOrThrow(t.ctx, id)).answer).toBe(ANSWER);
    const broken = structuredClone(backup);
    (broken.sections as { ai: { replySummaries: { feedbackRequestId: string }[] } }).ai
      .replySummaries[0]!.feedbackRequestId = 'gone';
    await expect(importBackup(t.ctx, broken, { replace: true })).rejects.toThrow(
      /sections\.ai\.replySummaries\[0\]\.feedbackRequestId: no such feedback request/,
    );
    expect((await getReplySummary(t.ctx, id)).summary).toBe(edited);

    expect((await deleteReplySummary(t.ctx, id)).summary).toBeNull();
    expect((await getReplySummary(t.ctx, id)).summary).toBeNull();
    expect((await getFeedbackRequestOrThrow(t.ctx, id)).answer).toBe(ANSWER);
    expect((await listAiCalls(t.ctx)).map((c) => c.feature)).toEqual(['summarise_feedback_reply']);
  });

  it('will not summarise a request that has no reply, nor one that does not exist', async () => {
    const app = await createTestApplication(t.ctx, {
      company: 'Globex',
      role: 'Engineer',
      appliedOn: '2026-10-01',
    });
    const id = (await logRejection(t.ctx, { applicationId: app.id })).feedbackRequest!.id;
    await expect(saveReplySummary(t.ctx, id, '- a theme')).rejects.toThrow(/no reply to summarise/);
    await expect(getReplySummary(t.ctx, 'nope')).rejects.toMatchObject({
      code: 'feedback_request_not_found',
    });
  });

  it('turns a look back into action items only as the user accepts them, and never acts on a reply', async () => {
    const { appId } = await answeredFeedback();
    const look = await getPostMortem(t.ctx, appId);
    const before = (await listActionItems(t.ctx, { status: 'all' })).length;
    const text = postMortemActionsPrompt(look.company, look.role, [
      { title: 'Screening call', rating: 'weak', note: 'rambled about salary' },
    ]);
    const { draft } = await askOwnModel(t.ctx, secrets, 'post_mortem_actions', text, { stream: true });
    expect(draft).toBe(`REWRITTEN: ${text}`);
    // Nothing is created until the user accepts; then one task per kept line.
    expect((await listActionItems(t.ctx, { status: 'all' })).length).toBe(before);
    for (const line of ['Practise a two-minute salary answer']) {
      await createActionItem(t.ctx, { applicationId: appId, text: line, dueOn: '2026-11-27' });
    }
    expect((await listActionItems(t.ctx, { status: 'all' })).map((a) => a.text)).toContain(
      'Practise a two-minute salary answer',
    );

    await setAiEndpoint(t.ctx, secrets, { baseUrl: chat.baseUrl, model: 'evil' });
    const evil = await askOwnModel(t.ctx, secrets, 'suggest_resume_lines', 'Which lines?');
    expect(evil.draft).toBe(EVIL_REPLY);
    expect((await listActionItems(t.ctx, { status: 'all' })).length).toBe(before + 1);
    expect((await getFeedbackRequestOrThrow(t.ctx, (await answeredFeedback()).id)).answer).toBe(ANSWER);
  });
});
