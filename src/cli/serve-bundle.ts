/**
 * Loads `rebound serve`'s build (dist/cli/serve/main.cjs, one CommonJS file; see
 * scripts/build-cli.js) with V8's code cache (issue 12). Compiling the server's few megabytes of
 * JavaScript was the largest single part of its start; V8 can instead read back the compiled code
 * of an earlier start. The first start writes that cache, once the server listens (so it holds
 * every function the start ran) and again after its first answer, into `code-cache/` in the user's
 * data folder; later starts of the same build on the same Node read it. V8 checks the cache itself
 * (its version, flags and the source's length) and ignores one that does not fit: the start then
 * compiles as usual and writes a new one. The file's name carries the build's content hash,
 * Node's version and Node's flags, so another build, Node or set of flags never even reads it.
 * Nothing here can stop a start: a cache that cannot be read or written is skipped.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { defaultDataDir } from './target.ts';

interface ServeBundle {
  main: (argv: string[]) => Promise<number>;
}

const PREFIX = 'serve-';

/** Where the cache lives: the data folder's `code-cache/` (the data folder is made by the first start). */
function cacheDir(): string {
  return join(defaultDataDir(), 'code-cache');
}

/** Runs the serve build's `main(argv)`, from the code cache when there is one that fits. */
export async function runServeBundle(url: URL, argv: string[]): Promise<number> {
  const file = fileURLToPath(url);
  const bytes = readFileSync(file);
  // The build is ASCII (scripts/build-cli.js): read as one-byte text, quicker to make and to parse.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  // The build names its content on its first line (scripts/build-cli.js); else its size and time.
  const id = /^\/\* rebound-serve-build ([0-9a-f]+) \*\//.exec(source.slice(0, 80))?.[1] ?? sizeAndTime(file);
  // V8 also rejects a cache made under other flags (`npm start` gives the server some): each set
  // of flags keeps its own.
  const build = `${PREFIX}${id}-${process.version}-${process.arch}`;
  const flags = process.execArgv.length
    ? `-${createHash('sha256').update(process.execArgv.join('\0')).digest('hex').slice(0, 12)}`
    : '';
  const name = `${build}${flags}.v8`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(join(cacheDir(), name));
  } catch {
    cachedData = undefined;
  }
  // The wrapper Node gives a CommonJS module, and the build's dynamic imports of installed
  // packages (`__reboundImport`, see scripts/build-cli.js), made from here: a bare name resolves
  // to the same node_modules from dist/cli/chunks as from dist/cli/serve.
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname, __reboundImport) {${source}\n})`,
    { filename: file, cachedData },
  );
  const module = { exports: {} as ServeBundle };
  const load = (specifier: string) => import(specifier);
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), load);
  const code = await module.exports.main(argv);
  if (code === 0 && (cachedData === undefined || script.cachedDataRejected)) {
    writeCache(build, name, script);
    // Once more after the first answer, which compiles what serving a request runs.
    const again = () => {
      unsubscribe('http.server.response.finish', again);
      setImmediate(() => writeCache(build, name, script));
    };
    subscribe('http.server.response.finish', again);
  }
  return code;
}

function sizeAndTime(file: string): string {
  const stat = statSync(file);
  return `${stat.size}-${Math.trunc(stat.mtimeMs)}`;
}

/** Writes the cache (whole or not at all) and removes those of other builds or Node versions. */
function writeCache(build: string, name: string, script: vm.Script): void {
  try {
    const dir = cacheDir();
    if (!existsSync(dirname(dir))) return;
    mkdirSync(dir, { recursive: true });
    const temporary = join(dir, `${name}.${process.pid}.tmp`);
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, join(dir, name));
    for (const other of readdirSync(dir))
      if (
        other.startsWith(PREFIX) &&
        other.endsWith('.v8') &&
        !other.startsWith(`${build}.`) &&
        !other.startsWith(`${build}-`)
      )
        rmSync(join(dir, other), { force: true });
  } catch {
    // A cache is an optimisation: a read-only or full disk leaves the next start to compile.
  }
}
