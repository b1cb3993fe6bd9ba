import type {
  ApplicationEvent,
  ApplicationKind,
  Channel,
  EventData,
  EventType,
  Outcome,
  Stage,
} from '../applications/application.ts';
import type { InsightApplication } from './types.ts';

/**
 * A small builder for hand-made histories in tests:
 * `history('a1').created('applied', '2026-10-01').move('interviewing', '2026-10-05').build()`.
 */
export class HistoryBuilder {
  private readonly events: ApplicationEvent[] = [];
  private seq = 0;
  private stage: Stage = 'saved';

  constructor(
    private readonly id: string,
    private readonly fields: Partial<Omit<InsightApplication, 'id' | 'events'>> = {},
  ) {}

  private push<T extends EventType>(type: T, occurredOn: string, data: EventData[T]): this {
    this.seq++;
    this.events.push({
      id: `${this.id}-e${this.seq}`,
      applicationId: this.id,
      seq: this.seq,
      type,
      occurredOn,
      recordedAt: `${occurredOn}T12:00:00Z`,
      data,
    } as ApplicationEvent);
    return this;
  }

  created(stage: Stage, on: string): this {
    this.stage = stage;
    return this.push('created', on, { stage });
  }
  move(to: Stage, on: string): this {
    const from = this.stage;
    this.stage = to;
    return this.push('stage_changed', on, { from, to });
  }
  close(outcome: Outcome, on: string): this {
    return this.push('outcome_set', on, { outcome, reason: null });
  }
  reopen(on: string, previousOutcome: Outcome | null = 'rejected'): this {
    return this.push('reopened', on, { previousOutcome });
  }
  round(on: string, number = 1): this {
    return this.push('round_added', on, { roundId: `${this.id}-r${number}`, number, kind: 'technical' });
  }
  reply(on: string): this {
    return this.push('response', on, { summary: null });
  }
  /** Undoes the most recent event recorded so far. */
  undoLast(on: string): this {
    const last = this.events[this.events.length - 1];
    if (!last) throw new Error('nothing to undo');
    return this.push('undo', on, { eventId: last.id });
  }
  build(): InsightApplication {
    return {
      id: this.id,
      events: [...this.events],
      channel: (this.fields.channel ?? 'job_board') as Channel,
      role: this.fields.role ?? 'Software Engineer',
      tags: this.fields.tags ?? [],
      kind: (this.fields.kind ?? 'job') as ApplicationKind,
      appliedOn: this.fields.appliedOn,
    };
  }
}

export function history(
  id: string,
  fields?: Partial<Omit<InsightApplication, 'id' | 'events'>>,
): HistoryBuilder {
  return new HistoryBuilder(id, fields);
}
