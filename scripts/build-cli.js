// Compiles the CLI and the server (src/, TypeScript) into dist/cli with esbuild when the build is
// missing or older than its sources. `npm install` runs it (prepare), `bin/rebound.js` runs it on
// the first start after an edit, and tests run it once before they start. Each command and the
// server stay separate chunks, loaded only when used, so `rebound --help` stays quick.

import { createHash } from 'node:crypto';
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
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const CLI_DIR = join(root, 'dist', 'cli');
const entry = join(CLI_DIR, 'main.js');
/** `rebound serve`'s own build (see SERVE_BUNDLE below). */
const SERVE_DIR = join(CLI_DIR, 'serve');
const lock = join(root, 'dist', '.cli-build.lock');
const sources = [join(root, 'src'), join(root, 'package.json'), join(root, 'scripts', 'build-cli.js')];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.test\.ts$/.test(path) ? 0 : stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

/** True when dist/cli is missing or older than a source file (a checkout without src/ is never stale). */
export function cliIsStale() {
  if (!existsSync(join(root, 'src', 'cli', 'main.ts'))) return false;
  if (!existsSync(entry)) return true;
  return statSync(entry).mtimeMs < Math.max(...sources.map(newest));
}

/**
 * Dependencies that load on every start of the server (and a quick command's): bundled, so each
 * loads as part of one file instead of hundreds of small ones (Fastify and its plugins pull in
 * about 500 files: avvio, find-my-way, pino, ajv, yaml, semver…; resolving, reading and compiling
 * them one by one was most of `rebound serve`'s start-up). Their own dependencies come along.
 * The rest stay in node_modules: native modules (better-sqlite3, @node-rs/argon2), the
 * PostgreSQL driver, and big packages only some commands load, which find their files at run time
 * (exceljs, unpdf, mammoth, imapflow, nodemailer, the MCP SDK, @fastify/swagger and its YAML, the
 * time zones of @touch4it/ical-timezones, iconv-lite's code tables; @fastify/swagger-ui's assets).
 */
const BUNDLED = [
  'kysely',
  'zod',
  'commander',
  'fastify',
  '@fastify/cookie',
  '@fastify/rate-limit',
  '@fastify/static',
  'fastify-type-provider-zod',
  'csv-parse',
  'postal-mime',
  'node-html-parser',
  'ical-generator',
];
function externalPackages() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
    .filter((name) => !BUNDLED.includes(name))
    .flatMap((name) => [name, `${name}/*`]);
}

/**
 * Bundled CommonJS packages call `require` for Node's own modules; an ES module has none, so each
 * chunk makes one (it resolves from dist/cli, where node_modules is found as before).
 */
const REQUIRE_BANNER =
  "import { createRequire as __reboundCreateRequire } from 'node:module';\nconst require = __reboundCreateRequire(import.meta.url);";

/** zod re-exports its error messages in 60-odd languages; Rebound speaks English, so only `en` is kept. */
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[/\\]node_modules[/\\]zod[/\\]/.test(args.importer)
        ? { path: join(dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * `rebound serve` runs from a build of its own, dist/cli/serve: the CLI again, in which every
 * command module but serve's is left out. In the main build, the modules serve loads are spread
 * over about 115 chunks, split by which of the 40-odd lazily loaded commands share them; Node
 * resolves, reads, compiles and links each chunk on its own, and that was about a fifth of
 * the server's start (issue 12). Built for serve alone, the same code is one CommonJS file,
 * which src/cli/serve-bundle.ts runs with V8's code cache (compiling it was the next largest part;
 * the lazily loaded parts are in it too, wrapped, and only compiled when first run). The main
 * build's `main()` hands `serve` over whole (the define below), so no module of one build ever
 * meets a module of the other (no class or state is shared across the two).
 */
const SERVE_BUNDLE = './serve/main.cjs';

/** `import.meta.url` in the serve build (CommonJS): the file's own URL, as in an ES module. */
const MODULE_URL_BANNER = "const __reboundModuleUrl = require('node:url').pathToFileURL(__filename).href;";

/**
 * @fastify/static loads, with itself, glob (for a route per file, `wildcard: false`) and its
 * directory listing (`list`). Rebound's server uses neither (src/server/app.ts: one wildcard
 * route, no listing), so the serve build leaves both out instead of loading them on every start;
 * asking for either fails loudly.
 */
const staticWithoutGlobOrListing = {
  name: 'static-without-glob-or-listing',
  setup(build) {
    build.onResolve({ filter: /^(glob|\.\/lib\/dirList)$/ }, (args) =>
      /[/\\]@fastify[/\\]static[/\\]index\.js$/.test(args.importer)
        ? { path: args.path, namespace: 'static-unused' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'static-unused' }, (args) => ({
      contents:
        args.path === 'glob'
          ? "exports.glob = () => { throw new Error('@fastify/static with wildcard: false is not in the serve build'); };"
          : "module.exports = { validateOptions: (options) => options.list ? new TypeError('@fastify/static listing is not in the serve build') : undefined, handle: () => false };",
      loader: 'js',
    }));
  },
};

/** The serve build keeps only serve's command module; the others are never loaded there. */
const serveOnly = {
  name: 'serve-only',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\/.*\.ts$/ }, (args) =>
      /[/\\]src[/\\]cli[/\\]main\.ts$/.test(args.importer) && args.path !== './commands/serve.ts'
        ? { path: args.path, namespace: 'serve-only' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'serve-only' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not part of the serve build (dist/cli/serve)`)});`,
    }));
  },
};

