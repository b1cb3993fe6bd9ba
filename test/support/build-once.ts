/**
 * Vitest global setup: compiles the CLI (dist/cli) once before any test file starts, when a
 * source changed, so CLI tests that run `rebound` in parallel never each start a build.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const script = fileURLToPath(new URL('../../scripts/build-cli.js', import.meta.url));
  const built = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the CLI (scripts/build-cli.js) failed');
}
