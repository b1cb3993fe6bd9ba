import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestContext, type TestContext } from '../../../test/support/context.ts';
import { databases } from '../../../test/support/databases.ts';
import { addRound } from '../../services/application-rounds.ts';
import { addEvent, createApplication } from '../../services/applications.ts';
import { printDetail } from './application-detail.ts';

const [sqlite] = databases;

describe('rebound show', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openTestContext(sqlite!, new Date('2026-11-29T10:00:00Z'));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await t.close();
  });

  const show = async (id: string) => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(...String(s).split('\n')));
    await printDetail(t.ctx, id, {} as never);
    vi.restoreAllMocks();
    return lines;
  };

  it('lists the history in date order, and says when a round still to come takes place', async () => {
    const app = await createApplication(t.ctx, {
      company: 'Contoso',
      role: 'Analyst',
      appliedOn: '2026-11-10',
    });
    await addEvent(t.ctx, app.id, { type: 'stage_changed', stage: 'screening' });
    // Entered today: a phone screen that took place on 20 November, and an interview on 3 December.
    await addRound(t.ctx, app.id, { kind: 'phone', scheduledAt: '2026-11-20' });
    await addRound(t.ctx, app.id, { kind: 'technical', scheduledAt: '2026-12-03' });
    const lines = await show(app.id);
    // Moved today: it has not been waiting long enough to say anything about its silence.
    expect(lines.join('\n')).not.toContain('has been quiet');
    const history = lines.filter((l) => /^ {2}\d{4}-/.test(l));
    expect(history).toEqual([
      '  2026-11-10  Added at Applied',
      '  2026-11-20  Round 1 (Phone)',
      '  2026-11-29  Moved to Screening',
      '  2026-11-29  Moved to Interviewing',
      '  2026-11-29  Round 2 (Technical), scheduled for 2026-12-03',
    ]);
  });
});
