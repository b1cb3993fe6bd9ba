import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingStatements } from './statement-cache.ts';

function numbers() {
  const sqlite = new SqliteDatabase(':memory:');
  sqlite.exec('create table n (v integer); insert into n values (1), (2), (3);');
  return sqlite;
}

describe('the SQLite statement cache', () => {
  it('hands back the statement it prepared for the same SQL, with each call’s own values', () => {
    const db = cachingStatements(numbers());
    const first = db.prepare('select v from n where v > ? order by v');
    expect(db.prepare('select v from n where v > ? order by v')).toBe(first);
    expect(first.all([1])).toEqual([{ v: 2 }, { v: 3 }]);
    expect(first.all([2])).toEqual([{ v: 3 }]);
    db.close();
  });

  it('gives a fresh statement while the cached one is still being read, and both read everything', () => {
    const db = cachingStatements(numbers());
    const sql = 'select v from n order by v';
    const outer = db.prepare(sql);
    const seen: number[][] = [];
    for (const row of outer.iterate([]) as Iterable<{ v: number }>) {
      const inner = db.prepare(sql);
      expect(inner).not.toBe(outer);
      seen.push([row.v, ...(inner.all([]) as { v: number }[]).map((r) => r.v)]);
    }
    expect(seen).toEqual([
      [1, 1, 2, 3],
      [2, 1, 2, 3],
      [3, 1, 2, 3],
    ]);
    db.close();
  });

  it('keeps at most its size, letting the least recently used statement go', () => {
    const db = cachingStatements(numbers(), 2);
    const a = db.prepare('select 1 as v');
    const b = db.prepare('select 2 as v');
    expect(db.prepare('select 1 as v')).toBe(a); // a is now the most recently used
    db.prepare('select 3 as v'); // b goes
    expect(db.prepare('select 1 as v')).toBe(a);
    expect(db.prepare('select 2 as v')).not.toBe(b);
    db.close();
  });

  it('does not keep a statement SQLite refused', () => {
    const db = cachingStatements(numbers());
    expect(() => db.prepare('select from nowhere')).toThrow();
    expect(db.prepare('select count(*) as c from n').all([])).toEqual([{ c: 3 }]);
    db.close();
  });
});
