// `npm test`: build the CLI and the web app if needed, run every Vitest project (unit, storage on
// both databases, HTTP, CLI, browser, the packed package), then print the slowest files, one line
// per missing tool whose tests were skipped, and last one `N passed, N failed` line.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildCliIfStale } from './build-cli.js';
import { buildWebIfStale } from './build-web.js';

const root = resolve(import.meta.dirname, '..');
const started = Date.now();
await buildCliIfStale();
buildWebIfStale();
// Each run keeps its results in a folder of its own, so two runs at once do not mix them up
// (REBOUND_TEST_RESULTS chooses it, e.g. for a test that runs this script on one file).
const results = process.env.REBOUND_TEST_RESULTS ?? join(root, 'test-results', `run-${process.pid}`);
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const report = join(results, 'vitest.json');
const missingTools = join(results, 'missing-tools.jsonl');
const result = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, REBOUND_TEST_RESULTS: results } },
);
let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed =
    (json.numFailedTests ?? 0) +
    (json.numRuntimeErrorTestSuites ?? 0) +
    (json.numFailedTestSuites && !json.numFailedTests ? json.numFailedTestSuites : 0);
  const timed = (json.testResults ?? [])
    .filter((f) => f.startTime && f.endTime)
    .map((f) => ({ name: relative(root, f.name), ms: f.endTime - f.startTime }))
    .sort((a, b) => b.ms - a.ms);
  const files = timed.slice(0, 10);
  if (files.length > 0) {
    const sum = timed.reduce((total, f) => total + f.ms, 0);
    console.log(
      `\nSlowest test files (whole run ${((Date.now() - started) / 1000).toFixed(0)} s; ${timed.length} files, ${(sum / 1000).toFixed(0)} s of file time across the workers):`,
    );
    for (const f of files) console.log(`  ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${f.name}`);
  }
}
if (existsSync(missingTools)) {
  const byTool = new Map();
  for (const line of readFileSync(missingTools, 'utf8').split('\n').filter(Boolean)) {
    const entry = JSON.parse(line);
    const seen = byTool.get(entry.tool) ?? { ...entry, files: new Set() };
    seen.files.add(entry.file);
    byTool.set(entry.tool, seen);
  }
  for (const t of byTool.values()) {
    const files = [...t.files].sort();
    console.log(
      `Skipped ${files.length} test file${files.length === 1 ? '' : 's'} (${files.join(', ')}): ${t.label} ${t.where}; ${t.remedy}`,
    );
  }
}
if (!process.env.REBOUND_TEST_RESULTS) {
  if (existsSync(report)) copyFileSync(report, join(root, 'test-results', 'vitest.json'));
  rmSync(results, { recursive: true, force: true });
}
const code = result.status ?? 1;
if (code !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(code);
