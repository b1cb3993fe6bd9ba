import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApplicationList } from '../src/core/applications/schemas.ts';
import { startTestServer } from '../test/support/server.ts';
import { api } from './support/api.ts';
import { describeInBrowser, ensureWebBuilt } from './support/browser.ts';
import {
  type BoardSite,
  type ExtensionBrowser,
  launchWithExtension,
  startBoardSites,
  tabIdOf,
} from './support/extension.ts';

const SHOTS = '/tmp/shots-clipper';

/** Each board's page at its real address, and what the clipper should save from it. */
const JOBS = [
  {
    host: 'www.linkedin.com',
    path: '/jobs/view/3998877/',
    file: 'linkedin.html',
    company: 'Northwind Analytics',
    role: 'Data Analyst',
    says: 'ridership',
  },
  {
    host: 'www.indeed.com',
    path: '/viewjob?jk=a1b2c3',
    file: 'indeed.html',
    company: 'Bluefin Logistics',
    role: 'Backend Developer',
    says: 'dispatch API',
  },
  {
    host: 'job-boards.greenhouse.io',
    path: '/tidewater/jobs/7001',
    file: 'greenhouse.html',
    company: 'Tidewater Systems',
    role: 'Site Reliability Engineer',
    says: 'Kubernetes',
  },
  {
    host: 'jobs.lever.co',
    path: '/harbor-health/9f1c',
    file: 'lever.html',
    company: 'Harbor Health',
    role: 'Product Designer',
    says: 'prototypes',
  },
  {
    host: 'lakeshore.wd5.myworkdayjobs.com',
    path: '/en-US/Careers/job/Chicago-IL/Staff-Accountant_R-2291',
    file: 'workday.html',
    company: 'Lakeshore Foods',
    role: 'Staff Accountant',
    says: 'Reconcile supplier',
  },
  {
    host: 'jobs.ashbyhq.com',
    path: '/ferncrest/5e0d',
    file: 'ashby.html',
    company: 'Ferncrest',
    role: 'Machine Learning Engineer',
    says: 'segmentation',
  },
  {
    host: 'careers.copperleaf.example',
    path: '/frontend',
    file: 'json-ld.html',
    company: 'Copperleaf Studio',
    role: 'Frontend Engineer',
    says: 'small theatres',
  },
  {
    host: 'pebblepost.example',
    path: '/careers/support',
    file: 'plain.html',
    company: 'Pebble Post',
    role: 'Support Engineer',
    says: 'untangling',
  },
];
const SITES: BoardSite[] = [
  ...JOBS,
  { host: 'job-boards.greenhouse.io', path: '/tidewater/jobs/7001/apply', file: 'apply-form.html' },
  { host: 'blog.example', path: '/sourdough', file: 'not-a-job.html' },
];
const urlOf = (job: { host: string; path: string }) => `https://${job.host}${job.path}`;

