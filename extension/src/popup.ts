/**
 * The popup: reads the page in the current tab (or the tab named by `?tab=`, when the popup is
 * opened as a page), asks Rebound what job it shows, lets the user check company, role, channel
 * and stage, and saves. Nothing is saved before the user clicks Save.
 */
import { CHANNEL_LABELS, CHANNELS, STAGE_LABELS, STAGES } from '../../src/core/applications/application.ts';
import { type PageSnapshot, snapshotPage } from '../../src/core/clipper/page-snapshot.ts';
import type { JobPageResult } from '../../src/core/import/schemas.ts';
import { createApplication, pairingUrl, RemoteError, readJobPage } from './api.ts';
import { ext } from './ext.ts';
import { loadSettings } from './settings.ts';

/** The page size the server reads (5 MB); the snapshot is usually a small part of it. */
const MAX_SNAPSHOT_CHARS = 4_500_000;
const BOARD_NAMES: Record<string, string> = {
  linkedin: 'LinkedIn',
  indeed: 'Indeed',
  greenhouse: 'Greenhouse',
  lever: 'Lever',
  workday: 'Workday',
  ashby: 'Ashby',
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('form');
const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

function show(status: string, ...visible: string[]) {
  $('status').textContent = status;
  $('status').hidden = status === '';
  for (const id of ['form', 'pair', 'done']) $(id).hidden = !visible.includes(id);
}

function fillOptions() {
  const channel = field('channel') as HTMLSelectElement;
  for (const c of CHANNELS) channel.add(new Option(CHANNEL_LABELS[c], c));
  const stage = field('stage') as HTMLSelectElement;
  for (const s of STAGES) stage.add(new Option(STAGE_LABELS[s], s));
  stage.value = 'saved';
}

async function targetTab(): Promise<number | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function snapshot(tabId: number): Promise<PageSnapshot | null> {
  try {
    const [frame] = await ext.scripting.executeScript({
      target: { tabId },
      // The function's source runs in the page, on the page's own document; only JSON crosses over.
      func: snapshotPage,
      args: [MAX_SNAPSHOT_CHARS],
    });
    return frame?.result ?? null;
  } catch {
    return null;
  }
}

function describe(read: JobPageResult): string {
  const from =
    read.source === 'json-ld'
      ? 'the job data the page publishes'
      : read.source === 'board'
        ? `the ${BOARD_NAMES[read.board ?? ''] ?? 'board'} page`
        : 'the page text';
  const mode = read.fields.workMode;
  const where = [read.fields.location, mode ? mode[0]!.toUpperCase() + mode.slice(1) : null]
    .filter(Boolean)
    .join(' · ');
  return `Read from ${from}.${where ? ` ${where}.` : ''} Check the fields before saving.`;
}

async function main() {
  fillOptions();
  const settings = await loadSettings();
  $<HTMLButtonElement>('pair-button').onclick = () => void ext.tabs.create({ url: pairingUrl(settings) });
  const tabId = await targetTab();
  const page = tabId === undefined ? null : await snapshot(tabId);
  if (!page) {
    show('Rebound cannot read this page. Browser pages and extension stores are closed to extensions.');
    return;
  }
  let fields: JobPageResult['fields'] = { jobUrl: page.url };
  try {
    const read = await readJobPage(settings, page);
    fields = read.fields;
    $('details').textContent = describe(read);
  } catch (error) {
    if (error instanceof RemoteError && error.needsPairing) return show('', 'pair');
    if (error instanceof RemoteError && error.code !== 'no_job_posting') return show(error.message);
    $('details').textContent = 'No job found on this page. Fill in the company and role yourself.';
  }
  field('company').value = fields.company ?? '';
  field('role').value = fields.role ?? '';
  field('channel').value = fields.channel ?? 'other';
  show('', 'form');
  form.onsubmit = async (event) => {
    event.preventDefault();
    $('error').hidden = true;
    $<HTMLButtonElement>('save').disabled = true;
    try {
      const saved = await createApplication(settings, {
        ...fields,
        company: field('company').value,
        role: field('role').value,
        channel: field('channel').value,
        stage: field('stage').value,
      });
      $('done-text').textContent =
        `Saved ${saved.role} at ${saved.company} to Rebound, as ${STAGE_LABELS[saved.stage]}.`;
      $<HTMLAnchorElement>('open').href = `${settings.server}/applications/${encodeURIComponent(saved.id)}`;
      show('', 'done');
    } catch (error) {
      if (error instanceof RemoteError && error.needsPairing) return show('', 'pair');
      $('error').textContent = error instanceof Error ? error.message : String(error);
      $('error').hidden = false;
      $<HTMLButtonElement>('save').disabled = false;
    }
  };
}

void main();
