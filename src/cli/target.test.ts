import { describe, expect, it } from 'vitest';
import { resolveTarget } from './target.ts';

describe('which database the CLI opens', () => {
  const url = 'postgres://rebound@127.0.0.1:5432/rebound';

  it('reads a postgres:// URL in REBOUND_DB as PostgreSQL, as --db does, not as a file name', () => {
    expect(resolveTarget({}, { REBOUND_DB: url })).toEqual({ kind: 'postgres', url });
    expect(resolveTarget({ db: url }, {})).toEqual({ kind: 'postgres', url });
    expect(resolveTarget({}, { REBOUND_DB: '/data/rebound.db' })).toEqual({
      kind: 'sqlite',
      file: '/data/rebound.db',
    });
  });

  it('takes --db first, then REBOUND_DATABASE_URL, then REBOUND_DB', () => {
    const env = { REBOUND_DATABASE_URL: url, REBOUND_DB: '/data/rebound.db' };
    expect(resolveTarget({ db: 'here.db' }, env)).toEqual({ kind: 'sqlite', file: 'here.db' });
    expect(resolveTarget({}, env)).toEqual({ kind: 'postgres', url });
  });
});
