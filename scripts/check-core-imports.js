#!/usr/bin/env node
// Keeps src/core pure: it may import only other src/core files and npm packages that do no I/O.
// Keeps the web app on its side of HTTP: web/src imports its own files, npm packages, and the
// core through the one alias `@core/…` (never src/services, src/server, src/store or a relative
// path out of web/src).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const core = join(root, 'src', 'core');
const web = join(root, 'web', 'src');
const FORBIDDEN_PACKAGES =
  /^(node:|fs$|path$|os$|child_process$|kysely|pg$|better-sqlite3|fastify|@fastify\/|commander|react)/;
const problems = [];

const IMPORT_RE =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

function walk(dir, check) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, check);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) check(full);
  }
}

function checkWeb(file) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(IMPORT_RE)) {
    const spec = match[1] ?? match[2] ?? match[3];
    if (spec.startsWith('.')) {
      if (!resolve(dirname(file), spec).startsWith(web))
        problems.push(
          `${relative(root, file)}: imports ${spec} from outside web/src (use @core/… for the core)`,
        );
    } else if (spec.startsWith('@core/')) {
      if (!resolve(core, spec.slice('@core/'.length)).startsWith(core))
        problems.push(`${relative(root, file)}: imports ${spec}, which leaves src/core`);
    } else if (/^(\/|src\/|node:)/.test(spec)) {
      problems.push(
        `${relative(root, file)}: imports ${spec}; the web app reaches the server over HTTP only`,
      );
    }
  }
}

function check(file) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(IMPORT_RE)) {
    const spec = match[1] ?? match[2] ?? match[3];
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

walk(core, check);
walk(web, checkWeb);
if (problems.length > 0) {
  console.error(`Import rules broken:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('src/core imports only src/core; web/src imports only itself and @core/….');
