import { describe, expect, it } from 'vitest';
import { crossSiteAttacks } from '../soak/cross-site.ts';
import { fuzzServer } from '../soak/fuzz.ts';
import { killTrials } from '../soak/kill9.ts';
import { hasTool } from './support/tools.ts';

// The short form of `npm run soak` (issue 11, "keep it from coming back"): the same sections,
// smaller. The long form prints its figures; here each must hold.
describe('soak, short form', () => {
  for (const database of ['sqlite', 'postgres'] as const) {
    it(`fuzzing every route from the OpenAPI document gives no 5xx on ${database}`, async () => {
      const r = await fuzzServer(database, 400, database === 'sqlite' ? 7 : 8);
      expect(r.examples).toEqual([]);
      expect(r.serverErrors).toBe(0);
      expect(r.requests).toBe(400);
      expect(r.alive).toBe(true);
    }, 300_000);
  }

  it('kill -9 under write load loses no acknowledged write and leaves an intact file', async () => {
    const r = await killTrials(2);
    expect(r.trials).toBe(2);
    expect(r.acknowledged).toBeGreaterThan(0);
    expect(r.lost).toBe(0);
    expect(r.integrityFailures).toBe(0);
  }, 300_000);

  it.skipIf(!hasTool('chromium'))(
    'a page on another port changes nothing through forms, no-cors fetches or beacons',
    async () => {
      const r = await crossSiteAttacks();
      expect(r.routes).toBeGreaterThan(20);
      expect(r.changed).toBe(false);
      expect(r.cspViolations).toEqual([]);
      expect(r.appRendered).toBe(true);
    },
    300_000,
  );
});
