// Builds the web app into dist/web when it is missing or older than its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const output = join(root, 'dist', 'web', 'index.html');
const sources = [
  join(root, 'web'),
  join(root, 'src', 'core'),
  join(root, 'vite.config.ts'),
  join(root, 'package.json'),
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

export function buildWebIfStale({ quiet = false } = {}) {
  if (!existsSync(join(root, 'web', 'index.html'))) return;
  const built = existsSync(output) ? statSync(output).mtimeMs : 0;
  if (built >= Math.max(...sources.map(newest))) return;
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    console.error(
      'The web app is not built and Vite is not installed here: run `npm install`, then `npm run build`.',
    );
    return;
  }
  if (!quiet) console.log('Building the web app…');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) buildWebIfStale();
