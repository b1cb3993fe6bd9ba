#!/usr/bin/env node
// `rebound`: runs the compiled CLI in dist/cli. In a checkout it first rebuilds that when a source
// file changed (scripts/build-cli.js, a few milliseconds when nothing did), and `serve` builds the
// web app when it is missing or stale. An installed package ships both builds and no sources.
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1 and later keep the compiled code of the modules below between runs (Node's own cache
// folder); `rebound serve` keeps its own as well (src/cli/serve-bundle.ts), on any Node.
module.enableCompileCache?.();

const args = process.argv.slice(2);
const scripts = new URL('../scripts/', import.meta.url);
if (existsSync(new URL('build-cli.js', scripts))) {
  try {
    await (await import(new URL('build-cli.js', scripts).href)).buildCliIfStale();
    if (args[0] === 'serve') (await import(new URL('build-web.js', scripts).href)).buildWebIfStale();
  } catch (error) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exit(1);
  }
}
// `rebound list --json | head`: a reader that stops early closes the pipe; stop quietly then, as
// other command-line tools do, rather than with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import('../dist/cli/main.js');
const code = await main(args);
if (code !== 0 || !args.includes('serve')) process.exitCode = code;
