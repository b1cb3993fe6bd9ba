// The floor of the process-level start-up bench (bench/process-start.ts): a fresh Node process
// that imports Fastify, registers ROUTES empty routes and /api/health, listens, and prints its port
// the way `rebound serve` does. Run as `node bench/bare-fastify-start.mjs ROUTES`.
import Fastify from 'fastify';

const routes = Number(process.argv[2] ?? 0);
const app = Fastify({ exposeHeadRoutes: false });
for (let r = 0; r < routes; r++) app.get(`/r${r}/:id`, async () => ({ ok: true }));
app.get('/api/health', async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`Listening at http://localhost:${app.server.address().port}/`);
process.once('SIGTERM', () => process.exit(0));
