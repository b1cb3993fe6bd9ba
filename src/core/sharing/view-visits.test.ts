import { describe, expect, it } from 'vitest';
import { type LoggedView, visitsOf } from './view-visits.ts';

const read = (id: string, at: string, what: string, more: Partial<LoggedView> = {}): LoggedView => ({
  id,
  shareId: 's1',
  coachEmail: 'casey@example.org',
  viewerName: 'Casey',
  scope: what.includes('goals') ? 'goals' : 'applications',
  what: `GET /api/v1/${what}`,
  viewedAt: `2026-11-27T${at}:00.000Z`,
  ...more,
});

describe('visitsOf', () => {
  it('makes one line of the reads one page load makes, with what was read, each once', () => {
    // Newest first, as the server answers.
    const log = [
      read('5', '10:01', 'applications'),
      read('4', '10:01', 'goals'),
      read('3', '10:00', 'applications/a1'),
      read('2', '10:00', 'applications'),
      read('1', '10:00', 'goals'),
    ];
    const visits = visitsOf(log);
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({
      id: '5',
      from: '2026-11-27T10:00:00.000Z',
      to: '2026-11-27T10:01:00.000Z',
      scopes: ['goals', 'applications'],
      whats: ['GET /api/v1/goals', 'GET /api/v1/applications', 'GET /api/v1/applications/a1'],
      reads: 5,
    });
  });

  it('starts a new visit after a pause, and keeps coaches and shares apart', () => {
    const log = [
      read('4', '11:30', 'applications'),
      read('3', '10:05', 'applications', {
        coachEmail: 'cory@example.org',
        viewerName: 'Cory',
        shareId: 's2',
      }),
      read('2', '10:09', 'applications'),
      read('1', '10:00', 'applications'),
    ];
    expect(
      visitsOf(log).map((v) => [v.viewerName, v.from.slice(11, 16), v.to.slice(11, 16), v.reads]),
    ).toEqual([
      ['Casey', '11:30', '11:30', 1],
      ['Casey', '10:00', '10:09', 2],
      ['Cory', '10:05', '10:05', 1],
    ]);
  });
});
