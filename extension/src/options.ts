/** The options page: server, token, "mark as applied", and the connection's state with a pairing button. */
import { call, pairingUrl, RemoteError } from './api.ts';
import { ext } from './ext.ts';
import {
  type ClipperSettings,
  loadSettings,
  normaliseServer,
  saveSettings,
  serverPattern,
} from './settings.ts';
import { ATS_MATCHES, syncAppliedWatcher } from './watcher.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('form');
const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement;

/** Whether Rebound answers, and whether it lets this extension save (a bodiless probe: 403 or 400). */
async function check(settings: ClipperSettings) {
  const status = $('status');
  $('pair').hidden = true;
  status.className = '';
  try {
    await call(settings, 'GET', '/api/health');
    await call(settings, 'POST', '/api/v1/imports/job-page', {});
  } catch (error) {
    if (error instanceof RemoteError && error.code === 'invalid_input') {
      status.textContent = `Connected to ${settings.server}. This browser can save jobs there.`;
      status.className = 'ok';
      return;
    }
    if (error instanceof RemoteError && error.needsPairing) {
      status.textContent = `Rebound answers at ${settings.server}, but this browser is not paired yet.`;
      $('pair').hidden = false;
      return;
    }
    status.textContent = error instanceof Error ? error.message : String(error);
    status.className = 'error';
  }
}

async function main() {
  let settings = await loadSettings();
  input('server').value = settings.server;
  input('token').value = settings.token;
  input('markApplied').checked = settings.markApplied;
  $('pair').onclick = () => void ext.tabs.create({ url: pairingUrl(settings) });
  form.onsubmit = async (event) => {
    event.preventDefault();
    $('error').hidden = true;
    const server = normaliseServer(input('server').value);
    if ('error' in server) {
      $('error').textContent = server.error;
      $('error').hidden = false;
      return;
    }
    const next = {
      server: server.origin,
      token: input('token').value.trim(),
      markApplied: input('markApplied').checked,
    };
    // Asked for in the click itself (browsers require it): the server's site and, for the option, the ATS sites.
    const origins = [serverPattern(next.server), ...(next.markApplied ? ATS_MATCHES : [])];
    const granted = await ext.permissions.request({ origins }).catch(() => false);
    if (!granted) {
      $('error').textContent =
        'The browser did not allow the clipper to reach these sites, so nothing changed.';
      $('error').hidden = false;
      return;
    }
    await saveSettings(next);
    await syncAppliedWatcher(next.markApplied);
    settings = next;
    input('server').value = settings.server;
    await check(settings);
  };
  await check(settings);
}

void main();
