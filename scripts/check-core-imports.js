#!/usr/bin/env node
// Keeps src/core pure: it may import only other src/core files and npm packages that do no I/O.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const core = join(root, 'src', 'core');
const FORBIDDEN_PACKAGES =
  /^(node:|fs$|path$|os$|child_process$|kysely|pg$|better-sqlite3|fastify|@fastify\/|commander|react)/;
const problems = [];

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) check(full);
  }
}

function check(file) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    const spec = match[1] ?? match[2];
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(core))
        problems.push(`${relative(root, file)}: imports ${spec} from outside src/core`);
    } else if (FORBIDDEN_PACKAGES.test(spec)) {
      problems.push(
        `${relative(root, file)}: imports ${spec} (src/core must stay free of I/O and frameworks)`,
      );
    }
  }
}

walk(core);
if (problems.length > 0) {
  console.error(`src/core import rule broken:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('src/core imports only src/core.');
