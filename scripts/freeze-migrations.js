// `node scripts/freeze-migrations.js`: records the SHA-256 of every migration file not yet listed
// in src/store/migrations/frozen.json. Run it once when you add a migration; a test then fails
// if a listed (shipped) migration is ever edited. Existing entries are never rewritten.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '..', 'src', 'store', 'migrations');
const listFile = join(dir, 'frozen.json');

/** The SHA-256 of a migration file's text, with line endings normalised (a Windows checkout hashes the same). */
export function migrationHash(text) {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

/** Migration files: `YYYY_MM_DD_HHMM_name.ts`, tests and the index left out. */
export function migrationFiles() {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_\d{2}_\d{2}_\d{4}_.+\.ts$/.test(f) && !f.endsWith('.test.ts'))
    .sort();
}

function main() {
  const frozen = existsSync(listFile) ? JSON.parse(readFileSync(listFile, 'utf8')) : {};
  const added = [];
  for (const file of migrationFiles()) {
    if (frozen[file]) continue;
    frozen[file] = migrationHash(readFileSync(join(dir, file), 'utf8'));
    added.push(file);
  }
  const sorted = Object.fromEntries(Object.entries(frozen).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(listFile, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(added.length ? `Frozen: ${added.join(', ')}` : 'Every migration is already frozen.');
}

if (import.meta.url === `file://${process.argv[1]}`) main();
