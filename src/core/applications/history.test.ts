import { describe, expect, it } from 'vitest';
import type { ApplicationEvent, EventData, EventType } from './application.ts';
import { deriveState, lastUndoableEvent, planOutcome, planStageChange } from './history.ts';

let seq = 0;
function ev<T extends EventType>(
  type: T,
  occurredOn: string,
  data: EventData[T],
  id = `e${++seq}`,
): ApplicationEvent {
  return {
    id,
    applicationId: 'a1',
    seq: ++seq,
    type,
    occurredOn,
    recordedAt: '2026-11-01T00:00:00Z',
    data,
  } as ApplicationEvent;
}

describe('deriveState', () => {
  it('keeps the furthest stage after a move back', () => {
    const state = deriveState([
      ev('created', '2026-10-01', { stage: 'applied' }),
      ev('stage_changed', '2026-10-05', { from: 'applied', to: 'interviewing' }),
      ev('stage_changed', '2026-10-06', { from: 'interviewing', to: 'screening' }),
    ]);
    expect(state.stage).toBe('screening');
    expect(state.furthestStage).toBe('interviewing');
  });

  it('keeps the furthest stage when rejected, and records the closing day', () => {
    const state = deriveState([
      ev('created', '2026-10-01', { stage: 'applied' }),
      ev('stage_changed', '2026-10-03', { from: 'applied', to: 'interviewing' }),
      ev('outcome_set', '2026-10-09', { outcome: 'rejected', reason: null }),
    ]);
    expect(state).toMatchObject({
      stage: 'interviewing',
      furthestStage: 'interviewing',
      outcome: 'rejected',
      closedOn: '2026-10-09',
    });
  });

  it('orders by the day it happened, not the day it was recorded', () => {
    const state = deriveState([
      ev('created', '2026-10-01', { stage: 'applied' }),
      ev('stage_changed', '2026-10-10', { from: 'applied', to: 'offer' }),
      // recorded later but happened earlier
      ev('stage_changed', '2026-10-04', { from: 'applied', to: 'screening' }),
    ]);
    expect(state.stage).toBe('offer');
    expect(state.furthestStage).toBe('offer');
  });

  it('takes a mistaken move out of the furthest stage when it is undone', () => {
    const move = ev('stage_changed', '2026-10-02', { from: 'applied', to: 'offer' }, 'mistake');
    const events = [
      ev('created', '2026-10-01', { stage: 'applied' }),
      move,
      ev('undo', '2026-10-02', { eventId: 'mistake' }),
    ];
    const state = deriveState(events);
    expect(state.stage).toBe('applied');
    expect(state.furthestStage).toBe('applied');
  });

  it('treats an undone undo as a redo', () => {
    const events = [
      ev('created', '2026-10-01', { stage: 'applied' }),
      ev('stage_changed', '2026-10-02', { from: 'applied', to: 'screening' }, 'm'),
      ev('undo', '2026-10-02', { eventId: 'm' }, 'u1'),
      ev('undo', '2026-10-02', { eventId: 'u1' }, 'u2'),
    ];
    expect(deriveState(events).stage).toBe('screening');
  });

  it('reopening clears the outcome but keeps how far it got', () => {
    const state = deriveState([
      ev('created', '2026-10-01', { stage: 'applied' }),
      ev('stage_changed', '2026-10-02', { from: 'applied', to: 'interviewing' }),
      ev('outcome_set', '2026-10-03', { outcome: 'rejected' }),
      ev('reopened', '2026-10-20', { previousOutcome: 'rejected' }),
    ]);
    expect(state.outcome).toBeNull();
    expect(state.furthestStage).toBe('interviewing');
  });

  it('counts rounds and replies as employer responses', () => {
    const state = deriveState([
      ev('created', '2026-10-01', { stage: 'applied' }),
      ev('response', '2026-10-07', { summary: 'recruiter replied' }),
      ev('note', '2026-10-09', { text: 'prepared' }),
    ]);
    expect(state.lastResponseOn).toBe('2026-10-07');
    expect(state.lastActivityOn).toBe('2026-10-09');
  });
});

describe('transitions', () => {
  const open = deriveState([ev('created', '2026-10-01', { stage: 'applied' })]);
  const closed = { ...open, outcome: 'rejected' as const };

  it('refuses to move a closed application', () => {
    expect(() => planStageChange(closed, 'offer')).toThrow(/Reopen it/);
  });
  it('refuses a move to the same stage', () => {
    expect(() => planStageChange(open, 'applied')).toThrow(/already at applied/);
  });
  it('refuses to reject twice', () => {
    expect(() => planOutcome(closed, 'rejected')).toThrow(/already closed/);
  });
  it('only declines an offer', () => {
    expect(() => planOutcome(open, 'declined')).toThrow(/Only an offer/);
  });
  it('undo picks the latest move still in force', () => {
    const events = [
      ev('created', '2026-10-01', { stage: 'applied' }),
      ev('stage_changed', '2026-10-02', { from: 'applied', to: 'screening' }, 'x1'),
      ev('note', '2026-10-03', { text: 'hi' }),
    ];
    expect(lastUndoableEvent(events)?.id).toBe('x1');
  });
});

describe('deriveState: an application entered past applied', () => {
  it('counts reaching screening as a reply from the employer, on the day it was written down', () => {
    const state = deriveState([
      {
        id: 'c1',
        applicationId: 'a1',
        seq: 1,
        type: 'created',
        occurredOn: '2026-08-01',
        recordedAt: '2026-11-01T10:00:00Z',
        data: { stage: 'screening' },
      },
    ]);
    expect(state.lastResponseOn).toBe('2026-11-01');
  });

  it('does not count an application entered at applied as a reply', () => {
    const state = deriveState([ev('created', '2026-10-01', { stage: 'applied' })]);
    expect(state.lastResponseOn).toBeNull();
  });
});
