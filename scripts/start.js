// `npm start`: build the web app if needed, then serve Rebound on the embedded database.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildWebIfStale } from './build-web.js';

const root = resolve(import.meta.dirname, '..');
buildWebIfStale();
// A larger young generation for the server: under many concurrent requests, fewer short-lived
// objects outlive a scavenge and get copied to the old generation (a third of the list's GC time
// in the hosted bench). Not when NODE_OPTIONS already says otherwise.
const semiSpace = /--max-semi-space-size/.test(process.env.NODE_OPTIONS ?? '')
  ? []
  : ['--max-semi-space-size=64'];
const child = spawn(
  process.execPath,
  [...semiSpace, join(root, 'bin', 'rebound.js'), 'serve', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