/**
 * A file with one character beyond ASCII becomes a two-byte string when Node reads it, slower to
 * decode and to parse for the whole file. esbuild escapes such characters in strings but leaves
 * them in regular expressions (`/[•–]/`) and comments; there `\uXXXX` means the same character
 * (or nothing), so they are escaped here.
 */
function asciiOnly(text) {
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The serve build runs as a `vm.Script` (src/cli/serve-bundle.ts, for V8's code cache), where
 * `import()` needs an experimental option of Node's. Its dynamic imports of installed packages
 * (`await import('pg')`) call the loader's `__reboundImport` instead, an ES module's own
 * `import()`: the packages resolve as before (both files sit in dist/cli, below the same
 * node_modules). Every such import esbuild reports must be found in the text, or the build stops.
 * (An `import()` whose specifier is not a string literal would fail there at run time: keep them literal.)
 */
function hostImports(text, metafile) {
  const specifiers = new Set();
  for (const [path, output] of Object.entries(metafile.outputs))
    if (path.endsWith('main.cjs'))
      for (const i of output.imports) if (i.external && i.kind === 'dynamic-import') specifiers.add(i.path);
  let result = text;
  for (const specifier of specifiers) {
    const call = `import(${JSON.stringify(specifier)})`;
    if (!result.includes(call)) throw new Error(`the serve build has no ${call} to hand to its loader`);
    result = result.split(call).join(`__reboundImport(${JSON.stringify(specifier)})`);
  }
  return result;
}

/**
 * The serve build's first line names its content (a hash), so its code cache is kept per build:
 * V8 itself only checks that a cache's source has the same length.
 */
function withBuildId(text) {
  return `/* rebound-serve-build ${createHash('sha256').update(text).digest('hex').slice(0, 20)} */${text}`;
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Takes the build lock, waiting while another process builds; a lock older than a minute is stale. */
function takeLock() {
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue;
      }
      if (age > 60_000) rmSync(lock, { recursive: true, force: true });
      else sleep(100);
    }
  }
}

/**
 * `clean` builds even when nothing changed and removes every chunk the build does not use (for
 * `npm pack`). Writes the new chunks beside the old ones (their names carry a content hash) and replaces
 * main.js last, so a `rebound` that is running meanwhile never sees half a build. Chunks that
 * no build has used for ten minutes are removed.
 */
export async function buildCli({ quiet = false, clean = false } = {}) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error(
      'dist/cli is missing or out of date and esbuild is not installed: run `npm install` in the checkout.',
    );
  }
  takeLock();
  try {
    if (!clean && !cliIsStale()) return false;
    if (!quiet) process.stderr.write('Building the CLI and server…\n');
    const options = {
      absWorkingDir: root,
      // The import worker is its own entry: worker threads load it by file (worker-pool.ts).
      entryPoints: { main: 'src/cli/main.ts', 'import-worker': 'src/services/imports/import-worker.ts' },
      write: false,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: externalPackages(),
      banner: { js: REQUIRE_BANNER },
      chunkNames: 'chunks/[name]-[hash]',
      logLevel: 'warning',
    };
    const [serve, result] = await Promise.all([
      esbuild.build({
        ...options,
        outdir: SERVE_DIR,
        splitting: false,
        format: 'cjs',
        outExtension: { '.js': '.cjs' },
        banner: { js: MODULE_URL_BANNER },
        plugins: [englishOnlyZod, serveOnly, staticWithoutGlobOrListing],
        define: { REBOUND_SERVE_BUNDLE: 'undefined', 'import.meta.url': '__reboundModuleUrl' },
        // Smaller to read and, on a start without a code cache, to parse.
        minifyWhitespace: true,
        metafile: true,
      }),
      esbuild.build({
        ...options,
        outdir: CLI_DIR,
        plugins: [englishOnlyZod],
        define: { REBOUND_SERVE_BUNDLE: JSON.stringify(SERVE_BUNDLE) },
      }),
    ]);
    const written = new Set();
    // The serve build first and main.js last: a start meanwhile finds either build whole.
    const files = [...serve.outputFiles, ...result.outputFiles].sort(
      (a, b) => (a.path === entry) - (b.path === entry),
    );
    const serveEntry = join(SERVE_DIR, 'main.cjs');
    for (const file of files) {
      mkdirSync(dirname(file.path), { recursive: true });
      const temporary = `${file.path}.${process.pid}.tmp`;
      const text = asciiOnly(file.text);
      writeFileSync(
        temporary,
        file.path === serveEntry ? withBuildId(hostImports(text, serve.metafile)) : text,
      );
      renameSync(temporary, file.path);
      written.add(file.path);
    }
    // The serve build's own folder too: an earlier build made it of ES-module chunks.
    for (const folder of [join(CLI_DIR, 'chunks'), SERVE_DIR, join(SERVE_DIR, 'chunks')]) {
      for (const name of existsSync(folder) ? readdirSync(folder) : []) {
        const path = join(folder, name);
        const stat = statSync(path);
        if (!stat.isDirectory() && !written.has(path) && (clean || Date.now() - stat.mtimeMs > 10 * 60_000))
          rmSync(path, { force: true });
      }
    }
    const oldChunks = join(SERVE_DIR, 'chunks');
    if (existsSync(oldChunks) && readdirSync(oldChunks).length === 0) rmSync(oldChunks, { recursive: true });
    return true;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function buildCliIfStale(options = {}) {
  return cliIsStale() ? buildCli(options) : false;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--clean')) await buildCli({ clean: true });
  else await buildCliIfStale();
}
