import { expectAccessible, keepScreenshot, openScreens, type Screens, signIn } from './support/browser';

/** A movable platform clock: the session's idle end is measured on it (ADR 009). */
const movableClock = () => {
  let offsetMs = 0;
  const origin = Date.parse('2026-12-01T12:00:00Z');
  const started = performance.now();
  return {
    clock: () => new Date(origin + offsetMs + (performance.now() - started)),
    advanceMinutes: (m: number) => (offsetMs += m * 60_000),
  };
};

// A walk of many pages on a shared 2-core machine: minutes, not the default minute.
jest.setTimeout(240_000);

describe('signing in to the pages, sessions and error pages (ADR 018), in Chromium', () => {
  let screens: Screens;
  const time = movableClock();

  beforeAll(async () => {
    screens = await openScreens('screens_sign_in', { WEB_SESSION_IDLE_MINUTES: '30' }, { clock: time.clock });
  }, 60_000);
  afterAll(async () => {
    await screens?.close();
  });

  it('the front door leads to the sign-in page, which lists the seeded users by agency and role', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/app/sign-in');
    expect(await page.locator('h1').textContent()).toBe('Sign in');
    expect(await page.locator('h2', { hasText: 'Oakfield Primary School' }).count()).toBe(1);
    expect(await page.getByLabel(/Tom Evans \(SENCo\)/).count()).toBe(1);
    // A local authority's service: no crown, no GDS Transport, no Crown copyright.
    const html = await page.content();
    expect(html).not.toMatch(/Crown copyright|GDS Transport|govuk-logo/i);
    expect(await page.locator('.govuk-generic-header').textContent()).toContain("Children's Services Partnership");
    await expectAccessible(page);
    await keepScreenshot(page, 'sign-in');
    await context.close();
  });

  it('sign-in without choosing is the error summary linked to the field; choosing opens a session in an httpOnly SameSite cookie', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await page.goto('/app/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.getByRole('link', { name: 'Select who you are signing in as' }).getAttribute('href')).toBe(
      '#userId',
    );
    expect(await page.locator('#userId').count()).toBe(1);
    await expectAccessible(page);

    await signIn(page, 'senco.oakfield');
    expect(new URL(page.url()).pathname).toBe('/app');
    expect(await page.locator('h1').textContent()).toBe('Your work');
    expect(await page.locator('main').getByRole('link', { name: 'Referrals to triage' }).count()).toBe(1);
    expect(
      await page.locator('.govuk-service-navigation').getByRole('link', { name: 'Referrals to triage' }).count(),
    ).toBe(1);
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'mast_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/app' });
    await expectAccessible(page);
    await keepScreenshot(page, 'start-page');
    await context.close();
  });

  it("a form without its session's CSRF token is refused and nothing changes; the refusal is in the security log", async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'mentor.oakfield');
    const forged = await context.request.post('/app/sign-out', { form: { _csrf: 'not-the-token' }, maxRedirects: 0 });
    expect(forged.status()).toBe(401);
    expect(await forged.text()).toContain('Your form could not be sent');
    const [logged] = await screens.platform.runtime.dataSource.query(
      `SELECT reason, resource FROM access.security_log ORDER BY seq DESC LIMIT 1`,
    );
    expect(logged).toEqual({ reason: 'csrf-token', resource: 'POST /app/sign-out' });
    // Still signed in: the forged sign-out did nothing.
    await page.goto('/app');
    expect(await page.locator('h1').textContent()).toBe('Your work');
    await context.close();
  });

  it('warns before the session ends (WCAG 2.2.1): with JavaScript a banner and one button to stay; without, the time on every page', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'senco.oakfield');
    const warning = page.locator('.app-session-timeout__warning');
    expect(await warning.isVisible()).toBe(false);
    // The page counts down from its arrival (Playwright's clock stands in for 28 idle minutes).
    await page.clock.install();
    await page.goto('/app');
    await page.clock.fastForward('28:30');
    await warning.waitFor({ state: 'visible' });
    expect(await warning.getAttribute('role')).toBe('alert');
    expect(await page.locator('.app-session-timeout__countdown').textContent()).toMatch(/^1 minute and \d+ seconds$/);
    expect(
      await page
        .locator('.app-session-timeout__extend')
        .evaluate((button) => button === button.ownerDocument.activeElement),
    ).toBe(true);
    await expectAccessible(page);
    await keepScreenshot(page, 'session-timeout-warning');
    await page.getByRole('button', { name: 'Stay signed in' }).click();
    expect(new URL(page.url()).pathname).toBe('/app');
    expect(await warning.isVisible()).toBe(false);
    // Left alone to the end, the page goes to sign-in and says why.
    await page.clock.fastForward('30:05');
    await page.waitForURL(/\/app\/sign-in\?ended=timeout/);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      'signed out because nothing happened',
    );

    const noScript = await screens.context({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await signIn(plain, 'senco.oakfield');
    expect(await plain.locator('.app-session-timeout__notice').textContent()).toMatch(
      /you will be signed out at \d\d:\d\d if you do nothing/,
    );
    await noScript.close();
    await context.close();
  });

  it('a session idle past its end is over: the next page asks to sign in again, then returns to it', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'senco.oakfield');
    time.advanceMinutes(31);
    await page.goto('/app');
    expect(new URL(page.url()).pathname).toBe('/app/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/app');
    await signIn(page, 'senco.oakfield');
    expect(new URL(page.url()).pathname).toBe('/app');
    await context.close();
  });

  it('signing out ends the session on the server: the old cookie opens nothing', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'mentor.oakfield');
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'mast_session');
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('You have signed out.');
    await expectAccessible(page);
    const replay = await screens.browser.newContext({ baseURL: screens.baseUrl });
    await replay.addCookies([cookie]);
    const again = await replay.newPage();
    await again.goto('/app');
    expect(new URL(again.url()).pathname).toBe('/app/sign-in');
    await replay.close();
    await context.close();
  });

  it('an unknown page is a 404 page, never a stack trace', async () => {
    const context = await screens.context();
    const page = await context.newPage();
    await signIn(page, 'senco.oakfield');
    const answer = await page.goto('/app/no-such-page');
    expect(answer?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    expect(await page.content()).not.toMatch(/at .*\.(ts|js):\d+/);
    await expectAccessible(page);
    await context.close();
  });
});
