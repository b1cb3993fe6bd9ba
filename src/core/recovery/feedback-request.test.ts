import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { draftFeedbackRequest, emlText, type FeedbackRequestInput, mailtoUrl } from './feedback-request.ts';

const base: FeedbackRequestInput = {
  company: 'Brightside Labs',
  role: 'Product designer',
  stageReached: 'interviewing',
  rounds: [{ kind: 'behavioural' }, { kind: 'final' }],
  contact: { name: 'Maya Okafor', role: 'Design lead', email: 'maya@brightside.example' },
  userName: 'Jordan',
  rejectedAt: '2026-03-07T15:00:00Z',
};

describe('draftFeedbackRequest', () => {
  it('writes a specific request with the round questions and is due 48 hours after the news', () => {
    const d = draftFeedbackRequest(base);
    expect(d.to).toBe('maya@brightside.example');
    expect(d.subject).toBe('Thank you, and a short question about the Product designer role');
    expect(d.body.startsWith('Hello Maya Okafor,')).toBe(true);
    expect(d.body).toContain('Product designer role at Brightside Labs');
    expect(d.body).toContain('1. What did the candidate you chose bring');
    expect(d.body).toContain('2. Which of my examples');
    expect(d.body.trimEnd().endsWith('Jordan')).toBe(true);
    expect(d.questions).toHaveLength(3);
    expect(d.dueAt).toBe('2026-03-09T15:00:00.000Z');
    expect(d.missing).toEqual([]);
  });

  it('greets plainly and leaves out the signature when the contact and name are unknown', () => {
    const d = draftFeedbackRequest({
      ...base,
      stageReached: 'applied',
      rounds: [],
      contact: null,
      userName: undefined,
    });
    expect(d.body.startsWith('Hello,\n')).toBe(true);
    expect(d.body).not.toMatch(/undefined|null|\{\{/);
    expect(d.body.trimEnd().endsWith('Best wishes,')).toBe(true);
    expect(d.to).toBeNull();
    expect(d.missing).toEqual(['contactName', 'userName']);
    expect(d.body).toContain('main requirements');
  });

  it('uses a user-edited template, with a fallback subject when it has none', () => {
    const d = draftFeedbackRequest(base, 'Hi {{contactName}}, any thoughts?\n{{questions}}');
    expect(d.subject).toBe('Thank you, and a short question');
    expect(d.body.split('\n')[0]).toBe('Hi Maya Okafor, any thoughts?');
  });
});

describe('mailtoUrl', () => {
  it('encodes subject and body with %20 and CRLF line breaks', () => {
    const url = mailtoUrl({ to: 'maya@brightside.example', subject: 'A & B', body: 'Line one\nLine two' });
    expect(url).toBe('mailto:maya@brightside.example?subject=A%20%26%20B&body=Line%20one%0D%0ALine%20two');
  });

  it('round-trips a full draft through URL parsing', () => {
    const d = draftFeedbackRequest(base);
    const url = new URL(mailtoUrl(d));
    expect(url.searchParams.get('subject')).toBe(d.subject);
    expect(url.searchParams.get('body')).toBe(d.body.replace(/\n/g, '\r\n'));
  });
});

describe('emlText', () => {
  it('is a message mail programs read back with the same subject, recipient and body', async () => {
    const d = draftFeedbackRequest({
      ...base,
      company: 'Café Łódź',
      contact: { name: 'Zoë Ng', email: 'zoe@cafe.example' },
    });
    const eml = emlText(d, '2026-03-09T15:00:00Z', { name: 'Jordan', email: 'jordan@example.org' });
    expect(eml).toMatch(/^Date: Mon, 09 Mar 2026 15:00:00 \+0000\r\n/);
    expect(eml).toContain('X-Unsent: 1');
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(eml).not.toMatch(/[^\r]\n/);
    const parsed = await PostalMime.parse(eml);
    expect(parsed.subject).toBe(d.subject);
    expect(parsed.to?.[0]).toMatchObject({ name: 'Zoë Ng', address: 'zoe@cafe.example' });
    expect(parsed.from).toMatchObject({ name: 'Jordan', address: 'jordan@example.org' });
    expect(parsed.text?.replace(/\r\n/g, '\n').trim()).toBe(d.body);
  });

  it('encodes a non-ASCII subject as RFC 2047 words', async () => {
    const eml = emlText(
      { to: null, toName: null, subject: 'Merci, équipe Ærø', body: 'x' },
      '2026-01-01T00:00:00Z',
    );
    expect(eml).toMatch(/Subject: =\?UTF-8\?B\?/);
    expect((await PostalMime.parse(eml)).subject).toBe('Merci, équipe Ærø');
  });
});
