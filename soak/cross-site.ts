import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureWebBuilt, launchBrowser } from '../e2e/support/browser.ts';
import { startTestServer } from '../test/support/server.ts';
import type { SoakSection } from './section.ts';

/**
 * Cross-site attacks in Chromium: a page served on another port of this machine tries, on every
 * state-changing route of the server's OpenAPI document, a form post (plain and text/plain with a
 * JSON-looking body), a `no-cors` fetch and `sendBeacon`. The whole workspace (its backup) must
 * be the same afterwards. Rebound's own pages are loaded too, to check the Content-Security-Policy
 * blocks nothing they need.
 */
export interface CrossSiteResult {
  routes: number;
  attempts: number;
  changed: boolean;
  cspViolations: string[];
  appRendered: boolean;
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export async function crossSiteAttacks(): Promise<CrossSiteResult> {
  await ensureWebBuilt();
  const server = await startTestServer();
  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: body === undefined ? { 'x-rebound': '1' } : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const snapshot = async () => {
    const backup = await (await fetch(`${server.url}/api/v1/backup`)).json();
    delete backup.exportedAt;
    return JSON.stringify(backup);
  };
  await send('POST', '/api/v1/sample-data');
  const app = await (
    await send('POST', '/api/v1/applications', { company: 'Target Co', role: 'Dev' })
  ).json();
  const doc = await (await fetch(`${server.url}/api/openapi.json`)).json();
  const targets: { method: string; url: string }[] = [];
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(ops)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
      targets.push({
        method: method.toUpperCase(),
        url: `${server.url}${path.replace(/\{[^}]+\}/g, app.id)}`,
      });
    }
  }
  const attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><body><script>
const targets = ${JSON.stringify(targets)};
const body = JSON.stringify({ company: 'Evil', role: 'Evil', text: 'evil', name: 'Evil', stage: 'offer' });
let n = 0;
for (const t of targets) {
  for (const enctype of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data']) {
    const frame = document.createElement('iframe');
    frame.name = 'f' + n;
    document.body.appendChild(frame);
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = t.url;
    form.enctype = enctype;
    form.target = 'f' + n++;
    const input = document.createElement('input');
    input.name = body.slice(0, -2) + ',"x":"';
    input.value = '"}';
    form.appendChild(input);
    document.body.appendChild(form);
    form.submit();
  }
  fetch(t.url, { method: t.method, mode: 'no-cors', credentials: 'include', body, headers: { 'content-type': 'text/plain' } }).catch(() => {});
  fetch(t.url, { method: t.method, mode: 'no-cors', body: new URLSearchParams({ company: 'Evil', role: 'Evil' }) }).catch(() => {});
  try { navigator.sendBeacon(t.url, body); } catch {}
  try { navigator.sendBeacon(t.url, new Blob([body], { type: 'text/plain' })); } catch {}
}
window.done = n;
</script></body>`);
  });
  await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
  const attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
  const browser = await launchBrowser();
  const result: CrossSiteResult = {
    routes: targets.length,
    attempts: targets.length * 7,
    changed: false,
    cspViolations: [],
    appRendered: false,
  };
  try {
    const before = await snapshot();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(attackerUrl, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { done?: number }).done !== undefined, undefined, {
      timeout: 180_000,
    });
    await page.waitForTimeout(3000); // let every form, fetch and beacon land
    result.changed = (await snapshot()) !== before;

    const own = await context.newPage();
    own.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text()))
        result.cspViolations.push(m.text().slice(0, 200));
    });
    for (const path of ['/', '/applications', `/applications/${app.id}`, '/insights', '/api/docs']) {
      await own.goto(`${server.url}${path}`);
      await own.waitForLoadState('networkidle');
    }
    await own.goto(`${server.url}/`);
    result.appRendered = await own
      .getByText('Target Co')
      .first()
      .waitFor({ timeout: 20_000 })
      .then(() => true)
      .catch(() => false);
  } finally {
    await browser.close();
    await new Promise<void>((r) => attacker.close(() => r()));
    await server.close();
  }
  return result;
}

const section: SoakSection = {
  name: 'cross-site',
  async run({ log }): Promise<Record<string, number | string>> {
    if (!existsSync(chromiumPath())) return { skipped: `no Chromium at ${chromiumPath()}` };
    const r = await crossSiteAttacks();
    for (const v of r.cspViolations) log(`CSP: ${v}`);
    return {
      'state-changing routes': r.routes,
      'attacks tried': r.attempts,
      'data changed': r.changed ? 'YES' : 'no',
      'CSP violations on own pages': r.cspViolations.length,
      'web app rendered under the CSP': r.appRendered ? 'yes' : 'NO',
    };
  },
};
export default section;
