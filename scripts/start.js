// `npm start`: build the web app if needed, then serve Rebound on the embedded database.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildWebIfStale } from './build-web.js';

const root = resolve(import.meta.dirname, '..');
buildWebIfStale();
const child = spawn(process.execPath, [join(root, 'bin', 'rebound.js'), 'serve', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
