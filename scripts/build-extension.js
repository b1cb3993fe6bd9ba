// `npm run build:extension`: builds the browser clipper (extension/, Manifest V3) with esbuild into
// dist/extension/chromium and dist/extension/firefox, ready to load unpacked. The two differ only
// in their manifest: Chromium runs the background as a service worker, Firefox as a module script
// and wants an add-on id. Tests call buildExtension() with extra host permissions (see e2e/clipper).
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'extension', 'src');
export const EXTENSION_DIR = join(root, 'dist', 'extension');

/** Where "mark as applied" may watch: asked for only when the user turns the option on. */
const ATS_HOSTS = [
  '*://boards.greenhouse.io/*',
  '*://job-boards.greenhouse.io/*',
  '*://jobs.lever.co/*',
  '*://*.myworkdayjobs.com/*',
  '*://jobs.ashbyhq.com/*',
];

/** The manifest for one browser; `hostPermissions` adds sites granted up front (tests only). */
export function manifest(browser, hostPermissions = []) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return {
    manifest_version: 3,
    name: 'Rebound job clipper',
    version,
    description: 'Save the job on the page you are on to Rebound, your job-search tracker.',
    action: { default_popup: 'popup.html', default_title: 'Save this job to Rebound' },
    options_ui: { page: 'options.html', open_in_tab: true },
    commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+S' } } },
    // activeTab: the page is read only when the user clicks the button, never in the background.
    permissions: ['activeTab', 'scripting', 'storage'],
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*', ...hostPermissions],
    optional_host_permissions: ['https://*/*', ...ATS_HOSTS],
    background:
      browser === 'firefox'
        ? { scripts: ['background.js'], type: 'module' }
        : { service_worker: 'background.js', type: 'module' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'clipper@rebound.invalid', strict_min_version: '128.0' },
          },
        }
      : {}),
  };
}

/** Builds the extension for `browser` into `outDir`. */
export async function buildExtension({ browser = 'chromium', outDir, hostPermissions = [] } = {}) {
  const out = outDir ?? join(EXTENSION_DIR, browser);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const common = {
    bundle: true,
    // Not minified: the page snapshot is sent into the tab as its own source text.
    minify: false,
    target: browser === 'firefox' ? 'firefox128' : 'chrome120',
    logLevel: 'warning',
    legalComments: 'none',
  };
  await build({
    ...common,
    entryPoints: ['background', 'popup', 'options'].map((n) => join(src, `${n}.ts`)),
    outdir: out,
    format: 'esm',
  });
  // Content scripts are classic scripts.
  await build({
    ...common,
    entryPoints: [join(src, 'applied-watcher.ts')],
    outdir: out,
    format: 'iife',
  });
  for (const file of ['popup.html', 'options.html', 'clipper.css'])
    copyFileSync(join(src, file), join(out, file));
  writeFileSync(
    join(out, 'manifest.json'),
    `${JSON.stringify(manifest(browser, hostPermissions), null, 2)}\n`,
  );
  return out;
}

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.test\.ts$/.test(path) ? 0 : stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

/** Builds both browsers' extensions when missing or older than their sources (a checkout only). */
export async function buildExtensionIfStale() {
  if (!existsSync(src)) return;
  const sources = [src, join(root, 'src', 'core'), join(root, 'package.json'), import.meta.filename];
  const built = join(EXTENSION_DIR, 'firefox', 'manifest.json');
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newest))) return;
  console.log('Building the browser clipper…');
  for (const browser of ['chromium', 'firefox']) await buildExtension({ browser });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const browser of ['chromium', 'firefox']) console.log(`Built ${await buildExtension({ browser })}`);
}
