import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer } from '../test/support/server.ts';
import { api } from './support/api.ts';
import { browserForFile, describeInBrowser, newPage } from './support/browser.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const browser = browserForFile();

async function addJob(
  server: Server,
  company: string,
  role: string,
  jobDescription: string,
  rejected: boolean,
) {
  const app = await api<{ id: string }>(server.url, 'POST', '/api/v1/applications', {
    company,
    role,
    appliedOn: '2026-01-10',
    jobDescription,
  });
  if (rejected) {
    await api(server.url, 'POST', `/api/v1/applications/${app.id}/events`, {
      type: 'outcome_set',
      outcome: 'rejected',
    });
  }
  return app.id;
}

describeInBrowser('skills', () => {
  let server: Server;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ now: new Date('2026-02-01T10:00:00Z') });
    page = await newPage(browser(), 1280, 800);
    await addJob(
      server,
      'Globex',
      'Platform Engineer',
      'Requirements:\n- Python\n- Kubernetes\n- PostgreSQL',
      true,
    );
    await addJob(
      server,
      'Initech',
      'Backend Engineer',
      'Requirements:\n- Kubernetes\n- Terraform\n- Python',
      true,
    );
    await addJob(
      server,
      'Umbrella',
      'Site Reliability Engineer',
      'Requirements:\n- Python\n- Kubernetes',
      false,
    );
  });

  afterAll(async () => {
    await page?.context().close();
    await server?.close();
  });

  it('shows a gap from rejected jobs, plans it, and re-scores open applications when it is done', async () => {
    await page.goto(`${server.url}/skills/resume`);
    await page
      .getByLabel('Or paste the text')
      .fill('Backend engineer. Five years of Python and PostgreSQL, some Docker.');
    await page.getByRole('button', { name: 'Read my resume' }).click();
    // The words recognised in the pasted text are marked.
    await page.getByTestId('skill-mark').filter({ hasText: 'Python' }).waitFor();
    await page
      .getByTestId('resume-skills')
      .getByText(/PostgreSQL/)
      .waitFor();

    await page.getByRole('tab', { name: 'Gaps' }).click();
    const kubernetes = page.getByTestId('gap-item').filter({ hasText: 'Kubernetes' });
    await kubernetes.getByText('asked by 2 closed jobs').waitFor();
    // Skills on the resume are not gaps.
    await expect.poll(() => page.getByTestId('gap-item').filter({ hasText: 'Python' }).count()).toBe(0);

    // The jobs behind the gap.
    await kubernetes
      .getByRole('button', { name: /Kubernetes/ })
      .first()
      .click();
    await kubernetes.getByRole('link', { name: 'Globex · Platform Engineer' }).waitFor();
    await kubernetes.getByRole('link', { name: 'Initech · Backend Engineer' }).waitFor();

    await page.getByRole('button', { name: 'Add Kubernetes to learning plan' }).click();
    await page.getByRole('button', { name: 'Kubernetes is in your learning plan' }).waitFor();

    await page.getByRole('tab', { name: 'Learning plan' }).click();
    const item = page.getByTestId('plan-item').filter({ hasText: 'Kubernetes' });
    await item.getByRole('button', { name: 'Mark done' }).click();

    const done = page.getByRole('dialog', { name: 'You learned Kubernetes' });
    await done.getByText(/Kubernetes is on your resume profile now/).waitFor();
    const umbrella = done.getByTestId('rescore-row').filter({ hasText: 'Umbrella' });
    await umbrella.getByText('50%').waitFor();
    await umbrella.getByText('100%').waitFor();
    // Closed applications are not scored again.
    await expect.poll(() => done.getByTestId('rescore-row').filter({ hasText: 'Globex' }).count()).toBe(0);
    await page.keyboard.press('Escape');

    // The gap is gone now that the resume shows it.
    await page.getByRole('tab', { name: 'Gaps' }).click();
    await page.getByTestId('gap-item').filter({ hasText: 'Terraform' }).waitFor();
    // The list may show its cached copy for a moment while it refetches.
    await expect.poll(() => page.getByTestId('gap-item').filter({ hasText: 'Kubernetes' }).count()).toBe(0);
  });

  it('shows the skills match on the application page and scores a pasted job description in the form', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Add application' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add an application' });
    await dialog
      .getByLabel('Job description')
      .fill('Requirements:\n- Python\n- Terraform\n- Kubernetes\n- Go programming');
    const score = dialog.getByTestId('job-score');
    await score.getByText(/Skills match \d+%/).waitFor();
    await score.getByText('Terraform').waitFor();
    await page.keyboard.press('Escape');

    const apps = await api<{ items: { id: string; company: string }[] }>(
      server.url,
      'GET',
      '/api/v1/applications',
    );
    const initech = apps.items.find((a) => a.company === 'Initech')!;
    await page.goto(`${server.url}/applications/${initech.id}`);
    const card = page.getByTestId('skills-match');
    await card.getByText('67%').waitFor();
    await card.getByText('Terraform').waitFor();
    await card.getByText('Where each skill comes from').click();
    const terraform = card.getByTestId('job-skill').filter({ hasText: 'Terraform' });
    await terraform.getByText('under "Requirements"').waitFor();
  });

  it('reads a pasted job description: each skill with its kind, whether it is needed, and its sentence', async () => {
    await page.goto(`${server.url}/skills/job`);
    await page
      .getByLabel('Job description')
      .fill('We build services in Go. You must know PostgreSQL. Fluent German is a plus.');
    await page.getByRole('button', { name: 'Find the skills' }).click();
    await page
      .getByTestId('job-skills-summary')
      .getByText('3 skills: 2 the job needs, 1 nice to have.')
      .waitFor();
    const german = page.getByTestId('job-skill').filter({ hasText: 'German' });
    await german.getByText('Spoken languages').waitFor();
    await german.getByText('Nice to have').waitFor();
    await german.getByText('“Fluent German is a plus.”').waitFor();
    const postgres = page.getByTestId('job-skill').filter({ hasText: 'PostgreSQL' });
    await postgres.getByText('Required').waitFor();
    await postgres.getByText('says "must"').waitFor();
  });

  it('marks the skills in the text read from an uploaded PDF', async () => {
    await page.goto(`${server.url}/skills/resume`);
    await page
      .locator('input[type="file"]')
      .setInputFiles(new URL('../test/fixtures/resumes/resume.pdf', import.meta.url).pathname);
    const text = page.getByTestId('highlighted-text');
    await text.getByText(/Ada Example/).waitFor();
    await text.getByTestId('skill-mark').filter({ hasText: 'PostgreSQL' }).waitFor();
    await text.getByTestId('skill-mark').filter({ hasText: 'Docker' }).waitFor();
  });
});
