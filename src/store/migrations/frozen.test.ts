import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain JavaScript script, shared with the command that freezes migrations
import { migrationFiles, migrationHash } from '../../../scripts/freeze-migrations.js';
import { migrations } from './index.ts';

/** Shipped migrations never change: each file's hash is recorded by `node scripts/freeze-migrations.js`. */
describe('frozen migrations', () => {
  const frozen: Record<string, string> = JSON.parse(
    readFileSync(new URL('./frozen.json', import.meta.url), 'utf8'),
  );

  it('are unchanged since they were frozen', () => {
    const edited = Object.entries(frozen)
      .filter(
        ([file, hash]) => migrationHash(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')) !== hash,
      )
      .map(([file]) => file);
    expect(edited, 'a shipped migration was edited; add a new migration instead').toEqual([]);
  });

  it('are all frozen and all registered (run: node scripts/freeze-migrations.js)', () => {
    const files: string[] = migrationFiles();
    expect(
      files.filter((f) => !frozen[f]),
      'not frozen yet',
    ).toEqual([]);
    expect(
      Object.keys(frozen).filter((f) => !files.includes(f)),
      'frozen but deleted',
    ).toEqual([]);
    expect(files.map((f) => f.replace(/\.ts$/, ''))).toEqual(Object.keys(migrations).sort());
  });
});
