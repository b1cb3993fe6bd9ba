import { ext } from './ext.ts';

/** Where the clipper saves and how: kept in the extension's own storage, never synced. */
export interface ClipperSettings {
  /** The Rebound server: the local one by default, or a hosted one. */
  server: string;
  /** A personal access token for a hosted Rebound; empty for the local server. */
  token: string;
  /** Mark an application as applied when its form is submitted on a known ATS page. */
  markApplied: boolean;
}

export const DEFAULT_SETTINGS: ClipperSettings = {
  server: 'http://localhost:4477',
  token: '',
  markApplied: false,
};

export async function loadSettings(): Promise<ClipperSettings> {
  const stored = await ext.storage.local.get(Object.keys(DEFAULT_SETTINGS));
  return {
    server:
      typeof stored.server === 'string' && stored.server !== '' ? stored.server : DEFAULT_SETTINGS.server,
    token: typeof stored.token === 'string' ? stored.token : '',
    markApplied: stored.markApplied === true,
  };
}

export async function saveSettings(settings: ClipperSettings): Promise<void> {
  await ext.storage.local.set({ ...settings });
}

/** A server address as typed ("localhost:4477/", "https://rebound.example") → its origin, or an error. */
export function normaliseServer(typed: string): { origin: string } | { error: string } {
  const value = typed.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    return { error: 'Server: write an address like http://localhost:4477' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { error: 'Server: must start with http:// or https://' };
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    return {
      error: 'Server: a server on another machine must use https:// (your token would travel in clear)',
    };
  }
  return { origin: url.origin };
}

/** The host-permission pattern for a server ("http://localhost/*"). */
export const serverPattern = (origin: string): string =>
  `${new URL(origin).protocol}//${new URL(origin).hostname}/*`;
