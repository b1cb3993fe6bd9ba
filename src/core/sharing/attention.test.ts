import { describe, expect, it } from 'vitest';
import { attentionFor, type SeekerFacts, sortCaseload } from './attention.ts';

const base = (over: Partial<SeekerFacts>): SeekerFacts => ({
  scopes: ['applications', 'goals', 'contacts', 'notes'],
  today: '2026-11-27',
  sharedSince: '2026-10-01T09:00:00Z',
  lastActivity: { applications: '2026-11-26T10:00:00Z' },
  ...over,
});

describe('caseload attention', () => {
  it('raises each signal only from a scope the seeker shared', () => {
    const facts = base({
      lastActivity: { applications: '2026-11-01T10:00:00Z', goals: null },
      rejectedOn: ['2026-11-21', '2026-11-24', '2026-11-26'],
      openLateStage: [{ company: 'Litware', stage: 'offer', since: '2026-11-01' }],
      followUps: [
        { kind: 'contact_touch', dueOn: '2026-11-20', count: 2 },
        { kind: 'feedback_chase', dueOn: '2026-11-25', count: 1 },
        { kind: 'contact_touch', dueOn: '2026-11-27', count: 5 },
      ],
    });
    expect(attentionFor(facts).map((a) => a.kind)).toEqual([
      'rejection_run',
      'quiet',
      'overdue_followups',
      'stalled',
    ]);
    expect(attentionFor(facts).find((a) => a.kind === 'overdue_followups')!.reason).toBe(
      '3 follow-ups overdue, the oldest since 20 Nov 2026.',
    );
    // Contacts only: the feedback chase (notes) is not counted, nothing from applications shows.
    const contactsOnly = attentionFor({ ...facts, scopes: ['contacts'] });
    expect(contactsOnly).toEqual([
      { kind: 'overdue_followups', reason: '2 follow-ups overdue, the oldest since 20 Nov 2026.' },
    ]);
    expect(attentionFor({ ...facts, scopes: ['insights'] })).toEqual([]);
  });

  it('counts rejections in the last seven days of the seeker’s calendar, and quiet from the chosen threshold', () => {
    const facts = base({ rejectedOn: ['2026-11-20', '2026-11-21', '2026-11-27'] });
    expect(attentionFor(facts).map((a) => a.kind)).toEqual([]);
    expect(attentionFor({ ...facts, today: '2026-11-26' }).map((a) => a.kind)).toEqual([]);
    expect(attentionFor({ ...facts, rejectedOn: [...facts.rejectedOn!, '2026-11-22'] })[0]!.kind).toBe(
      'rejection_run',
    );
    expect(attentionFor(facts, { quietDays: 1 }).map((a) => a.kind)).toEqual(['quiet']);
  });

  it('says when nothing was ever recorded since sharing began', () => {
    const facts = base({ lastActivity: { applications: null }, sharedSince: '2026-11-10T09:00:00Z' });
    expect(attentionFor(facts)).toEqual([
      { kind: 'quiet', reason: 'Nothing recorded in the 17 days since sharing began.' },
    ]);
  });

  it('reads last week’s plan against what was logged that week', () => {
    const plan = {
      goals: [{ id: 'g1', kind: 'applications' as const, target: 2, unit: 'applications' }],
      applied: ['2026-11-17', '2026-11-25'],
      timeLogs: [],
      progress: [],
    };
    expect(attentionFor(base({ plan }))).toEqual([
      { kind: 'plan_missed', reason: "Last week's plan: 0 of 1 goal met (applications: 1 of 2)." },
    ]);
    expect(attentionFor(base({ plan: { ...plan, applied: ['2026-11-17', '2026-11-22'] } }))).toEqual([]);
    expect(attentionFor(base({ plan, scopes: ['applications'] }))).toEqual([]);
    // A step accepted for that week is named by its words, not by its unit ("times: 0 of 1").
    const step = {
      id: 's1',
      kind: 'custom' as const,
      target: 1,
      unit: 'times',
      label: 'One mock interview',
      weekStart: '2026-11-16',
    };
    const met = { ...plan, applied: ['2026-11-17', '2026-11-22'] };
    expect(attentionFor(base({ plan: { ...met, goals: [...met.goals, step] } }))).toEqual([
      { kind: 'plan_missed', reason: "Last week's plan: 1 of 2 goals met (One mock interview: 0 of 1)." },
    ]);
  });

  it('orders by urgency, then the longest quiet, then name', () => {
    const rows = sortCaseload([
      { name: 'B', lastActivityAt: '2026-11-20', attention: [{ kind: 'stalled' as const, reason: '' }] },
      { name: 'A', lastActivityAt: '2026-11-25', attention: [] },
      { name: 'C', lastActivityAt: null, attention: [] },
      {
        name: 'D',
        lastActivityAt: '2026-11-01',
        attention: [{ kind: 'rejection_run' as const, reason: '' }],
      },
    ]);
    expect(rows.map((r) => r.name)).toEqual(['D', 'B', 'C', 'A']);
  });
});
