import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/; the server serves the built files from dist/web and falls back to
// index.html for client routes. In dev, API calls go to a locally running server.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  // The web app imports the pure core (types, schemas, labels) through this one alias and
  // nothing else of the server's code; `npm run lint` enforces it (scripts/check-core-imports.js).
  resolve: { alias: { '@core': fileURLToPath(new URL('./src/core', import.meta.url)) } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:4477',
    },
  },
});
