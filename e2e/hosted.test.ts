import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatDay } from '../src/core/dates.ts';
import { writeInstanceSetting } from '../src/store/accounts-repository.ts';
import { call, signUp as signUpOverHttp } from '../test/support/hosted.ts';
import { startTestServer, type TestServer } from '../test/support/server.ts';
import { describeInBrowser, ensureWebBuilt, launchBrowser } from './support/browser.ts';

const SHOTS = process.env.REBOUND_SHOTS_DIR;
const PASSWORD = 'correct horse battery';

/** One person's browser: their own cookies, a desktop window. */
async function person(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(60_000);
  return { context, page: await context.newPage() };
}

/**
 * Every page is checked at phone width (390 px): nothing wider than the screen, no table cut off
 * at its edge. Desktop and phone screenshots too when REBOUND_SHOTS_DIR is set (to look at).
 */
async function shoot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const width = window.innerWidth;
          const over: string[] = [];
          if (document.documentElement.scrollWidth > width) over.push('the page scrolls sideways');
          // The closed menu slides off to the left; until it has, it covers the page.
          const menu = document.querySelector('.mantine-AppShell-navbar');
          if (menu && menu.getBoundingClientRect().right > 1) over.push('the menu covers the page');
          for (const table of document.querySelectorAll('main table')) {
            if (table.getBoundingClientRect().right > width + 1)
              over.push(`a table is cut off: ${(table.textContent ?? '').slice(0, 40)}`);
          }
          return over;
        }),
      { message: `${name} at phone width` },
    )
    .toEqual([]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** A company name that is one word too long for any column. */
const LONG_WORD = `Northwind${'consulting'.repeat(9)}`;

/** Badges whose words are cut short, and boxes whose text runs past their edge, in the page's main part. */
function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const label of document.querySelectorAll('main .mantine-Badge-label'))
      if (label.scrollWidth > label.clientWidth + 1) out.push(`badge cut short: ${label.textContent}`);
    for (const card of document.querySelectorAll('main .mantine-Card-root'))
      if (card.scrollWidth > card.clientWidth + 1)
        out.push(`text past the edge: ${(card.textContent ?? '').slice(0, 40)}`);
    return out;
  });
}

async function signUp(page: Page, base: string, name: string, email: string): Promise<void> {
  await page.goto(`${base}/sign-up`);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page
    .getByRole('button', { name: `Account of ${name}` })
    .waitFor()
    .catch(async (e) => {
      await page.screenshot({ path: `/tmp/shots-hostedweb/fail-${email}.png` });
      throw e;
    });
}

/**
 * A fresh hosted server on `database` (a temporary SQLite file, or a PostgreSQL schema of its own,
 * dropped after) and a browser, for one describe block.
 */
