// `npm run build` (and `npm install`, `npm pack` through prepare/prepack): compiles the CLI and
// server into dist/cli, builds the web app into dist/web and the browser clipper into dist/extension,
// each only when older than its sources.
// Before packing (or with --clean) the CLI is rebuilt and chunks no longer used are removed.
import { buildCli, buildCliIfStale } from './build-cli.js';
import { buildExtensionIfStale } from './build-extension.js';
import { buildWebIfStale } from './build-web.js';

if (process.argv.includes('--clean') || process.env.npm_lifecycle_event === 'prepack')
  await buildCli({ clean: true });
else await buildCliIfStale();
buildWebIfStale();
await buildExtensionIfStale();