describeInBrowser('the browser clipper', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let sites: Awaited<ReturnType<typeof startBoardSites>>;
  let browser: ExtensionBrowser;
  const applications = () => api<ApplicationList>(server.url, 'GET', '/api/v1/applications?limit=100');
  /** The popup, opened as a page on the tab that shows `url`. */
  const openPopup = async (url: string) => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 372, height: 560 });
    await popup.goto(`chrome-extension://${browser.id}/popup.html?tab=${await tabIdOf(browser.worker, url)}`);
    return popup;
  };
  const options = async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.id}/options.html`);
    return page;
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await ensureWebBuilt();
    server = await startTestServer({ now: new Date('2026-11-20T09:00:00Z') });
    sites = await startBoardSites(SITES);
    browser = await launchWithExtension([...new Set(SITES.map((s) => s.host))], sites.port);
  });
  afterAll(async () => {
    await browser?.close();
    sites?.server.close();
    await server?.close();
  });

  it('pairs with Rebound from its options page, once', async () => {
    const job = await browser.context.newPage();
    await job.goto(urlOf(JOBS[3]!));
    const page = await options();
    await page.getByLabel('Rebound server').fill(server.url);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('this browser is not paired yet').waitFor();
    // The popup says so too, before reading anything.
    const unpaired = await openPopup(urlOf(JOBS[3]!));
    await unpaired.getByText('This browser is not paired with your Rebound yet.').waitFor();
    await unpaired.screenshot({ path: `${SHOTS}/popup-unpaired.png` });
    await unpaired.close();
    await job.close();

    const [settings] = await Promise.all([
      browser.context.waitForEvent('page'),
      page.getByRole('button', { name: 'Pair with Rebound' }).click(),
    ]);
    await settings.getByText("Pair this browser's clipper?").waitFor();
    await settings.getByText(`chrome-extension://${browser.id}`).first().waitFor();
    await settings.getByRole('button', { name: 'Allow this clipper' }).click();
    await settings.getByText('Paired. The clipper can now save jobs here.').waitFor();
    expect(
      (await api<{ clipperOrigins: string[] }>(server.url, 'GET', '/api/v1/settings')).clipperOrigins,
    ).toEqual([`chrome-extension://${browser.id}`]);
    await settings.locator('#clipper').screenshot({ path: `${SHOTS}/settings-card-desktop.png` });
    await settings.setViewportSize({ width: 390, height: 844 });
    await settings.locator('#clipper').scrollIntoViewIfNeeded();
    await settings.screenshot({ path: `${SHOTS}/settings-phone.png` });
    await settings.close();

    await page.reload();
    await page.getByText(`Connected to ${server.url}`).waitFor();
    await page.screenshot({ path: `${SHOTS}/options.png` });
    await page.close();
  });

  it('saves a job from each board’s page, checked in the popup first', async () => {
    for (const [i, job] of JOBS.entries()) {
      const tab = await browser.context.newPage();
      await tab.goto(urlOf(job));
      const popup = await browser.context.newPage();
      await popup.setViewportSize({ width: 372, height: 560 });
      await popup.goto(
        `chrome-extension://${browser.id}/popup.html?tab=${await tabIdOf(browser.worker, urlOf(job))}`,
      );
      const company = popup.getByLabel('Company');
      await company.waitFor();
      expect(await company.inputValue(), job.file).toBe(job.company);
      expect(await popup.getByLabel('Role').inputValue(), job.file).toBe(job.role);
      if (i === 0) await popup.screenshot({ path: `${SHOTS}/popup-${job.file.replace('.html', '')}.png` });
      // One is saved as applied, with the channel changed, the way a person corrects it.
      if (job.file === 'lever.html') {
        await popup.getByLabel('Stage').selectOption('applied');
        await popup.getByLabel('Channel').selectOption('referral');
      }
      await popup.getByRole('button', { name: 'Save to Rebound' }).click();
      await popup.getByText(`Saved ${job.role} at ${job.company} to Rebound`).waitFor();
      if (i === 0) await popup.screenshot({ path: `${SHOTS}/popup-saved.png` });
      await popup.close();
      await tab.close();
    }

    const { items } = await applications();
    expect(items).toHaveLength(JOBS.length);
    for (const job of JOBS) {
      const saved = items.find((a) => a.company === job.company);
      const lever = job.file === 'lever.html';
      const board = !job.host.endsWith('.example');
      expect(saved, job.file).toMatchObject({
        role: job.role,
        jobUrl: urlOf(job),
        stage: lever ? 'applied' : 'saved',
        channel: lever ? 'referral' : board ? 'job_board' : 'direct_outreach',
      });
      const detail = await api<{ jobDescription: string | null }>(
        server.url,
        'GET',
        `/api/v1/applications/${saved!.id}`,
      );
      expect(detail.jobDescription, job.file).toContain(job.says);
    }
  });

  it('lets the user fill in a page with no job on it, and refuses an empty company', async () => {
    const tab = await browser.context.newPage();
    await tab.goto('https://blog.example/sourdough');
    const popup = await openPopup('https://blog.example/sourdough');
    await popup.getByText('No job found on this page. Fill in the company and role yourself.').waitFor();
    expect(await popup.getByLabel('Company').inputValue()).toBe('');
    await popup.screenshot({ path: `${SHOTS}/popup-no-job.png` });
    // The browser's own check is bypassed to see the server's answer.
    await popup.locator('form').evaluate((f) => f.setAttribute('novalidate', ''));
    await popup.getByLabel('Role').fill('Baker');
    await popup.getByRole('button', { name: 'Save to Rebound' }).click();
    await popup.getByText('company:').waitFor();
    expect((await applications()).items.some((a) => a.role === 'Baker')).toBe(false);
    await popup.close();
    await tab.close();
  });

  it('leaves web pages unable to write, paired clipper or not', async () => {
    const before = (await applications()).total;
    const page = await browser.context.newPage();
    await page.goto(urlOf(JOBS[0]!));
    const outcomes = await page.evaluate(async (base) => {
      const body = JSON.stringify({ company: 'Not me', role: 'Sneaky' });
      const attempt = (init: RequestInit) =>
        fetch(`${base}/api/v1/applications`, { method: 'POST', ...init }).then(
          (r) => (r.type === 'opaque' ? 'opaque' : String(r.status)),
          () => 'blocked',
        );
      return [
        await attempt({ headers: { 'content-type': 'application/json' }, body }),
        await attempt({ mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }),
      ];
    }, server.url);
    expect(outcomes[0]).toBe('blocked');
    expect((await applications()).total).toBe(before);
    await page.close();
  });

  it('marks a saved job applied when its form is sent, only once the option is on', async () => {
    const registered = () =>
      browser.worker.evaluate(async () =>
        (
          await (
            globalThis as unknown as {
              chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } };
            }
          ).chrome.scripting.getRegisteredContentScripts()
        ).map((s) => s.id),
      );
    expect(await registered()).toEqual([]);

    const page = await options();
    await page.getByLabel('Mark as applied when I send an application').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`Connected to ${server.url}`).waitFor();
    // The options page saves, then asks the service worker to register the watcher: it lands a
    // moment after the confirmation on a busy machine.
    await expect.poll(registered).toEqual(['applied-watcher']);
    await page.close();

    const form = await browser.context.newPage();
    await form.goto('https://job-boards.greenhouse.io/tidewater/jobs/7001/apply');
    await form.getByRole('button', { name: 'Submit application' }).click();
    await form.getByText('Thank you for applying.').waitFor();
    await expect
      .poll(async () => (await applications()).items.find((a) => a.company === 'Tidewater Systems')?.stage, {
        timeout: 30_000,
      })
      .toBe('applied');
    await form.close();
  });

  it('saves from the bookmarklet where the extension is not installed', async () => {
    const settings = await browser.context.newPage();
    await settings.goto(`${server.url}/settings`);
    const bookmarklet = await settings.getByTestId('bookmarklet').getAttribute('href');
    expect(bookmarklet).toMatch(/^javascript:/);
    await settings.close();
    await api(server.url, 'PATCH', '/api/v1/settings', { clipperOrigins: [] });

    const job = await browser.context.newPage();
    await job.goto('https://pebblepost.example/careers/support');
    // The bookmark, clicked: a link to the bookmarklet on the page, clicked by the mouse.
    await job.evaluate((href) => {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = 'Save to Rebound (bookmark)';
      document.body.prepend(a);
    }, bookmarklet!);
    const [clip] = await Promise.all([
      browser.context.waitForEvent('page'),
      job.getByText('Save to Rebound (bookmark)').click(),
    ]);
    await clip.getByText('Rebound read this from the page').waitFor();
    expect(new URL(clip.url()).hash).toBe('');
    expect(await clip.getByLabel('Company').inputValue()).toBe('Pebble Post');
    await clip.getByLabel('Role').fill('Support Engineer (EMEA)');
    await clip.screenshot({ path: `${SHOTS}/clip-window.png` });
    await clip.getByRole('button', { name: 'Save to Rebound' }).click();
    await clip.getByText('You can close this window.').waitFor();
    const saved = (await applications()).items.find((a) => a.role === 'Support Engineer (EMEA)');
    expect(saved).toMatchObject({
      company: 'Pebble Post',
      stage: 'saved',
      jobUrl: 'https://pebblepost.example/careers/support',
    });
    await clip.close();
    await job.close();
  });
});

export type { Page };