function withServerAndBrowser(database: 'sqlite' | 'postgres', now?: Date) {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    await ensureWebBuilt();
    browser = await launchBrowser();
    server = await startTestServer({ database, hosted: true, now });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser(): Browser {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    get server(): TestServer {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
  };
}

// Each database gets its own fresh server: a temporary SQLite file, or a schema of its own on
// PostgreSQL (named per run, dropped after), so runs never see each other's accounts.
for (const database of ['sqlite', 'postgres'] as const) {
  describeInBrowser(`hosted mode on ${database}: accounts, sharing and the coach view`, () => {
    const env = withServerAndBrowser(database, new Date('2026-11-27T10:00:00Z'));

    it('signs up the first admin, lets a seeker share applications with a coach, and ends it', async () => {
      // A new server: the app opens on sign-in; wrong passwords are told plainly.
      const admin = await person(env.browser);
      await admin.page.goto(env.server.url);
      await admin.page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await shoot(admin.page, 'sign-in');
      await admin.page.getByLabel('E-mail').fill('nobody@example.org');
      await admin.page.getByLabel('Password', { exact: true }).fill('not the password');
      await admin.page.getByRole('button', { name: 'Sign in' }).click();
      await admin.page.getByText('The e-mail or the password is wrong.').waitFor();

      // The first person to sign up becomes the admin.
      await admin.page.getByRole('link', { name: 'Create an account' }).click();
      await signUp(admin.page, env.server.url, 'Ada Admin', 'ada@example.org');
      await admin.page.getByRole('link', { name: 'Admin' }).waitFor();
      await admin.page.getByRole('button', { name: 'Account of Ada Admin' }).click();
      await admin.page.getByText('ada@example.org · Admin').waitFor();
      await admin.page.getByRole('menuitem', { name: 'Account and password' }).click();
      await admin.page.getByRole('heading', { name: 'Your account' }).waitFor();
      await admin.page.getByRole('button', { name: 'Change password' }).click();
      await admin.page.getByText('The new password must be at least 10 characters.').waitFor();
      await shoot(admin.page, 'account');
      // The admin's pages open whole even where this server lacks a route of theirs.
      await admin.page.getByRole('link', { name: 'Admin' }).click();
      await admin.page.getByRole('heading', { name: 'Invitations' }).waitFor();
      await shoot(admin.page, 'admin');
      await admin.page.locator('main').getByRole('link', { name: 'Cohorts' }).click();
      await admin.page.getByRole('heading', { name: 'Cohorts' }).waitFor();
      await shoot(admin.page, 'cohorts');
      expect(await admin.page.getByText('Something went wrong').count()).toBe(0);

      // After that sign-up is by invitation; the admin opens it (directly, the admin route is not here).
      const refused = await person(env.browser);
      await refused.page.goto(`${env.server.url}/forgot-password`);
      await refused.page.getByRole('button', { name: 'Send the link' }).click();
      await refused.page.getByText('E-mail must be an e-mail address.').waitFor();
      await refused.page.goto(`${env.server.url}/sign-up`);
      await refused.page.getByLabel('Your name').waitFor();
      await shoot(refused.page, 'sign-up');
      await refused.page.getByLabel('Your name').fill('Early Bird');
      await refused.page.getByLabel('E-mail').fill('early@example.org');
      await refused.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await refused.page.getByRole('button', { name: 'Create account' }).click();
      await refused.page.getByText('Sign-up on this server is by invitation.', { exact: false }).waitFor();
      await refused.context.close();

      // The admin invites a coach (the link is shown to copy: no SMTP here) and opens sign-up.
      await admin.page.getByRole('link', { name: 'Admin' }).click();
      await admin.page.getByLabel('E-mail').fill('casey@example.org');
      await admin.page.getByRole('combobox', { name: 'Role', exact: true }).click();
      await admin.page.getByRole('option', { name: 'Coach', exact: true }).click();
      await admin.page.getByRole('button', { name: 'Invite' }).click();
      const link =
        (await admin.page.locator('code', { hasText: '/sign-up?invitation=' }).textContent()) ?? '';
      expect(link).toContain('/sign-up?invitation=');
      await shoot(admin.page, 'admin-invited');
      // The switch flips as soon as it is clicked, before the server has saved anything (and
      // flips back if the server says no). So the admin clicks it once (the switch covers its label),
      // then waits for the save to be answered and for the switch to still be on after it: only
      // then can the next person sign up. Re-reading the page's state at once would race the save.
      const openSignup = admin.page.getByRole('switch', { name: 'Anyone can sign up' });
      const saved = admin.page.waitForResponse(
        (r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === '/api/v1/admin/settings',
      );
      await openSignup.click();
      expect((await saved).status()).toBe(200);
      await expect.poll(() => openSignup.isChecked()).toBe(true);

      const seeker = await person(env.browser);
      await signUp(seeker.page, env.server.url, 'Sam Rivera', 'sam@example.org');
      // Casey follows the invitation: the page says who invited whom, as what.
      const coach = await person(env.browser);
      const invitation = new URL(link);
      await coach.page.goto(`${env.server.url}${invitation.pathname}${invitation.search}`);
      await coach.page.getByText('Ada Admin invited casey@example.org to join as coach.').waitFor();
      await expect.poll(() => coach.page.getByLabel('E-mail').inputValue()).toBe('casey@example.org');
      await coach.page.getByLabel('Your name').fill('Casey Coach');
      await coach.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await coach.page.getByRole('button', { name: 'Create account' }).click();
      await coach.page.getByRole('button', { name: 'Account of Casey Coach' }).waitFor();

      // Sam's job search: two applications and a private journal entry.
      for (const [company, role] of [
        ['Northwind Labs', 'Platform Engineer'],
        ['Fabrikam', 'Site Reliability Engineer'],
        [LONG_WORD, 'Staff Engineer'],
      ]) {
        const res = await seeker.page.request.post(`${env.server.url}/api/v1/applications`, {
          data: { company, role, stage: 'applied' },
        });
        expect(res.status()).toBe(201);
      }
      const journal = await seeker.page.request.post(`${env.server.url}/api/v1/journal`, {
        data: { mood: 2, text: 'A private worry about money' },
      });
      expect(journal.status()).toBe(201);

      // Sam shares applications with Casey; the page says what is never shared.
      await seeker.page.getByRole('link', { name: 'Sharing' }).click();
      await seeker.page.getByText('Your journal, moods and private writing are never shared').waitFor();
      await seeker.page.getByRole('button', { name: 'Share' }).click();
      await seeker.page.getByText("The coach's e-mail must be an e-mail address.").waitFor();
      await seeker.page.getByLabel("Coach's e-mail").fill('casey@example.org');
      await seeker.page.getByRole('button', { name: 'Share' }).click();
      await seeker.page.getByText('Choose at least one thing to share.', { exact: true }).waitFor();
      await seeker.page.getByLabel('Applications and their stages').check();
      // Their own address: the server refuses it, said under the field in words that name it.
      await seeker.page.getByLabel("Coach's e-mail").fill('sam@example.org');
      await seeker.page.getByRole('button', { name: 'Share' }).click();
      await seeker.page.getByText("The coach's e-mail must not be your own address.").waitFor();
      await seeker.page.getByLabel("Coach's e-mail").fill('casey@example.org');
      await seeker.page.getByRole('button', { name: 'Share' }).click();
      const shares = seeker.page.getByTestId('shares');
      await shares.getByText('casey@example.org').waitFor();
      await shares.getByText('Active').waitFor();
      await shoot(seeker.page, 'sharing');

      // Casey's caseload lists Sam; the seeker view shows applications, read only, and not the journal.
      await coach.page.reload();
      await coach.page.getByRole('link', { name: 'Caseload' }).click();
      await coach.page.getByTestId('caseload').getByText('Sam Rivera').waitFor();
      await shoot(coach.page, 'caseload');
      await coach.page.getByRole('link', { name: "Open Sam Rivera's shared job search" }).click();
      // The seeker's name as they gave it, whole.
      await coach.page.getByText("Viewing Sam Rivera's shared job search — read only").waitFor();
      const apps = coach.page.getByTestId('seeker-applications');
      await apps.getByText('Northwind Labs').waitFor();
      await apps.getByText('Fabrikam').waitFor();
      const main = coach.page.locator('main');
      expect(await main.getByRole('button', { name: /add|edit|delete|move|reject/i }).count()).toBe(0);
      // A company of one very long word wraps: every stage stays readable, nothing is cut off.
      expect(await cutOff(coach.page)).toEqual([]);
      await coach.page.setViewportSize({ width: 390, height: 844 });
      await main.locator('.mantine-Card-root').filter({ hasText: 'Staff Engineer' }).waitFor();
      expect(await cutOff(coach.page)).toEqual([]);
      await coach.page.setViewportSize({ width: 1280, height: 800 });
      await shoot(coach.page, 'seeker-view');
      await coach.page.getByRole('tab', { name: 'Insights' }).click();
      await coach.page
        .getByText('Not shared: Sam Rivera has not shared insights and channels with you.')
        .waitFor();
      await coach.page.getByRole('tab', { name: 'Journal and moods' }).click();
      await coach.page.getByText('Journal entries, moods and private writing are never shared').waitFor();
      expect(await coach.page.getByText('A private worry about money').count()).toBe(0);
      // Opening an application reads its history through the shared workspace.
      await coach.page.getByRole('tab', { name: 'Applications' }).click();
      await apps.getByRole('button', { name: 'Northwind Labs' }).click();
      await coach.page
        .getByRole('dialog', { name: 'Northwind Labs — Platform Engineer' })
        .getByText('Added at Applied')
        .waitFor();
      await coach.page.keyboard.press('Escape');

      // Sam's log says what Casey read, and when.
      await seeker.page.reload();
      const log = seeker.page.getByTestId('view-log');
      await log.getByText('Casey Coach').first().waitFor();
      await log.getByText('Applications and their stages').first().waitFor();
      // Opening the job search, its tabs and an application made several reads: one visit, one line.
      await expect.poll(() => log.locator('tbody tr').count()).toBe(1);
      const visit = await log.locator('tbody tr').innerText();
      expect(visit).toContain('the list of applications');
      expect(visit).toContain('one application');
      await shoot(seeker.page, 'sharing-log');

      // Sam ends the share; Casey loses access at once and is told so.
      await seeker.page.getByRole('button', { name: 'End share' }).click();
      const confirm = seeker.page.getByRole('dialog', { name: 'Stop sharing with casey@example.org?' });
      await confirm.getByRole('button', { name: 'End share' }).click();
      await shares.getByText('Ended').waitFor();

      await coach.page.getByRole('tab', { name: 'Applications' }).click();
      await coach.page.reload();
      await coach.page
        .getByText('This job search is not shared with you any more.', { exact: false })
        .waitFor();
      const direct = await coach.page.request.get(`${env.server.url}/api/v1/applications`, {
        headers: { 'rebound-workspace': (await seekerWorkspace(seeker.page, env.server.url)) ?? '' },
      });
      expect(direct.status()).toBe(403);

      // Signing out leads back to the sign-in page.
      await seeker.page.getByRole('button', { name: 'Account of Sam Rivera' }).click();
      await seeker.page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
      await seeker.page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await seeker.page.getByLabel('E-mail').fill('sam@example.org');
      await seeker.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await seeker.page.getByRole('button', { name: 'Sign in' }).click();
      await seeker.page.getByRole('button', { name: 'Account of Sam Rivera' }).waitFor();

      // The session ends elsewhere (signed out on the server, or expired): the next read leads
      // back to the sign-in page, saying why, instead of a page of "Sign in first" errors.
      await seeker.page.request.post(`${env.server.url}/api/v1/auth/sign-out`, {
        headers: { 'x-rebound': '1' },
      });
      // In-app navigation (the page may already have noticed from a refetch of its own).
      await seeker.page.evaluate(() => {
        history.pushState({}, '', '/contacts');
        dispatchEvent(new PopStateEvent('popstate'));
      });
      await seeker.page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await seeker.page.getByText('Your session has ended. Please sign in again.').waitFor();

      for (const p of [admin, seeker, coach]) await p.context.close();
    });

    it("shows a coach the seeker's findings, wins and goals about them by name, never as 'you'", async () => {
      await writeInstanceSetting(env.server.store.db, 'openSignup', true);
      // The seeker's name starts with a title: the coach sees it whole, never "Dr." alone.
      const amara = await signUpOverHttp(env.server.url, {
        email: 'amara@example.org',
        name: 'Dr. Amara Okafor',
      });
      expect(
        (await call(env.server.url, amara, '/api/v1/sample-data', { method: 'POST', body: {} })).status,
      ).toBe(201);
      const goal = await call(env.server.url, amara, '/api/v1/goals', {
        method: 'POST',
        body: { kind: 'applications', target: 1 },
      });
      expect(goal.status).toBe(201);
      const coach = await person(env.browser);
      await signUp(coach.page, env.server.url, 'Cleo Coach', 'cleo@example.org');
      const shared = await call(env.server.url, amara, '/api/v1/shares', {
        method: 'POST',
        body: {
          coachEmail: 'cleo@example.org',
          scopes: ['applications', 'insights', 'goals', 'contacts', 'notes'],
        },
      });
      expect(shared.status).toBe(201);

      await coach.page.reload();
      await coach.page.getByRole('link', { name: 'Caseload' }).click();
      await coach.page.getByRole('link', { name: "Open Dr. Amara Okafor's shared job search" }).click();
      await coach.page.getByText("Viewing Dr. Amara Okafor's shared job search — read only").waitFor();
      const you = /(?<![\w-])(you|your|yours)(?![\w-])/i;

      await coach.page.getByRole('tab', { name: 'Insights' }).click();
      const findings = coach.page.getByTestId('seeker-findings').locator('p');
      await findings.first().waitFor();
      const texts = await findings.allInnerTexts();
      expect(texts.filter((t) => you.test(t))).toEqual([]);
      expect(texts.some((t) => t.includes("Dr. Amara Okafor's"))).toBe(true);
      await shoot(coach.page, 'coach-insights');

      await coach.page.getByRole('tab', { name: 'Goals and wins' }).click();
      const goals = coach.page.getByRole('tabpanel', { name: 'Goals and wins' });
      await goals.getByText(/^Applications sent: /).waitFor();
      await goals
        .getByText(/their application got through\.$/)
        .first()
        .waitFor();
      expect(you.test(await goals.innerText())).toBe(false);
      await shoot(coach.page, 'coach-goals');

      await coach.page.getByRole('tab', { name: 'Journal and moods' }).click();
      await coach.page.getByText("They stay Dr. Amara Okafor's alone.", { exact: false }).waitFor();
      await coach.page.getByRole('tab', { name: 'Coaching' }).click();
      await coach.page.getByRole('heading', { name: 'Your notes on Dr. Amara Okafor' }).waitFor();
      await shoot(coach.page, 'coach-coaching');
      await coach.context.close();
    });

    it('creates a personal access token, shows it once, and revokes it', async () => {
      const { context, page } = await person(env.browser);
      await writeInstanceSetting(env.server.store.db, 'openSignup', true);
      await signUp(page, env.server.url, 'Toni Token', 'toni@example.org');
      await page.getByRole('button', { name: 'Account of Toni Token' }).click();
      await page.getByRole('menuitem', { name: 'Access tokens' }).click();
      await page.getByLabel('Name').fill('Laptop CLI');
      await page.getByRole('button', { name: 'Create token' }).click();
      const token = (await page.getByTestId('new-token').textContent()) ?? '';
      expect(token).toMatch(/^rbt_/);
      await shoot(page, 'tokens');
      const withToken = await fetch(`${env.server.url}/api/v1/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect((await withToken.json()).user.email).toBe('toni@example.org');

      await page.getByRole('button', { name: 'Revoke' }).click();
      await page
        .getByRole('dialog', { name: 'Revoke this token?' })
        .getByRole('button', { name: 'Revoke' })
        .click();
      await page.getByText('Revoked', { exact: true }).waitFor();
      const after = await fetch(`${env.server.url}/api/v1/applications`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(after.status).toBe(401);
      await context.close();
    });
  });

  describeInBrowser(`hosted mode on ${database}: invitations, links to job searches, share dates`, () => {
    const env = withServerAndBrowser(database, new Date('2026-11-27T10:00:00Z'));
    let admin: Awaited<ReturnType<typeof signUpOverHttp>>;

    /** A browser signed in as someone who already has an account. */
    async function signedIn(email: string, name: string) {
      const p = await person(env.browser);
      await p.page.goto(env.server.url);
      await p.page.getByLabel('E-mail').fill(email);
      await p.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await p.page.getByRole('button', { name: 'Sign in' }).click();
      await p.page.getByRole('button', { name: `Account of ${name}` }).waitFor();
      return p;
    }

    beforeAll(async () => {
      admin = await signUpOverHttp(env.server.url, { email: 'ada@example.org', name: 'Ada Admin' });
      await writeInstanceSetting(env.server.store.db, 'openSignup', true);
    });

    it('keeps the role just used, and says plainly that an address already has an account', async () => {
      const { context, page } = await signedIn('ada@example.org', 'Ada Admin');
      await page.getByRole('link', { name: 'Admin' }).click();
      await page.getByLabel('E-mail').fill('casey@example.org');
      await page.getByRole('combobox', { name: 'Role', exact: true }).click();
      await page.getByRole('option', { name: 'Coach', exact: true }).click();
      await page.getByRole('button', { name: 'Invite' }).click();
      await page.getByText('Invitation for casey@example.org').waitFor();
      expect(await page.getByRole('combobox', { name: 'Role', exact: true }).inputValue()).toBe('Coach');
      // Inviting the same address again replaces the invitation: one row, the newest link.
      await page.getByLabel('E-mail').fill('casey@example.org');
      await page.getByRole('button', { name: 'Invite' }).click();
      // The form empties its field once the server has answered; typing before that would be wiped.
      await expect.poll(() => page.getByLabel('E-mail').inputValue()).toBe('');
      await expect.poll(() => page.getByRole('cell', { name: 'casey@example.org' }).count()).toBe(1);
      await page.getByLabel('E-mail').fill('ada@example.org');
      await page.getByRole('button', { name: 'Invite' }).click();
      await page.getByText('The e-mail already has an account.').waitFor();
      await context.close();
    });

    it('keeps an address typed while the invitation before it was being sent', async () => {
      const coach = await signUpOverHttp(env.server.url, { email: 'carl@example.org', name: 'Carl Coach' });
      await call(env.server.url, admin, `/api/v1/admin/users/${coach.userId}`, {
        method: 'PATCH',
        body: { role: 'coach' },
      });
      const { context, page } = await signedIn('carl@example.org', 'Carl Coach');
      await page.getByRole('link', { name: 'Caseload' }).click();
      // The server's answer is held back until the next address has been typed.
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let sent = 0;
      await page.route('**/api/v1/invitations', async (route) => {
        if (route.request().method() === 'POST' && sent++ === 0) await held;
        await route.continue();
      });
      const field = page.getByLabel('Their e-mail');
      await field.fill('nora@example.org');
      await page.getByRole('button', { name: 'Invite' }).click();
      await expect.poll(() => sent).toBe(1);
      await field.fill('olga@example.org');
      release();
      await page.getByText('Invitation for nora@example.org made.').waitFor();
      expect(await field.inputValue()).toBe('olga@example.org');
      // Left as sent, the field empties once the server has answered.
      await page.getByRole('button', { name: 'Invite' }).click();
      await page.getByText('Invitation for olga@example.org made.').waitFor();
      await expect.poll(() => field.inputValue()).toBe('');
      await context.close();
    });

    it("tells a coach under the field that someone else's invitation stands, and a seeker it is on its way", async () => {
      const made = await call(env.server.url, admin, '/api/v1/invitations', {
        method: 'POST',
        body: { email: 'pia@example.org', role: 'coach' },
      });
      expect(made.status).toBe(201);
      const token = new URL(made.body.link).searchParams.get('invitation')!;
      const coach = await signUpOverHttp(env.server.url, { email: 'dora@example.org', name: 'Dora Coach' });
      await call(env.server.url, admin, `/api/v1/admin/users/${coach.userId}`, {
        method: 'PATCH',
        body: { role: 'coach' },
      });
      const { context, page } = await signedIn('dora@example.org', 'Dora Coach');
      await page.getByRole('link', { name: 'Caseload' }).click();
      const field = page.getByLabel('Their e-mail');
      await field.fill('pia@example.org');
      await page.getByRole('button', { name: 'Invite' }).click();
      const until = formatDay(made.body.expiresAt.slice(0, 10));
      await page
        .getByText(`The e-mail already has an invitation from Ada Admin (an admin), valid until ${until}.`)
        .waitFor();
      // Nothing was made: the address stays to correct, and no link is shown.
      expect(await field.inputValue()).toBe('pia@example.org');
      expect(await page.locator('code', { hasText: 'invitation=' }).count()).toBe(0);
      await page.setViewportSize({ width: 1440, height: 900 });
      await shoot(page, 'invitation-refused');
      await context.close();

      await signUpOverHttp(env.server.url, { email: 'pete@example.org', name: 'Pete Seeker' });
      const seeker = await signedIn('pete@example.org', 'Pete Seeker');
      await seeker.page.getByRole('link', { name: 'Sharing' }).click();
      await seeker.page.getByLabel("Coach's e-mail").fill('pia@example.org');
      await seeker.page.getByLabel('Applications and their stages').check();
      await seeker.page.getByRole('button', { name: 'Share' }).click();
      await seeker.page.getByText('pia@example.org already has an invitation on its way').waitFor();
      await seeker.page.getByText(`the link works until ${until}`, { exact: false }).waitFor();
      expect(await seeker.page.locator('code', { hasText: 'invitation=' }).count()).toBe(0);
      await shoot(seeker.page, 'share-invitation-pending');
      await seeker.context.close();

      // The admin's link still works, for the role the admin chose.
      const shown = await call(env.server.url, null, `/api/v1/auth/invitations/${encodeURIComponent(token)}`);
      expect(shown.body).toMatchObject({
        email: 'pia@example.org',
        role: 'coach',
        invitedByName: 'Ada Admin',
      });
    });

    it('tells a coach whether a job search was never shared with them, or its share ended', async () => {
      const coach = await signUpOverHttp(env.server.url, { email: 'cleo@example.org', name: 'Cleo Coach' });
      await call(env.server.url, admin, `/api/v1/admin/users/${coach.userId}`, {
        method: 'PATCH',
        body: { role: 'coach' },
      });
      const nina = await signUpOverHttp(env.server.url, { email: 'nina@example.org', name: 'Nina' });
      const shared = await call(env.server.url, nina, '/api/v1/shares', {
        method: 'POST',
        body: { coachEmail: 'cleo@example.org', scopes: ['applications'] },
      });
      expect(shared.status).toBe(201);
      await call(env.server.url, nina, `/api/v1/shares/${shared.body.id}`, { method: 'DELETE' });
      const { context, page } = await signedIn('cleo@example.org', 'Cleo Coach');
      await page.goto(`${env.server.url}/caseload/${nina.workspaceId}`);
      await page.getByText('This job search is not shared with you any more.', { exact: false }).waitFor();
      await page.goto(`${env.server.url}/caseload/made-up-id`);
      await page.getByText('No job search at this address is shared with you.', { exact: false }).waitFor();
      expect(await page.getByText('ended the share', { exact: false }).count()).toBe(0);
      await context.close();
    });

    it('says so when a past day is typed as the end of a share', async () => {
      await signUpOverHttp(env.server.url, { email: 'sam@example.org', name: 'Sam Rivera' });
      const { context, page } = await signedIn('sam@example.org', 'Sam Rivera');
      await page.getByRole('link', { name: 'Sharing' }).click();
      await page.getByLabel("Coach's e-mail").fill('cleo@example.org');
      await page.getByLabel('Applications and their stages').check();
      await page.getByLabel('Until (optional)').fill('1 Nov 2026');
      await page.getByRole('button', { name: 'Share' }).click();
      await page.getByText('The end date must be today or later.').waitFor();
      // Enter in the field, typed key by key: no share without the end date that was typed.
      await page.getByLabel('Until (optional)').fill('');
      await page.getByLabel('Until (optional)').pressSequentially('2026-11-20');
      await page.keyboard.press('Enter');
      await page.getByText('The end date must be today or later.').waitFor();
      const shares = await page.request.get(`${env.server.url}/api/v1/shares`);
      expect((await shares.json()).items).toEqual([]);
      await context.close();
    });
  });

  describeInBrowser(`hosted mode on ${database}: too many sign-in attempts`, () => {
    const env = withServerAndBrowser(database);

    it('says plainly when to try again after a 429', async () => {
      const first = await fetch(`${env.server.url}/api/v1/auth/sign-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'rita@example.org', password: PASSWORD, name: 'Rita' }),
      });
      expect(first.status).toBe(201);
      const { context, page } = await person(env.browser);
      await page.goto(env.server.url);
      await page.getByLabel('E-mail').fill('rita@example.org');
      await page.getByLabel('Password', { exact: true }).fill('not my password');
      for (let i = 0; i < 5; i++) {
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByText('The e-mail or the password is wrong.').waitFor();
      }
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Too many attempts. Try again in 15 minutes.').waitFor();
      await context.close();
    });
  });

  describeInBrowser(`hosted mode on ${database}: an analyst`, () => {
    const env = withServerAndBrowser(database);

    it('sees only cohorts: no job search of their own, nobody else’s', async () => {
      const { context, page } = await person(env.browser);
      await signUp(page, env.server.url, 'Ana Lyst', 'ana@example.org');
      // Set directly: this test is about what an analyst sees, not how the role is given.
      await env.server.store.db
        .updateTable('users')
        .set({ role: 'analyst' })
        .where('email', '=', 'ana@example.org')
        .execute();
      await page.goto(`${env.server.url}/applications`);
      await page.getByRole('heading', { name: 'Cohorts' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/cohorts');
      const nav = page.getByRole('navigation');
      expect(await nav.getByRole('link').allTextContents()).toEqual(['Cohorts']);
      expect(await page.getByRole('button', { name: 'Add application' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Create cohort' }).count()).toBe(0);
      await context.close();
    });
  });
}

async function seekerWorkspace(page: Page, base: string): Promise<string | undefined> {
  const res = await page.request.get(`${base}/api/v1/me`);
  return (await res.json()).user?.workspaceId;
}
